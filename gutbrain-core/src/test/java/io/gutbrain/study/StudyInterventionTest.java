package io.gutbrain.study;

import io.gutbrain.report.ResultTable;
import io.gutbrain.report.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The {@code intervention} analysis of a study file, on the peerj32 probiotic trial. */
class StudyInterventionTest {
    private static final String STUDY = """
            study:
              name: peerj32
            inputs:
              table: data/counts.tsv
              metadata: data/metadata.tsv
            design:
              group: group
              reference: Placebo
              subject: subject
              time: time
            analyses:
              qc:
                min_depth: 1
              intervention:
                treatment: LGG
                baseline: "1"
            seed: 1
            """;

    private static Path resource(String name) throws Exception {
        URL url = StudyInterventionTest.class.getClassLoader().getResource(name);
        return Path.of(url.toURI());
    }

    @Test
    void armTimeModelAndFiguresInTheReport(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        for (String f : List.of("counts.tsv", "metadata.tsv")) {
            Files.copy(resource("microbiome-interventions/peerj32/" + f), dir.resolve("data/" + f));
        }
        Path studyFile = Files.writeString(dir.resolve("study.yaml"), STUDY, StandardCharsets.UTF_8);
        Study study = StudyFile.read(studyFile);
        Path out = dir.resolve("out");
        StudyPipeline.Result r = StudyPipeline.run(study, out, new StudyPipeline.Options("test", "test run", 1), StepListener.NONE);
        assertThat(r.steps()).extracting(StepRecord::step).contains("intervention");
        String html = Files.readString(r.report());
        assertThat(html).contains("Intervention").contains("Satterthwaite");
        try (Stream<Path> s = Files.list(r.report().getParent().resolve("figures"))) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .contains("intervention-shannon-spaghetti.svg", "intervention-shannon-mean-change.svg");
        }
        try (ResultsStore store = ResultsStore.openReadOnly(out)) {
            ResultTable lmm = store.readTable(r.runId(), "intervention_arm_time");
            int term = lmm.columns().indexOf("term"), est = lmm.columns().indexOf("estimate"), p = lmm.columns().indexOf("p");
            Object[] row = lmm.rows().stream().filter(x -> "armLGG:time2".equals(x[term])).findFirst().orElseThrow();
            // lmerTest, vegan Shannon ~ group * factor(time) + (1 | subject): reference/intervention/arm_time_lmm_R.tsv
            assertThat(((Number) row[est]).doubleValue()).isCloseTo(0.055054974822667323, within(1e-8));
            assertThat(((Number) row[p]).doubleValue()).isCloseTo(0.32131462858067045, within(1e-5));
            assertThat(store.readTable(r.runId(), "intervention_change").rowCount()).isEqualTo(2);
        }
    }
}
