package io.gutbrain.association;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;

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
        if (Double.isNaN(t) || Double.isNaN(df) || df <= 0) return Double.NaN;
        if (Double.isInfinite(t)) return 0.0;
        if (Double.isInfinite(df)) return 2 * new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(t));
        double t2 = t * t;
        double x = df / (df + t2);
        if (x >= 1) return 1.0;
        return Math.min(1.0, Beta.regularizedBeta(x, 0.5 * df, 0.5, 1e-15));
    }

    /** The 0.975 quantile of the t distribution (for 95% confidence intervals); NaN for df ≤ 0. */
    static double quantile975(double df) {
        if (Double.isNaN(df) || df <= 0) return Double.NaN;
        if (Double.isInfinite(df)) return 1.959963984540054;
        return new TDistribution(null, df, 1e-14).inverseCumulativeProbability(0.975);
    }
}
