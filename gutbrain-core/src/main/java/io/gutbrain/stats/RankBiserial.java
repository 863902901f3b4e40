package io.gutbrain.stats;

/**
 * Rank-biserial correlations, the standardized effect sizes of the two Wilcoxon tests, with
 * Fisher-z confidence intervals (the construction of the R package effectsize).
 *
 * <p>Two samples (Cureton 1956; Kerby 2014): r = 2W/(n₁n₂) − 1 = P(X &gt; Y) − P(X &lt; Y), in
 * [−1, 1], positive when the first sample tends to be larger; SE of atanh r taken as
 * √((n₁ + n₂ + 1)/(3n₁n₂)). Paired (matched-pairs, King &amp; Minium 2003): with n non-zero
 * differences r = (T₊ − T₋)/(n(n+1)/2) = 4V/(n(n+1)) − 1, SE √((2n³ + 3n² + n)/6)/(n(n+1)/2).
 * The interval is tanh(atanh r ∓ z·SE); it is [1, 1] or [−1, −1] when r is ±1.
 */
public final class RankBiserial {
    private RankBiserial() {}

    /** {r, low, high} for the rank-sum statistic W of samples of sizes n1 and n2. */
    public static double[] twoSample(double w, int n1, int n2, double confLevel) {
        double r = 2 * w / ((double) n1 * n2) - 1;
        double se = Math.sqrt((n1 + n2 + 1.0) / (3.0 * n1 * n2));
        return withInterval(r, se, confLevel);
    }

    /** {r, low, high} for the signed-rank statistic V of n non-zero differences. */
    public static double[] paired(double v, int n, double confLevel) {
        double max = n * (n + 1.0) / 2;
        double r = 4 * v / (n * (n + 1.0)) - 1;
        double se = Math.sqrt((2.0 * n * n * n + 3.0 * n * n + n) / 6) / max;
        return withInterval(r, se, confLevel);
    }

    private static double[] withInterval(double r, double se, double confLevel) {
        double z = Tails.normalQuantile((1 + confLevel) / 2);
        double c = SpearmanCorrelation.atanh(r);
        return new double[] {r, Math.tanh(c - z * se), Math.tanh(c + z * se)};
    }
}
