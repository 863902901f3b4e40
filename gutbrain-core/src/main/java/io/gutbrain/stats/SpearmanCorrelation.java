package io.gutbrain.stats;

import io.gutbrain.stats.RankTestResult.PValueMethod;

/**
 * Spearman's rank correlation ρ (Spearman 1904) with R's {@code cor.test(method = "spearman")}
 * p-value and a Fisher-z confidence interval.
 *
 * <p>ρ is Pearson's correlation of the average ranks (clamped to [−1, 1] like R's {@code cor});
 * S = (n³ − n)(1 − ρ)/6. Without ties and for
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
     * Tests x against y.
     *
     * @param confLevel confidence level of the Fisher-z interval tanh(atanh ρ ∓ z_{(1+c)/2}/√(n − 3))
     *                  (NaN limits when n ≤ 3)
     * @throws IllegalArgumentException if the arrays differ in length or n &lt; 2
     */
    public static RankTestResult test(double[] x, double[] y, double confLevel) {
        return test(x, Ranked.of(y), confLevel);
    }

    /**
     * Tests x against a variable ranked once with {@link Ranked#of} (for many features against one
     * covariate). Only x's non-zero values are sorted: its zeros share one average rank.
     */
    public static RankTestResult test(double[] x, Ranked y, double confLevel) {
        int n = x.length;
        if (y.centred.length != n) throw new IllegalArgumentException("x and y differ in length");
        if (n < 2) throw new IllegalArgumentException("need at least 2 observations");
        int k = 0, negative = 0;
        for (double v : x) if (v != 0) k++;
        int[] at = new int[k];
        double[] nz = new double[k];
        k = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] != 0) { at[k] = i; nz[k++] = x[i]; if (x[i] < 0) negative++; }
        }
        int zeros = n - k;
        double mid = (n + 1) / 2.0;
        double[] r = Ranks.average(nz);
        // centred ranks are multiples of 1/2 and their products of 1/4, so these sums are exact
        double sab = 0, saa = 0, yNonZero = 0;
        for (int j = 0; j < k; j++) {
            double c = r[j] + (nz[j] > 0 ? zeros : 0) - mid;
            double yc = y.centred[at[j]];
            sab += c * yc;
            saa += c * c;
            yNonZero += yc;
        }
        double zeroRank = negative + (zeros + 1) / 2.0 - mid;
        sab -= zeroRank * yNonZero; // the zeros' y ranks sum to minus the others' (centred ranks sum to 0)
        saa += zeros * zeroRank * zeroRank;
        double rho = sab / Math.sqrt(saa * y.sumSquares);
        if (!Double.isFinite(rho)) return RankTestResult.undefined(Double.NaN, Double.NaN, n);
        rho = rho >= 1 ? 1 : rho <= -1 ? -1 : rho; // R clamps rounding overshoot the same way
        double dn = n;
        double q = (dn * dn * dn - dn) * (1 - rho) / 6;
        boolean exact = n <= AS89_MAX && zeros <= 1 && !Ties.any(nz) && !y.ties;
        double p = q > (dn * dn * dn - dn) / 6 ? tail(q, n, false, exact) : tail(q, n, true, exact);
        p = Math.min(2 * p, 1);
        PValueMethod method = !exact ? PValueMethod.STUDENT_T : n <= SpearmanDistribution.EXACT_MAX ? PValueMethod.EXACT : PValueMethod.EDGEWORTH;
        double[] ci = fisherInterval(rho, n, confLevel);
        return new RankTestResult(q, Double.NaN, p, method, n, rho, ci[0], ci[1], n > 3 ? confLevel : Double.NaN);
    }

    /** A variable's average ranks, centred at (n + 1)/2, with their sum of squares and whether it has ties. */
    public static final class Ranked {
        final double[] centred;
        final double sumSquares;
        final boolean ties;

        private Ranked(double[] centred, double sumSquares, boolean ties) {
            this.centred = centred;
            this.sumSquares = sumSquares;
            this.ties = ties;
        }

        /** Ranks {@code y} (finite values). */
        public static Ranked of(double[] y) {
            double[] r = Ranks.average(y);
            double mid = (y.length + 1) / 2.0, ss = 0;
            for (int i = 0; i < r.length; i++) { r[i] -= mid; ss += r[i] * r[i]; }
            return new Ranked(r, ss, Ties.any(y));
        }
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
}
