package io.gutbrain.diversity.beta;

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
