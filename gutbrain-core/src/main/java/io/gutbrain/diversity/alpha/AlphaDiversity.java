package io.gutbrain.diversity.alpha;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableArrays;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.util.Parallel;
import io.gutbrain.util.ProgressListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs alpha-diversity metrics over every sample of a table.
 *
 * <p>Zero-depth samples (no reads at all) are left out of the result and reported in
 * {@link AlphaResult#excludedSamples()} with a warning: no metric is defined for them, and a row
 * of NaN would be silently dropped or mis-plotted downstream. Everything else — the inputs
 * checked once by {@link CountValidation}, tree-based metrics bound to the table — happens before
 * the first sample is computed, so a bad input fails fast.
 *
 * <p>Cost: O(nnz) per metric, no copy of the table; samples run in parallel.
 */
public final class AlphaDiversity {
    private AlphaDiversity() {}

    /**
     * Computes {@code metrics} for every non-empty sample of {@code table}.
     *
     * @param metrics    the metrics, e.g. from {@link AlphaMetric#byNames}; one output column each, in order
     * @param treeOrNull the phylogeny for tree-based metrics ({@code faith_pd}); may be null otherwise
     * @param threads    worker threads; 0 for all cores
     * @param progress   advanced by one per computed sample; may be null
     * @throws InputException for an empty or repeated metric list, non-integer counts given to a
     *                        count-based metric, or a missing or unsuitable tree
     */
    public static AlphaResult compute(FeatureTable table, List<? extends AlphaMetric> metrics, PhyloTree treeOrNull,
                                      int threads, ProgressListener progress) {
        List<AlphaMetric> kernels = prepare(table, metrics, treeOrNull);
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        List<String> kept = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int[] rows = new int[table.sampleCount()];
        for (int s = 0; s < table.sampleCount(); s++) {
            if (table.sampleNonZero(s) == 0) {
                excluded.add(table.sampleIds().get(s));
            } else {
                rows[kept.size()] = s;
                kept.add(table.sampleIds().get(s));
            }
        }
        double[] v = TableArrays.values(table);
        int[] fi = TableArrays.featureIndices(table);
        double[][] out = new double[kept.size()][kernels.size()];
        Parallel.forEach(kept.size(), threads, i -> {
            int s = rows[i];
            int from = table.sampleStart(s);
            int to = table.sampleEnd(s);
            for (int m = 0; m < kernels.size(); m++) out[i][m] = kernels.get(m).compute(v, fi, from, to);
            p.advance(1);
        });
        List<String> names = new ArrayList<>();
        for (AlphaMetric m : kernels) names.add(m.name());
        return new AlphaResult(kept, names, out, excluded);
    }

    /**
     * Checks {@code metrics} against {@code table} ({@link CountValidation}) and binds them
     * ({@link AlphaMetric#bind}), giving kernels ready to {@link AlphaMetric#compute} on the
     * table's samples, or on subsamples of them (rarefaction), from any thread.
     *
     * @throws InputException as {@link #compute}
     */
    public static List<AlphaMetric> prepare(FeatureTable table, List<? extends AlphaMetric> metrics, PhyloTree treeOrNull) {
        CountValidation.check(table, metrics);
        List<AlphaMetric> bound = new ArrayList<>(metrics.size());
        for (AlphaMetric m : metrics) bound.add(m.bind(table, treeOrNull));
        return List.copyOf(bound);
    }
}
