package io.gutbrain.diversity.alpha;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlphaDiversityTest {

    private static FeatureTable withEmptySample() {
        return FeatureTable.fromDense("t", List.of("A", "EMPTY", "B"), List.of("f1", "f2", "f3"), new double[][] {
                {1, 1, 1},
                {0, 0, 0},
                {0, 5, 0}});
    }

    @Test
    void zeroDepthSamplesAreExcludedWithAWarning() {
        AtomicLong progress = new AtomicLong();
        AlphaResult r = AlphaDiversity.compute(withEmptySample(), AlphaMetric.byNames("observed_features,shannon"), null, 2, progress::addAndGet);
        assertThat(r.sampleIds()).containsExactly("A", "B");
        assertThat(r.excludedSamples()).containsExactly("EMPTY");
        assertThat(r.warnings()).singleElement().asString().contains("1 sample(s) with no reads").contains("'EMPTY'");
        assertThat(r.metricNames()).containsExactly("observed_features", "shannon");
        assertThat(r.value("A", "observed_features")).isEqualTo(3);
        assertThat(r.value(1, 1)).isZero();
        assertThat(progress.get()).isEqualTo(2);
        for (double[] row : r.values()) for (double v : row) assertThat(v).isNotNaN();
    }

    @Test
    void noWarningWhenNothingIsExcluded() {
        FeatureTable t = FeatureTable.fromDense("t", List.of("A"), List.of("f1"), new double[][] {{2}});
        assertThat(AlphaDiversity.compute(t, List.of(Shannon.NATURAL), null, 1, null).warnings()).isEmpty();
    }

    @Test
    void countEstimatorsRejectNonIntegerTables() {
        FeatureTable rel = withEmptySample().relativeAbundance();
        assertThatThrownBy(() -> AlphaDiversity.compute(rel, AlphaMetric.byNames("shannon,chao1,goods_coverage"), null, 1, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("chao1, goods_coverage need whole-number counts")
                .hasMessageContaining("sample 'A', feature 'f1'")
                .hasMessageContaining("0.333");
        assertThatThrownBy(() -> AlphaDiversity.compute(rel, List.of(Ace.INSTANCE), null, 1, null))
                .isInstanceOf(InputException.class).hasMessageContaining("ace needs whole-number counts");
        // metrics on proportions are fine
        assertThat(AlphaDiversity.compute(rel, AlphaMetric.byNames("shannon,simpson,pielou_e"), null, 1, null).sampleIds()).hasSize(2);
    }

    @Test
    void metricListIsChecked() {
        FeatureTable t = withEmptySample();
        assertThatThrownBy(() -> AlphaDiversity.compute(t, List.of(), null, 1, null))
                .isInstanceOf(InputException.class).hasMessageContaining("no alpha-diversity metric");
        assertThatThrownBy(() -> AlphaDiversity.compute(t, AlphaMetric.byNames("shannon,invsimpson,inverse_simpson"), null, 1, null))
                .isInstanceOf(InputException.class).hasMessageContaining("'inverse_simpson'").hasMessageContaining("more than once");
        assertThatThrownBy(() -> AlphaDiversity.compute(t, AlphaMetric.byNames("faith_pd"), null, 1, null))
                .isInstanceOf(InputException.class).hasMessageContaining("faith_pd needs a phylogenetic tree");
    }

    @Test
    void sameResultOnOneAndTwoThreads() {
        FeatureTable t = AlphaReferenceTest.table("dietswap");
        List<AlphaMetric> all = AlphaMetric.byNames("observed_features,shannon,simpson,inverse_simpson,pielou_e,chao1,ace,goods_coverage,berger_parker_d");
        double[][] a = AlphaDiversity.compute(t, all, null, 1, null).values();
        double[][] b = AlphaDiversity.compute(t, all, null, 2, null).values();
        assertThat(b).isDeepEqualTo(a);
    }

    @Test
    void writesTsvWithFullPrecisionAndNa(@TempDir Path dir) throws IOException {
        FeatureTable t = FeatureTable.fromDense("t", List.of("S1", "S2", "S3"), List.of("f1", "f2", "f3"), new double[][] {
                {1, 2, 0},
                {0, 0, 0},
                {20, 0, 0}});
        AlphaResult r = AlphaDiversity.compute(t, AlphaMetric.byNames("observed_features,shannon,ace"), null, 1, null);
        Path out = dir.resolve("sub/alpha.tsv");
        r.write(out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("sample-id\tobserved_features\tshannon\tace");
        String[] s1 = lines.get(1).split("\t");
        assertThat(s1[0]).isEqualTo("S1");
        assertThat(s1[1]).isEqualTo("2");
        double h = Math.log(3) - 2 * Math.log(2) / 3; // p = 1/3, 2/3
        assertThat(Double.parseDouble(s1[2])).isEqualTo(r.value(0, 1)).isCloseTo(h, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(lines.get(2)).isEqualTo("S3\t1\t0\tNA"); // ACE undefined: no rare feature
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no temporary file left behind
        }
    }
}
