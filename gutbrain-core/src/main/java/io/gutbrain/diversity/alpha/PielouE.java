package io.gutbrain.diversity.alpha;

/**
 * Pielou's evenness {@code pielou_e}: J = H / ln S, Shannon entropy (natural log) over its
 * maximum for S observed features (scikit-bio {@code pielou_e}; with vegan it is written
 * {@code diversity(x) / log(specnumber(x))}).
 *
 * <p>Edge conventions: a single taxon (S = 1) gives 0 / 0 = {@code NaN}, as in scikit-bio and in
 * R (the reference files write it {@code NA}): evenness is undefined with one feature. All
 * singletons give 1. Accepts proportions.
 *
 * <p>Pielou, E. C. (1966) The measurement of diversity in different types of biological
 * collections. <i>Journal of Theoretical Biology</i> 13: 131–144.
 */
public final class PielouE implements AlphaMetric {
    /** The metric; it has no parameters. */
    public static final PielouE INSTANCE = new PielouE();

    private PielouE() {}

    @Override public String name() { return "pielou_e"; }

    @Override public double compute(double[] values, int[] features, int from, int to) {
        return Shannon.nats(values, from, to) / Math.log(to - from);
    }
}
