package io.gutbrain.study;

import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.Picrust2;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.modules.ModuleSet;
import io.gutbrain.modules.StratifiedKo;
import io.gutbrain.report.ResultsStore;
import io.gutbrain.result.ResultTable;
import io.gutbrain.simulate.KoProfileSimulator;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code modules} step of a study: a simulated cohort on the atlas1006 profiles with a
 * simulated, taxon-stratified KO profile (PICRUSt2 layout) whose values the test recomputes
 * directly from the files.
 */
class StudyModulesTest {
    private static final String STUDY = """
            study:
              name: modules-cohort
            inputs:
              table: data/table.tsv
              metadata: data/metadata.tsv
              ko_table: data/ko_strat.tsv
            measures:
              - instrument: phq9
            design:
              group: diagnosis
              reference: control
              outcomes: [phq9]
            analyses:
              qc:
                min_depth: 1000
              modules: {}
            seed: 1
            """;

    private static Path study(Path dir) throws Exception {
        StudyPipelineTest.cohort(dir, "age");
        FeatureTable taxa = ClassicTsv.read(dir.resolve("data/table.tsv"));
        StratifiedKo ko = KoProfileSimulator.simulate(taxa, ModuleSet.builtin(), KoProfileSimulator.Parameters.defaults(5));
        Picrust2.writeStratified(ko.table(), ko.functions(), ko.taxa(), dir.resolve("data/ko_strat.tsv"));
        return Files.writeString(dir.resolve("study.yaml"), STUDY, StandardCharsets.UTF_8);
    }

