package io.gutbrain.stats;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact null distributions of the two Wilcoxon statistics, as R's {@code pwilcox}/{@code qwilcox}
 * and {@code psignrank}/{@code qsignrank} define them.
 *
 * <p><b>Rank sum.</b> Under H0 every set of m ranks out of m + n is equally likely, so
 * P(U = k) = c(k; m, n) / C(m + n, m), where c counts the m-subsets of {1..m+n} whose rank sum
 * is k + m(m+1)/2 (Mann &amp; Whitney 1947). <b>Signed rank.</b> Every sign pattern is equally
 * likely, so P(V = k) = c(k; n) / 2ⁿ with c counting the subsets of {1..n} summing to k
 * (Wilcoxon 1945). Both counts are filled by subset-sum dynamic programming that only adds
 * non-negative numbers (no cancellation) and are cached per sample size.
 *
 * <p>Tail sums follow R: the shorter tail is summed directly (so small upper-tail p-values keep
 * their precision), and the quantile is the smallest q with P(X ≤ q) ≥ p − 10ε.
 */
public final class WilcoxonDistribution {
    private static final ConcurrentHashMap<Long, double[]> RANK_SUM = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, double[]> SIGNED_RANK = new ConcurrentHashMap<>();
    private static final double FUZZ = 10 * Math.ulp(1.0);

    private WilcoxonDistribution() {}

    /** Counts c(k; m, n) for k = 0..m·n (a shared array; do not modify). */
    static double[] rankSumCounts(int m, int n) {
        int a = Math.min(m, n), b = Math.max(m, n); // the distribution is symmetric in (m, n)
        return RANK_SUM.computeIfAbsent(((long) a << 32) | b, key -> buildRankSum(a, b));
    }

    private static double[] buildRankSum(int m, int n) {
        int total = m + n;
        int maxSum = m * n;
        // ways[j][u]: j of the ranks seen so far chosen, with U-offset u = ranksum - j(j+1)/2
        double[][] ways = new double[m + 1][maxSum + 1];
        ways[0][0] = 1;
        for (int r = 1; r <= total; r++) {
            for (int j = Math.min(r, m); j >= 1; j--) {
                // choosing rank r as the j-th smallest raises U by r - j
                int shift = r - j;
                if (shift > n) continue;
                double[] to = ways[j], from = ways[j - 1];
                for (int u = maxSum; u >= shift; u--) to[u] += from[u - shift];
            }
        }
        return ways[m];
    }

    /** Counts c(k; n) for k = 0..n(n+1)/2 (a shared array; do not modify). */
    static double[] signedRankCounts(int n) {
        return SIGNED_RANK.computeIfAbsent(n, WilcoxonDistribution::buildSignedRank);
    }

    private static double[] buildSignedRank(int n) {
        int max = n * (n + 1) / 2;
        double[] c = new double[max + 1];
        c[0] = 1;
        int reach = 0;
        for (int r = 1; r <= n; r++) {
            reach += r;
            for (int s = reach; s >= r; s--) c[s] += c[s - r];
        }
        return c;
    }

    /** C(m + n, n) as R's {@code choose} (exact for the sizes used here). */
    private static double choose(int m, int n) {
        int k = Math.min(m, n), N = m + n;
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (N - k + i) / i;
        return Math.rint(r);
    }

    /** P(U ≤ q) or, with {@code lowerTail} false, P(U &gt; q), U the Mann–Whitney statistic of sizes m, n (R {@code pwilcox}). */
    public static double rankSumCdf(double q, int m, int n, boolean lowerTail) {
        double x = Math.floor(q + 1e-7);
        double mn = (double) m * n;
        if (x < 0) return lowerTail ? 0 : 1;
        if (x >= mn) return lowerTail ? 1 : 0;
        double[] c = rankSumCounts(m, n);
        double total = choose(m, n);
        double p = 0;
        if (x <= mn / 2) {
            for (int i = 0; i <= x; i++) p += c[i] / total;
        } else {
            x = mn - x;
            for (int i = 0; i < x; i++) p += c[i] / total;
            lowerTail = !lowerTail;
        }
        return lowerTail ? p : 0.5 - p + 0.5;
    }

    /** The smallest q with P(U ≤ q) ≥ p (R {@code qwilcox(p, m, n)}). */
    public static double rankSumQuantile(double p, int m, int n) {
        double mn = (double) m * n;
        if (p <= 0) return 0;
        if (p >= 1) return mn;
        double[] c = rankSumCounts(m, n);
        double total = choose(m, n);
        return quantile(p, i -> c[i] / total, mn);
    }

    /** P(V ≤ q) or, with {@code lowerTail} false, P(V &gt; q), V the signed-rank statistic of n differences (R {@code psignrank}). */
    public static double signedRankCdf(double q, int n, boolean lowerTail) {
        double x = Math.rint(q + 1e-7);
        double max = n * (n + 1) / 2.0;
        if (x < 0) return lowerTail ? 0 : 1;
        if (x >= max) return lowerTail ? 1 : 0;
        double[] c = signedRankCounts(n);
        double f = Math.exp(-n * Math.log(2));
        double p = 0;
        if (x <= max / 2) {
            for (int i = 0; i <= x; i++) p += c[i] * f;
        } else {
            x = max - x;
            for (int i = 0; i < x; i++) p += c[i] * f;
            lowerTail = !lowerTail;
        }
        return lowerTail ? p : 0.5 - p + 0.5;
    }

    /** The smallest q with P(V ≤ q) ≥ p (R {@code qsignrank(p, n)}). */
    public static double signedRankQuantile(double p, int n) {
        double max = n * (n + 1) / 2.0;
        if (p <= 0) return 0;
        if (p >= 1) return max;
        double f = Math.exp(-n * Math.log(2));
        double[] c = signedRankCounts(n);
        return quantile(p, i -> c[i] * f, max);
    }

    /**
     * Walks the cumulative distribution from 0 as R does: for p ≤ ½ the first q whose cumulative
     * probability reaches p − 10ε, otherwise the mirror image from the upper end.
     */
    private static double quantile(double p, java.util.function.IntToDoubleFunction prob, double max) {
        double acc = 0;
        int q = 0;
        if (p <= 0.5) {
            double target = p - FUZZ;
            while (true) {
                acc += prob.applyAsDouble(q);
                if (acc >= target) return q;
                q++;
            }
        }
        double target = 1 - p + FUZZ;
        while (true) {
            acc += prob.applyAsDouble(q);
            if (acc > target) return max - q;
            q++;
        }
    }
}
