package io.gutbrain.diversity.alpha;

/**
 * Good's coverage {@code goods_coverage}: C = 1 − F1 / N, the estimated fraction of the
 * community's reads that belong to features already seen (F1 = number of singletons, N = depth;
 * scikit-bio {@code goods_coverage}).
 *
 * <p>Edge conventions: needs whole-number counts. No singletons gives 1; a single taxon with one
 * read, or all singletons, gives 0.
 *
 * <p>Good, I. J. (1953) The population frequencies of species and the estimation of population
 * parameters. <i>Biometrika</i> 40: 237–264.
 */
public final class GoodsCoverage implements AlphaMetric {
    /** The metric; it has no parameters. */
    public static final GoodsCoverage INSTANCE = new GoodsCoverage();

    private GoodsCoverage() {}

    @Override public String name() { return "goods_coverage"; }

    @Override public boolean requiresIntegerCounts() { return true; }

    @Override public double compute(double[] values, int[] features, int from, int to) {
        return 1 - Counts.withCount(values, from, to, 1) / Counts.total(values, from, to);
    }
}
