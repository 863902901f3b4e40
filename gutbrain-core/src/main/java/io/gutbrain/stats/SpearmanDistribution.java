package io.gutbrain.stats;

/**
 * The null distribution of Spearman's S = Σ d² = (n³ − n)(1 − ρ)/6, as R's {@code cor.test}
 * evaluates it (algorithm AS 89, Best &amp; Roberts 1975, Applied Statistics 24:377, in R's
 * revision {@code prho.c}).
 *
 * <p>For n ≤ 9 the probability is exact: the number of permutations of 1..n with Σ d² ≥ s over n!
 * (the counts come from a dynamic programme over the set of ranks already placed rather than by
 * enumerating the permutations). For larger n it is AS 89's Edgeworth series: with
 * x = (6(s − 1)/(n(n² − 1)) − 1)·√(n − 1), P(S ≥ s) ≈ Φ̄(x) + u·e^{−x²/2} with u the
 * published polynomial in x and 1/n, clipped to [0, 1].
 */
public final class SpearmanDistribution {
    /** Largest n evaluated exactly, as in R. */
    public static final int EXACT_MAX = 9;
    private static final long[][] COUNTS = new long[EXACT_MAX + 1][];

    private SpearmanDistribution() {}

    /**
     * P(S ≥ s), or P(S &lt; s) when {@code lowerTail} is true (R's {@code prho(n, is, lower_tail)};
     * {@code cor.test} passes s = round(S) + 2 for the lower tail so that it reads P(S ≤ S_obs)).
     */
    public static double prho(int n, double s, boolean lowerTail) {
        double none = lowerTail ? 0 : 1;
        if (n <= 1 || s <= 0) return none;
        double n3 = (double) n;
        n3 *= (n3 * n3 - 1) / 3; // (n³ − n)/3, the largest possible S
        if (s > n3) return 1 - none;
        if (n <= EXACT_MAX) {
            long[] c = counts(n);
            long total = 0, atLeast = 0;
            for (int v = 0; v < c.length; v++) {
                total += c[v];
                if (v >= s) atLeast += c[v];
            }
            return (lowerTail ? total - atLeast : atLeast) / (double) total;
        }
        final double c1 = .2274, c2 = .2531, c3 = .1745, c4 = .0758, c5 = .1033, c6 = .3932,
                c7 = .0879, c8 = .0151, c9 = .0072, c10 = .0831, c11 = .0131, c12 = 4.6e-4;
        double y = n;
        double b = 1 / y;
        double x = (6.0 * (s - 1) * b / (y * y - 1) - 1) * Math.sqrt(y - 1);
        y = x * x;
        double u = x * b * (c1 + b * (c2 + c3 * b)
                + y * (-c4 + b * (c5 + c6 * b)
                - y * b * (c7 + c8 * b
                - y * (c9 - c10 * b + y * b * (c11 - c12 * y)))));
        y = u / Math.exp(y / 2);
        double pv = (lowerTail ? -y : y) + (lowerTail ? Tails.normalLower(x) : Tails.normalUpper(x));
        return Math.min(1, Math.max(0, pv));
    }

    /** counts[v] = number of permutations of 1..n with Σ (i − π(i))² = v. */
    private static synchronized long[] counts(int n) {
        if (COUNTS[n] != null) return COUNTS[n];
        int maxS = n * (n * n - 1) / 3;
        // ways[mask][v]: positions 1..|mask| filled with the values in mask, partial sum v
        long[][] ways = new long[1 << n][];
        ways[0] = new long[maxS + 1];
        ways[0][0] = 1;
        for (int mask = 0; mask < (1 << n); mask++) {
            long[] w = ways[mask];
            if (w == null) continue;
            int pos = Integer.bitCount(mask) + 1;
            for (int val = 1; val <= n; val++) {
                int bit = 1 << (val - 1);
                if ((mask & bit) != 0) continue;
                int d2 = (pos - val) * (pos - val);
                long[] to = ways[mask | bit];
                if (to == null) ways[mask | bit] = to = new long[maxS + 1];
                for (int v = 0; v + d2 <= maxS; v++) to[v + d2] += w[v];
            }
            if (mask != (1 << n) - 1) ways[mask] = null; // no longer needed
        }
        return COUNTS[n] = ways[(1 << n) - 1];
    }
}
