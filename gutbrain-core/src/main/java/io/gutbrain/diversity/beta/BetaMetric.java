package io.gutbrain.diversity.beta;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableArrays;
import io.gutbrain.util.Parallel;

import java.util.List;
import java.util.Locale;

/**
 * A non-phylogenetic beta-diversity (between-sample) dissimilarity. The set is closed: one small
 * class per metric, each documenting its formula, its edge conventions and its source, looked
 * up by name with {@link #byName}. Metrics are stateless; parameters (pseudocount, zero
 * replacement) come from {@link BetaOptions}.
 *
 * <p>All of them are computed by the same sparse kernel: each metric is written as per-sample
 * summaries plus one sum over the features both samples contain, so the cost is proportional to
 * the co-occurring entries, not to N² × F.
 */
public abstract class BetaMetric {
    /** Valid names for {@link #byName}, in the order they are listed to users. */
    private static final List<String> NAMES = List.of(BrayCurtis.NAME, Jaccard.NAME, Canberra.NAME, Euclidean.NAME,
            Hellinger.NAME, Aitchison.NAME, RobustAitchison.NAME);

    /**
     * Relative size below which a distance derived from min/dot-product sums is recomputed from
     * the two rows directly: a result under 1e-3 of the terms it was subtracted from would
     * otherwise lose up to three digits to cancellation.
     */
    static final double EXACT_BELOW = 1e-3;

    private final String name;
    private final boolean requiresNonEmpty;

    BetaMetric(String name, boolean requiresNonEmpty) {
        this.name = name;
        this.requiresNonEmpty = requiresNonEmpty;
    }

    /** The metric's name as accepted by {@link #byName}, e.g. {@code "braycurtis"}. */
    public final String name() { return name; }

    /**
     * True when the metric is undefined for a sample with no counts (0/0 or no composition);
     * {@link BetaDiversity} then leaves such samples out and says so, instead of writing NaN.
     */
    public final boolean requiresNonEmptySamples() { return requiresNonEmpty; }

    /** Prepares the table's transformed values and per-sample summaries for the kernel. */
    abstract PairKernel prepare(FeatureTable table, BetaOptions options);

    @Override public String toString() { return name(); }

    /** The names {@link #byName} accepts. */
    public static List<String> names() { return NAMES; }

    /**
     * The metric with this name (case-insensitive): braycurtis, jaccard, canberra, euclidean,
     * hellinger, aitchison or robust-aitchison.
     *
     * @throws InputException for any other name, listing the valid ones
     */
    public static BetaMetric byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case BrayCurtis.NAME -> new BrayCurtis();
            case Jaccard.NAME -> new Jaccard();
            case Canberra.NAME -> new Canberra();
            case Euclidean.NAME -> new Euclidean();
            case Hellinger.NAME -> new Hellinger();
            case Aitchison.NAME -> new Aitchison();
            case RobustAitchison.NAME -> new RobustAitchison();
            default -> throw new InputException(null, "metric", "unknown beta-diversity metric '" + name + "'",
                    "use one of: " + String.join(", ", NAMES));
        };
    }

    /** Fills the transformed values of one sample's stored entries, positions [from, to). */
    @FunctionalInterface
    interface SampleTransform {
        void fill(int sample, int from, int to, double[] raw, double[] out);
    }

    /**
     * The table's values transformed sample by sample, on the options' threads (transforms such
     * as relative abundance or log-ratios depend only on the sample's own entries).
     */
    static double[] transformed(FeatureTable t, BetaOptions options, SampleTransform transform) {
        double[] raw = TableArrays.values(t);
        double[] out = new double[raw.length];
        Parallel.forEach(t.sampleCount(), options.threads(), s -> transform.fill(s, t.sampleStart(s), t.sampleEnd(s), raw, out));
        return out;
    }

    /**
     * True when sums of these per-sample values are exact in double arithmetic: all values are
     * whole numbers and no sample's sum exceeds 2^51, so pair sums of up to two samples stay
     * below 2^53. Kernels then skip the cancellation guard, which only costs time on such data
     * (tables of identical count profiles would otherwise send every pair to the merge).
     */
    static boolean exactIntegerSums(boolean integral, double[] perSampleSums) {
        if (!integral) return false;
        for (double v : perSampleSums) if (v > 0x1p51) return false;
        return true;
    }

    /** Each sample's number of non-zero features. */
    static int[] richness(FeatureTable t) {
        int[] r = new int[t.sampleCount()];
        for (int s = 0; s < r.length; s++) r[s] = t.sampleNonZero(s);
        return r;
    }

    /** Σ v² over each sample's stored entries. */
    static double[] squaredNorms(FeatureTable t, double[] v) {
        double[] sq = new double[t.sampleCount()];
        for (int s = 0; s < sq.length; s++) {
            double sum = 0;
            for (int k = t.sampleStart(s); k < t.sampleEnd(s); k++) sum += v[k] * v[k];
            sq[s] = sum;
        }
        return sq;
    }
}
