package io.gutbrain.intervention;

import io.gutbrain.diversity.alpha.AlphaDiversity;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.diversity.alpha.AlphaResult;
import io.gutbrain.error.InputException;
import io.gutbrain.measures.Instruments;
import io.gutbrain.measures.Scoring;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every kind of outcome feeds change from baseline the same way. */
class OutcomeTest {
    @TempDir Path dir;

    @Test
    void scoredQuestionnaire() {
        // item sums by hand: S1 baseline 3+2+2+1+1+0+2+1+0 = 12, week 8 all 1 = 9; S2 27 -> 0; S3 week 8 unscorable
        SampleMetadata md = Fixtures.sheet(dir, """
                sample-id\tsubject\tvisit\tphq9_1\tphq9_2\tphq9_3\tphq9_4\tphq9_5\tphq9_6\tphq9_7\tphq9_8\tphq9_9
                s1-0\tS1\t0\t3\t2\t2\t1\t1\t0\t2\t1\t0
                s1-8\tS1\t8\t1\t1\t1\t1\t1\t1\t1\t1\t1
                s2-0\tS2\t0\t3\t3\t3\t3\t3\t3\t3\t3\t3
                s2-8\tS2\t8\t0\t0\t0\t0\t0\t0\t0\t0\t0
                s3-0\tS3\t0\t1\t1\t1\t1\t1\t1\t1\t1\t1
                s3-8\tS3\t8\t\t\t\t\t\t\t\t\t
                """);
        Outcome phq9 = Outcome.instrument(Scoring.score(md, Instruments.PHQ9));
        assertThat(phq9.name()).isEqualTo("phq9_score");
        assertThat(phq9.value("s1-0")).isEqualTo(12);
        assertThat(phq9.value("s3-8")).isNaN();
        ChangeResult r = ChangeFromBaseline.compute(TrialDesign.from(md, "subject", "visit", null, "0", null), phq9);
        assertThat(r.changes()).extracting(SubjectChange::change).containsExactly(-3.0, -27.0);
        assertThat(r.summaries().get(0).change().mean()).isEqualTo(-15);
        assertThat(r.warnings()).singleElement().asString().contains("'S3@8'");
    }

    @Test
    void alphaDiversityMetric() {
        FeatureTable counts = Fixtures.counts("peerj32");
        AlphaResult alpha = AlphaDiversity.compute(counts, List.of(AlphaMetric.byName("shannon")), null, 1, null);
        Outcome shannon = Outcome.alpha(alpha, alpha.metricNames().get(0));
        // vegan::diversity(index = "shannon") of sample-1 (reference/peerj32/alpha_vegan.tsv)
        assertThat(shannon.value("sample-1")).isCloseTo(3.47826388035757, within(1e-12));
        assertThatThrownBy(() -> Outcome.alpha(alpha, "chao1")).isInstanceOf(InputException.class).hasMessageContaining("use one of: shannon");
    }

    @Test
    void relativeAbundanceAndNumericColumn() {
        FeatureTable counts = Fixtures.counts("peerj32");
        Outcome bifido = Outcome.relativeAbundance(counts, "Bifidobacterium");
        int s = counts.sampleIndex("sample-1");
        assertThat(bifido.value("sample-1")).isEqualTo(274 / counts.sampleTotal(s));
        assertThatThrownBy(() -> Outcome.metadata(Fixtures.metadata("peerj32"), "group"))
                .isInstanceOf(InputException.class).hasMessageContaining("expected a numeric column");
        assertThat(Outcome.metadata(Fixtures.metadata("peerj32"), "time").value("sample-2")).isEqualTo(2);
    }
}
