package io.gutbrain.simulate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpearmanTest {

    /**
     * Expected values from R 4.2.2:
     * {@code cor.test(x, y, method = "spearman", exact = FALSE)} on the vectors below (ties in
     * both), printed with 17 digits.
     */
    @Test
    void matchesRCorTestWithTies() {
        double[] r = Spearman.test(new double[] {1, 2, 2, 4, 5, 7, 7, 7, 9, 10, 12, 3}, new double[] {2, 1, 4, 3, 6, 6, 8, 9, 7, 12, 10, 5});
        assertThat(r[0]).isCloseTo(0.91521720157897768, within(1e-14));
        assertThat(r[1]).isCloseTo(2.9882134146778924e-05, within(1e-15));
        double[] r2 = Spearman.test(new double[] {0.3, -1.2, 2.5, 0.8, -0.4, 1.9, -2.2, 0.1}, new double[] {1, 0, 0, 2, 1, 0, 3, 1});
        assertThat(r2[0]).isCloseTo(-0.45056355688958305, within(1e-14));
        assertThat(r2[1]).isCloseTo(0.26256482462045533, within(1e-13));
    }

    @Test
    void edgeCases() {
        assertThat(Spearman.test(new double[] {1, 2, 3, 4}, new double[] {8, 6, 4, 2})).containsExactly(-1, 0);
        assertThat(Spearman.test(new double[] {1, 2, 3}, new double[] {5, 5, 5})[0]).isNaN();
        assertThat(Spearman.test(new double[] {1, 2}, new double[] {1, 2})[1]).isNaN();
    }
}