    @Test
    void profilesModulesTestsThemAndNamesTheirCarriers(@TempDir Path dir) throws Exception {
        Study study = StudyFile.read(study(dir));
        Path out = dir.resolve("out");
        StudyPipeline.Result r = StudyPipeline.run(study, out, new StudyPipeline.Options("test", "test run", 2), StepListener.NONE);
        assertThat(r.steps()).extracting(StepRecord::step).containsExactly("load", "measures", "modules", "composition", "report");
        String html = Files.readString(r.report());
        assertThat(html).contains("Gut-brain modules").contains("Omixer-RPM").contains("per million KO reads");
        // HITChip profiles detect nearly every taxon in every sample, so every simulated module is present everywhere
        assertThat(html).contains("Every module is present in every sample").doesNotContain("modules-prevalence");
        try (Stream<Path> s = Files.list(r.report().getParent().resolve("figures"))) {
            assertThat(s.map(p -> p.getFileName().toString())).contains("modules-heatmap-by-diagnosis.svg",
                    "modules-volcano-phq9_score.svg", "modules-heatmap-phq9_score.svg", "modules-contributions.svg");
        }

        // the KO table recomputed by hand: community = sum over taxa of each (KO, taxon) row
        Map<String, double[]> community = new HashMap<>();
        List<String> header;
        List<String> lines = Files.readAllLines(dir.resolve("data/ko_strat.tsv"));
        header = List.of(lines.get(0).split("\t"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t");
            double[] v = community.computeIfAbsent(c[0], k -> new double[header.size() - 2]);
            for (int i = 2; i < c.length; i++) v[i - 2] += Double.parseDouble(c[i]);
        }
        try (ResultsStore store = ResultsStore.openReadOnly(out)) {
            ResultTable abundance = store.readTable(r.runId(), "module_abundance");
            int id = abundance.columns().indexOf("sample_id"), gaba = abundance.columns().indexOf("GBNM01");
            assertThat(abundance.rowCount()).isGreaterThan(50);
            for (Object[] row : abundance.rows()) {
                int s = header.indexOf((String) row[id]) - 2;
                double total = 0;
                for (double[] v : community.values()) total += v[s];
                double k01580 = community.containsKey("K01580") ? community.get("K01580")[s] : 0;
                // GBNM01 is the single step K01580: present whenever K01580 is, abundance = its value
                assertThat(((Number) row[gaba]).doubleValue()).as((String) row[id]).isCloseTo(k01580 / total * 1e6, within(1e-6));
            }

            // phq9 coefficient of the butyrate module re-fitted here: least squares of log2(abundance)
            // on the PHQ-9 score in SD units (MaAsLin2's LOG transform and its default standardize =
            // TRUE for continuous variables; the module is present in every sample)
            ResultTable assoc = store.readTable(r.runId(), "module_association");
            int tested = assoc.columns().indexOf("tested"), module = assoc.columns().indexOf("module"), coef = assoc.columns().indexOf("coef");
            Object[] hit = assoc.rows().stream().filter(x -> "phq9_score".equals(x[tested]) && "GBNM24".equals(x[module])).findFirst().orElseThrow();
            assertThat(assoc.columns()).contains("name", "qval");
            SampleMetadata md = MetadataFile.read(Path.of(out.toString(), ".cache").resolve(measuresDir(out)).resolve("metadata.tsv"));
            int butyrate = abundance.columns().indexOf("GBNM24");
            List<double[]> xy = new ArrayList<>();
            for (Object[] row : abundance.rows()) {
                double y = ((Number) row[butyrate]).doubleValue();
                double x = md.number("phq9_score", (String) row[id]);
                if (Double.isFinite(x)) xy.add(new double[]{x, Math.log(y) / Math.log(2)});
            }
            assertThat(xy).allMatch(p -> Double.isFinite(p[1]));
            assertThat(((Number) hit[coef]).doubleValue()).isCloseTo(slope(xy) * sd(xy), within(1e-9));

            // carriers: the shares of each module sum to 1, and Faecalibacterium carries butyrate synthesis I
            ResultTable contributions = store.readTable(r.runId(), "module_contributions");
            int cm = contributions.columns().indexOf("module"), share = contributions.columns().indexOf("share"), taxon = contributions.columns().indexOf("taxon");
            Map<String, Double> sums = new HashMap<>();
            for (Object[] row : contributions.rows()) sums.merge((String) row[cm], ((Number) row[share]).doubleValue(), Double::sum);
            assertThat(sums.values()).allSatisfy(v -> assertThat(v).isCloseTo(1.0, within(1e-9)));
            assertThat(contributions.rows()).anyMatch(row -> "GBNM24".equals(row[cm]) && ((String) row[taxon]).startsWith("Faecalibacterium"));
        }

        // changing only a module option recomputes only the modules step
        Files.writeString(dir.resolve("study.yaml"), STUDY.replace("modules: {}", "modules:\n    estimator: average"), StandardCharsets.UTF_8);
        StudyPipeline.Result r2 = StudyPipeline.run(StudyFile.read(dir.resolve("study.yaml")), out, new StudyPipeline.Options("test", "again", 2), StepListener.NONE);
        assertThat(r2.step("load").cached()).isTrue();
        assertThat(r2.step("modules").cached()).isFalse();
    }

    @Test
    void moduleAbsentFromSomeSamplesGetsThePresenceFigureAndZeroAbundance(@TempDir Path dir) throws Exception {
        Path studyFile = study(dir);
        FeatureTable taxa = ClassicTsv.read(dir.resolve("data/table.tsv"));
        List<String> ids = taxa.sampleIds();
        double[][] ko = new double[ids.size()][2];
        for (int s = 0; s < ids.size(); s++) {
            ko[s][0] = s % 2 == 0 ? 30 : 0;   // K01580: GABA synthesis I, in every other sample
            ko[s][1] = 970;                  // K00001: not in any module
        }
        ClassicTsv.write(FeatureTable.fromDense("ko", ids, List.of("K01580", "K00001"), ko), dir.resolve("data/ko_strat.tsv"));
        StudyPipeline.Result r = StudyPipeline.run(StudyFile.read(studyFile), dir.resolve("out"), new StudyPipeline.Options("test", "t", 1), StepListener.NONE);
        assertThat(r.report().getParent().resolve("figures/modules-prevalence.svg")).exists();
        try (ResultsStore store = ResultsStore.openReadOnly(dir.resolve("out"))) {
            ResultTable summary = store.readTable(r.runId(), "module_summary");
            int module = summary.columns().indexOf("module"), percent = summary.columns().indexOf("percent_present"),
                    median = summary.columns().indexOf("median_abundance_per_million");
            Object[] gaba = summary.rows().stream().filter(x -> "GBNM01".equals(x[module])).findFirst().orElseThrow();
            // 30 of 1,000 KO reads = 30,000 per million wherever K01580 occurs
            assertThat(((Number) gaba[median]).doubleValue()).isCloseTo(30_000, within(1e-9));
            ResultTable abundance = store.readTable(r.runId(), "module_abundance");
            int sample = abundance.columns().indexOf("sample_id"), g = abundance.columns().indexOf("GBNM01");
            long present = 0;
            for (Object[] row : abundance.rows()) {
                boolean even = ids.indexOf((String) row[sample]) % 2 == 0;
                assertThat(((Number) row[g]).doubleValue()).isEqualTo(even ? 30_000.0 : 0.0);
                if (even) present++;
            }
            assertThat(((Number) gaba[percent]).doubleValue()).isCloseTo(100.0 * present / abundance.rowCount(), within(1e-9));
        }
    }

    @Test
    void koTableWithOtherSampleIdsIsAnErrorNamingTheStudyLine(@TempDir Path dir) throws Exception {
        Path studyFile = study(dir);
        FeatureTable other = FeatureTable.fromDense("x", List.of("nobody1", "nobody2"), List.of("K01580", "K00001"), new double[][]{{1, 2}, {3, 4}});
        ClassicTsv.write(other, dir.resolve("data/ko_strat.tsv"));
        Study study = StudyFile.read(studyFile);
        assertThatThrownBy(() -> StudyPipeline.run(study, dir.resolve("out"), new StudyPipeline.Options("test", "t", 1), StepListener.NONE))
                .isInstanceOf(io.gutbrain.error.InputException.class)
                .hasMessageContaining("study.yaml").hasMessageContaining("line 6").hasMessageContaining("none of the 2 samples of the KO table");
    }

    /** The cache folder of the measures step (it holds the metadata with the scores). */
    private static String measuresDir(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve(".cache"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("measures-")).findFirst().orElseThrow();
        }
    }

    /** Sample standard deviation of x. */
    private static double sd(List<double[]> xy) {
        double mx = xy.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        return Math.sqrt(xy.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum() / (xy.size() - 1));
    }

    /** Ordinary least-squares slope of y on x with an intercept. */
    private static double slope(List<double[]> xy) {
        double mx = xy.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = xy.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0, sxx = 0;
        for (double[] p : xy) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxy / sxx;
    }
}
