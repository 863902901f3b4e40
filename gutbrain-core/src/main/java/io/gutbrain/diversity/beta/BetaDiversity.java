package io.gutbrain.diversity.beta;

import io.gutbrain.diversity.unifrac.UniFrac;
import io.gutbrain.diversity.unifrac.UniFracResult;
import io.gutbrain.diversity.unifrac.UniFracVariant;
import io.gutbrain.error.InputException;
import io.gutbrain.tree.PhyloTree;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.ProgressListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Non-phylogenetic beta diversity: all pairwise distances between the samples of a table under
 * one {@link BetaMetric}.
 *
 * <p>Computed by a sparse kernel that reads only the entries two samples share (see
 * {@link CooccurrenceEngine}), on all cores by default, with bit-identical results for any
 * thread count, and without ever making a dense samples × features copy of the table.
 */
public final class BetaDiversity {
    /** How many excluded ids a warning names before summarising the rest. */
    private static final int NAMED_IN_WARNING = 10;

    private BetaDiversity() {}

    /**
     * Whether the metric named {@code metric} is a UniFrac variant, so needs a rooted tree: the
     * one place that decides it for the CLI, the study reader and the study's beta step.
     */
    public static boolean needsTree(String metric) {
        for (UniFracVariant v : UniFracVariant.values()) if (v.cliName().equals(metric)) return true;
        return false;
    }

    /** Every metric name {@link #compute(FeatureTable, PhyloTree, String, BetaOptions, ProgressListener)} accepts: the {@link BetaMetric}s, then the UniFrac variants. */
    public static List<String> metricNames() {
        List<String> all = new ArrayList<>(BetaMetric.names());
        for (UniFracVariant v : UniFracVariant.values()) all.add(v.cliName());
        return List.copyOf(all);
    }

    /**
     * The distances of one metric by name, the single entry point of {@code gutbrain diversity
     * beta} and the study's beta step: a UniFrac variant on {@code tree} (generalized with
     * {@link BetaOptions#generalizedAlpha()}), else the {@link BetaMetric} of that name with
     * {@code options}. Samples the metric is undefined for are left out with a warning.
     *
     * @param tree rooted tree; needed exactly when {@link #needsTree} (may be null otherwise)
     * @throws InputException for an unknown metric name, or a UniFrac metric without a tree
     */
    public static BetaResult compute(FeatureTable table, PhyloTree tree, String metric, BetaOptions options, ProgressListener progress) {
        Objects.requireNonNull(metric, "metric");
        if (!needsTree(metric)) return compute(table, BetaMetric.byName(metric), options, progress);
        if (tree == null) throw new InputException(null, "tree", metric + " needs a rooted tree", "give a tree (Newick or .qza)");
        UniFracResult r = UniFrac.compute(table, tree, UniFracVariant.fromCliName(metric), options.generalizedAlpha(), options.threads(),
                options.singlePrecision(), progress);
        return new BetaResult(r.distances(), r.excludedSamples(), r.warnings());
    }

    /** {@link #compute(FeatureTable, BetaMetric, BetaOptions, ProgressListener)} with default options, no progress. */
    public static BetaResult compute(FeatureTable table, BetaMetric metric) {
        return compute(table, metric, BetaOptions.defaults(), ProgressListener.NONE);
    }

    /**
     * The distance matrix of {@code table}'s samples.
     *
     * <p>Samples with no counts are left out, and listed in the result with a warning, when the
     * metric is undefined for them ({@link BetaMetric#requiresNonEmptySamples()}): the matrix
     * never holds NaN.
     *
     * @param progress advanced by the number of sample pairs finished, N(N−1)/2 in total over the kept samples
     */
    public static BetaResult compute(FeatureTable table, BetaMetric metric, BetaOptions options, ProgressListener progress) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        FeatureTable t = table;
        List<String> excluded = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (metric.requiresNonEmptySamples()) {
            for (int s = 0; s < table.sampleCount(); s++) {
                if (table.sampleNonZero(s) == 0) excluded.add(table.sampleIds().get(s));
            }
            if (!excluded.isEmpty()) {
                t = table.filterSamples(s -> table.sampleNonZero(s) > 0);
                warnings.add(excludedWarning(metric, excluded));
            }
        }
        DistanceMatrix dm = DistanceMatrix.zeros(t.sampleIds(), options.singlePrecision());
        PairKernel kernel = metric.prepare(t, options);
        CooccurrenceEngine.run(t, kernel, options.threads(), dm.condensedDoubles(), dm.condensedFloats(), progress);
        return new BetaResult(dm, excluded, warnings);
    }

    private static String excludedWarning(BetaMetric metric, List<String> excluded) {
        int shown = Math.min(NAMED_IN_WARNING, excluded.size());
        String names = String.join(", ", excluded.subList(0, shown))
                + (excluded.size() > shown ? " and " + (excluded.size() - shown) + " more" : "");
        return excluded.size() + " sample(s) with no counts left out of the " + metric.name()
                + " distances, which are undefined for an empty sample: " + names;
    }
}
