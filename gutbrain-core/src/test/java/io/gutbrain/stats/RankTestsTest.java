package io.gutbrain.stats;

import io.gutbrain.stats.RankTestResult.PValueMethod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The rank tests on cases small enough to work out by hand. */
class RankTestsTest {
    private static final double EPS = 1e-14;

    @Test
    void rankSumExactByHand() {
        // x below every y: W = 0; of the C(5,2) = 10 equally likely rank sets only one gives U = 0,
        // so p = 2 * 1/10. Differences x - y sorted: -4 -3 -3 -2 -2 -1, median -2.5. The 2.5%
        // quantile of U is 0 -> 1, so the interval is (d(1), d(6)) = (-4, -1) with achieved level
        // 1 - 2 P(U <= 0) = 0.8.
        RankTestResult r = WilcoxonRankSum.test(new double[] {1, 2, 3}, new double[] {4, 5}, 0.95);
        assertThat(r.method()).isEqualTo(PValueMethod.EXACT);
        assertThat(r.statistic()).isEqualTo(0.0);
        assertThat(r.pValue()).isCloseTo(0.2, within(EPS));
        assertThat(r.estimate()).isEqualTo(-2.5);
        assertThat(r.ciLow()).isEqualTo(-4.0);
        assertThat(r.ciHigh()).isEqualTo(-1.0);
        assertThat(r.confLevel()).isCloseTo(0.8, within(EPS));
    }

    @Test
    void rankSumWithTiesByHand() {
        // pooled 1 1 2 2 3 3 -> ranks 1.5 1.5 3.5 3.5 5.5 5.5; W = 6.5 - 6 = 0.5; three ties of 2:
        // sigma^2 = 9/12 * (7 - 18/30) = 4.8; z = (0.5 - 4.5 + 0.5)/sqrt(4.8);
        // p = 2 pnorm(-3.5/sqrt(4.8)) = 0.11014892418594695 (R: wilcox.test gives ...702)
        RankTestResult r = WilcoxonRankSum.test(new double[] {1, 1, 2}, new double[] {2, 3, 3}, 0.95);
        assertThat(r.method()).isEqualTo(PValueMethod.NORMAL);
        assertThat(r.statistic()).isEqualTo(0.5);
        assertThat(r.pValue()).isCloseTo(0.11014892418594695, within(1e-15));
    }

    @Test
    void rankSumAllTiedHasNoPValue() {
        RankTestResult r = WilcoxonRankSum.test(new double[] {0, 0, 0}, new double[] {0, 0}, 0.95);
        assertThat(r.pValue()).isNaN();
        assertThat(r.method()).isEqualTo(PValueMethod.NONE);
    }

    @Test
    void signedRankExactByHand() {
        // differences 1 2 3 all positive: V = 6, the largest of 2^3 = 8 sign patterns: p = 2/8.
        // Walsh averages 1 1.5 2 2 2.5 3, median 2; interval (w(1), w(6)) at level 1 - 0.25.
        RankTestResult r = WilcoxonSignedRank.test(new double[] {1, 2, 3}, 0.95);
        assertThat(r.method()).isEqualTo(PValueMethod.EXACT);
        assertThat(r.statistic()).isEqualTo(6.0);
        assertThat(r.pValue()).isCloseTo(0.25, within(EPS));
        assertThat(r.estimate()).isEqualTo(2.0);
        assertThat(r.ciLow()).isEqualTo(1.0);
        assertThat(r.ciHigh()).isEqualTo(3.0);
        assertThat(r.confLevel()).isCloseTo(0.75, within(EPS));
    }

    @Test
    void signedRankDropsZerosAndAllZeroIsUndefined() {
        RankTestResult r = WilcoxonSignedRank.test(new double[] {0, 1, 2, 3, 0}, 0.95);
        assertThat(r.n()).isEqualTo(3);
        assertThat(r.method()).isEqualTo(PValueMethod.NORMAL); // zeros rule out the exact path, as in R
        assertThat(WilcoxonSignedRank.test(new double[] {0, 0}, 0.95).pValue()).isNaN();
    }

