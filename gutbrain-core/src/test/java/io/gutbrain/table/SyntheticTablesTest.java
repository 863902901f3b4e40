package io.gutbrain.table;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticTablesTest {

    @Test
    void sameSeedSameTable() {
        assertThat(SyntheticTables.counts(40, 300, 0.05, 11).sameData(SyntheticTables.counts(40, 300, 0.05, 11))).isTrue();
        assertThat(SyntheticTables.counts(40, 300, 0.05, 11).sameData(SyntheticTables.counts(40, 300, 0.05, 12))).isFalse();
    }

    @Test
    void shapeIdsAndValues() {
        FeatureTable t = SyntheticTables.counts(50, 400, 0.1, 1);
        assertThat(t.sampleCount()).isEqualTo(50);
        assertThat(t.featureCount()).isEqualTo(400);
        assertThat(t.sampleIds().get(0)).isEqualTo("S0");
        assertThat(t.featureIds().get(399)).isEqualTo("F399");
        assertThat(t.isIntegral()).isTrue();
        for (int k = 0; k < t.nonZeroCount(); k++) assertThat(t.valueAt(k)).isGreaterThanOrEqualTo(1.0);
        for (int s = 0; s < t.sampleCount(); s++) assertThat(t.sampleNonZero(s)).isPositive();
    }

    /**
     * The expected density is the requested one (the prevalences are rescaled to that mean); with
     * 3,000,000 cells the binomial standard error is about 0.0001, so ±0.005 is a loose bound that
     * still catches a wrong scaling.
     */
    @Test
    void densityAsRequested() {
        FeatureTable t = SyntheticTables.counts(1000, 3000, 0.05, 5);
        assertThat(t.density()).isBetween(0.045, 0.055);
    }

    /** Prevalence is uneven: the most prevalent feature is in far more samples than the median one. */
    @Test
    void prevalenceIsSkewed() {
        int[] prev = SyntheticTables.counts(500, 1000, 0.05, 9).featurePrevalence();
        int[] sorted = prev.clone();
        java.util.Arrays.sort(sorted);
        assertThat(sorted[sorted.length - 1]).isGreaterThan(10 * Math.max(1, sorted[sorted.length / 2]));
    }

    @Test
    void badArguments() {
        assertThatThrownBy(() -> SyntheticTables.counts(0, 5, 0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticTables.counts(5, 5, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticTables.counts(5, 5, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
