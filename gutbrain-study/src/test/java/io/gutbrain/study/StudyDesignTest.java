package io.gutbrain.study;

import io.gutbrain.result.ResultTable;
import io.gutbrain.report.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Statistics that follow the design ({@link DesignKind}): trials get mixed models with the arm × time
 * term and within-subject permutations, rank tests see only independent samples, the intervention
 * reads the alpha table, and each step's diagnostics reach its own report section once.
 */
class StudyDesignTest {
    private static final String DIETSWAP = """
            study:
              name: dietswap
            inputs:
              table: data/counts.tsv
              metadata: data/metadata.tsv
            design:
              group: nationality
              reference: AAM
              subject: subject
              time: timepoint
            analyses:
              qc:
                min_depth: 1
              alpha:
                metrics: [shannon]
              beta:
                metrics: [braycurtis]
                permutations: 99
              association: {}
            seed: 1
            """;

    private static final String PEERJ32 = """
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
                min_depth: 1000
              rarefaction:
                iterations: 5
              alpha:
                metrics: [observed_features, shannon]
              intervention:
                treatment: LGG
                control: Placebo
                baseline: "1"
            seed: 1
            """;

    private static Path resource(String name) throws Exception {
        URL url = StudyDesignTest.class.getClassLoader().getResource(name);
        return Path.of(url.toURI());
    }

