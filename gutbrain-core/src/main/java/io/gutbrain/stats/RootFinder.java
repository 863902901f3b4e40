package io.gutbrain.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's root finder (Brent 1973; Forsythe, Malcolm &amp; Moler 1977, "zeroin") with the exact
 * step rules of R's {@code uniroot}, so that statistics R defines through {@code uniroot} — the
 * asymptotic Hodges–Lehmann estimate and confidence limits of {@code wilcox.test} — come out as
 * the same double, not merely within the tolerance. Each step keeps a bracket [b, c] with f(b)
 * and f(c) of opposite sign, tries inverse quadratic (or linear) interpolation and falls back to
 * bisection when the interpolated point is not safely inside the bracket.
 */
public final class RootFinder {
    private RootFinder() {}

    /**
     * A root of {@code f} in [lower, upper] given f at both ends (of opposite sign or zero).
     * Function values that are NaN or +∞ are read as {@link Double#MAX_VALUE} and −∞ as
     * −{@link Double#MAX_VALUE}, as R does.
     *
     * @param tol     absolute tolerance (R's {@code tol}; wilcox.test uses 1e-4)
     * @param maxIter maximum number of iterations (R's default 1000); the current best point is
     *                returned when it is reached
     * @throws IllegalArgumentException if the end values are NaN or have the same sign
     */
    public static double uniroot(DoubleUnaryOperator f, double lower, double upper, double fLower, double fUpper,
                                 double tol, int maxIter) {
        if (Double.isNaN(fLower) || Double.isNaN(fUpper)) throw new IllegalArgumentException("f is NaN at an end point");
        if (fLower * fUpper > 0) throw new IllegalArgumentException("f has the same sign at both end points");
        double a = lower, b = upper, c = a;
        double fa = fLower, fb = fUpper, fc = fa;
        if (fa == 0) return a;
        if (fb == 0) return b;
        for (int iter = 0; iter <= maxIter; iter++) {
            double prevStep = b - a;
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b; b = c; c = a;
                fa = fb; fb = fc; fc = fa;
            }
            double tolAct = 2 * Math.ulp(1.0) * Math.abs(b) + tol / 2;
            double newStep = (c - b) / 2;
            if (Math.abs(newStep) <= tolAct || fb == 0) return b;
            if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
                double p, q;
                double cb = c - b;
                if (a == c) { // two points: secant
                    double t1 = fb / fa;
                    p = cb * t1;
                    q = 1.0 - t1;
                } else {      // three points: inverse quadratic interpolation
                    double qq = fa / fc, t1 = fb / fc, t2 = fb / fa;
                    p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1.0));
                    q = (qq - 1.0) * (t1 - 1.0) * (t2 - 1.0);
                }
                if (p > 0) q = -q; else p = -p;
                if (p < (0.75 * cb * q - Math.abs(tolAct * q) / 2) && p < Math.abs(prevStep * q / 2)) {
                    newStep = p / q;
                }
            }
            if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
            a = b; fa = fb;
            b += newStep;
            fb = finite(f.applyAsDouble(b));
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) { c = a; fc = fa; }
        }
        return b;
    }

    private static double finite(double v) {
        if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) return Double.MAX_VALUE;
        if (v == Double.NEGATIVE_INFINITY) return -Double.MAX_VALUE;
        return v;
    }
}
