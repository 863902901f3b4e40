package io.gutbrain.study;

import io.gutbrain.report.ResultsStore;
import io.gutbrain.result.ResultTable;
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

    private static StudyPipeline.Result runWith(Path dir, String interventionExtra) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        for (String f : List.of("counts.tsv", "metadata.tsv")) {
            Files.copy(resource("microbiome-interventions/peerj32/" + f), dir.resolve("data/" + f));
        }
        String text = STUDY.replace("    baseline: \"1\"\n", "    baseline: \"1\"\n" + interventionExtra);
        Study study = StudyFile.read(Files.writeString(dir.resolve("study.yaml"), text, StandardCharsets.UTF_8));
        return StudyPipeline.run(study, dir.resolve("out"), new StudyPipeline.Options("test", "test run", 1), StepListener.NONE);
    }

    @Test
    void bifidogenicResponseAndAdministeredTaxa(@TempDir Path dir) throws Exception {
        StudyPipeline.Result r = runWith(dir, "    taxa: [Lactobacillus plantarum et rel.]\n    bifidogenic: yes\n");
        String html = Files.readString(r.report());
        assertThat(html).contains("Bifidogenic response").contains("Administered taxa").contains("at least doubled");
        try (Stream<Path> s = Files.list(r.report().getParent().resolve("figures"))) {
            assertThat(s.map(p -> p.getFileName().toString())).contains("intervention-bifidogenic.svg");
        }
        try (ResultsStore store = ResultsStore.openReadOnly(dir.resolve("out"))) {
            ResultTable b = store.readTable(r.runId(), "intervention_bifidogenic");
            int arm = b.columns().indexOf("arm"), lfc = b.columns().indexOf("mean_log_fc"), resp = b.columns().indexOf("responders");
            Object[] diff = b.rows().stream().filter(x -> "LGG − Placebo".equals(x[arm])).findFirst().orElseThrow();
            // R: reference/intervention/bifidogenic_R.tsv (make_bifidogenic_reference.R), peerj32 difference row
            assertThat(((Number) diff[lfc]).doubleValue()).isCloseTo(0.28934127584162489, within(1e-12));
            Object[] lgg = b.rows().stream().filter(x -> "LGG".equals(x[arm])).findFirst().orElseThrow();
            assertThat(((Number) lgg[resp]).intValue()).isEqualTo(3);
            ResultTable c = store.readTable(r.runId(), "intervention_colonisation");
            // R: reference/intervention/peerj32_colonisation_R.tsv, relative scale, Welch t
            assertThat(((Number) c.rows().get(0)[c.columns().indexOf("t")]).doubleValue()).isCloseTo(4.8810361132589231, within(1e-9));
            assertThat(c.rows().get(0)[c.columns().indexOf("matched_by")]).isEqualTo("feature id");
        }
    }

    @Test
    void administeredTaxaOnTheLogScale(@TempDir Path dir) throws Exception {
        StudyPipeline.Result r = runWith(dir, "    taxa: [Lactobacillus plantarum et rel.]\n    taxa_scale: log\n");
        assertThat(Files.readString(r.report())).contains("Change in ln(relative abundance + pseudocount)");
        try (ResultsStore store = ResultsStore.openReadOnly(dir.resolve("out"))) {
            ResultTable c = store.readTable(r.runId(), "intervention_colonisation");
            Object[] row = c.rows().get(0);
            // R: reference/intervention/peerj32_colonisation_R.tsv, log scale (pseudocount half the smallest non-zero proportion)
            assertThat(row[c.columns().indexOf("scale")]).isEqualTo("log");
            assertThat(((Number) row[c.columns().indexOf("difference")]).doubleValue()).isCloseTo(1.7341192824800595, within(1e-9));
            assertThat(((Number) row[c.columns().indexOf("p")]).doubleValue()).isCloseTo(0.0028151547347715013, within(1e-9));
        }
    }

    @Test
    void unknownTaxonNamesTheStudyFileLine(@TempDir Path dir) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runWith(dir, "    taxa: [Bifidobacterum]\n"))
                .isInstanceOf(io.gutbrain.error.InputException.class)
                .hasMessageContaining("study.yaml").hasMessageContaining("line 17")
                .hasMessageContaining("'analyses.intervention.taxa': taxon 'Bifidobacterum'")
                .hasMessageContaining("did you mean 'Bifidobacterium'?");
    }
}