    private static StudyPipeline.Result run(Path dir, String dataset, String yaml) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        for (String f : List.of("counts.tsv", "metadata.tsv")) {
            Path target = dir.resolve("data/" + f);
            if (!Files.exists(target)) Files.copy(resource("microbiome-interventions/" + dataset + "/" + f), target);
        }
        Study study = StudyFile.read(Files.writeString(dir.resolve("study.yaml"), yaml, StandardCharsets.UTF_8));
        return StudyPipeline.run(study, dir.resolve("out"), new StudyPipeline.Options("test", "test run", 1), StepListener.NONE);
    }

    /** Rows of a TSV fixture by the value of its first column. */
    private static Map<String, String[]> tsv(String resource, List<String> header) throws Exception {
        List<String> lines = Files.readAllLines(resource(resource));
        header.addAll(List.of(lines.get(0).split("\t")));
        Map<String, String[]> out = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split("\t");
            out.put(c[0], c);
        }
        return out;
    }

    private static Object[] row(ResultTable t, String column, Object value) {
        int c = t.columns().indexOf(column);
        return t.rows().stream().filter(r -> value.equals(r[c])).findFirst().orElseThrow(() -> new AssertionError(value + " not in " + t.name()));
    }

    private static double num(ResultTable t, Object[] row, String column) {
        return ((Number) row[t.columns().indexOf(column)]).doubleValue();
    }

    @Test
    void dietswapTrialIsModelledByArmTimeAndMatchesLmerTestAndVegan(@TempDir Path dir) throws Exception {
        StudyPipeline.Result r = run(dir, "dietswap", DIETSWAP);
        try (ResultsStore store = ResultsStore.openReadOnly(dir.resolve("out"))) {
            // the fixture is the report's own alpha table: the R model below was fitted to exactly these values
            ResultTable alpha = store.readTable(r.runId(), "alpha");
            List<String> ah = new ArrayList<>();
            Map<String, String[]> alphaFixture = tsv("reference/dietswap/alpha_report.tsv", ah);
            assertThat(alpha.rowCount()).isEqualTo(alphaFixture.size()).isEqualTo(222);
            for (Object[] row : alpha.rows()) {
                assertThat(num(alpha, row, "shannon")).isCloseTo(Double.parseDouble(alphaFixture.get((String) row[0])[1]), within(1e-12));
            }
            // lmerTest shannon ~ nationality * factor(timepoint) + (1 | subject) on that table (make_alpha_lmm_reference.R):
            // estimates and SE to 1e-6, Satterthwaite df to 1e-3, p to 1e-5 (as the intervention arm x time test)
            ResultTable models = store.readTable(r.runId(), "alpha_models");
            List<String> mh = new ArrayList<>();
            Map<String, String[]> lmer = tsv("reference/dietswap/alpha_lmm_R.tsv", mh);
            assertThat(models.rowCount()).isEqualTo(lmer.size());
            for (String[] e : lmer.values()) {
                Object[] got = row(models, "term", e[0]);
                assertThat(num(models, got, "estimate")).as(e[0]).isCloseTo(Double.parseDouble(e[mh.indexOf("estimate")]), within(1e-6));
                assertThat(num(models, got, "se")).as(e[0]).isCloseTo(Double.parseDouble(e[mh.indexOf("se")]), within(1e-6));
                assertThat(num(models, got, "df")).as(e[0]).isCloseTo(Double.parseDouble(e[mh.indexOf("df")]), within(1e-3));
                assertThat(num(models, got, "p")).as(e[0]).isCloseTo(Double.parseDouble(e[mh.indexOf("p")]), within(1e-5));
            }
            assertThat(lmer).containsKey("armAFR:time6");
            // rank tests only on the independent baseline samples: 38 subjects, one sample each
            ResultTable ranks = store.readTable(r.runId(), "alpha_tests");
            assertThat(ranks.rows()).isNotEmpty().allSatisfy(x -> {
                assertThat(x[ranks.columns().indexOf("samples")]).isEqualTo("timepoint = 1");
                assertThat(((Number) x[ranks.columns().indexOf("n")]).longValue()).isEqualTo(38);
            });
            // PERMANOVA statistics as vegan's adonis2 (F and R2; p depends on the random stream)
            ResultTable perm = store.readTable(r.runId(), "permanova");
            List<String> ph = new ArrayList<>();
            Map<String, String[]> vegan = tsv("reference/dietswap/permanova_design_vegan.tsv", ph);
            for (String[] e : vegan.values()) {
                Object[] got = perm.rows().stream().filter(x -> "PERMANOVA".equals(x[1]) && e[0].equals(x[2])).findFirst().orElseThrow();
                assertThat(got[perm.columns().indexOf("samples")]).isEqualTo(e[ph.indexOf("samples")]);
                assertThat(((Number) got[perm.columns().indexOf("df")]).longValue()).isEqualTo(Long.parseLong(e[ph.indexOf("df")]));
                assertThat(num(perm, got, "f")).as(e[0]).isCloseTo(Double.parseDouble(e[ph.indexOf("f")]), within(1e-9));
                assertThat(num(perm, got, "r2")).as(e[0]).isCloseTo(Double.parseDouble(e[ph.indexOf("r2")]), within(1e-9));
            }
            assertThat(row(perm, "variable", "timepoint")[perm.columns().indexOf("permuted")]).isEqualTo("within subject");
            // association: the subject random effect is added and arm:time is the tested term
            ResultTable assoc = store.readTable(r.runId(), "association");
            assertThat(assoc.rows()).isNotEmpty().allSatisfy(x -> assertThat(x[0]).isEqualTo("nationality:timepoint"));
        }
        String html = Files.readString(r.report());
        assertThat(html).contains("Design: trial").contains("(1 | subject) was added").contains("expr ~ nationality + timepoint + nationality:timepoint + (1 | subject)");
    }

    @Test
    void interventionShannonIsTheAlphaTablesShannon(@TempDir Path dir) throws Exception {
        StudyPipeline.Result r = run(dir, "peerj32", PEERJ32);
        try (ResultsStore store = ResultsStore.openReadOnly(dir.resolve("out"))) {
            ResultTable alpha = store.readTable(r.runId(), "alpha");
            Map<String, Double> shannon = new HashMap<>();
            for (Object[] x : alpha.rows()) shannon.put((String) x[0], num(alpha, x, "shannon"));
            io.gutbrain.metadata.SampleMetadata md = io.gutbrain.io.MetadataFile.read(dir.resolve("data/metadata.tsv"));
            Map<String, Map<String, Double>> bySubject = new HashMap<>();
            for (String id : shannon.keySet()) bySubject.computeIfAbsent(md.text("subject", id), s -> new HashMap<>()).put(md.text("time", id), shannon.get(id));
            ResultTable change = store.readTable(r.runId(), "intervention_change");
            for (String arm : List.of("LGG", "Placebo")) {
                double sum = 0;
                int n = 0;
                for (Map.Entry<String, Map<String, Double>> e : bySubject.entrySet()) {
                    String anySample = shannon.keySet().stream().filter(id -> md.text("subject", id).equals(e.getKey())).findFirst().orElseThrow();
                    if (!arm.equals(md.text("group", anySample)) || e.getValue().size() < 2) continue;
                    sum += e.getValue().get("2") - e.getValue().get("1");
                    n++;
                }
                Object[] got = change.rows().stream().filter(x -> "shannon".equals(x[0]) && arm.equals(x[1])).findFirst().orElseThrow();
                assertThat(num(change, got, "mean_change")).as(arm).isCloseTo(sum / n, within(1e-12));
            }
            // the alpha section of a two-visit trial: the arm x time mixed model, no pooled rank test
            ResultTable models = store.readTable(r.runId(), "alpha_models");
            assertThat(models.rows()).anySatisfy(x -> assertThat(x[models.columns().indexOf("term")]).isEqualTo("armLGG:time2"));
            ResultTable ranks = store.readTable(r.runId(), "alpha_tests");
            assertThat(ranks.rows()).allSatisfy(x -> assertThat(x[ranks.columns().indexOf("samples")]).isEqualTo("time = 1"));
        }
    }

    @Test
    void eachStepsDiagnosticsReachItsSectionOnce(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        // sex missing in 3 samples (MaAsLin2 leaves them out), group missing in 2 (PERMANOVA and PERMDISP of two metrics
        // both leave them out: one note)
        List<String> lines = Files.readAllLines(resource("microbiome-interventions/peerj32/metadata.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int sex = header.indexOf("sex"), group = header.indexOf("group");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split("\t", -1);
            if (i >= 5 && i <= 7) c[sex] = "";
            if (i == 9 || i == 10) c[group] = "";
            out.add(String.join("\t", c));
        }
        Files.write(dir.resolve("data/metadata.tsv"), out);
        String yaml = """
                study:
                  name: diagnostics
                inputs:
                  table: data/counts.tsv
                  metadata: data/metadata.tsv
                design:
                  group: group
                  reference: Placebo
                  covariates: [sex]
                analyses:
                  qc:
                    min_depth: 21500
                  alpha:
                    metrics: [shannon]
                  beta:
                    metrics: [braycurtis, jaccard]
                    permutations: 99
                  association: {}
                seed: 1
                """;
        StudyPipeline.Result r = run(dir, "peerj32", yaml);
        String html = Files.readString(r.report());
        // the depth filter: 2 of 44 samples are below 21,500 reads
        assertThat(html).contains("2 samples had fewer than 21,500 reads and were removed");
        // MaAsLin2's own warning, in the association section: the 3 samples without sex and the 2 without group
        assertThat(html).containsPattern("5 of 42 samples have missing values in the model columns and are left out of every model");
        assertThat(html.indexOf("have missing values in the model columns")).isGreaterThan(html.indexOf("Association"));
        String betaWarning = "have no value in column &#39;group&#39;"; // as the page escapes it
        assertThat(html).contains(betaWarning);
        assertThat(html.split(java.util.regex.Pattern.quote(betaWarning), -1).length - 1).isEqualTo(1);
        assertThat(html).contains("Design: cross-sectional");
    }
}
