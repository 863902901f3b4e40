package io.gutbrain.diversity;

import io.gutbrain.diversity.alpha.AlphaDiversity;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.diversity.alpha.CountValidation;
import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableArrays;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.util.Parallel;
import io.gutbrain.util.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rarefaction: subsampling every sample to the same number of reads, without replacement, so
 * that diversity is compared at equal sequencing effort; and rarefaction curves, diversity as a
 * function of that depth.
 *
 * <p><b>Sampling.</b> Exact: each rarefied sample is a uniformly random subset of {@code depth}
 * of the sample's reads, so per-feature counts follow the multivariate hypergeometric
 * distribution, as with shuffling the reads and keeping the first {@code depth} (vegan
 * {@code rrarefy}, QIIME 2 {@code feature-table rarefy}). The subset is drawn with Floyd's
 * algorithm over read positions without expanding the sample into an array of reads; see
 * {@code Subsampler}. Cost per sample: O(m + k) expected time for k non-zero features and
 * m = min(depth, N − depth) for N reads, and per-thread scratch of 16–32 bytes per drawn read
 * (or N/8 bytes if that is less), reused across samples: about 2 MB at depth 10<sup>5</sup>.
 *
 * <p><b>Reproducibility.</b> The random stream of sample i is the i-th
 * {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}, made before any
 * parallel work, so the result depends only on the seed and the sample's index in the table —
 * never on the thread count or scheduling. (Removing or reordering samples changes the draws of
 * the samples after them.)
 *
 * <p>Sanders, H. L. (1968) Marine benthic diversity: a comparative study. <i>American
 * Naturalist</i> 102: 243–282; Hurlbert, S. H. (1971) The nonconcept of species diversity.
 * <i>Ecology</i> 52: 577–586.
 */
public final class Rarefaction {
    private Rarefaction() {}

    /** {@link #rarefy(FeatureTable, long, long, int, ProgressListener)} without progress reporting. */
    public static Rarefied rarefy(FeatureTable table, long depth, long seed, int threads) {
        return rarefy(table, depth, seed, threads, null);
    }

    /**
     * Subsamples every sample with at least {@code depth} reads to exactly {@code depth} reads;
     * shallower samples are dropped and listed in the result. Features keep their columns even
     * when they become zero everywhere (call {@link FeatureTable#dropEmptyFeatures()} if
     * unwanted); taxonomy and metadata are kept.
     *
     * @param threads  worker threads; 0 for all cores
     * @param progress advanced by one per sample; may be null
     * @throws InputException for non-integer counts, depth &lt; 1, or a depth above every sample's
     *                        read count
     */
    public static Rarefied rarefy(FeatureTable table, long depth, long seed, int threads, ProgressListener progress) {
        CountValidation.requireIntegerCounts(table, "rarefaction needs", "");
        long[] totals = totals(table);
        checkDepths(table, new long[] {depth}, totals);
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        SplittableRandom[] rng = sampleRandoms(seed, table.sampleCount());
        double[] values = TableArrays.values(table);
        double[] drawn = new double[values.length];
        int maxRun = maxRun(table);
        ThreadLocal<Work> work = ThreadLocal.withInitial(() -> new Work(maxRun, 0, 0));
        Parallel.forEach(table.sampleCount(), threads, s -> {
            if (totals[s] >= depth) {
                int from = table.sampleStart(s);
                Work w = work.get();
                w.sampler.draw(values, from, table.sampleEnd(s), totals[s], depth, rng[s], w.counts);
                for (int k = from; k < table.sampleEnd(s); k++) drawn[k] = w.counts[k - from];
            }
            p.advance(1);
        });
        return assemble(table, totals, depth, drawn);
    }

    /** Builds the rarefied table from the drawn counts (at the input's positions), dropping zeros. */
    private static Rarefied assemble(FeatureTable table, long[] totals, long depth, double[] drawn) {
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        int[] fiIn = TableArrays.featureIndices(table);
        int nnz = 0;
        for (double d : drawn) if (d > 0) nnz++;
        int[] ptr = new int[table.sampleCount() + 1];
        int[] fi = new int[nnz];
        double[] v = new double[nnz];
        int pos = 0;
        for (int s = 0; s < table.sampleCount(); s++) {
            if (totals[s] < depth) {
                dropped.add(table.sampleIds().get(s));
                continue;
            }
            kept.add(table.sampleIds().get(s));
            for (int k = table.sampleStart(s); k < table.sampleEnd(s); k++) {
                if (drawn[k] > 0) {
                    fi[pos] = fiIn[k];
                    v[pos] = drawn[k];
                    pos++;
                }
            }
            ptr[kept.size()] = pos;
        }
        FeatureTable out = FeatureTable.fromSampleMajor(null, kept, table.featureIds(), Arrays.copyOf(ptr, kept.size() + 1), fi, v);
        if (table.hasTaxonomy()) out = out.withTaxonomy(table.lineages());
        if (table.metadata() != null) out = out.withMetadata(table.metadata());
        return new Rarefied(out, dropped, depth);
    }

    /**
     * {@link #curve(FeatureTable, List, PhyloTree, long[], int, long, int, ProgressListener)} for
     * metrics that need no tree, without progress reporting.
     */
    public static RarefactionCurve curve(FeatureTable table, AlphaMetric[] metrics, long[] depths, int iterations,
                                         long seed, int threads) {
        return curve(table, List.of(metrics), null, depths, iterations, seed, threads, null);
    }

