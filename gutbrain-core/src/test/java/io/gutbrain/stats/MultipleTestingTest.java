package io.gutbrain.stats;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MultipleTestingTest {
    @Test
    void benjaminiHochbergMatchesRPAdjust() {
        // reference/stats_vegan_extra.R: p.adjust(c(0.01, 0.04, 0.03, 0.04, 0.5, NA, 0.001, 0.2, 0.04, 0.9), "BH")
        double[] p = {0.01, 0.04, 0.03, 0.04, 0.5, Double.NaN, 0.001, 0.2, 0.04, 0.9};
        double[] q = MultipleTesting.benjaminiHochberg(p);
        Map<String, Double> r = StatsFixtures.expected("reference/stats_vegan_extra.tsv");
        for (int i = 0; i < p.length; i++) {
            double want = r.get("none/bh_" + (i + 1));
            if (Double.isNaN(want)) assertThat(q[i]).isNaN();
            else assertThat(q[i]).as("q[%d]", i).isCloseTo(want, within(1e-15));
        }
    }

    @Test
    void handComputedSmallCase() {
        // m = 3: q_(3) = 0.03, q_(2) = min(0.03, 3/2 * 0.02) = 0.03, q_(1) = min(0.03, 3 * 0.001) = 0.003
        assertThat(MultipleTesting.benjaminiHochberg(new double[]{0.02, 0.001, 0.03})).containsExactly(0.03, 0.003, 0.03);
        assertThat(MultipleTesting.benjaminiHochberg(new double[]{0.9, 0.8})).containsExactly(0.9, 0.9);
        assertThat(MultipleTesting.benjaminiHochberg(new double[0])).isEmpty();
    }
}