    @Test
    void kruskalWallisByHand() {
        // ranks = values; R_g = 3, 7, 11 over n_g = 2: H = 12/42 * (9 + 49 + 121)/2 - 21 = 32/7;
        // chi-squared with 2 df: p = exp(-H/2)
        RankTestResult r = KruskalWallis.test(new double[] {1, 2, 3, 4, 5, 6}, new int[] {0, 0, 1, 1, 2, 2}, 3);
        assertThat(r.statistic()).isCloseTo(32.0 / 7, within(EPS));
        assertThat(r.df()).isEqualTo(2.0);
        assertThat(r.pValue()).isCloseTo(Math.exp(-16.0 / 7), within(EPS));
        assertThat(KruskalWallis.epsilonSquared(32.0 / 7, 6)).isCloseTo(32.0 / 7 / 5, within(EPS));
    }

    @Test
    void spearmanExactByHand() {
        // perfect order, n = 4: rho = 1, S = 0; only the identity of 4! = 24 permutations has S <= 0,
        // so p = 2/24
        RankTestResult r = SpearmanCorrelation.test(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40}, 0.95);
        assertThat(r.method()).isEqualTo(PValueMethod.EXACT);
        assertThat(r.estimate()).isEqualTo(1.0);
        assertThat(r.statistic()).isEqualTo(0.0);
        assertThat(r.pValue()).isCloseTo(1.0 / 12, within(EPS));
    }

    @Test
    void spearmanConstantIsUndefined() {
        assertThat(SpearmanCorrelation.test(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}, 0.95).pValue()).isNaN();
    }

    @Test
    void prhoCountsPermutationsOfThree() {
        // S over the 6 permutations of 1..3: 0, 2, 2, 6, 6, 8 -> P(S >= 6) = 3/6, P(S < 6) = 3/6
        assertThat(SpearmanDistribution.prho(3, 6, false)).isEqualTo(0.5);
        assertThat(SpearmanDistribution.prho(3, 8, false)).isCloseTo(1.0 / 6, within(EPS));
        assertThat(SpearmanDistribution.prho(3, 3, true)).isCloseTo(0.5, within(EPS));
    }

    @Test
    void exactCountsSumToTheNumberOfArrangements() {
        double sum = 0;
        for (double c : WilcoxonDistribution.rankSumCounts(7, 12)) sum += c;
        assertThat(sum).isEqualTo(50388.0); // C(19, 7)
        sum = 0;
        for (double c : WilcoxonDistribution.signedRankCounts(20)) sum += c;
        assertThat(sum).isEqualTo(1048576.0); // 2^20
        // U for m = 3, n = 2: 1 1 2 2 2 1 1
        assertThat(WilcoxonDistribution.rankSumCounts(3, 2)).containsExactly(1, 1, 2, 2, 2, 1, 1);
        assertThat(WilcoxonDistribution.rankSumCdf(2, 3, 2, true)).isCloseTo(0.4, within(EPS));
        assertThat(WilcoxonDistribution.rankSumCdf(2, 3, 2, false)).isCloseTo(0.6, within(EPS));
    }

    @Test
    void tailsKeepPrecisionFarOut() {
        // R 4.2: pt(-40, 5), pt(1e-6, 1000, lower.tail = FALSE), pt(-30, 1000),
        // pchisq(200, 3, lower.tail = FALSE), pnorm(-30), qnorm(0.025)
        assertThat(Tails.studentT(-40, 5, true)).isCloseTo(9.2059810858864758e-08, within(1e-20));
        assertThat(Tails.studentT(1e-6, 1000, false)).isCloseTo(0.49999960115744269, within(1e-15));
        assertThat(Tails.studentT(-30, 1000, true) / 7.687343722022532e-142).isCloseTo(1, within(1e-10));
        assertThat(Tails.chiSquaredUpper(200, 3) / 4.2185411071920418e-43).isCloseTo(1, within(1e-12));
        assertThat(Tails.normalUpper(30) / 4.9067139271481872e-198).isCloseTo(1, within(1e-12));
        assertThat(Tails.normalQuantile(0.025)).isCloseTo(-1.9599639845400538, within(1e-15));
    }

    @Test
    void rootFinderFindsSquareRootOfTwo() {
        double r = RootFinder.uniroot(x -> x * x - 2, 0, 2, -2, 2, 1e-12, 1000);
        assertThat(r).isCloseTo(Math.sqrt(2), within(1e-11));
        assertThat(RootFinder.uniroot(x -> x, 0, 1, 0, 1, 1e-4, 100)).isEqualTo(0.0);
    }
}
