package io.gutbrain.diversity.alpha;

import io.gutbrain.io.ClassicTsv;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.gutbrain.diversity.alpha.ReferenceValues.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample and every metric against vegan 2.6-4 ({@code reference/<dataset>/alpha_vegan.tsv},
 * README in /work/shared/reference) to a relative 1e-9. vegan's {@code NA} (ACE undefined: no
 * rare features, or every rare feature a singleton) must come out as NaN.
 */
class AlphaReferenceTest {
    static final double TOL = 1e-9;

    /** reference column → gutbrain metric */
    private static final Map<String, String> VEGAN = Map.of(
            "observed", "observed_features", "shannon_ln", "shannon", "simpson", "simpson", "invsimpson", "inverse_simpson",
            "chao1", "chao1", "ace", "ace", "pielou", "pielou_e");

    static FeatureTable table(String dataset) {
        String path = switch (dataset) {
            case "synthetic-s50" -> "synthetic-s50/s50.tsv";
            default -> "microbiome-interventions/" + dataset + "/counts.tsv";
        };
        return ClassicTsv.read(ReferenceValues.resource(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic-s50", "peerj32", "dietswap"})
    void matchesVegan(String dataset) {
        FeatureTable t = table(dataset);
        Map<String, Map<String, Double>> ref = ReferenceValues.read("reference/" + dataset + "/alpha_vegan.tsv");
        assertThat(ref.keySet()).containsExactlyInAnyOrderElementsOf(VEGAN.keySet());
        List<AlphaMetric> metrics = new ArrayList<>();
        for (String col : ref.keySet()) metrics.add(AlphaMetric.byName(VEGAN.get(col)));
        AlphaResult r = AlphaDiversity.compute(t, metrics, null, 2, null);
        assertThat(r.excludedSamples()).isEmpty();
        assertThat(r.sampleIds()).containsExactlyInAnyOrderElementsOf(ref.get("observed").keySet());
        int nan = 0;
        for (String col : ref.keySet()) {
            for (Map.Entry<String, Double> e : ref.get(col).entrySet()) {
                assertClose(r.value(e.getKey(), VEGAN.get(col)), e.getValue(), TOL, dataset + " " + e.getKey() + " " + col);
                if (e.getValue().isNaN()) nan++;
            }
        }
        if (dataset.equals("synthetic-s50")) assertThat(nan).as("reference NA cells exercised").isPositive();
    }
}
