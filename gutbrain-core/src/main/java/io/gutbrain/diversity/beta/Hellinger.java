package io.gutbrain.diversity.beta;

import io.gutbrain.table.FeatureTable;

/**
 * Hellinger distance: the Euclidean distance between the square roots of relative abundances,
 * <pre>  d(x, y) = sqrt(Σ_f (sqrt(x_f / Σx) − sqrt(y_f / Σy))²)</pre>
 * range 0..√2; vegan's {@code vegdist(decostand(x, "hellinger"), "euclidean")}.
 * Rao (1995), Qüestiió 19:23–63; Legendre &amp; Gallagher (2001), Oecologia 129:271–280.
 *
 * <p><b>Computation.</b> sqrt(p) is zero where the count is zero, so the transform stays
 * sparse; see {@link EuclideanKernel}.
 *
 * <p><b>Edges.</b> An empty sample has no relative abundances (0/0): samples with no counts are
 * left out with a warning.
 */
public final class Hellinger extends BetaMetric {
    /** The name accepted by {@link BetaMetric#byName}. */
    public static final String NAME = "hellinger";

    Hellinger() {
        super(NAME, true);
    }

    @Override
    PairKernel prepare(FeatureTable t, BetaOptions options) {
        double[] v = transformed(t, options, (s, from, to, raw, out) -> {
            double total = t.sampleTotal(s);
            for (int k = from; k < to; k++) out[k] = Math.sqrt(raw[k] / total);
        });
        return new EuclideanKernel(t, v, false);
    }
}
