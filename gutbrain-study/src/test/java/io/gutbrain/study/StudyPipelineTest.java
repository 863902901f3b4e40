package io.gutbrain.study;

import io.gutbrain.io.ClassicTsv;
import io.gutbrain.report.ResultsStore;
import io.gutbrain.result.ResultTable;
import io.gutbrain.simulate.CohortSimulator;
import io.gutbrain.simulate.SimulatedCohort;
import io.gutbrain.simulate.SimulationParameters;
import io.gutbrain.simulate.SimulationSource;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.gutbrain.study.StudyTemplateTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudyPipelineTest {
    static final String STUDY = """
            study:
              name: test-cohort
            inputs:
              table: data/table.tsv
              metadata: data/metadata.tsv
            measures:
              - instrument: phq9
              - instrument: gad7
            design:
              group: diagnosis
              reference: control
              outcomes: [phq9]
              covariates: [%s]
            analyses:
              qc:
                min_depth: 1000
              rarefaction:
                iterations: 2
              alpha:
                metrics: [observed_features, shannon]
              beta:
                metrics: [braycurtis]
                permutations: 99
              association:
                min_prevalence: 0.5
            seed: 1
            """;

    /** A simulated cohort of 60 subjects on the bundled atlas1006 profiles, with a study file. */
    static Path cohort(Path dir, String covariates) throws Exception {
        if (!Files.exists(dir.resolve("data/table.tsv"))) {
            SimulationSource src = SimulationSource.read("atlas1006", SimulationSource.ATLAS1006_CITATION,
                    resource("microbiome-interventions/atlas1006/counts.tsv"), resource("microbiome-interventions/atlas1006/metadata.tsv"));
            SimulatedCohort c = CohortSimulator.simulate(src, SimulationParameters.defaults().withSubjects(60));
            c.write(dir.resolve("data"), "test", "test");
        }
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, STUDY.formatted(covariates), StandardCharsets.UTF_8);
        return study;
    }

    @Test
    void runsEverySectionThenReusesDiversityWhenOnlyCovariatesChange(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Study study = StudyFile.read(cohort(dir, "age"));
        List<String> events = new ArrayList<>();
        StepListener listener = new StepListener() {
            @Override public void started(String step, int index, int steps, long totalUnits) { events.add("start " + step); }

            @Override public void finished(StepRecord r) { events.add("end " + r.step()); }
        };
        StudyPipeline.Result r1 = StudyPipeline.run(study, out, new StudyPipeline.Options("test", "test run", 2), listener);

        List<String> steps = List.of("load", "measures", "rarefaction", "alpha", "beta", "association", "composition", "report");
        assertThat(r1.steps()).extracting(StepRecord::step).containsExactlyElementsOf(steps);
        assertThat(r1.steps()).noneMatch(StepRecord::cached);
        assertThat(events).hasSize(2 * steps.size()).startsWith("start load", "end load").endsWith("start report", "end report");

        String html = Files.readString(r1.report());
        for (String section : List.of("Overview", "Quality control", "Measures", "Alpha diversity", "Beta diversity", "Association", "Taxa composition")) {
            assertThat(html).contains(section);
        }
        assertThat(html).contains("Simulated data").contains("PERMANOVA").contains("99 permutations")
                .contains("Samples with fewer than 1000 reads were removed");
        List<Path> figures;
        try (Stream<Path> s = Files.list(r1.report().getParent().resolve("figures"))) {
            figures = s.filter(p -> p.toString().endsWith(".svg")).toList();
        }
        // depth histogram, 2 rarefaction curves, 2 measures, 2 alpha metrics x (box + scatter), PCoA x 2,
        // per tested variable (diagnosis, phq9): volcano + heat map + 3 feature plots
        // and the composition step's per-sample and per-group bars
        assertThat(figures).hasSize(1 + 2 + 2 + 4 + 2 + 2 * 5 + 2);
        for (Path f : figures) {
            String name = f.getFileName().toString().replace(".svg", "");
            assertThat(html).as(name).contains(name);
            assertThat(Files.size(f)).as(name).isGreaterThan(1000);
            assertThat(f.resolveSibling(name + ".png")).exists();
        }
        for (String t : List.of("qc_samples", "measures", "alpha", "permanova", "association", "composition_groups", "composition_samples")) {
            assertThat(r1.report().getParent().resolve("tables/" + t + ".tsv")).exists();
        }

        // QC: compare the kept samples with the depths read directly from the simulated table
        FeatureTable raw = ClassicTsv.read(dir.resolve("data/table.tsv"));
        long expectedKept = java.util.Arrays.stream(raw.sampleTotals()).filter(d -> d >= 1000).count();
        try (ResultsStore store = ResultsStore.openReadOnly(out)) {
            ResultTable alpha = store.readTable(r1.runId(), "alpha");
            assertThat((long) alpha.rowCount()).isLessThanOrEqualTo(expectedKept).isGreaterThan(50);
            ResultTable perm = store.readTable(r1.runId(), "permanova");
            assertThat(perm.rowCount()).isEqualTo(2);
            // Kruskal-Wallis H of shannon by diagnosis, recomputed here from the alpha table and the metadata
            ResultTable tests = store.readTable(r1.runId(), "alpha_tests");
            int metric = tests.columns().indexOf("metric"), test = tests.columns().indexOf("test"), stat = tests.columns().indexOf("statistic");
            Object[] kw = tests.rows().stream().filter(row -> "shannon".equals(row[metric]) && "kruskal-wallis".equals(row[test])).findFirst().orElseThrow();
            io.gutbrain.metadata.SampleMetadata meta = io.gutbrain.io.MetadataFile.read(dir.resolve("data/metadata.tsv"));
            int sh = alpha.columns().indexOf("shannon"), id = alpha.columns().indexOf("sample_id");
            List<double[]> obs = new ArrayList<>(); // value, group (0 control, 1 MDD)
            for (Object[] row : alpha.rows()) obs.add(new double[]{((Number) row[sh]).doubleValue(), "MDD".equals(meta.text("diagnosis", (String) row[id])) ? 1 : 0});
            assertThat(((Number) kw[stat]).doubleValue()).isCloseTo(kruskalWallisH(obs), org.assertj.core.data.Offset.offset(1e-9));
            // association results name the table's features (ids with spaces), not R's make.names versions
            ResultTable assoc = store.readTable(r1.runId(), "association");
            int fi = assoc.columns().indexOf("feature");
            assertThat(assoc.rowCount()).isGreaterThan(10);
            for (Object[] row : assoc.rows()) assertThat(raw.featureIds()).contains((String) row[fi]);
            // composition: the stored group means of each diagnosis sum to one
            ResultTable comp = store.readTable(r1.runId(), "composition_groups");
            java.util.Map<Object, Double> sums = new java.util.HashMap<>();
            for (Object[] row : comp.rows()) sums.merge(row[0], ((Number) row[3]).doubleValue(), Double::sum);
            assertThat(sums).containsOnlyKeys("control", "MDD");
            sums.values().forEach(v -> assertThat(v).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));
        }

        // second run: only the covariates change
        Study study2 = StudyFile.read(cohort(dir, "age, sex"));
        StudyPipeline.Result r2 = StudyPipeline.run(study2, out, new StudyPipeline.Options("test", "test run 2", 2), StepListener.NONE);
        for (String s : List.of("load", "measures", "rarefaction", "alpha", "beta", "composition")) {
            assertThat(r2.step(s).cached()).as(s).isTrue();
            assertThat(r2.step(s).key()).as(s).isEqualTo(r1.step(s).key());
        }
        assertThat(r2.step("association").cached()).isFalse();
        assertThat(r2.step("association").key()).isNotEqualTo(r1.step("association").key());
        assertThat(Files.readString(r2.report())).contains("adjusted for age, sex");

        try (ResultsStore store = ResultsStore.openReadOnly(out)) {
            assertThat(store.runs()).hasSize(2);
            ResultsStore.Query q = store.query("SELECT step FROM timings WHERE run_id = ? AND cached ORDER BY step", r2.runId());
            assertThat(q.rows()).extracting(row -> row[0]).containsExactlyInAnyOrder("alpha", "beta", "composition", "load", "measures", "rarefaction");
            // cached results are the same numbers as computed ones
            ResultTable a1 = store.readTable(r1.runId(), "alpha");
            ResultTable a2 = store.readTable(r2.runId(), "alpha");
            assertThat(a2.rowCount()).isEqualTo(a1.rowCount());
            for (int i = 0; i < a1.rowCount(); i++) assertThat(a2.rows().get(i)).containsExactly(a1.rows().get(i));
        }
    }

    /** H = (12 / (N(N+1)) Σ R_g²/n_g − 3(N+1)) / (1 − Σ(t³−t)/(N³−N)), mid-ranks for ties (Kruskal and Wallis 1952). */
    static double kruskalWallisH(List<double[]> obs) {
        int n = obs.size();
        List<double[]> sorted = new ArrayList<>(obs);
        sorted.sort(java.util.Comparator.comparingDouble(o -> o[0]));
        double[] rankSum = new double[2];
        int[] size = new int[2];
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted.get(j)[0] == sorted.get(i)[0]) j++;
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                int g = (int) sorted.get(k)[1];
                rankSum[g] += rank;
                size[g]++;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double h = 12.0 / (n * (n + 1.0)) * (rankSum[0] * rankSum[0] / size[0] + rankSum[1] * rankSum[1] / size[1]) - 3.0 * (n + 1);
        return h / (1 - ties / ((double) n * n * n - n));
    }

    @Test
    void badStudyFileIsRejectedBeforeAnyStep(@TempDir Path dir) throws Exception {
        Path study = cohort(dir, "agee");
        assertThatThrownBy(() -> StudyFile.read(study)).isInstanceOf(StudyFileException.class).hasMessageContaining("agee");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
