package io.gutbrain.diversity.alpha;

/**
 * Observed richness {@code observed_features}: S, the number of features with a non-zero count
 * (vegan {@code specnumber}, scikit-bio {@code observed_features}, formerly {@code observed_otus}).
 *
 * <p>Edge conventions: a single taxon gives 1; all singletons give S; an empty sample is never
 * passed in (the driver excludes it). Accepts proportions as well as counts.
 *
 * <p>The oldest diversity measure; see e.g. Magurran, <i>Measuring Biological Diversity</i>
 * (Blackwell 2004), ch. 3.
 */
public final class ObservedFeatures implements AlphaMetric {
    /** The metric; it has no parameters. */
    public static final ObservedFeatures INSTANCE = new ObservedFeatures();

    private ObservedFeatures() {}

    @Override public String name() { return "observed_features"; }

    @Override public double compute(double[] values, int[] features, int from, int to) {
        return to - from;
    }
}
