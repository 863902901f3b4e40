package io.gutbrain.diversity.alpha;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.tree.PhyloTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One alpha-diversity metric: a number computed from one sample's non-zero abundances.
 *
 * <p><b>Kernel contract.</b> {@link #compute} receives one sample as a run
 * {@code [from, to)} of two parallel arrays, typically the CSR arrays of a
 * {@link FeatureTable} ({@link io.gutbrain.table.TableArrays#values(FeatureTable)}, {@link io.gutbrain.table.TableArrays#featureIndices(FeatureTable)}).
 * Every value in the run is finite and strictly positive and the run is non-empty: zero-depth
 * samples never reach a metric (the {@link AlphaDiversity} driver excludes them with a warning),
 * and all other input checks are done once, up front, by {@link CountValidation}. Kernels do
 * not allocate per sample, so a driver can call them for millions of samples from several
 * threads.
 *
 * <p>Metrics are immutable and thread-safe. A metric that needs more than the counts (Faith's
 * PD needs a tree) is obtained unbound from {@link #byName} and turned into a usable kernel by
 * {@link #bind}; the driver does that for you.
 */
public interface AlphaMetric {

    /** The metric's name as used on the command line and as the output column header. */
    String name();

    /**
     * The metric for one sample.
     *
     * @param values   abundances; entries {@code [from, to)} are this sample's, all finite and &gt; 0
     * @param features feature (table column) index of each entry, parallel to {@code values};
     *                 only metrics that care which features are present read it
     * @param from     first entry of the sample
     * @param to       one past the last entry; {@code to > from}
     * @return the metric value, or {@code NaN} where the metric's Javadoc says it is undefined
     */
    double compute(double[] values, int[] features, int from, int to);

    /**
     * True when the metric is only defined for whole-number counts (the estimators built on
     * singleton and doubleton counts). {@link CountValidation} then rejects non-integer tables.
     */
    default boolean requiresIntegerCounts() { return false; }

    /** True when the metric needs a phylogenetic tree passed to {@link #bind}. */
    default boolean requiresTree() { return false; }

    /**
     * The metric ready to run on {@code table}'s samples: metrics that only read counts return
     * themselves; tree-based metrics map the table's features to tree tips and check the tree.
     *
     * @param tree the phylogeny, or null when none was supplied
     * @throws InputException when the tree is needed but missing, or does not fit the table
     */
    default AlphaMetric bind(FeatureTable table, PhyloTree tree) { return this; }

    /**
     * The metric with a CLI-style name (case-insensitive; {@code -} and {@code _} are the same):
     * {@code observed_features} (also {@code observed_otus}), {@code shannon} (natural log),
     * {@code shannon_base2}, {@code shannon_base10} or any {@code shannon_baseB} with B &gt; 0, B ≠ 1,
     * {@code simpson}, {@code inverse_simpson} (also {@code invsimpson}), {@code pielou_e},
     * {@code chao1}, {@code ace}, {@code goods_coverage}, {@code berger_parker_d} and
     * {@code faith_pd}.
     *
     * @throws InputException for an unknown name; the message lists the valid names
     */
    static AlphaMetric byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        AlphaMetric m = MetricRegistry.BY_NAME.get(key);
        if (m != null) return m;
        if (key.startsWith(Shannon.BASE_PREFIX)) {
            String base = key.substring(Shannon.BASE_PREFIX.length());
            double b;
            try {
                b = Double.parseDouble(base);
            } catch (NumberFormatException e) {
                b = Double.NaN;
            }
            if (b > 0 && b != 1 && Double.isFinite(b)) return Shannon.base(b);
            throw new InputException(null, "metric '" + name + "'", "logarithm base '" + base + "' is not a positive number other than 1",
                    "write for example shannon_base2 or shannon_base10");
        }
        throw new InputException(null, "metric '" + name + "'", "unknown alpha-diversity metric",
                "use one of: " + String.join(", ", names()));
    }

    /**
     * Parses a comma-separated list of names ({@code "shannon,chao1, faith_pd"}) with
     * {@link #byName}; blank items are skipped (an empty list is rejected later by
     * {@link CountValidation}).
     */
    static List<AlphaMetric> byNames(String commaSeparated) {
        List<AlphaMetric> out = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) out.add(byName(part));
        }
        return out;
    }

    /** The canonical metric names, in the order of the documentation (aliases not included). */
    static List<String> names() { return MetricRegistry.CANONICAL; }
}
