package io.gutbrain.intervention;

import io.gutbrain.stats.Tails;

/**
 * A mean with its t-based confidence interval and the one-sample t-test of "mean = 0". Applied
 * to within-subject changes from baseline it is the paired t-test (Student 1908), the same
 * numbers as R's {@code t.test(after, before, paired = TRUE)}.
 *
 * <p>Formula: {@code mean ± t(1 − (1 − level)/2; n − 1) · sd/√n}, {@code t = mean/(sd/√n)}
 * with {@code n − 1} degrees of freedom, two-sided p-value.
 *
 * <p>Edges: no values gives NaN everywhere; one value gives the mean and NaN for everything
 * else (no variance, as R's {@code t.test} refuses); identical values (sd 0) give the interval
 * {@code [mean, mean]} and NaN for t and p (R stops with "data are essentially constant").
 *
 * @param n     number of values
 * @param mean  their mean
 * @param sd    sample standard deviation (n − 1 denominator)
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 * @param t     t statistic against 0
 * @param df    degrees of freedom, n − 1
 * @param p     two-sided p-value
 */
public record MeanEstimate(int n, double mean, double sd, double lower, double upper, double t, double df, double p) {

    /** The estimate for {@code values} (NaN entries must have been removed) at the given confidence level (0..1). */
    public static MeanEstimate of(double[] values, double level) {
        checkLevel(level);
        int n = values.length;
        if (n == 0) return new MeanEstimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double mean = 0;
        for (double v : values) mean += v;
        mean /= n;
        if (n == 1) return new MeanEstimate(1, mean, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        double sd = Math.sqrt(ss / (n - 1));
        double se = sd / Math.sqrt(n);
        double df = n - 1;
        double q = Tails.studentTQuantile(1 - (1 - level) / 2, df);
        if (se == 0) return new MeanEstimate(n, mean, 0, mean, mean, Double.NaN, df, Double.NaN);
        double t = mean / se;
        return new MeanEstimate(n, mean, sd, mean - q * se, mean + q * se, t, df, twoSidedP(t, df));
    }

    /** Two-sided p-value of a t statistic: the project's one t tail ({@link Tails#studentTTwoSided}). */
    static double twoSidedP(double t, double df) {
        return Tails.studentTTwoSided(t, df);
    }

    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
    }
}
