package io.gutbrain.association;

import io.gutbrain.stats.Tails;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student t tail probabilities and quantiles with full relative precision in the far tail
 * (p-values of 1e-35 are common with thousands of samples).
 */
final class StudentT {
    private StudentT() {}

    /**
     * Two-sided p-value 2·P(T_df &gt; |t|) = I_{df/(df+t²)}(df/2, 1/2) (regularised incomplete
     * beta), which is R's {@code 2 * pt(abs(t), df, lower.tail = FALSE)}. The incomplete beta is
     * evaluated directly (not as 1 − something) whenever the p-value is small, so small p-values
     * keep their relative precision. NaN for NaN input or df ≤ 0; 0 for infinite t.
     */
    static double twoSidedP(double t, double df) {
        // one implementation of the t tail for the whole project: Tails keeps relative precision
        // at both ends (tiny p for large |t|, and p close to 1 for |t| near 0)
        if (Double.isInfinite(df) && df > 0) {
            return Double.isNaN(t) ? Double.NaN : 2 * Tails.normalLower(-Math.abs(t));
        }
        return Tails.studentTTwoSided(t, df);
    }

    /** The 0.975 quantile of the t distribution (for 95% confidence intervals); NaN for df ≤ 0. */
    static double quantile975(double df) {
        if (Double.isNaN(df) || df <= 0) return Double.NaN;
        if (Double.isInfinite(df)) return 1.959963984540054;
        return new TDistribution(null, df, 1e-14).inverseCumulativeProbability(0.975);
    }
}
