package io.gutbrain.stats;

import io.gutbrain.stats.RankTestResult.PValueMethod;

import java.util.Arrays;

/**
 * The Wilcoxon signed-rank test of paired differences against 0 with the pseudomedian
 * (Hodges–Lehmann one-sample estimate) and its confidence interval, computed exactly as R's
 * {@code wilcox.test(x, y, paired = TRUE, conf.int = TRUE)} with its defaults.
 *
 * <p>Zero differences are dropped first (Wilcoxon's convention, R's default). With the n
 * remaining differences, V = Σ ranks of |d| over the positive d (average ranks for ties).
 *
 * <p><b>Exact</b> when n &lt; 50 and there were no ties and no zeros: p from
 * {@link WilcoxonDistribution}; the estimate is the median of the n(n+1)/2 Walsh averages
 * (d_i + d_j)/2, i ≤ j, and the limits are their order statistics at the α/2 quantile of V.
 *
 * <p><b>Otherwise normal</b>: z = (V − n(n+1)/4 − ½·sign)/σ, σ² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48;
 * estimate and limits by root-finding on the standardized statistic of d − m (zeros dropped at
 * each m), widening α as R does when the requested level cannot be reached.
 */
public final class WilcoxonSignedRank {
    private static final double TOL_ROOT = 1e-4;
    private static final int MAX_ITER = 1000;

    private WilcoxonSignedRank() {}

