package io.gutbrain.diversity.beta;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableArrays;

/**
 * Euclidean distance on the values as given:
 * <pre>  d(x, y) = sqrt(Σ_f (x_f − y_f)²)</pre>
 * as vegan's {@code vegdist(method = "euclidean")} and scikit-bio's {@code "euclidean"}.
 *
 * <p><b>Computation.</b> ‖x − y‖² = ‖x‖² + ‖y‖² − 2 x·y with the dot product over shared
 * features; near-identical pairs are recomputed directly (see {@link EuclideanKernel}).
 *
 * <p><b>Edges.</b> Defined for empty samples (an empty sample is the zero vector; two empty
 * samples are at distance 0), so no sample is left out.
 */
public final class Euclidean extends BetaMetric {
    /** The name accepted by {@link BetaMetric#byName}. */
    public static final String NAME = "euclidean";

    Euclidean() {
        super(NAME, false);
    }

    @Override
    PairKernel prepare(FeatureTable t, BetaOptions options) {
        return new EuclideanKernel(t, TableArrays.values(t), false);
    }
}
