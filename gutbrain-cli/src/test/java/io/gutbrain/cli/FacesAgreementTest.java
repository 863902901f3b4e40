package io.gutbrain.cli;

import io.gutbrain.association.RCompat;
import io.gutbrain.cli.common.BundledData;
import io.gutbrain.result.ResultTable;
import io.gutbrain.report.ResultsStore;
import io.gutbrain.study.StepListener;
import io.gutbrain.study.Study;
import io.gutbrain.study.StudyFile;
import io.gutbrain.study.StudyPipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One engine, two faces: each CLI tool and the study step that does the same analysis give the
 * same tables on the same data (the bundled peerj32 probiotic trial, 22 subjects × 2 visits,
 * LGG vs Placebo). Every number is compared exactly (the CLI's text reads back to the same
 * double), so a choice made differently by the two faces (control arm, test, metric options,
 * permutation settings) fails here.
 */
class FacesAgreementTest {
    @TempDir static Path dir;
    static Path counts;
    static Path metadata;
    static Path studyOut;
    static StudyPipeline.Result study;
    /**
     * The same data and settings with no subject or time in the design, so every step treats the
     * samples as independent, as the CLI tools do: since the steps follow the design (a trial is
     * tested by arm × time), only this study's association and beta tables are the CLI's models.
     */
    static Path crossOut;
    static StudyPipeline.Result crossSectional;

    /** The study: no rarefaction (so beta and intervention read the QC-filtered counts), MaAsLin2 with a subject random intercept. */
    private static final String STUDY = """
            study:
              name: peerj32
            inputs:
              table: %s
              metadata: %s
            design:
              group: group
              reference: Placebo
              random_effects: [subject]
            %s
            analyses:
              qc:
                min_depth: 1
              beta:
                metrics: [braycurtis]
                permutations: 99
              association:
                method: %s
            %s
            seed: 7
            """;

    @BeforeAll
    static void runStudy() throws Exception {
        Path data = BundledData.extractTo(dir.resolve("data"));
        counts = data.resolve("peerj32/counts.tsv");
        metadata = data.resolve("peerj32/metadata.tsv");
        studyOut = dir.resolve("study-out");
        study = runStudy("maaslin2", studyOut);
        crossOut = dir.resolve("cross-out");
        crossSectional = runStudy("maaslin2", crossOut, false);
    }

    private static StudyPipeline.Result runStudy(String method, Path out) throws IOException {
        return runStudy(method, out, true);
    }

    private static StudyPipeline.Result runStudy(String method, Path out, boolean trial) throws IOException {
        String design = trial ? "  subject: subject\n  time: time" : "";
        String intervention = trial ? "  intervention:\n    baseline: \"1\"" : "";
        Path file = Files.writeString(dir.resolve("study-" + method + "-" + trial + ".yaml"),
                STUDY.formatted(counts, metadata, design, method, intervention), StandardCharsets.UTF_8);
        Study s = StudyFile.read(file);
        return StudyPipeline.run(s, out, new StudyPipeline.Options("test", "test run", 1), StepListener.NONE);
    }

    private static ResultTable studyTable(StudyPipeline.Result r, Path out, String name) {
        try (ResultsStore store = ResultsStore.openReadOnly(out)) {
            return store.readTable(r.runId(), name);
        }
    }

