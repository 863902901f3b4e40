package io.gutbrain.diversity.alpha;

/**
 * Inverse Simpson index {@code inverse_simpson}: 1 / Σ p_i² with p_i = c_i / N, the Hill number
 * of order 2, an "effective number of species" (vegan {@code diversity(index = "invsimpson")},
 * scikit-bio {@code enspie}).
 *
 * <p>Edge conventions: a single taxon gives 1; all singletons give S (the maximum). Accepts
 * proportions.
 *
 * <p>Hill, M. O. (1973) Diversity and evenness: a unifying notation and its consequences.
 * <i>Ecology</i> 54: 427–432; Simpson (1949) <i>Nature</i> 163: 688.
 */
public final class InverseSimpson implements AlphaMetric {
    /** The metric; it has no parameters. */
    public static final InverseSimpson INSTANCE = new InverseSimpson();

    private InverseSimpson() {}

    @Override public String name() { return "inverse_simpson"; }

    @Override public double compute(double[] values, int[] features, int from, int to) {
        return 1 / Counts.dominance(values, from, to);
    }
}
