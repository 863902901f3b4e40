package io.gutbrain.association;

/**
 * A model fitted feature by feature against one shared design: an ordinary linear model
 * ({@link LinearModel}) or a linear mixed model ({@link MixedModel}). Implementations do the
 * per-design work once on construction so that {@link #fit} is cheap, and are thread-safe, so
 * callers (MaAsLin2, LinDA, ...) can fit features in parallel.
 */
public interface FeatureModel {
    /** The design every feature is fitted against. */
    DesignMatrix design();

    /**
     * Fits one response.
     *
     * @param y one value per design row (row order of {@link #design()}); not modified
     * @return the fit; when the model cannot be fitted for this response (for example zero
     *         residual variance) a fit whose {@link ModelFit#failure()} says why, with NaN statistics
     */
    ModelFit fit(double[] y);
}
