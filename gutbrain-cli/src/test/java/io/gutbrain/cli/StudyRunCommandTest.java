package io.gutbrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gutbrain.cli.common.BundledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** gutbrain study run end to end on the real peerj32 trial: report path, JSON step log, cache on re-run, bad file. */
class StudyRunCommandTest {
    @Test
    void runWritesReportLogsJsonAndReusesTheCache(@TempDir Path dir) throws Exception {
        Path data = BundledData.extract(List.of("peerj32/counts.tsv", "peerj32/metadata.tsv"), dir.resolve("data"));
        Path study = DemoCommand.peerj32Study(data, dir.resolve("study"));
        Path out = dir.resolve("results");
        CliRun r = CliRun.of("study", "run", study.toString(), "--out", out.toString(), "--log-json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path report = Path.of(r.out().strip());
        assertThat(report).isEqualTo(out.resolve("report/report.html")).exists();
        assertThat(out.resolve("results.duckdb")).exists();
        List<JsonNode> events = events(r);
        List<String> steps = List.of("load", "rarefaction", "alpha", "beta", "association", "intervention", "composition", "report");
        assertThat(events).hasSize(2 * steps.size());
        for (int i = 0; i < steps.size(); i++) {
            assertThat(events.get(2 * i).get("event").asText()).isEqualTo("start");
            assertThat(events.get(2 * i).get("step").asText()).isEqualTo(steps.get(i));
            assertThat(events.get(2 * i + 1).get("event").asText()).isEqualTo("finish");
            assertThat(events.get(2 * i + 1).get("cached").asBoolean()).isFalse();
            assertThat(events.get(2 * i + 1).get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
        }
        String html = Files.readString(report);
        assertThat(html).contains("linear mixed models").contains("random intercepts for subject").doesNotContain("Simulated data:")
                .contains("Lactobacillus plantarum et rel.").contains("Satterthwaite");

        CliRun again = CliRun.of("study", "run", study.toString(), "--out", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("cached: yes").contains("(7 of 8 steps from the cache)");
    }

    @Test
    void demoDietswapStudyMatchesLmerTest(@TempDir Path dir) throws Exception {
        Path data = BundledData.extract(List.of("dietswap/counts.tsv", "dietswap/metadata.tsv"), dir.resolve("data"));
        Path study = DemoCommand.dietswapStudy(data, dir.resolve("study"));
        Path out = dir.resolve("results");
        CliRun r = CliRun.of("study", "run", study.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path table = out.resolve("report/tables/intervention_arm_time.tsv");
        List<String> lines = Files.readAllLines(table);
        List<String> cols = List.of(lines.get(0).split("\t"));
        // lmerTest: shannon ~ nationality * factor(timepoint) + (1 | subject), REML, Satterthwaite df;
        // gutbrain-core/src/test/resources/reference/intervention/arm_time_lmm_R.tsv (make_arm_time_reference.R)
        java.util.Map<String, double[]> expected = java.util.Map.of(
                "armAFR", new double[]{-0.6497252127003238, 0.16719864141559565, 0.00014849140273945287},
                "armAFR:time4", new double[]{0.52882377081038012, 0.20626256166279286, 0.011196505994690379},
                "armAFR:time6", new double[]{0.60414586577273299, 0.20628272423150931, 0.003858606006808638});
        int seen = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t");
            double[] e = expected.get(c[cols.indexOf("term")]);
            if (e == null) continue;
            seen++;
            assertThat(Double.parseDouble(c[cols.indexOf("estimate")])).isCloseTo(e[0], org.assertj.core.api.Assertions.within(1e-7));
            assertThat(Double.parseDouble(c[cols.indexOf("se")])).isCloseTo(e[1], org.assertj.core.api.Assertions.within(1e-6));
            assertThat(Double.parseDouble(c[cols.indexOf("p")])).isCloseTo(e[2], org.assertj.core.api.Assertions.within(1e-5));
        }
        assertThat(seen).isEqualTo(3);
        assertThat(out.resolve("report/figures/intervention-shannon-spaghetti.svg")).exists();
    }

    @Test
    void demoFmtTrialRunsWithEngraftment(@TempDir Path dir) throws Exception {
        Path study = DemoCommand.fmtTrial(dir.resolve("fmt"), "test");
        assertThat(Files.readString(study.resolveSibling("metadata.tsv"))).startsWith("# SIMULATED FMT TRIAL");
        Path out = dir.resolve("results");
        CliRun r = CliRun.of("study", "run", study.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(Path.of(r.out().strip()));
        assertThat(html).contains("Simulated data").contains("FMT engraftment").contains("engraftment-source-shares");
    }

    @Test
    void badStudyFileIsExitTwoBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path data = BundledData.extract(List.of("peerj32/counts.tsv", "peerj32/metadata.tsv"), dir.resolve("data"));
        Path study = DemoCommand.peerj32Study(data, dir.resolve("study"));
        Files.writeString(study, Files.readString(study).replace("reference: Placebo", "reference: Placbo"));
        Path out = dir.resolve("results");
        CliRun r = CliRun.of("study", "run", study.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Placbo").contains("1 problem in " + study);
        assertThat(out).doesNotExist();
    }

    private static List<JsonNode> events(CliRun r) throws Exception {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.errLines()) out.add(m.readTree(line));
        return out;
    }
}
