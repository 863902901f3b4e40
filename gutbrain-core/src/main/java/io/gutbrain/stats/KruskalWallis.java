package io.gutbrain.stats;

import io.gutbrain.stats.RankTestResult.PValueMethod;

/**
 * The Kruskal–Wallis rank-sum test of k independent groups (Kruskal &amp; Wallis 1952), as R's
 * {@code kruskal.test}: with average ranks r over all N observations and R_g, n_g the rank sum
 * and size of group g,
 * H = [12/(N(N+1)) · Σ R_g²/n_g − 3(N+1)] / [1 − Σ(t³ − t)/(N³ − N)],
 * referred to χ² with k − 1 degrees of freedom. H is NaN (no p-value) when all values are tied.
 */
public final class KruskalWallis {
    private KruskalWallis() {}

    /**
     * @param x      the observations
     * @param group  group index of each observation, 0..groups−1
     * @param groups the number of groups k (every group must be non-empty)
     * @throws IllegalArgumentException if a group is empty or there are fewer than 2 groups
     */
    public static RankTestResult test(double[] x, int[] group, int groups) {
        if (groups < 2) throw new IllegalArgumentException("need at least 2 groups");
        int n = x.length;
        int[] size = new int[groups];
        for (int g : group) size[g]++;
        double[][] byGroup = new double[groups][];
        for (int g = 0; g < groups; g++) {
            if (size[g] == 0) throw new IllegalArgumentException("group " + g + " is empty");
            byGroup[g] = new double[size[g]];
        }
        int[] fill = new int[groups];
        for (int i = 0; i < n; i++) byGroup[group[i]][fill[group[i]]++] = x[i];
        SortedRuns[] runs = new SortedRuns[groups];
        for (int g = 0; g < groups; g++) runs[g] = SortedRuns.of(byGroup[g]);
        double[] sum = new double[groups];
        double tieSum = SortedRuns.rankSums(runs, 0, sum);
        double s = 0;
        for (int g = 0; g < groups; g++) s += sum[g] * sum[g] / size[g];
        double dn = n;
        double h = (12 * s / (dn * (dn + 1)) - 3 * (dn + 1)) / (1 - tieSum / (dn * dn * dn - dn));
        double df = groups - 1;
        if (Double.isNaN(h)) return RankTestResult.undefined(h, df, n);
        return new RankTestResult(h, df, Tails.chiSquaredUpper(h, df), PValueMethod.CHI_SQUARED, n,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * The ε² effect size H / ((N² − 1)/(N + 1)) = H/(N − 1), the share of rank variance explained
     * by the grouping (Kelley 1935; Tomczak &amp; Tomczak 2014, Trends Sport Sci 21:19–25).
     */
    public static double epsilonSquared(double h, int n) {
        return h / ((n * (double) n - 1) / (n + 1.0));
    }
}
