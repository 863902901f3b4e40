package io.gutbrain.diversity.beta;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.SyntheticTables;
import io.gutbrain.table.TableArrays;
import io.gutbrain.util.Parallel;
import io.gutbrain.util.ProgressListener;

import java.util.Arrays;

/**
 * A self-contained speed measurement of {@link BetaDiversity} on a seeded synthetic table, so
 * speed claims can be checked on any machine (the CLI exposes it as {@code gutbrain bench}).
 * Not a unit test: timings depend on the machine and its load.
 *
 * <p>Each timed run starts from a fresh table object holding the same data, so the time
 * includes everything {@link BetaDiversity#compute} does (building the feature-major view,
 * transforming values, the pair kernel, filling the matrix) but not generating the data.
 *
 * <p>The table comes from {@link SyntheticTables#counts} (uneven prevalence, heavy-tailed
 * counts), so the same arguments give the same table on every machine and peer tools can be
 * timed on identical data.
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
        FeatureTable data = SyntheticTables.counts(samples, features, density, seed);
        BetaOptions options = BetaOptions.defaults().withThreads(threads);
        double[] millis = new double[TIMED_RUNS];
        for (int r = -WARMUP_RUNS; r < TIMED_RUNS; r++) {
            FeatureTable fresh = FeatureTable.fromSampleMajor(null, data.sampleIds(), data.featureIds(),
                    TableArrays.samplePointers(data), TableArrays.featureIndices(data), TableArrays.values(data));
            long t0 = System.nanoTime();
            BetaDiversity.compute(fresh, m, options, ProgressListener.NONE);
            long t1 = System.nanoTime();
            if (r >= 0) millis[r] = (t1 - t0) / 1e6;
        }
        return new Result(samples, features, density, data.nonZeroCount(), m.name(), Parallel.threads(threads), seed, millis);
    }
}
