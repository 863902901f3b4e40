package io.gutbrain.stats;

import io.gutbrain.stats.RankTestResult.PValueMethod;

import java.util.Arrays;

/**
 * The Wilcoxon rank-sum (Mann–Whitney U) test of two independent samples with the
 * Hodges–Lehmann shift and its confidence interval, computed exactly as R's
 * {@code wilcox.test(x, y, conf.int = TRUE)} with its defaults ({@code exact = NULL},
 * {@code correct = TRUE}, {@code tol.root = 1e-4}).
 *
 * <p>W = Σ ranks of x − n_x(n_x + 1)/2 over the pooled sample (average ranks for ties), the
 * number of pairs with x above y, counting ties as ½ (Wilcoxon 1945; Mann &amp; Whitney 1947).
 *
 * <p><b>Exact</b> when n_x &lt; 50, n_y &lt; 50 and there are no ties: p = min(1, 2·P(U ≤ W)) or
 * 2·P(U ≥ W) from {@link WilcoxonDistribution}; the estimate is the median of the n_x·n_y
 * differences x_i − y_j and the interval runs between the order statistics given by the
 * α/2 quantile of U (Hodges &amp; Lehmann 1963; Bauer 1972).
 *
 * <p><b>Otherwise normal</b>: z = (W − n_x n_y/2 − ½·sign)/σ with
 * σ² = n_x n_y/12 · (n_x + n_y + 1 − Σ(t³ − t)/((N)(N − 1))). The estimate and limits are then the
 * shifts d at which the standardized statistic of (x − d, y) crosses 0 and ±z_{α/2}, found by
 * {@link RootFinder#uniroot} as R does; the estimate uses no continuity correction, the limits do.
 */
public final class WilcoxonRankSum {
    private static final double TOL_ROOT = 1e-4;
    private static final int MAX_ITER = 1000;

    private WilcoxonRankSum() {}

    /**
     * Tests x against y (two-sided) and estimates the shift x − y.
     *
     * @param confLevel confidence level of the interval, e.g. 0.95
     * @throws IllegalArgumentException if either sample is empty or holds NaN
     */
    public static RankTestResult test(double[] x, double[] y, double confLevel) {
        int nx = x.length, ny = y.length;
        if (nx == 0 || ny == 0) throw new IllegalArgumentException("both samples need at least one value");
        SortedRuns[] runs = {SortedRuns.of(x), SortedRuns.of(y)};
        double[] sums = new double[2];
        double tieSum = SortedRuns.rankSums(runs, 0, sums);
        double w = sums[0] - nx * (nx + 1) / 2.0;
        boolean ties = tieSum > 0;
        double alpha = 1 - confLevel;
        if (nx < 50 && ny < 50 && !ties) {
            double half = (double) nx * ny / 2;
            double p = w > half ? WilcoxonDistribution.rankSumCdf(w - 1, nx, ny, false)
                    : WilcoxonDistribution.rankSumCdf(w, nx, ny, true);
            p = Math.min(2 * p, 1);
            double[] diffs = new double[nx * ny];
            int k = 0;
            for (double xi : x) for (double yj : y) diffs[k++] = xi - yj;
            Arrays.sort(diffs);
            double qu = WilcoxonDistribution.rankSumQuantile(alpha / 2, nx, ny);
            if (qu == 0) qu = 1;
            double ql = (double) nx * ny - qu;
            double achieved = 2 * WilcoxonDistribution.rankSumCdf(Math.floor(qu) - 1, nx, ny, true);
            double level = achieved - alpha > alpha / 2 ? 1 - achieved : confLevel;
            return new RankTestResult(w, Double.NaN, p, PValueMethod.EXACT, nx + ny, Ties.median(diffs),
                    diffs[(int) qu - 1], diffs[(int) ql], level);
        }
        double sigma = sigma(nx, ny, tieSum);
        double z = w - (double) nx * ny / 2;
        z = (z - Math.signum(z) * 0.5) / sigma;
        double p = 2 * Math.min(Tails.normalLower(z), Tails.normalUpper(z));
        if (Double.isNaN(p)) return RankTestResult.undefined(w, Double.NaN, nx + ny);
        double[] ci = asymptoticInterval(runs, alpha);
        return new RankTestResult(w, Double.NaN, p, PValueMethod.NORMAL, nx + ny, ci[2], ci[0], ci[1], confLevel);
    }

    private static double sigma(int nx, int ny, double tieSum) {
        double n = nx + ny;
        return Math.sqrt(((double) nx * ny / 12) * ((n + 1) - tieSum / (n * (n - 1))));
    }

    /** {low, high, estimate} by root-finding on the standardized statistic of (x − d, y). */
    private static double[] asymptoticInterval(SortedRuns[] runs, double alpha) {
        double muMin = runs[0].min() - runs[1].max(), muMax = runs[0].max() - runs[1].min();
        double wMin = standardized(runs, muMin, true), wMax = standardized(runs, muMax, true);
        double zLow = Tails.normalQuantile(alpha / 2);
        double low = root(runs, muMin, muMax, wMin, wMax, -zLow); // qnorm(α/2, lower.tail = FALSE)
        double high = root(runs, muMin, muMax, wMin, wMax, zLow);
        double estimate;
        try {
            estimate = RootFinder.uniroot(d -> standardized(runs, d, false), muMin, muMax,
                    standardized(runs, muMin, false), standardized(runs, muMax, false), TOL_ROOT, MAX_ITER);
        } catch (IllegalArgumentException e) {
            estimate = Double.NaN;
        }
        return new double[] {low, high, estimate};
    }

    private static double root(SortedRuns[] runs, double muMin, double muMax, double wMin, double wMax, double zq) {
        double fLower = wMin - zq;
        if (fLower <= 0) return muMin;
        double fUpper = wMax - zq;
        if (fUpper >= 0) return muMax;
        try {
            return RootFinder.uniroot(d -> standardized(runs, d, true) - zq, muMin, muMax, fLower, fUpper, TOL_ROOT, MAX_ITER);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** (W(x − d, y) − n_x n_y/2 − correction)/σ, R's inner function {@code W(d)}. */
    private static double standardized(SortedRuns[] runs, double d, boolean correct) {
        int nx = runs[0].total, ny = runs[1].total;
        double[] sums = new double[2];
        double tieSum = SortedRuns.rankSums(runs, d, sums);
        double dz = sums[0] - nx * (nx + 1) / 2.0 - (double) nx * ny / 2;
        double correction = correct ? Math.signum(dz) * 0.5 : 0;
        return (dz - correction) / sigma(nx, ny, tieSum);
    }
}
