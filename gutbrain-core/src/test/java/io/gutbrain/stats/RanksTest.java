package io.gutbrain.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RanksTest {
    @Test
    void tiesGetTheMeanOfTheirRanks() {
        // R: rank(c(0.3, 0.1, 0.3, 0.2, 0.3, 0.0)) = 5 2 5 3 5 1
        assertThat(Ranks.average(new double[]{0.3, 0.1, 0.3, 0.2, 0.3, 0.0})).containsExactly(5, 2, 5, 3, 5, 1);
        assertThat(Ranks.average(new double[]{1, 1})).containsExactly(1.5, 1.5);
        assertThat(Ranks.average(new double[]{-0.0, 0.0})).containsExactly(1.5, 1.5);
    }
}
