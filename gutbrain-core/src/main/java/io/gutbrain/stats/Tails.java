package io.gutbrain.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Tail probabilities of the normal, chi-squared and Student t distributions, each computed
 * directly for the requested tail (never as {@code 1 - cdf}), so that p-values as small as
 * 1e-300 keep their relative precision as R's {@code pnorm(lower.tail = FALSE)},
 * {@code pchisq(lower.tail = FALSE)} and {@code pt} do. Built on commons-math's regularised
 * gamma and beta functions.
 */
public final class Tails {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Tails() {}

    /** P(Z ≤ z) for a standard normal Z (R {@code pnorm(z)}). */
    public static double normalLower(double z) {
        if (Double.isNaN(z)) return Double.NaN;
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** P(Z &gt; z) for a standard normal Z (R {@code pnorm(z, lower.tail = FALSE)}). */
    public static double normalUpper(double z) {
        return normalLower(-z);
    }

    /** The standard normal quantile (R {@code qnorm(p)}); ±∞ at 0 and 1, NaN outside [0, 1]. */
    public static double normalQuantile(double p) {
        if (Double.isNaN(p) || p < 0 || p > 1) return Double.NaN;
        if (p == 0) return Double.NEGATIVE_INFINITY;
        if (p == 1) return Double.POSITIVE_INFINITY;
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** P(X &gt; x) for X ~ χ²(df) (R {@code pchisq(x, df, lower.tail = FALSE)}). */
    public static double chiSquaredUpper(double x, double df) {
        if (Double.isNaN(x) || Double.isNaN(df)) return Double.NaN;
        if (x <= 0) return 1.0;
        if (x == Double.POSITIVE_INFINITY) return 0.0;
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /**
     * P(T ≤ t) for T ~ t(df), or P(T &gt; t) when {@code lowerTail} is false (R
     * {@code pt(t, df, lower.tail)}). The tail away from zero is ½·I_{df/(df+t²)}(df/2, ½).
     */
    public static double studentT(double t, double df, boolean lowerTail) {
        if (Double.isNaN(t) || Double.isNaN(df) || df <= 0) return Double.NaN;
        if (t == 0) return 0.5;
        double tail;
        if (Double.isInfinite(t)) {
            tail = 0;
        } else {
            double t2 = t * t;
            double near1 = df / (df + t2), near0 = t2 / (df + t2);
            // commons-math evaluates I_x(a, b) as 1 − I_{1−x}(b, a) above (a+1)/(a+b+2) and would form
            // 1 − x itself, losing digits when x is within ~1e-8 of 1 (|t| tiny): pass the exact
            // complement instead. That region has |t| ≲ 1.7, so the tail is never small there.
            tail = near1 > (df / 2 + 1) / (df / 2 + 2.5)
                    ? 0.5 * (1 - Beta.regularizedBeta(near0, 0.5, df / 2))
                    : 0.5 * Beta.regularizedBeta(near1, df / 2, 0.5);
        }
        boolean farSide = (t > 0) != lowerTail; // asking for the tail beyond |t|
        return farSide ? tail : 1 - tail;
    }

    /** Two-sided p-value of a t statistic: 2·P(T &gt; |t|) (R {@code 2 * pt(-abs(t), df)}). */
    public static double studentTTwoSided(double t, double df) {
        return 2 * studentT(-Math.abs(t), df, true);
    }

    /** The t quantile (R {@code qt(p, df)}). */
    public static double studentTQuantile(double p, double df) {
        return new org.apache.commons.math3.distribution.TDistribution(null, df).inverseCumulativeProbability(p);
    }
}
