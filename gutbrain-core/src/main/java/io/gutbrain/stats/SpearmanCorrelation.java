package io.gutbrain.stats;

import io.gutbrain.stats.RankTestResult.PValueMethod;

/**
 * Spearman's rank correlation ρ (Spearman 1904) with R's {@code cor.test(method = "spearman")}
 * p-value and a Fisher-z confidence interval.
 *
 * <p>ρ is Pearson's correlation of the average ranks; S = (n³ − n)(1 − ρ)/6. Without ties and for
 * n ≤ 1290 the p-value is {@link SpearmanDistribution#prho} (exact enumeration for n ≤ 9,
 * Edgeworth series above); otherwise, as in R, ρ' = 1 − S/(n(n² − 1)/6) is referred to Student's t
 * with n − 2 degrees of freedom through t = ρ'/√((1 − ρ'²)/(n − 2)). The two-sided p is twice the
 * smaller tail, capped at 1.
 */
public final class SpearmanCorrelation {
    /** Largest n for which R evaluates AS 89 (above it, the t approximation). */
    public static final int AS89_MAX = 1290;

    private SpearmanCorrelation() {}

    /**
     * @param confLevel confidence level of the Fisher-z interval tanh(atanh ρ ∓ z_{(1+c)/2}/√(n − 3))
     *                  (NaN limits when n ≤ 3)
     * @throws IllegalArgumentException if the arrays differ in length or n &lt; 2
     */
    public static RankTestResult test(double[] x, double[] y, double confLevel) {
        int n = x.length;
        if (y.length != n) throw new IllegalArgumentException("x and y differ in length");
        if (n < 2) throw new IllegalArgumentException("need at least 2 observations");
        double rho = pearson(Ranks.average(x), Ranks.average(y));
        if (!Double.isFinite(rho)) return RankTestResult.undefined(Double.NaN, Double.NaN, n);
        double dn = n;
        double q = (dn * dn * dn - dn) * (1 - rho) / 6;
        boolean exact = n <= AS89_MAX && !Ties.any(x) && !Ties.any(y);
        double p = q > (dn * dn * dn - dn) / 6 ? tail(q, n, false, exact) : tail(q, n, true, exact);
        p = Math.min(2 * p, 1);
        PValueMethod method = !exact ? PValueMethod.STUDENT_T : n <= SpearmanDistribution.EXACT_MAX ? PValueMethod.EXACT : PValueMethod.EDGEWORTH;
        double[] ci = fisherInterval(rho, n, confLevel);
        return new RankTestResult(q, Double.NaN, p, method, n, rho, ci[0], ci[1], n > 3 ? confLevel : Double.NaN);
    }

    /** R's inner {@code pspearman(q, n, lower.tail)}. */
    private static double tail(double q, int n, boolean lowerTail, boolean exact) {
        if (exact) return SpearmanDistribution.prho(n, Math.rint(q) + (lowerTail ? 2 : 0), lowerTail);
        double den = n * ((double) n * n - 1) / 6;
        double r = 1 - q / den;
        return Tails.studentT(r / Math.sqrt((1 - r * r) / (n - 2)), n - 2, !lowerTail);
    }

    /** tanh(atanh(r) ∓ z/√(n − 3)); NaN limits for n ≤ 3. */
    public static double[] fisherInterval(double r, int n, double confLevel) {
        if (n <= 3) return new double[] {Double.NaN, Double.NaN};
        double z = Tails.normalQuantile((1 + confLevel) / 2);
        double c = atanh(r), se = 1 / Math.sqrt(n - 3.0);
        return new double[] {Math.tanh(c - z * se), Math.tanh(c + z * se)};
    }

    static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    /** Pearson's correlation (two-pass: means, then centred cross-products), clamped to [−1, 1]; NaN if either is constant. */
    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n; mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db; saa += da * da; sbb += db * db;
        }
        double r = sab / Math.sqrt(saa * sbb);
        return r >= 1 ? 1 : r <= -1 ? -1 : r; // R clamps rounding overshoot the same way
    }
}
