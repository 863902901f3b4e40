package io.gutbrain.study;

import io.gutbrain.simulate.CohortSimulator;
import io.gutbrain.simulate.SimulatedCohort;
import io.gutbrain.simulate.SimulationParameters;
import io.gutbrain.simulate.SimulationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code study init} templates are valid study files for the inputs they were made from. */
class StudyTemplateTest {

    static Path resource(String name) {
        try {
            return Path.of(StudyTemplateTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void simulatedCohortRoundTrip(@TempDir Path dir) throws Exception {
        SimulationSource src = SimulationSource.read("atlas1006", SimulationSource.ATLAS1006_CITATION,
                resource("microbiome-interventions/atlas1006/counts.tsv"), resource("microbiome-interventions/atlas1006/metadata.tsv"));
        SimulatedCohort c = CohortSimulator.simulate(src, SimulationParameters.defaults().withSubjects(80));
        c.write(dir.resolve("data"), "test", "test");
        Path study = dir.resolve("study.yaml");
        StudyTemplate.write(study, dir.resolve("data/table.tsv"), dir.resolve("data/metadata.tsv"));
        String text = Files.readString(study);
        assertThat(text).contains("  table: data/table.tsv", "  metadata: data/metadata.tsv", "# guessed: categorical, 2 levels: MDD, control");

        Study s = StudyFile.read(study);
        assertThat(s.inputs().table()).isEqualTo(dir.resolve("data/table.tsv"));
        assertThat(s.measures()).extracting(Study.Measure::output).containsExactly("phq9", "gad7");
        assertThat(s.design().group()).isEqualTo("diagnosis");
        assertThat(s.design().reference()).isEqualTo("control");
        assertThat(s.design().outcomes()).extracting(Study.Variable::column).containsExactly("phq9_score", "gad7_score");
        assertThat(s.design().covariates()).extracting(Study.Variable::name).containsExactly("age", "sex", "bmi");
        assertThat(s.design().subject()).isNull();
        assertThat(s.design().randomEffects()).isEmpty();
        // HITChip depths in atlas1006 are all above 1,000
        assertThat(s.analyses().qc().minDepth()).isEqualTo(1000);
        assertThat(s.analyses().rarefaction().isAuto()).isTrue();
        assertThat(s.analyses().association()).isEqualTo(Analyses.Association.DEFAULT);
        assertThat(s.seed()).isEqualTo(1);
    }

    @Test
    void trialWithRepeatedMeasuresRoundTrip(@TempDir Path dir) {
        Path study = dir.resolve("peerj32.yaml");
        StudyTemplate.write(study, resource("microbiome-interventions/peerj32/counts.tsv"), resource("microbiome-interventions/peerj32/metadata.tsv"));
        Study s = StudyFile.read(study);
        // peerj32: group LGG / Placebo, 22 subjects at time 1 and 2, sex
        assertThat(s.design().group()).isEqualTo("group");
        assertThat(s.design().reference()).isEqualTo("Placebo");
        assertThat(s.design().subject()).isEqualTo("subject");
        assertThat(s.design().time()).isEqualTo("time");
        assertThat(s.design().randomEffects()).containsExactly("subject");
        assertThat(s.design().covariates()).extracting(Study.Variable::name).containsExactly("sex");
        assertThat(s.measures()).isEmpty();
        assertThat(s.design().outcomes()).isEmpty();
        assertThat(s.name()).isEqualTo("peerj32");
    }

    @Test
    void handMadeFixtureRoundTrip(@TempDir Path dir) {
        Path study = dir.resolve("sub/study.yaml");
        StudyTemplate.write(study, resource("study/counts.tsv"), resource("study/metadata.tsv"));
        Study s = StudyFile.read(study);
        assertThat(s.design().group()).isEqualTo("group");
        assertThat(s.design().reference()).isEqualTo("control");
        assertThat(s.measures()).extracting(Study.Measure::output).containsExactly("phq9", "gad7");
        assertThat(s.design().covariates()).extracting(Study.Variable::name).containsExactly("age", "sex", "bmi");
        // fixture depths sorted: 770, 797, 1000, 1000, 1020, 1032, 1042, 1048; R quantile type 7 at
        // 0.1: h = 7 * 0.1 = 0.7, 770 + 0.7 * (797 - 770) = 788.9, below 1,000, floored
        assertThat(s.analyses().qc().minDepth()).isEqualTo(788);
    }

    @Test
    void valuesThatYamlWouldMisreadAreQuoted() {
        assertThat(StudyTemplate.quote("diagnosis")).isEqualTo("diagnosis");
        assertThat(StudyTemplate.quote("data/table 1.tsv")).isEqualTo("data/table 1.tsv");
        assertThat(StudyTemplate.quote("null")).isEqualTo("\"null\"");
        assertThat(StudyTemplate.quote("yes")).isEqualTo("\"yes\"");
        assertThat(StudyTemplate.quote("a: b")).isEqualTo("\"a: b\"");
        assertThat(StudyTemplate.quote("#x")).isEqualTo("\"#x\"");
        assertThat(StudyTemplate.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(StudyTemplate.quote("a,b")).isEqualTo("\"a,b\"");
    }
}
