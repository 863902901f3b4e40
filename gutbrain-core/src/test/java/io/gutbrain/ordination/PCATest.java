package io.gutbrain.ordination;

import io.gutbrain.io.ClassicTsv;
import io.gutbrain.stats.StatsFixtures;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.gutbrain.stats.StatsFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class PCATest {
    private static final Map<String, Double> PRCOMP = StatsFixtures.expected("reference/pca_clr_prcomp.tsv");

    private static FeatureTable table(String dataset) {
        return ClassicTsv.read(resource("microbiome-interventions/" + dataset + "/counts.tsv"));
    }

    /** peerj32 has fewer samples than features (Gram over samples), dietswap more (Gram over features). */
    @ParameterizedTest
    @ValueSource(strings = {"peerj32", "dietswap"})
    void clrPcaMatchesPrcomp(String dataset) {
        FeatureTable t = table(dataset);
        PCA.Result r = PCA.clr(t, 1.0, 5, 1, 1);
        assertThat(r.components()).isEqualTo(5);
        for (int a = 0; a < 5; a++) {
            assertThat(r.variances()[a]).isCloseTo(PRCOMP.get(dataset + "/variance_PC" + (a + 1)), withinPercentage(1e-7));
            assertThat(r.proportionExplained()[a]).isCloseTo(PRCOMP.get(dataset + "/proportion_PC" + (a + 1)), withinPercentage(1e-7));
        }
        for (int s : new int[]{0, 1, t.sampleCount() - 1}) {
            for (int a = 0; a < 3; a++) {
                double want = PRCOMP.get(dataset + "/abs_score_" + t.sampleIds().get(s) + "_PC" + (a + 1));
                assertThat(Math.abs(r.scores()[s][a])).isCloseTo(want, within(1e-9 * Math.max(1, want)));
            }
        }
        for (int f : new int[]{0, 1, t.featureCount() - 1}) {
            for (int a = 0; a < 3; a++) {
                double want = PRCOMP.get(dataset + "/abs_loading_" + t.featureIds().get(f) + "_PC" + (a + 1));
                assertThat(Math.abs(r.loadings()[f][a])).isCloseTo(want, within(1e-10));
            }
        }
    }

    @Test
    void randomizedSolverAgreesWithTheExactOne() {
        FeatureTable t = table("dietswap");
        PCA.Result exact = PCA.clr(t, 1.0, 3, 1, 1);
        PCA.Result fast = PCA.clr(t, 1.0, 3, 9, 2, 0);
        for (int a = 0; a < 3; a++) {
            assertThat(fast.variances()[a]).isCloseTo(exact.variances()[a], withinPercentage(1e-6));
            for (int s = 0; s < t.sampleCount(); s++) assertThat(fast.scores()[s][a]).isCloseTo(exact.scores()[s][a], within(1e-6));
        }
    }

    @Test
    void tablesAreWritten(@TempDir Path dir) throws IOException {
        PCA.Result r = PCA.clr(table("peerj32"), 0.5, 2, 1, 1);
        r.writeScores(dir.resolve("s.tsv"));
        r.writeLoadings(dir.resolve("l.tsv"));
        r.writeVariance(dir.resolve("v.tsv"));
        assertThat(Files.readAllLines(dir.resolve("s.tsv"))).hasSize(45).first().isEqualTo("sample-id\tPC1\tPC2");
        assertThat(Files.readAllLines(dir.resolve("l.tsv"))).hasSize(131).first().isEqualTo("feature-id\tPC1\tPC2");
        assertThat(Files.readAllLines(dir.resolve("v.tsv"))).hasSize(3);
        assertThat(r.pseudocount()).isEqualTo(0.5);
    }
}
