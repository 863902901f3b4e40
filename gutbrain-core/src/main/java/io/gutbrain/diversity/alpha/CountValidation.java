package io.gutbrain.diversity.alpha;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one input check shared by all alpha metrics, done once per table rather than once per
 * metric and sample (the counterpart of scikit-bio's {@code _validate_counts_vector}).
 *
 * <p>{@link FeatureTable} already guarantees finite, non-negative values, so what remains is
 * what depends on the chosen metrics: at least one metric, no metric twice (the output would
 * have two columns with one name), and whole-number counts when any metric is built on
 * singleton/doubleton counts ({@link AlphaMetric#requiresIntegerCounts()}) — on relative
 * abundances "seen once" has no meaning and those estimators would silently return nonsense.
 */
public final class CountValidation {
    private CountValidation() {}

    /**
     * Checks that {@code metrics} can run on {@code table}.
     *
     * @throws InputException naming the offending metric, or the first non-integer cell and the
     *                        metrics that need integers
     */
    public static void check(FeatureTable table, List<? extends AlphaMetric> metrics) {
        if (metrics.isEmpty()) {
            throw new InputException(null, null, "no alpha-diversity metric given", "use one or more of: " + String.join(", ", AlphaMetric.names()));
        }
        Set<String> names = new HashSet<>();
        List<String> needIntegers = new ArrayList<>();
        for (AlphaMetric m : metrics) {
            if (!names.add(m.name())) {
                throw new InputException(null, "metric '" + m.name() + "'", "metric requested more than once", "list each metric once");
            }
            if (m.requiresIntegerCounts()) needIntegers.add(m.name());
        }
        if (!needIntegers.isEmpty()) {
            String who = String.join(", ", needIntegers);
            requireIntegerCounts(table, who + (needIntegers.size() == 1 ? " needs" : " need"), "or drop " + who);
        }
    }

    /**
     * Checks that every value of {@code table} is a whole number: the one integer-count check
     * that every step needing counts calls (Chao1, ACE, Good's coverage through {@link #check},
     * rarefaction and rarefaction curves directly). The scan is done once per table and cached
     * ({@link FeatureTable#firstNonIntegerCell()}), so several such steps on one table cost one pass.
     *
     * @param who         the start of the message, e.g. {@code "chao1 needs"} or {@code "rarefaction needs"}
     * @param alternative the end of the fix, e.g. {@code "or drop chao1"} (may be empty)
     * @throws InputException naming the table's file (when known), the first non-integer cell's
     *                        sample and feature, and its value
     */
    public static void requireIntegerCounts(FeatureTable table, String who, String alternative) {
        int[] cell = table.firstNonIntegerCell();
        if (cell == null) return;
        String sample = table.sampleIds().get(cell[0]);
        String feature = table.featureIds().get(cell[1]);
        throw new InputException(table.source(), "sample '" + sample + "', feature '" + feature + "'",
                who + " whole-number counts, but the value is " + table.get(cell[0], cell[1]),
                "give raw read counts, not relative abundances or normalised values" + (alternative.isEmpty() ? "" : "; " + alternative));
    }
}
