package io.gutbrain.diversity.beta;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.table.FeatureTable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sparse co-occurrence kernel equals the dense textbook formulas ({@link NaiveBeta}) on
 * random small tables: integer and real values, empty samples, exact duplicates and near
 * duplicates (which exercise the cancellation guard), any thread count and block size.
 */
class SparseKernelPropertyTest {

    @Provide
    Arbitrary<String> metrics() {
        return Arbitraries.of(BetaMetric.names());
    }

    @Property(tries = 400)
    void sparseKernelEqualsDenseFormula(@ForAll("metrics") String metric,
                                        @ForAll @IntRange(min = 1, max = 14) int samples,
                                        @ForAll @IntRange(min = 1, max = 16) int features,
                                        @ForAll @IntRange(min = 1, max = 4) int threads,
                                        @ForAll @IntRange(min = 0, max = 3) int zeroMode,
                                        @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] dense = randomTable(rng, samples, features);
        BetaOptions options = switch (zeroMode) {
            case 0 -> BetaOptions.defaults();
            case 1 -> BetaOptions.defaults().withPseudocount(0.5);
            case 2 -> BetaOptions.defaults().withMultiplicativeReplacement(Double.NaN);
            default -> BetaOptions.defaults().withMultiplicativeReplacement(1e-3 / features);
        };
        options = options.withThreads(threads);
        FeatureTable t = FeatureTable.fromDense("random", ids("S", samples), ids("F", features), dense);
        BetaMetric m = BetaMetric.byName(metric);

        BetaResult r = BetaDiversity.compute(t, m, options, n -> { });

        List<Integer> kept = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            if (!m.requiresNonEmptySamples() || t.sampleNonZero(s) > 0) kept.add(s);
        }
        DistanceMatrix d = r.distances();
        assertThat(d.size()).isEqualTo(kept.size());
        assertThat(r.excluded()).hasSize(samples - kept.size());
        for (int a = 0; a < kept.size(); a++) {
            for (int b = a + 1; b < kept.size(); b++) {
                double expected = NaiveBeta.distance(metric, dense[kept.get(a)], dense[kept.get(b)], options);
                // relative 1e-9, with an absolute floor of 1e-12: for near duplicates (distances
                // around 1e-6) both formulas lose digits to cancellation in differences of O(1)
                // log-ratios, so only the absolute error (a few ulps of those values) is meaningful
                double tol = Math.max(1e-9 * Math.abs(expected), 1e-12);
                assertThat(Math.abs(d.get(a, b) - expected)).as("%s S%d S%d: %s expected %s", metric, kept.get(a), kept.get(b), d.get(a, b), expected)
                        .isLessThanOrEqualTo(tol);
            }
        }
    }

    @Property(tries = 100)
    void blockSizeAndThreadsDoNotChangeAnyBit(@ForAll("metrics") String metric,
                                              @ForAll @IntRange(min = 2, max = 40) int samples,
                                              @ForAll @IntRange(min = 1, max = 500) int blockCells,
                                              @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        FeatureTable t = FeatureTable.fromDense("random", ids("S", samples), ids("F", 12), randomTable(rng, samples, 12));
        FeatureTable kept = t.filterSamples(s -> t.sampleNonZero(s) > 0);
        if (kept.sampleCount() < 2) return;
        PairKernel k = BetaMetric.byName(metric).prepare(kept, BetaOptions.defaults());
        int pairs = kept.sampleCount() * (kept.sampleCount() - 1) / 2;
        double[] reference = new double[pairs];
        CooccurrenceEngine.run(kept, k, 1, reference, null, n -> { }, Integer.MAX_VALUE);
        double[] blocked = new double[pairs];
        CooccurrenceEngine.run(kept, k, 3, blocked, null, n -> { }, blockCells);
        assertThat(blocked).containsExactly(reference);
    }

    /**
     * Rows drawn from a mix of kinds: empty, sparse integers, dense reals over many magnitudes,
     * an exact copy of an earlier row, or a copy with every value perturbed by up to 1e-4.
     */
    static double[][] randomTable(SplittableRandom rng, int samples, int features) {
        double[][] x = new double[samples][features];
        for (int s = 0; s < samples; s++) {
            int kind = rng.nextInt(s == 0 ? 3 : 5);
            if (kind == 0) continue;
            if (kind >= 3) {
                int src = rng.nextInt(s);
                for (int f = 0; f < features; f++) {
                    x[s][f] = kind == 3 ? x[src][f] : x[src][f] * (1 + 1e-4 * rng.nextDouble());
                }
                continue;
            }
            double density = rng.nextDouble();
            for (int f = 0; f < features; f++) {
                if (rng.nextDouble() >= density) continue;
                x[s][f] = kind == 1 ? 1 + rng.nextInt(1000) : Math.exp(rng.nextDouble(-10, 10));
            }
        }
        return x;
    }

    static List<String> ids(String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(prefix + i);
        return out;
    }
}