    /** A TSV written by the CLI as rows of column → text. */
    private static List<Map<String, String>> tsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], cells[i]);
            rows.add(row);
        }
        return rows;
    }

    private static double number(String text) {
        return switch (text) {
            case "NA", "NaN" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static double number(Object cell) { return ((Number) cell).doubleValue(); }

    private static Object cell(ResultTable t, Object[] row, String column) {
        int i = t.columns().indexOf(column);
        assertThat(i).as("column %s of %s", column, t.name()).isNotNegative();
        return row[i];
    }

    private static CliRun cli(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    @Test
    void interventionToolAndStudyStepGiveTheSameModelAndChangeTables() throws Exception {
        Path out = dir.resolve("intervention-cli");
        // the control is the study's design.reference; the CLI's --reference-arm says the same
        cli("intervention", "--table", counts.toString(), "--metadata", metadata.toString(), "--subject", "subject", "--time", "time",
                "--arm", "group", "--reference-arm", "Placebo", "--baseline", "1", "--outcome", "alpha:shannon", "--out", out.toString(), "-q");

        ResultTable lmm = studyTable(study, studyOut, "intervention_arm_time");
        List<Map<String, String>> cliLmm = tsv(out.resolve("arm_time_lmm.tsv"));
        assertThat(cliLmm).hasSize(lmm.rowCount()).hasSizeGreaterThan(3);
        for (int i = 0; i < lmm.rowCount(); i++) {
            Object[] row = lmm.rows().get(i);
            Map<String, String> c = cliLmm.get(i);
            assertThat(c.get("outcome")).isEqualTo(cell(lmm, row, "outcome"));
            assertThat(c.get("term")).isEqualTo(cell(lmm, row, "term"));
            for (String col : List.of("estimate", "se", "df", "t", "p", "ci_low", "ci_high")) {
                assertThat(number(c.get(col))).as("%s %s", c.get("term"), col).isEqualTo(number(cell(lmm, row, col)));
            }
        }

        ResultTable change = studyTable(study, studyOut, "intervention_change");
        List<Map<String, String>> cliChange = tsv(out.resolve("arm_summaries.tsv"));
        assertThat(cliChange).hasSize(change.rowCount()).hasSize(2);
        Map<String, String> sameColumn = Map.of("n", "n", "mean_change", "mean_change", "ci_lower", "ci_lower", "ci_upper", "ci_upper",
                "p_t", "p", "p_wilcoxon", "wilcoxon_p");
        for (int i = 0; i < change.rowCount(); i++) {
            Object[] row = change.rows().get(i);
            Map<String, String> c = cliChange.get(i);
            assertThat(c.get("arm")).isEqualTo(cell(change, row, "arm"));
            assertThat(c.get("timepoint")).isEqualTo(cell(change, row, "timepoint"));
            sameColumn.forEach((studyColumn, cliColumn) -> assertThat(number(c.get(cliColumn))).as("%s %s", c.get("arm"), studyColumn)
                    .isEqualTo(number(cell(change, row, studyColumn))));
        }
    }

    @Test
    void associateAndTheStudyStepGiveTheSameMaaslin2Rows() throws Exception {
        Path out = dir.resolve("associate-cli");
        cli("associate", "--table", counts.toString(), "--metadata", metadata.toString(), "--fixed", "group", "--random", "subject",
                "--reference", "group,Placebo", "--method", "maaslin2", "--out", out.toString(), "-q");
        ResultTable study = studyTable(crossSectional, crossOut, "association");
        // MaAsLin2's own layout names features by R's make.names; map them back to the table's ids
        List<String> ids = Files.readAllLines(counts).stream().skip(1).map(l -> l.substring(0, l.indexOf('\t'))).toList();
        List<String> rNames = RCompat.makeNamesUnique(ids);
        Map<String, String> idOf = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) idOf.put(rNames.get(i), ids.get(i));
        Map<String, Map<String, String>> cliByFeature = new HashMap<>();
        for (Map<String, String> row : tsv(out.resolve("all_results.tsv"))) cliByFeature.put(idOf.get(row.get("feature")), row);

        assertThat(study.rowCount()).isEqualTo(cliByFeature.size()).isGreaterThan(50);
        for (Object[] row : study.rows()) {
            assertThat(cell(study, row, "tested")).isEqualTo("group");
            Map<String, String> c = cliByFeature.get((String) cell(study, row, "feature"));
            assertThat(c).as("feature %s", cell(study, row, "feature")).isNotNull();
            // all_results.tsv prints R's 15 significant digits: compare the study's numbers printed the same way
            for (String col : List.of("coef", "stderr", "pval", "qval")) {
                assertThat(c.get(col)).as("%s %s", cell(study, row, "feature"), col).isEqualTo(RCompat.formatNumber(number(cell(study, row, col))));
            }
            assertThat(Long.parseLong(c.get("N"))).isEqualTo(cell(study, row, "n"));
        }
    }

    @Test
    void associateAutoRankTestAndTheStudyStepChooseTheSameTest() throws Exception {
        Path rankOut = dir.resolve("study-rank-out");
        StudyPipeline.Result rank = runStudy("nonparametric", rankOut, false);
        Path out = dir.resolve("associate-rank-cli");
        cli("associate", "--table", counts.toString(), "--metadata", metadata.toString(), "--fixed", "group",
                "--reference", "group,Placebo", "--method", "nonparametric", "--test", "auto", "--out", out.toString(), "-q");
        ResultTable study = studyTable(rank, rankOut, "association");
        Map<String, Map<String, String>> cliByFeature = new HashMap<>();
        for (Map<String, String> row : tsv(out.resolve("all_results.tsv"))) cliByFeature.put(row.get("feature"), row);
        assertThat(study.rowCount()).isEqualTo(cliByFeature.size()).isGreaterThan(50);
        for (Object[] row : study.rows()) {
            Map<String, String> c = cliByFeature.get((String) cell(study, row, "feature"));
            assertThat(c).as("feature %s", cell(study, row, "feature")).isNotNull();
            assertThat(c.get("method")).isEqualTo(cell(study, row, "method"));
            for (String col : List.of("pval", "qval")) {
                assertThat(number(c.get(col))).as("%s %s", cell(study, row, "feature"), col).isEqualTo(number(cell(study, row, col)));
            }
        }
    }

    @Test
    void diversityBetaAndStatsGiveTheStudysDistancesAndTests() throws Exception {
        Path dm = dir.resolve("braycurtis.tsv");
        cli("diversity", "beta", "--table", counts.toString(), "--metric", "braycurtis", "--out", dm.toString(), "-q");
        Path studyDm;
        try (Stream<Path> s = Files.walk(crossOut)) {
            studyDm = s.filter(p -> p.getFileName().toString().equals("braycurtis.dm.tsv")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(dm)).isEqualTo(Files.readString(studyDm));

        ResultTable tests = studyTable(crossSectional, crossOut, "permanova");
        Object[] permanova = tests.rows().stream().filter(r -> "PERMANOVA".equals(cell(tests, r, "test"))).findFirst().orElseThrow();
        Path pOut = dir.resolve("permanova.tsv");
        cli("stats", "permanova", "--distance", dm.toString(), "--metadata", metadata.toString(), "--formula", "group",
                "--permutations", "99", "--seed", "7", "--out", pOut.toString(), "-q");
        Map<String, String> group = tsv(pOut).stream().filter(r -> r.get("term").equals("group")).findFirst().orElseThrow();
        assertThat(number(group.get("F"))).isEqualTo(number(cell(tests, permanova, "f")));
        assertThat(number(group.get("R2"))).isEqualTo(number(cell(tests, permanova, "r2")));
        assertThat(number(group.get("Pr(>F)"))).isEqualTo(number(cell(tests, permanova, "p")));
        assertThat(Long.parseLong(group.get("Df"))).isEqualTo(cell(tests, permanova, "df"));

        Object[] permdisp = tests.rows().stream().filter(r -> "PERMDISP".equals(cell(tests, r, "test"))).findFirst().orElseThrow();
        Path dOut = dir.resolve("permdisp.tsv");
        cli("stats", "permdisp", "--distance", dm.toString(), "--metadata", metadata.toString(), "--formula", "group", "--type", "median",
                "--permutations", "99", "--seed", "7", "--out", dOut.toString(), "-q");
        Map<String, String> groups = tsv(dOut).stream().filter(r -> r.get("term").equals("Groups")).findFirst().orElseThrow();
        assertThat(number(groups.get("F"))).isEqualTo(number(cell(tests, permdisp, "f")));
        assertThat(number(groups.get("Pr(>F)"))).isEqualTo(number(cell(tests, permdisp, "p")));
    }
}
