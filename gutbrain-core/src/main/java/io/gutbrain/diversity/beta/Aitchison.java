package io.gutbrain.diversity.beta;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;

/**
 * Aitchison distance: the Euclidean distance between centred log-ratio (CLR) profiles over all
 * F features of the table,
 * <pre>  clr(r)_f = log r_f − (1/F) Σ_g log r_g,   d(x, y) = ‖clr(r(x)) − clr(r(y))‖</pre>
 * after replacing zeros so the logarithm exists. Aitchison (1986), <i>The Statistical Analysis of
 * Compositional Data</i>; Aitchison et al. (2000), Math. Geol. 32:271–275. Two zero treatments
 * ({@link BetaOptions}):
 * <ul>
 * <li><b>pseudocount</b> c (default 1): r = x + c on the raw values; this is R's
 * {@code dist(clr(counts + 1))} for c = 1.</li>
 * <li><b>multiplicative replacement</b> (Martín-Fernández, Barceló-Vidal &amp; Pawlowsky-Glahn
 * 2003, Math. Geol. 35:253–278) with δ (default 1/F², as scikit-bio): on proportions p = x / Σx,
 * zeros become δ and non-zeros p·(1 − Z·δ), Z = the sample's number of zeros; scikit-bio's
 * {@code multiplicative_replacement} followed by {@code clr}. Requires Z·δ &lt; 1.</li>
 * </ul>
 *
 * <p><b>Computation and memory.</b> A CLR profile is dense — every zero gets the same value —
 * but it never needs to be stored: with v0 the replaced value of a zero, write the profile as
 * {@code z·1 + s} where s_f = log r_f − log v0 is non-zero only on the sample's features. The
 * distance then needs only s (as sparse as the table), Σs and ‖s‖² per sample, and the dot
 * product of s over shared features (see {@link EuclideanKernel}); memory is O(non-zeros), not
 * N × F. The result depends on F: features absent from every sample still count as coordinates,
 * as they do in R and scikit-bio, so drop them first if they are not meant to count.
 *
 * <p><b>Edges.</b> A sample with no counts has no composition: it is left out with a warning.
 */
public final class Aitchison extends BetaMetric {
    /** The name accepted by {@link BetaMetric#byName}. */
    public static final String NAME = "aitchison";

    Aitchison() {
        super(NAME, true);
    }

    @Override
    PairKernel prepare(FeatureTable t, BetaOptions options) {
        return new EuclideanKernel(t, options.multiplicativeReplacement() ? multiplicative(t, options) : pseudocount(t, options), true);
    }

    /** s = log(x + c) − log c. */
    private static double[] pseudocount(FeatureTable t, BetaOptions options) {
        double c = options.pseudocount();
        double logC = Math.log(c);
        return transformed(t, options, (s, from, to, raw, out) -> {
            for (int k = from; k < to; k++) out[k] = Math.log(raw[k] + c) - logC;
        });
    }

    /** s = log((1 − Zδ) · x / Σx) − log δ. */
    private static double[] multiplicative(FeatureTable t, BetaOptions options) {
        int nf = t.featureCount();
        double delta = Double.isNaN(options.delta()) ? 1.0 / ((double) nf * nf) : options.delta();
        double logDelta = Math.log(delta);
        return transformed(t, options, (s, from, to, raw, out) -> {
            int zeros = nf - (to - from);
            double keep = 1 - zeros * delta;
            if (!(keep > 0)) {
                throw new InputException(null, "sample '" + t.sampleIds().get(s) + "'",
                        "multiplicative replacement with delta " + delta + " for " + zeros + " zeros leaves no mass for the observed features",
                        "use a delta below " + (1.0 / zeros) + " or a pseudocount");
            }
            double total = t.sampleTotal(s);
            for (int k = from; k < to; k++) out[k] = Math.log(keep * (raw[k] / total)) - logDelta;
        });
    }
}
