package io.gutbrain.stats;

/**
 * The outcome of one rank test on one feature.
 *
 * @param statistic the test statistic as R reports it (W, V, Kruskal–Wallis H, Spearman S)
 * @param df        degrees of freedom of the reference distribution (Kruskal–Wallis), else NaN
 * @param pValue    two-sided p-value; NaN when the test is undefined (e.g. all values tied)
 * @param method    how the p-value was obtained
 * @param n         observations the test used (for the signed-rank test: non-zero differences)
 * @param estimate  the location estimate (Hodges–Lehmann shift or pseudomedian) or Spearman's ρ;
 *                  NaN for Kruskal–Wallis
 * @param ciLow     lower end of the confidence interval of {@code estimate}, NaN if none
 * @param ciHigh    upper end of the confidence interval of {@code estimate}, NaN if none
 * @param confLevel the confidence level actually achieved (R lowers it when the requested one is
 *                  not attainable with few observations), NaN if no interval
 */
public record RankTestResult(double statistic, double df, double pValue, PValueMethod method, int n,
                             double estimate, double ciLow, double ciHigh, double confLevel) {

    /** How a p-value was computed. */
    public enum PValueMethod {
        /** Exact null distribution (no ties). */
        EXACT,
        /** Normal approximation with tie and continuity corrections. */
        NORMAL,
        /** χ² approximation (Kruskal–Wallis). */
        CHI_SQUARED,
        /** AS 89 Edgeworth series for Spearman's S without ties, 9 &lt; n ≤ 1290. */
        EDGEWORTH,
        /** Student t approximation for Spearman's ρ (ties or n &gt; 1290). */
        STUDENT_T,
        /** Not computable (no variation). */
        NONE;

        /** Lower-case label for output files ({@code exact}, {@code normal}, {@code chisq}, {@code edgeworth}, {@code t}, {@code NA}). */
        public String label() {
            return switch (this) {
                case EXACT -> "exact";
                case NORMAL -> "normal";
                case CHI_SQUARED -> "chisq";
                case EDGEWORTH -> "edgeworth";
                case STUDENT_T -> "t";
                case NONE -> "NA";
            };
        }
    }

    /** A result with no p-value (the test is undefined for the data). */
    static RankTestResult undefined(double statistic, double df, int n) {
        return new RankTestResult(statistic, df, Double.NaN, PValueMethod.NONE, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
