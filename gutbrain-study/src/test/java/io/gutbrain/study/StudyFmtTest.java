package io.gutbrain.study;

import io.gutbrain.error.InputException;
import io.gutbrain.report.ResultsStore;
import io.gutbrain.result.ResultTable;
import io.gutbrain.simulate.FmtTrialSimulator;
import io.gutbrain.simulate.SimulatedFmtTrial;
import io.gutbrain.simulate.SimulationSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code intervention} analysis with {@code donor} (FMT engraftment) and with {@code treatment}, on a simulated FMT trial. */
class StudyFmtTest {
    private static SimulationSource atlas;

    @BeforeAll
    static void load() throws Exception {
        Path dir = Path.of(StudyFmtTest.class.getClassLoader().getResource("microbiome-interventions/atlas1006/counts.tsv").toURI()).getParent();
        atlas = SimulationSource.read("atlas1006", SimulationSource.ATLAS1006_CITATION, dir.resolve("counts.tsv"), dir.resolve("metadata.tsv"));
    }

    /** A trial of 12 recipients (fast), written with its study file into {@code dir}. */
    private static SimulatedFmtTrial write(Path dir) throws Exception {
        SimulatedFmtTrial t = FmtTrialSimulator.simulate(atlas, FmtTrialSimulator.Parameters.defaults().withRecipients(12));
        t.write(dir, "test", "test");
        Files.writeString(dir.resolve("study.yaml"), t.studyText("fmt-test"), StandardCharsets.UTF_8);
        return t;
    }

    private static StudyPipeline.Result run(Path dir) {
        return StudyPipeline.run(StudyFile.read(dir.resolve("study.yaml")), dir.resolve("out"), new StudyPipeline.Options("test", "test run", 1), StepListener.NONE);
    }

    @Test
    void engraftmentTablesFiguresAndKnownDonorShares(@TempDir Path dir) throws Exception {
        SimulatedFmtTrial t = write(dir);
        StudyPipeline.Result r = run(dir);
        String html = Files.readString(r.report());
        assertThat(html).contains("FMT engraftment").contains("Source tracking estimated").contains("FEAST-type source tracking")
                .contains("Simulated data");
        try (Stream<Path> s = Files.list(r.report().getParent().resolve("figures"))) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .contains("engraftment-donor-fraction.svg", "engraftment-distance-donor-vs-pre.svg", "engraftment-source-shares.svg");
        }
        Map<String, Double> truth = new HashMap<>();
        for (FmtTrialSimulator.TrueComposition c : t.truth()) truth.put(c.sample(), c.donorShare());
        try (ResultsStore store = ResultsStore.openReadOnly(dir.resolve("out"))) {
            ResultTable e = store.readTable(r.runId(), "engraftment");
            ResultTable st = store.readTable(r.runId(), "source_tracking");
            // 12 recipients × 3 post-FMT visits
            assertThat(e.rowCount()).isEqualTo(36);
            assertThat(st.rowCount()).isEqualTo(36);
            int sample = st.columns().indexOf("post_sample"), donor = st.columns().indexOf("donor");
            double sum = 0;
            for (Object[] row : st.rows()) sum += Math.abs(((Number) row[donor]).doubleValue() - truth.get((String) row[sample]));
            // mean absolute error of the donor share against the simulated truth; 0.009-0.018 measured
            // on the default 20-recipient trials (FmtTrialSimulatorTest), tolerance 0.03
            assertThat(sum / st.rowCount()).isLessThan(0.03);
            // engraftment is real in the FMT arm: its weighted donor-only fraction exceeds placebo's
            int arm = e.columns().indexOf("arm"), w = e.columns().indexOf("weighted_donor_only");
            assertThat(mean(e, arm, w, "FMT")).isGreaterThan(mean(e, arm, w, "placebo"));
        }
    }

    private static double mean(ResultTable t, int armCol, int valueCol, String arm) {
        return t.rows().stream().filter(x -> arm.equals(x[armCol])).mapToDouble(x -> ((Number) x[valueCol]).doubleValue()).average().orElseThrow();
    }

    @Test
    void treatmentRestrictsTheTrialToTreatmentAndControl(@TempDir Path dir) throws Exception {
        write(dir);
        // a third arm: recipient R0001 becomes "sham"
        Path md = dir.resolve(SimulatedFmtTrial.METADATA);
        Files.writeString(md, Files.readString(md).replaceAll("(?m)^(R0001-w\\d+\\tyes\\tR0001\\t\\d+\\t)[A-Za-z]+", "$1sham"));
        StudyPipeline.Result r = run(dir);
        assertThat(Files.readString(r.report())).contains("arm(s) left out: sham");
        try (ResultsStore store = ResultsStore.openReadOnly(dir.resolve("out"))) {
            ResultTable change = store.readTable(r.runId(), "intervention_change");
            int arm = change.columns().indexOf("arm");
            assertThat(change.rows()).extracting(x -> x[arm]).containsOnly("FMT", "placebo");
            ResultTable st = store.readTable(r.runId(), "source_tracking");
            assertThat(st.rows()).extracting(x -> x[st.columns().indexOf("recipient")]).doesNotContain("R0001");
        }
    }

    @Test
    void treatmentThatIsNoParticipantArmNamesTheStudyLine(@TempDir Path dir) throws Exception {
        write(dir);
        // donor rows get the arm value "donor": a level of the column, but no participant is in it
        Path md = dir.resolve(SimulatedFmtTrial.METADATA);
        Files.writeString(md, Files.readString(md).replaceAll("(?m)^(DONOR-\\d+-stool\\tyes\\tDONOR-\\d+\\t\\t)", "$1donor"));
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, Files.readString(study).replace("treatment: FMT", "treatment: donor"));
        long line = Files.readAllLines(study).indexOf("    treatment: donor") + 1;
        assertThatThrownBy(() -> run(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("line " + line).hasMessageContaining("'donor' is not an arm");
    }
}
