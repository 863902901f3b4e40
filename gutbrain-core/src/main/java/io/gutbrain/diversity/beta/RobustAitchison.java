package io.gutbrain.diversity.beta;

import io.gutbrain.table.FeatureTable;

/**
 * Robust Aitchison distance: the Euclidean distance between robust centred log-ratio (rCLR)
 * profiles, where the log-ratio is taken over each sample's non-zero features only and zeros
 * stay zero:
 * <pre>  rclr(x)_f = log x_f − (1/|A|) Σ_{g ∈ A} log x_g  for f ∈ A = {f : x_f &gt; 0},  0 otherwise</pre>
 * As DEICODE/gemelli's {@code rclr} and vegan's {@code decostand(x, "rclr")} /
 * {@code vegdist(method = "robust.aitchison")} (without DEICODE's matrix completion).
 * Martino et al. (2019), mSystems 4:e00016-19.
 *
 * <p><b>Computation.</b> The transform is as sparse as the table; see {@link EuclideanKernel}.
 * No pseudocount is involved, so the options' zero handling is ignored.
 *
 * <p><b>Edges.</b> An empty sample has no log-ratios (vegan returns NA): samples with no counts
 * are left out with a warning. A sample with a single feature has the zero profile.
 */
public final class RobustAitchison extends BetaMetric {
    /** The name accepted by {@link BetaMetric#byName}. */
    public static final String NAME = "robust-aitchison";

    RobustAitchison() {
        super(NAME, true);
    }

    @Override
    PairKernel prepare(FeatureTable t, BetaOptions options) {
        double[] v = transformed(t, options, (s, from, to, raw, out) -> {
            double sum = 0;
            for (int k = from; k < to; k++) sum += out[k] = Math.log(raw[k]);
            double mean = sum / (to - from);
            for (int k = from; k < to; k++) out[k] -= mean;
        });
        return new EuclideanKernel(t, v, false);
    }
}
