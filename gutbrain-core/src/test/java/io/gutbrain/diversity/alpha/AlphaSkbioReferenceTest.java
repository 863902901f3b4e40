package io.gutbrain.diversity.alpha;

import io.gutbrain.io.Newick;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.gutbrain.diversity.alpha.ReferenceValues.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample against scikit-bio 0.5.8 on synthetic-s50 ({@code reference/synthetic-s50/alpha_skbio.tsv})
 * to a relative 1e-9 (the file holds 12 significant digits, well inside that).
 */
class AlphaSkbioReferenceTest {

    private static void check(AlphaResult r, Map<String, Map<String, Double>> ref, String column, String metric) {
        assertThat(ref.get(column)).hasSize(50);
        for (Map.Entry<String, Double> e : ref.get(column).entrySet()) {
            assertClose(r.value(e.getKey(), metric), e.getValue(), AlphaReferenceTest.TOL, e.getKey() + " " + column);
        }
    }

    @Test
    void countMetricsMatchScikitBio() {
        FeatureTable t = AlphaReferenceTest.table("synthetic-s50");
        Map<String, Map<String, Double>> ref = ReferenceValues.read("reference/synthetic-s50/alpha_skbio.tsv");
        AlphaResult r = AlphaDiversity.compute(t, AlphaMetric.byNames("shannon_base2,chao1,goods_coverage"), null, 2, null);
        check(r, ref, "shannon_base2", "shannon_base2");
        check(r, ref, "chao1_bias_corrected", "chao1");
        check(r, ref, "goods_coverage", "goods_coverage");
    }

    @Test
    void faithPdMatchesScikitBio() {
        FeatureTable t = AlphaReferenceTest.table("synthetic-s50");
        Map<String, Map<String, Double>> ref = ReferenceValues.read("reference/synthetic-s50/alpha_skbio.tsv");
        AlphaResult r = AlphaDiversity.compute(t, AlphaMetric.byNames("faith_pd"), Newick.read(ReferenceValues.resource("synthetic-s50/s50.nwk")), 2, null);
        check(r, ref, "faith_pd", "faith_pd");
    }
}