    /**
     * Tests the paired differences {@code d} (e.g. after − before) against 0, two-sided.
     *
     * @param confLevel confidence level of the interval, e.g. 0.95
     */
    public static RankTestResult test(double[] d, double confLevel) {
        int zeros = 0;
        for (double v : d) if (v == 0) zeros++;
        double[] x = new double[d.length - zeros];
        int k = 0;
        for (double v : d) if (v != 0) x[k++] = v;
        int n = x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] vt = positiveRankSum(sorted, 0);
        double v = vt[0], tieSum = vt[1];
        double alpha = 1 - confLevel;
        if (n < 50 && tieSum == 0 && zeros == 0) {
            double half = n * (n + 1) / 4.0;
            double p = v > half ? WilcoxonDistribution.signedRankCdf(v - 1, n, false)
                    : WilcoxonDistribution.signedRankCdf(v, n, true);
            p = Math.min(2 * p, 1);
            double[] walsh = new double[n * (n + 1) / 2];
            int w = 0;
            for (int i = 0; i < n; i++) for (int j = i; j < n; j++) walsh[w++] = (x[i] + x[j]) / 2;
            Arrays.sort(walsh);
            double qu = WilcoxonDistribution.signedRankQuantile(alpha / 2, n);
            if (qu == 0) qu = 1;
            double ql = n * (n + 1) / 2.0 - qu;
            double achieved = 2 * WilcoxonDistribution.signedRankCdf(Math.floor(qu) - 1, n, true);
            double level = achieved - alpha > alpha / 2 ? 1 - signif2(achieved) : confLevel;
            return new RankTestResult(v, Double.NaN, p, PValueMethod.EXACT, n, Ties.median(walsh),
                    walsh[(int) qu - 1], walsh[(int) ql], level);
        }
        double z = v - n * (n + 1) / 4.0;
        double sigma = Math.sqrt(n * (n + 1.0) * (2 * n + 1) / 24 - tieSum / 48);
        z = (z - Math.signum(z) * 0.5) / sigma;
        double p = 2 * Math.min(Tails.normalLower(z), Tails.normalUpper(z));
        if (Double.isNaN(p)) return RankTestResult.undefined(v, Double.NaN, n);
        return asymptotic(sorted, v, p, alpha, confLevel);
    }

    /** The normal-approximation estimate and interval; {@code x} holds the non-zero differences in ascending order. */
    private static RankTestResult asymptotic(double[] x, double v, double p, double alpha, double confLevel) {
        int n = x.length;
        double muMin = x[0], muMax = x[n - 1];
        double wMin = standardized(x, muMin, true);
        double wMax = Double.isFinite(wMin) ? standardized(x, muMax, true) : Double.NaN;
        if (!Double.isFinite(wMax)) {
            return new RankTestResult(v, Double.NaN, p, PValueMethod.NORMAL, n, (muMin + muMax) / 2, Double.NaN, Double.NaN, 0);
        }
        // widen α until both limits fall inside [min, max] (R warns "requested conf.level not achievable")
        while (alpha < 1) {
            double minDiff = wMin + Tails.normalQuantile(alpha / 2); // wMin − qnorm(α/2, lower = FALSE)
            double maxDiff = wMax - Tails.normalQuantile(alpha / 2);
            if (minDiff < 0 || maxDiff > 0) alpha *= 2; else break;
        }
        double level = confLevel;
        if (alpha >= 1 || 1 - confLevel < alpha * 0.75) level = 1 - Math.min(1, alpha);
        double low, high;
        if (alpha < 1) {
            double zq = Tails.normalQuantile(alpha / 2);
            low = root(x, muMin, muMax, wMin, wMax, -zq);
            high = root(x, muMin, muMax, wMin, wMax, zq);
        } else {
            low = high = Ties.median(x);
        }
        double estimate;
        try {
            estimate = RootFinder.uniroot(m -> standardized(x, m, false), muMin, muMax,
                    standardized(x, muMin, false), standardized(x, muMax, false), TOL_ROOT, MAX_ITER);
        } catch (IllegalArgumentException e) {
            estimate = Double.NaN;
        }
        return new RankTestResult(v, Double.NaN, p, PValueMethod.NORMAL, n, estimate, low, high, level);
    }

    private static double root(double[] x, double muMin, double muMax, double wMin, double wMax, double zq) {
        try {
            return RootFinder.uniroot(m -> standardized(x, m, true) - zq, muMin, muMax, wMin - zq, wMax - zq, TOL_ROOT, MAX_ITER);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** R's inner {@code W(d)}: the standardized signed-rank statistic of x − m with zeros dropped (x sorted). */
    private static double standardized(double[] sorted, double m, boolean correct) {
        double[] vt = positiveRankSum(sorted, m);
        double nx = vt[2];
        double zd = vt[0] - nx * (nx + 1) / 4;
        double sigma = Math.sqrt(nx * (nx + 1) * (2 * nx + 1) / 24 - vt[1] / 48);
        double correction = correct ? Math.signum(zd) * 0.5 : 0;
        return (zd - correction) / sigma;
    }

    /**
     * {V, Σ(t³ − t), n}: with d = x − m (computed per value as R does) and zeros dropped, the sum of
     * the average ranks of |d| over the positive d, the tie sum of |d| and the number of non-zero d.
     * {@code sorted} is ascending, so the negative d in reverse order and the positive d in order
     * are two ascending sequences of |d|, merged here in O(n).
     */
    private static double[] positiveRankSum(double[] sorted, double m) {
        int n = sorted.length;
        int j = 0;
        while (j < n && sorted[j] - m < 0) j++;
        int i = j - 1;                          // last negative difference
        while (j < n && sorted[j] - m == 0) j++; // zeros are dropped
        double used = 0, v = 0, ties = 0;
        while (i >= 0 || j < n) {
            double a = i >= 0 ? -(sorted[i] - m) : Double.POSITIVE_INFINITY;
            double b = j < n ? sorted[j] - m : Double.POSITIVE_INFINITY;
            double cur = Math.min(a, b);
            int neg = 0, pos = 0;
            while (i >= 0 && -(sorted[i] - m) == cur) { neg++; i--; }
            while (j < n && sorted[j] - m == cur) { pos++; j++; }
            double t = neg + pos;
            v += pos * (used + (t + 1) / 2);
            ties += t * t * t - t;
            used += t;
        }
        return new double[] {v, ties, used};
    }

    /** R's {@code signif(a, 2)} for a in (0, 1]. */
    private static double signif2(double a) {
        if (a == 0) return 0;
        double scale = Math.pow(10, 1 - Math.floor(Math.log10(Math.abs(a))));
        return Math.rint(a * scale) / scale;
    }
}
