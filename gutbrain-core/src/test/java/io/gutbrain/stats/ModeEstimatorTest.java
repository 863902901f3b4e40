package io.gutbrain.stats;

import io.gutbrain.util.Quantiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The mean-shift mode (LinDA's bias estimator) and its pieces. Expected values by hand and from
 * R 4.2: {@code bw.nrd0}, {@code quantile}, and modeest's {@code shorth}/{@code meanshift}
 * re-written in base R as in reference/association/linda_R.R.
 */
class ModeEstimatorTest {
    @Test
    void shorthIsTheMeanOfTheShortestHalf() {
        // n = 5, windows of 3: [1,2,3] spans 2, the others 8 -> mean 2
        assertThat(ModeEstimator.shorth(new double[] {10, 1, 3, 11, 2})).isEqualTo(2.0);
        // n = 4, windows of 2 starting at 1, 2, 3 span 1, 2, 1: tie -> mean start 2 -> [2, 4]
        assertThat(ModeEstimator.shorth(new double[] {1, 2, 4, 5})).isEqualTo(3.0);
    }

    @Test
    void bandwidthAndModeMatchR() {
        double[] x = {1, 2, 3, 10, 11};
        assertThat(ModeEstimator.bandwidthNrd0(x)).isCloseTo(3.0803562044330275, within(1e-15));
        assertThat(ModeEstimator.meanShift(x)).isCloseTo(2.1686022736484745, within(1e-14));
        double[] y = {-0.3, -0.1, 0, 0.05, 0.1, 0.12, 0.2, 0.25, 0.9, 1.4, 2.2};
        assertThat(ModeEstimator.bandwidthNrd0(y)).isCloseTo(0.22867667219291302, within(1e-15));
        assertThat(ModeEstimator.meanShift(y)).isCloseTo(0.071498448087675456, within(1e-15));
    }

    @Test
    void quantileType7MatchesR() {
        double[] y = {-0.3, -0.1, 0, 0.05, 0.1, 0.12, 0.2, 0.25, 0.9, 1.4, 2.2};
        assertThat(Quantiles.type7(y, 0.97)).isEqualTo(1.9599999999999995);
        assertThat(Quantiles.type7Unsorted(new double[] {3, 1, 2}, 0.5)).isEqualTo(2.0);
    }
}