    /**
     * Rarefaction curves: for every sample, depth and metric, the metric over
     * {@code iterations} independent rarefactions of the sample to that depth, summarised as the
     * mean and the 2.5th and 97.5th percentiles (a 95% interval; percentiles interpolate
     * linearly between order statistics, R's {@code quantile(type = 7)} and NumPy's default).
     * Iterations in which a metric is undefined (NaN, e.g. ACE without rare features) are left
     * out of its summary and the number that remain is reported; a sample shallower than a
     * depth has no value there. At a depth equal to a sample's read count every iteration is the
     * sample itself, so the curve ends at the unrarefied value.
     *
     * @param depths     depths, each ≥ 1, no repeats (any order; the result is ascending)
     * @param iterations rarefactions per sample and depth, ≥ 1
     * @param treeOrNull the phylogeny for tree-based metrics; may be null otherwise
     * @param progress   advanced by one per sample and depth (samples × depths in all); may be null
     * @throws InputException for non-integer counts, bad depths or iterations, a depth above
     *                        every sample's read count, or metrics that do not fit the table
     */
    public static RarefactionCurve curve(FeatureTable table, List<? extends AlphaMetric> metrics, PhyloTree treeOrNull,
                                         long[] depths, int iterations, long seed, int threads, ProgressListener progress) {
        CountValidation.requireIntegerCounts(table, "rarefaction needs", "");
        if (iterations < 1) {
            throw new InputException(null, null, "iterations must be at least 1, got " + iterations, "give a positive number of iterations");
        }
        long[] totals = totals(table);
        long[] sorted = checkDepths(table, depths, totals);
        List<AlphaMetric> kernels = AlphaDiversity.prepare(table, metrics, treeOrNull);
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        int nd = sorted.length;
        int nm = kernels.size();
        RarefactionCurve out = new RarefactionCurve(table.sampleIds(), totals, sorted, kernels, iterations);
        SplittableRandom[] rng = sampleRandoms(seed, table.sampleCount());
        double[] values = TableArrays.values(table);
        int[] features = TableArrays.featureIndices(table);
        int maxRun = maxRun(table);
        ThreadLocal<Work> work = ThreadLocal.withInitial(() -> new Work(maxRun, nm, iterations));
        Parallel.forEach(table.sampleCount(), threads, s -> {
            Work w = work.get();
            int from = table.sampleStart(s);
            int to = table.sampleEnd(s);
            int d = 0;
            for (; d < nd && sorted[d] <= totals[s]; d++) {
                for (int it = 0; it < iterations; it++) {
                    w.sampler.draw(values, from, to, totals[s], sorted[d], rng[s], w.counts);
                    int n = 0;
                    for (int k = from; k < to; k++) {
                        long c = w.counts[k - from];
                        if (c > 0) {
                            w.values[n] = c;
                            w.features[n] = features[k];
                            n++;
                        }
                    }
                    for (int m = 0; m < nm; m++) w.draws[m][it] = kernels.get(m).compute(w.values, w.features, 0, n);
                }
                for (int m = 0; m < nm; m++) out.summarise(s, d, m, w.draws[m]);
                p.advance(1);
            }
            p.advance(nd - d); // depths above this sample's read count
        });
        return out;
    }

    /** The i-th split of the seed's generator for sample i: independent of threads and scheduling. */
    private static SplittableRandom[] sampleRandoms(long seed, int n) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] r = new SplittableRandom[n];
        for (int s = 0; s < n; s++) r[s] = root.split();
        return r;
    }

    /** Read counts per sample as longs (the table is integral, so the double sums are exact below 2^53). */
    private static long[] totals(FeatureTable table) {
        long[] t = new long[table.sampleCount()];
        for (int s = 0; s < t.length; s++) t[s] = (long) table.sampleTotal(s);
        return t;
    }

    private static int maxRun(FeatureTable table) {
        int m = 0;
        for (int s = 0; s < table.sampleCount(); s++) m = Math.max(m, table.sampleNonZero(s));
        return m;
    }

    /** Sorted copy of the depths after checking each is ≥ 1, unique, and reachable by some sample. */
    private static long[] checkDepths(FeatureTable table, long[] depths, long[] totals) {
        if (depths.length == 0) throw new InputException(null, null, "no rarefaction depth given", "give one or more depths");
        long[] sorted = depths.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 1) {
                throw new InputException(null, null, "rarefaction depth " + sorted[i] + " is not a positive number of reads", "give depths of at least 1");
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new InputException(null, null, "rarefaction depth " + sorted[i] + " is given twice", "list each depth once");
            }
        }
        long max = 0;
        for (long t : totals) max = Math.max(max, t);
        long deepest = sorted[sorted.length - 1];
        if (deepest > max) {
            throw new InputException(table.source(), null, "rarefaction depth " + deepest + " is above every sample's read count (the largest is " + max + ")",
                    "choose a depth of at most " + max + "; a depth that keeps most samples is usually near the lower end of the depth distribution");
        }
        return sorted;
    }

    /** Per-thread scratch, sized once for the longest sample. */
    private static final class Work {
        final Subsampler sampler = new Subsampler();
        final long[] counts;
        final double[] values;
        final int[] features;
        final double[][] draws;

        Work(int maxRun, int metrics, int iterations) {
            counts = new long[maxRun];
            values = new double[metrics == 0 ? 0 : maxRun];
            features = new int[metrics == 0 ? 0 : maxRun];
            draws = new double[metrics][iterations];
        }
    }
}
