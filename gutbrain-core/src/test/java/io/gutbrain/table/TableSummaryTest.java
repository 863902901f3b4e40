package io.gutbrain.table;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TableSummaryTest {
    @Test
    void quantilesFollowRType7() {
        // R: quantile(c(3, 10, 15), c(0, .25, .5, .75, 1)) = 3, 6.5, 10, 12.5, 15
        TableSummary s = TableSummary.of(FeatureTableTest.small(), 10);
        assertThat(s.depthMin()).isEqualTo(3);
        assertThat(s.depthQ1()).isEqualTo(6.5);
        assertThat(s.depthMedian()).isEqualTo(10);
        assertThat(s.depthQ3()).isEqualTo(12.5);
        assertThat(s.depthMax()).isEqualTo(15);
        assertThat(s.nonZeros()).isEqualTo(7);
        assertThat(s.integral()).isTrue();
    }

    @Test
    void topTaxaByMeanRelativeAbundance() {
        // mean rel. abundance: A (10/15 + 0 + 1/10)/3 = 0.2556, B (0 + 1 + 0.1)/3 = 0.3667,
        // C (5/15 + 0 + 0.1)/3 = 0.1444, D 0.7/3 = 0.2333
        TableSummary s = TableSummary.of(FeatureTableTest.small(), 2);
        assertThat(s.topTaxa()).hasSize(2);
        assertThat(s.topTaxa().get(0).featureId()).isEqualTo("B");
        assertThat(s.topTaxa().get(0).name()).isEqualTo("Coprococcus (genus)");
        assertThat(s.topTaxa().get(0).meanRelativeAbundance()).isCloseTo(1.1 / 3, within(1e-12));
        assertThat(s.topTaxa().get(1).featureId()).isEqualTo("A");
        assertThat(s.topTaxa().get(1).prevalence()).isCloseTo(2.0 / 3, within(1e-12));
    }
}
