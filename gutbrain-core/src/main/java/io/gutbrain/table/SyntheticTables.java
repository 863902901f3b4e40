package io.gutbrain.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic count tables for benchmarks and tests: the same arguments always give the
 * same table, on every machine and Java version ({@link SplittableRandom} is specified exactly).
 *
 * <p>The model imitates the two features of amplicon tables that matter for performance and
 * for numerical edge cases: <em>uneven prevalence</em> (a few features in most samples, a long
 * tail of rare ones) and <em>heavy-tailed abundances</em> (a few dominant features per sample).
 * It is not a fitted ecological model; use real data for biological claims.
 */
public final class SyntheticTables {
    private SyntheticTables() {}

    /**
     * A samples × features table of positive integer counts. Ids are {@code S0..S(n-1)} and
     * {@code F0..F(m-1)}.
     *
     * <p>Generation, with independent standard normals Z:
     * <ul>
     * <li>feature prevalence {@code p_f ∝ exp(1.5 Z_f)}, scaled so that the mean prevalence is
     *     {@code density} and capped at 1 (the scaling is repeated after capping, so the expected
     *     density is {@code density} unless the cap binds for most features);</li>
     * <li>feature log-abundance {@code mu_f = 1.5 + 1.5 Z_f'} and sample log-depth factor
     *     {@code d_s = 0.5 Z_s''} (library sizes vary about 1.6-fold either way);</li>
     * <li>cell (s, f) is present with probability {@code p_f}, and then has count
     *     {@code 1 + floor(exp(mu_f + d_s + 0.8 Z))}, log-normal and at least 1;</li>
     * <li>a sample left empty by the draws gets count 1 for the most prevalent feature, so every
     *     sample has a positive total (empty samples are legal but rarely what a benchmark wants).</li>
     * </ul>
     *
     * @param samples  number of samples, at least 1
     * @param features number of features, at least 1
     * @param density  expected fraction of non-zero cells, in (0, 1]; real 16S tables are 1-10%
     * @param seed     random seed
     */
    public static FeatureTable counts(int samples, int features, double density, long seed) {
        if (samples < 1 || features < 1) throw new IllegalArgumentException("need at least one sample and one feature");
        if (!(density > 0 && density <= 1)) throw new IllegalArgumentException("density must be in (0, 1], got " + density);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] prevalence = new double[features];
        double[] mu = new double[features];
        for (int f = 0; f < features; f++) {
            prevalence[f] = Math.exp(1.5 * gaussian(rng));
            mu[f] = 1.5 + 1.5 * gaussian(rng);
        }
        for (int round = 0; round < 5; round++) {
            double mean = Arrays.stream(prevalence).sum() / features;
            double scale = density / mean;
            for (int f = 0; f < features; f++) prevalence[f] = Math.min(1.0, prevalence[f] * scale);
        }
        int mostPrevalent = 0;
        for (int f = 1; f < features; f++) if (prevalence[f] > prevalence[mostPrevalent]) mostPrevalent = f;

        int[] ptr = new int[samples + 1];
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, (long) (1.2 * density * samples * features)));
        int[] idx = new int[cap];
        double[] val = new double[cap];
        int n = 0;
        for (int s = 0; s < samples; s++) {
            double depth = 0.5 * gaussian(rng);
            int start = n;
            for (int f = 0; f < features; f++) {
                if (rng.nextDouble() >= prevalence[f]) continue;
                if (n == idx.length) {
                    int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * n);
                    idx = Arrays.copyOf(idx, grown);
                    val = Arrays.copyOf(val, grown);
                }
                idx[n] = f;
                val[n] = 1 + Math.floor(Math.exp(mu[f] + depth + 0.8 * gaussian(rng)));
                n++;
            }
            if (n == start) {
                if (n == idx.length) {
                    idx = Arrays.copyOf(idx, n + 16);
                    val = Arrays.copyOf(val, n + 16);
                }
                idx[n] = mostPrevalent;
                val[n] = 1;
                n++;
            }
            ptr[s + 1] = n;
        }
        return FeatureTable.fromSampleMajor(null, ids("S", samples), ids("F", features), ptr, Arrays.copyOf(idx, n), Arrays.copyOf(val, n));
    }

    private static List<String> ids(String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(prefix + i);
        return out;
    }

    /** Standard normal by Box–Muller, written out so the stream is fixed by this code, not by a JDK's nextGaussian. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble(); // in (0, 1], so the log is finite
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
