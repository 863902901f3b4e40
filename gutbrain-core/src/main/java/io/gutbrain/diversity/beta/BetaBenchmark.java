package io.gutbrain.diversity.beta;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.Parallel;
import io.gutbrain.util.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A self-contained speed measurement of {@link BetaDiversity} on a seeded synthetic table, so
 * speed claims can be checked on any machine (the CLI exposes it as {@code gutbrain bench}).
 * Not a unit test: timings depend on the machine and its load.
 *
 * <p>Each timed run starts from a fresh table object holding the same data, so the time
 * includes everything {@link BetaDiversity#compute} does (building the feature-major view,
 * transforming values, the pair kernel, filling the matrix) but not generating the data.
 *
 * <p>The synthetic table is generated here ({@link #syntheticTable}) rather than by a shared
 * generator, because none existed in the core when this was written: every cell is non-zero
 * with probability {@code density}, independently, with a log-normal count
 * {@code 1 + floor(exp(2 + 1.5 Z))} (median ≈ 8, heavy right tail, like amplicon counts).
 */
public final class BetaBenchmark {
    /** Untimed runs before measuring, so the JIT has compiled the kernel. */
    public static final int WARMUP_RUNS = 2;
    /** Timed runs. */
    public static final int TIMED_RUNS = 5;

    private BetaBenchmark() {}

    /**
     * The timings of one benchmark.
     *
     * @param samples   samples in the synthetic table
     * @param features  features in the synthetic table
     * @param density   requested fraction of non-zero cells
     * @param nonZeros  non-zero cells actually generated
     * @param metric    metric name
     * @param threads   threads used (resolved: 0 became the core count)
     * @param seed      generator seed
     * @param millis    wall time of each timed run, in milliseconds
     */
    public record Result(int samples, int features, double density, long nonZeros, String metric, int threads,
                         long seed, double[] millis) {
        /** Copies the timings, so the result is immutable. */
        public Result {
            millis = millis.clone();
        }

        /** The fastest timed run (least disturbed by other load), in milliseconds. */
        public double minMillis() { return Arrays.stream(millis).min().orElse(Double.NaN); }

        /** The median timed run, in milliseconds. */
        public double medianMillis() {
            double[] m = millis.clone();
            Arrays.sort(m);
            return m.length == 0 ? Double.NaN : m.length % 2 == 1 ? m[m.length / 2] : (m[m.length / 2 - 1] + m[m.length / 2]) / 2;
        }

        /** The per-run wall times as a copy. */
        @Override public double[] millis() { return millis.clone(); }

        /** One line for a terminal or log. */
        @Override public String toString() {
            return String.format(java.util.Locale.ROOT, "%s %d samples x %d features, density %.3g (%d non-zeros), %d thread(s): median %.1f ms, min %.1f ms over %d runs",
                    metric, samples, features, density, nonZeros, threads, medianMillis(), minMillis(), millis.length);
        }
    }

    /**
     * Times {@link BetaDiversity#compute} on a synthetic table: {@link #WARMUP_RUNS} untimed
     * runs, then {@link #TIMED_RUNS} timed ones.
     *
     * @param metric a name accepted by {@link BetaMetric#byName}
     * @param threads worker threads, 0 = all cores
     */
    public static Result run(int samples, int features, double density, String metric, int threads, long seed) {
        BetaMetric m = BetaMetric.byName(metric);
        FeatureTable data = syntheticTable(samples, features, density, seed);
        BetaOptions options = BetaOptions.defaults().withThreads(threads);
        double[] millis = new double[TIMED_RUNS];
        for (int r = -WARMUP_RUNS; r < TIMED_RUNS; r++) {
            FeatureTable fresh = FeatureTable.fromSampleMajor(null, data.sampleIds(), data.featureIds(),
                    data.rawSamplePointers(), data.rawFeatureIndices(), data.rawValues());
            long t0 = System.nanoTime();
            BetaDiversity.compute(fresh, m, options, ProgressListener.NONE);
            long t1 = System.nanoTime();
            if (r >= 0) millis[r] = (t1 - t0) / 1e6;
        }
        return new Result(samples, features, density, data.nonZeroCount(), m.name(), Parallel.threads(threads), seed, millis);
    }

    /**
     * A seeded synthetic count table: samples {@code S0..}, features {@code F0..}; each cell is
     * non-zero with probability {@code density}; values {@code 1 + floor(exp(2 + 1.5 Z))}, Z
     * standard normal. The same arguments always give the same table.
     */
    public static FeatureTable syntheticTable(int samples, int features, double density, long seed) {
        if (samples < 1 || features < 1 || !(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("need samples >= 1, features >= 1 and 0 < density <= 1");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> sampleIds = new ArrayList<>(samples);
        List<String> featureIds = new ArrayList<>(features);
        for (int s = 0; s < samples; s++) sampleIds.add("S" + s);
        for (int f = 0; f < features; f++) featureIds.add("F" + f);
        int[] ptr = new int[samples + 1];
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, (long) (samples * (double) features * density * 1.1) + 16);
        int[] idx = new int[cap];
        double[] val = new double[cap];
        int n = 0;
        double logZero = Math.log1p(-Math.min(density, 1 - 1e-12));
        for (int s = 0; s < samples; s++) {
            // Geometric gaps between non-zero cells give each cell probability `density`
            // without drawing a random number per cell.
            long f = density >= 1 ? 0 : gap(rng, logZero);
            while (f < features) {
                if (n == idx.length) {
                    idx = Arrays.copyOf(idx, n * 2);
                    val = Arrays.copyOf(val, n * 2);
                }
                idx[n] = (int) f;
                val[n] = 1 + Math.floor(Math.exp(2 + 1.5 * rng.nextGaussian()));
                n++;
                f += 1 + (density >= 1 ? 0 : gap(rng, logZero));
            }
            ptr[s + 1] = n;
        }
        return FeatureTable.fromSampleMajor("synthetic", sampleIds, featureIds, ptr, Arrays.copyOf(idx, n), Arrays.copyOf(val, n));
    }

    /** Number of zero cells before the next non-zero: geometric with success probability 1 − exp(logZero). */
    private static long gap(SplittableRandom rng, double logZero) {
        return (long) Math.floor(Math.log(1 - rng.nextDouble()) / logZero);
    }
}
