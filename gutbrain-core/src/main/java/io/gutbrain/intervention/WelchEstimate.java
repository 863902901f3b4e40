package io.gutbrain.intervention;

import io.gutbrain.stats.Tails;

/**
 * Difference of two independent means (active − reference) with Welch's t-test and interval
 * (Welch 1947, Biometrika 34:28–35), the same numbers as R's {@code t.test(active, reference)}.
 *
 * <p>Formula: {@code se = √(s_a²/n_a + s_r²/n_r)}, {@code t = (m_a − m_r)/se}, degrees of freedom
 * by Welch–Satterthwaite {@code se⁴ / ((s_a²/n_a)²/(n_a − 1) + (s_r²/n_r)²/(n_r − 1))}, interval
 * {@code m_a − m_r ± t(1 − (1 − level)/2; df) · se}, two-sided p.
 *
 * <p>Edges: fewer than two values in either group, or no variance in both, give NaN for the
 * interval, t, df and p (the means and their difference are still reported).
 *
 * @param nActive        values in the active group
 * @param nReference     values in the reference group
 * @param meanActive     mean of the active group
 * @param meanReference  mean of the reference group
 * @param difference     meanActive − meanReference
 * @param lower          lower confidence limit of the difference
 * @param upper          upper confidence limit of the difference
 * @param t              Welch t statistic
 * @param df             Welch–Satterthwaite degrees of freedom
 * @param p              two-sided p-value
 */
public record WelchEstimate(int nActive, int nReference, double meanActive, double meanReference, double difference,
                            double lower, double upper, double t, double df, double p) {

    /** The estimate for two groups of values (NaN entries removed) at the given confidence level. */
    public static WelchEstimate of(double[] active, double[] reference, double level) {
        MeanEstimate.checkLevel(level);
        MeanEstimate a = MeanEstimate.of(active, level);
        MeanEstimate r = MeanEstimate.of(reference, level);
        double diff = a.mean() - r.mean();
        double nan = Double.NaN;
        if (a.n() < 2 || r.n() < 2) return new WelchEstimate(a.n(), r.n(), a.mean(), r.mean(), diff, nan, nan, nan, nan, nan);
        double va = a.sd() * a.sd() / a.n();
        double vr = r.sd() * r.sd() / r.n();
        double se2 = va + vr;
        if (se2 == 0) return new WelchEstimate(a.n(), r.n(), a.mean(), r.mean(), diff, nan, nan, nan, nan, nan);
        double df = se2 * se2 / (va * va / (a.n() - 1) + vr * vr / (r.n() - 1));
        double se = Math.sqrt(se2);
        double q = Tails.studentTQuantile(1 - (1 - level) / 2, df);
        double t = diff / se;
        return new WelchEstimate(a.n(), r.n(), a.mean(), r.mean(), diff, diff - q * se, diff + q * se, t, df, MeanEstimate.twoSidedP(t, df));
    }
}
