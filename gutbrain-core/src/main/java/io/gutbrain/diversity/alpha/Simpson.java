package io.gutbrain.diversity.alpha;

/**
 * Gini–Simpson index {@code simpson}: 1 − Σ p_i² with p_i = c_i / N, the probability that two
 * reads drawn with replacement belong to different features (vegan
 * {@code diversity(index = "simpson")}, scikit-bio {@code simpson}).
 *
 * <p>Edge conventions: a single taxon gives 0; all singletons give 1 − 1/S. Accepts proportions.
 *
 * <p>Simpson, E. H. (1949) Measurement of diversity. <i>Nature</i> 163: 688.
 */
public final class Simpson implements AlphaMetric {
    /** The metric; it has no parameters. */
    public static final Simpson INSTANCE = new Simpson();

    private Simpson() {}

    @Override public String name() { return "simpson"; }

    @Override public double compute(double[] values, int[] features, int from, int to) {
        return 1 - Counts.dominance(values, from, to);
    }
}
