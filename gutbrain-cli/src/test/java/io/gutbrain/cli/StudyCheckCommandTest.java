package io.gutbrain.cli;

import io.gutbrain.cli.common.BundledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gutbrain study check} checks the real inputs (and {@code study run} runs the same checks
 * before computing) on the demo's peerj32 study with one mistake or several: every problem on its
 * own line with its study-file line, then their count, exit 2; the demo's own studies check OK.
 */
class StudyCheckCommandTest {

    private static Path peerj(Path dir) {
        Path data = BundledData.extract(List.of("peerj32/counts.tsv", "peerj32/metadata.tsv"), dir.resolve("data"));
        return DemoCommand.peerj32Study(data, dir.resolve("study"));
    }

    /** The study file with one text replaced (which must be there). */
    private static Path edit(Path study, String from, String to) throws Exception {
        String text = Files.readString(study);
        assertThat(text).contains(from);
        Files.writeString(study, text.replace(from, to));
        return study;
    }

    /** The 1-based line of the first line containing {@code key}. */
    private static int lineOf(Path study, String key) throws Exception {
        List<String> lines = Files.readAllLines(study);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(key)) return i + 1;
        throw new AssertionError(key + " not in " + study);
    }

    private static void assertProblems(CliRun r, Path study, String... expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        List<String> errs = r.errLines();
        assertThat(errs).as(r.err()).hasSize(expected.length + 1);
        for (int i = 0; i < expected.length; i++) {
            assertThat(errs.get(i)).startsWith("gutbrain: error: " + study + ":" + expected[i]).contains("(fix: ").doesNotContain("Exception", "\tat ");
            assertThat(errs.get(i).split("\\(fix: ", -1)).as("one fix per line: %s", errs.get(i)).hasSize(2);
        }
        assertThat(errs.get(expected.length)).isEqualTo("gutbrain: " + expected.length + " problem" + (expected.length == 1 ? "" : "s") + " in " + study);
        assertThat(r.out()).doesNotContain(": OK");
    }

    @Test
    void aPasswdFileIsNotAFeatureTable(@TempDir Path dir) throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        Path study = peerj(dir);
        edit(study, "  table: " + dir.resolve("data/peerj32/counts.tsv").toAbsolutePath(), "  table: " + passwd);
        assertProblems(CliRun.of("study", "check", study.toString()), study, "line " + lineOf(study, "table:") + ": 'inputs.table' is not a feature table");
    }

    @Test
    void aMinDepthThatDropsEverySampleIsRefused(@TempDir Path dir) throws Exception {
        Path study = edit(peerj(dir), "min_depth: 1000", "min_depth: 100000000");
        assertProblems(CliRun.of("study", "check", study.toString()), study,
                "line " + lineOf(study, "min_depth") + ": 'analyses.qc.min_depth' 100,000,000 keeps 0 of the 44 samples");
    }

    @Test
    void aForeignTreeAnUnknownTaxonAndATooDeepRarefactionAreReportedTogether(@TempDir Path dir) throws Exception {
        Path hostname = Files.writeString(dir.resolve("hostname"), "vm\n");
        Path study = peerj(dir);
        edit(study, "  metadata: ", "  tree: " + hostname + "\n  metadata: ");
        edit(study, "    iterations: 5", "    depth: 1000000\n    iterations: 5");
        edit(study, "taxa: [\"Lactobacillus plantarum et rel.\"]", "taxa: [\"Lactobacillus plantarum\"]");
        CliRun r = CliRun.of("study", "check", study.toString());
        assertProblems(r, study, "line " + lineOf(study, "tree:") + ": 'inputs.tree'",
                "line " + lineOf(study, "depth: 1000000") + ": 'analyses.rarefaction.depth' 1,000,000 leaves 0 of the 44 samples",
                "line " + lineOf(study, "taxa:") + ": 'analyses.intervention.taxa': taxon 'Lactobacillus plantarum'");
    }

    @Test
    void runRefusesAnUnknownTaxonBeforeComputingOrWritingAnything(@TempDir Path dir) throws Exception {
        Path study = edit(peerj(dir), "taxa: [\"Lactobacillus plantarum et rel.\"]", "taxa: [Nosuchgenus]");
        Path out = dir.resolve("results");
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("study", "run", study.toString(), "--out", out.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertProblems(r, study, "line " + lineOf(study, "taxa:") + ": 'analyses.intervention.taxa': taxon 'Nosuchgenus'");
        assertThat(r.err()).doesNotContain("load", "rarefaction").as("no step line");
        // before: found 6.2 s into the run, after load, rarefaction, alpha, beta and association; a generous bound
        assertThat(seconds).isLessThan(3.0);
        assertThat(out).as("no output folder, store, cache or marker").doesNotExist();
    }

    @Test
    void aOneLevelGroupAMissingColumnAndANonNumericOutcomeAreReportedTogether(@TempDir Path dir) throws Exception {
        Path study = peerj(dir);
        edit(study, "  group: group\n", "  group: sex\n  outcomes: [subject]\n");
        edit(study, "  reference: Placebo\n", "");
        edit(study, "  random_effects: [subject]", "  random_effects: [participant]");
        edit(study, "  intervention:\n", "  intervention:\n    arm: group\n"); // keep the trial's arms
        // peerj32 has 'sex' with two levels: restrict it to one by dropping the males from the metadata
        Path md = dir.resolve("data/peerj32/metadata.tsv");
        List<String> rows = Files.readAllLines(md);
        Files.write(md, rows.stream().filter(l -> !l.contains("\tmale\t")).toList());
        CliRun r = CliRun.of("study", "check", study.toString());
        assertProblems(r, study, "line " + lineOf(study, "group: sex") + ": group column 'sex' has a single level 'female'",
                "line " + lineOf(study, "outcomes:") + ": outcome 'subject' is not numeric",
                "line " + lineOf(study, "random_effects") + ": 'design.random_effects': column 'participant' is not in the metadata");
    }

    @Test
    void theDemoStudiesCheckOk(@TempDir Path dir) throws Exception {
        Path data = BundledData.extract(List.of("peerj32/counts.tsv", "peerj32/metadata.tsv", "dietswap/counts.tsv", "dietswap/metadata.tsv"), dir.resolve("data"));
        List<Path> studies = List.of(DemoCommand.peerj32Study(data, dir.resolve("peerj32")), DemoCommand.dietswapStudy(data, dir.resolve("dietswap")),
                DemoCommand.fmtTrial(dir.resolve("fmt"), "test"), DemoCommand.depressionCohort(dir.resolve("cohort"), "test"));
        for (Path study : studies) {
            CliRun r = CliRun.of("study", "check", study.toString());
            assertThat(r.exitCode()).as(study + ": " + r.err()).isZero();
            assertThat(r.out()).contains(study + ": OK");
        }
    }
}
