package io.gutbrain.diversity.alpha;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed values and edge conventions. Where vegan has the metric, its value on the same
 * vector (R 4.2.2, vegan 2.6-4, {@code estimateR} / {@code diversity}) is noted next to the hand
 * calculation.
 */
class AlphaMetricTest {
    private static final double EPS = 1e-12;

    /** The metric on one sample given as a dense vector, through the public driver. */
    static double one(String metric, double... counts) {
        List<String> features = new ArrayList<>();
        for (int f = 0; f < counts.length; f++) features.add("F" + f);
        FeatureTable t = FeatureTable.fromDense("test", List.of("S"), features, new double[][] {counts});
        return AlphaDiversity.compute(t, List.of(AlphaMetric.byName(metric)), null, 1, null).value(0, 0);
    }

    @Test
    void typicalSampleByHand() {
        // counts 1, 1, 2, 30, 7 (N = 41, S = 5, F1 = 2, F2 = 1)
        double[] c = {1, 1, 2, 30, 7, 0};
        double h = Math.log(41) - (30 * Math.log(30) + 7 * Math.log(7) + 2 * Math.log(2)) / 41; // H = ln N − Σ c ln c / N
        assertThat(one("shannon", c)).isCloseTo(h, within(EPS));
        assertThat(one("shannon", c)).isCloseTo(0.85885043610987499, within(EPS)); // vegan diversity()
        assertThat(one("shannon_base2", c)).isCloseTo(h / Math.log(2), within(EPS));
        assertThat(one("shannon_base10", c)).isCloseTo(h / Math.log(10), within(EPS));
        assertThat(one("observed_features", c)).isEqualTo(5);
        assertThat(one("simpson", c)).isCloseTo(1 - 955.0 / 1681, within(EPS)); // Σc² = 955, N² = 1681
        assertThat(one("inverse_simpson", c)).isCloseTo(1681.0 / 955, within(EPS));
        assertThat(one("pielou_e", c)).isCloseTo(h / Math.log(5), within(EPS));
        assertThat(one("chao1", c)).isCloseTo(5 + 2.0 * 1 / (2 * 2), within(EPS)); // vegan S.chao1 5.5
        // ACE: rare = {1,1,2,7}: S_rare 4, N_rare 11, C = 9/11, Σi(i−1)a_i = 2 + 42 = 44,
        // γ² = 44·4 / (9/11 · 11 · 10) − 1 = 43/45, S = 1 + 4·11/9 + 43/45 · 2 · 11/9 = 3331/405
        assertThat(one("ace", c)).isCloseTo(3331.0 / 405, within(EPS)); // vegan S.ACE 8.224691
        assertThat(one("goods_coverage", c)).isCloseTo(1 - 2.0 / 41, within(EPS));
        assertThat(one("berger_parker_d", c)).isCloseTo(30.0 / 41, within(EPS));
    }

    @Test
    void aceClipsNegativeGammaToZero() {
        // 1, 2, 3, 20: S_rare 3, N_rare 6, C = 5/6, γ² = 8·3/(5/6·6·5) − 1 = −0.04 → 0; S = 1 + 3·6/5 = 4.6 (vegan 4.6)
        assertThat(one("ace", 1, 2, 3, 20)).isCloseTo(4.6, within(EPS));
        assertThat(one("chao1", 1, 2, 3, 20)).isEqualTo(4); // F1 = 1: F1(F1 − 1) = 0
    }

    @Test
    void singleTaxon() {
        assertThat(one("observed_features", 0, 5, 0)).isEqualTo(1);
        assertThat(one("shannon", 0, 5, 0)).isZero();
        assertThat(one("simpson", 0, 5, 0)).isZero();
        assertThat(one("inverse_simpson", 0, 5, 0)).isEqualTo(1);
        assertThat(one("pielou_e", 0, 5, 0)).isNaN(); // 0 / ln 1 = 0/0, as scikit-bio and R
        assertThat(one("chao1", 0, 5, 0)).isEqualTo(1);
        assertThat(one("ace", 0, 5, 0)).isEqualTo(1);     // vegan estimateR(5): S.ACE 1
        assertThat(one("ace", 0, 1, 0)).isNaN();          // vegan estimateR(1): NaN (only rare feature is a singleton)
        assertThat(one("ace", 0, 20, 0)).isNaN();         // vegan estimateR(20): NaN (no rare feature)
        assertThat(one("goods_coverage", 0, 5, 0)).isEqualTo(1);
        assertThat(one("goods_coverage", 0, 1, 0)).isZero();
        assertThat(one("berger_parker_d", 0, 5, 0)).isEqualTo(1);
    }

    @Test
    void allSingletons() {
        double[] c = {1, 1, 1};
        assertThat(one("observed_features", c)).isEqualTo(3);
        assertThat(one("shannon", c)).isCloseTo(Math.log(3), within(EPS));
        assertThat(one("simpson", c)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(one("inverse_simpson", c)).isCloseTo(3, within(EPS));
        assertThat(one("pielou_e", c)).isCloseTo(1, within(EPS));
        assertThat(one("chao1", c)).isEqualTo(6);   // 3 + 3·2/(2·1); vegan S.chao1 6
        assertThat(one("ace", c)).isNaN();          // vegan S.ACE NaN: C_ace = 0
        assertThat(one("goods_coverage", c)).isZero();
        assertThat(one("berger_parker_d", c)).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void abundanceMetricsAcceptProportions() {
        // the same community as 1, 1, 2 in proportions: scale-free metrics agree
        assertThat(one("shannon", 0.25, 0.25, 0.5)).isCloseTo(1.5 * Math.log(2), within(EPS));
        assertThat(one("simpson", 0.25, 0.25, 0.5)).isCloseTo(1 - 0.375, within(EPS));
        assertThat(one("berger_parker_d", 0.25, 0.25, 0.5)).isEqualTo(0.5);
    }

    @Test
    void namesAndAliases() {
        assertThat(AlphaMetric.names()).containsExactly("observed_features", "shannon", "shannon_base2", "shannon_base10",
                "simpson", "inverse_simpson", "pielou_e", "chao1", "ace", "goods_coverage", "berger_parker_d", "faith_pd");
        for (String n : AlphaMetric.names()) assertThat(AlphaMetric.byName(n).name()).isEqualTo(n);
        assertThat(AlphaMetric.byName("Observed-OTUs")).isSameAs(ObservedFeatures.INSTANCE);
        assertThat(AlphaMetric.byName("invsimpson")).isSameAs(InverseSimpson.INSTANCE);
        assertThat(AlphaMetric.byName("shannon_base2.0").name()).isEqualTo("shannon_base2");
        assertThat(AlphaMetric.byName("shannon_base1.5").name()).isEqualTo("shannon_base1.5");
        assertThat(AlphaMetric.byNames("shannon, chao1,,ace")).extracting(AlphaMetric::name).containsExactly("shannon", "chao1", "ace");
    }

    @Test
    void unknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> AlphaMetric.byName("shanon"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'shanon'")
                .hasMessageContaining("observed_features, shannon, shannon_base2")
                .hasMessageContaining("faith_pd");
        assertThatThrownBy(() -> AlphaMetric.byName("shannon_base1")).isInstanceOf(InputException.class).hasMessageContaining("base '1'");
        assertThatThrownBy(() -> AlphaMetric.byName("shannon_basex")).isInstanceOf(InputException.class);
    }
}
