package io.gutbrain.association;

/**
 * Per-feature transforms of MaAsLin2, applied to each feature's normalised values over all
 * samples (before samples with missing metadata are left out of a model).
 *
 * <ul>
 *   <li>{@link #LOG}: log₂(x) with zeros replaced by half the feature's smallest positive value
 *       (MaAsLin2's pseudo-count rule).</li>
 *   <li>{@link #AST}: arcsine square root, sign(x)·asin(√|x|); defined for |x| ≤ 1 only.</li>
 *   <li>{@link #LOGIT}: log(p/(1 − p)) (car's {@code logit} with adjust 0, as MaAsLin2 calls it):
 *       values are read as percentages when the largest exceeds 1; infinite results (p = 0 or
 *       1) become 0.</li>
 *   <li>{@link #NONE}: unchanged.</li>
 * </ul>
 */
public enum Transform {
    LOG, AST, LOGIT, NONE;

    /**
     * Transforms one feature's values.
     *
     * @return the transformed values (a new array), or null with the reason in {@code why[0]}
     *         when the transform is undefined for these values
     */
    public double[] apply(double[] x, String[] why) {
        double[] y = new double[x.length];
        switch (this) {
            case NONE:
                return x.clone();
            case LOG: {
                double min = Double.POSITIVE_INFINITY;
                for (double v : x) if (v > 0 && v < min) min = v;
                if (Double.isInfinite(min)) { why[0] = "LOG transform: the feature has no positive value"; return null; }
                double half = min / 2;
                for (int i = 0; i < x.length; i++) {
                    double v = x[i] == 0 ? half : x[i];
                    if (v < 0) { why[0] = "LOG transform of a negative value (" + v + ")"; return null; }
                    y[i] = Math.log(v) / Math.log(2);
                }
                return y;
            }
            case AST:
                for (int i = 0; i < x.length; i++) {
                    double a = Math.abs(x[i]);
                    if (a > 1) { why[0] = "AST transform is only valid for values between -1 and 1 (found " + x[i] + "); use TSS or NONE normalisation of proportions"; return null; }
                    y[i] = Math.signum(x[i]) * Math.asin(Math.sqrt(a));
                }
                return y;
            case LOGIT: {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double v : x) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
                double div = 1;
                if (hi > 1) {
                    if (lo < 0 || hi > 100) { why[0] = "LOGIT transform needs proportions (0..1) or percentages (0..100)"; return null; }
                    div = 100;
                } else if (lo < 0) {
                    why[0] = "LOGIT transform needs values between 0 and 1";
                    return null;
                }
                for (int i = 0; i < x.length; i++) {
                    // car::logit's form with adjust a = 1: q = 0.5 + a·(p − 0.5)
                    double q = 0.5 + (x[i] / div - 0.5);
                    double v = Math.log(q / (1 - q));
                    y[i] = Double.isFinite(v) ? v : 0.0;
                }
                return y;
            }
            default:
                throw new IllegalStateException();
        }
    }
}
