package io.gutbrain.study;

import io.gutbrain.error.InputException;
import io.gutbrain.report.ResultsStore;
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

/** Crash safety and failure cleanup of a study run's output folder (simulated in-process). */
class RunFolderTest {
    private static final String STUDY = """
            study:
              name: s50
            inputs:
              table: s50.tsv
              metadata: s50.meta.tsv
            design:
              group: group
            analyses:
              qc:
                min_depth: %d
            seed: 1
            """;

    private static Study study(Path dir, long minDepth) throws Exception {
        for (String f : List.of("s50.tsv", "s50.meta.tsv")) {
            if (!Files.exists(dir.resolve(f))) Files.copy(resource("synthetic-s50/" + f), dir.resolve(f));
        }
        return StudyFile.read(Files.writeString(dir.resolve("study.yaml"), STUDY.formatted(minDepth), StandardCharsets.UTF_8));
    }

    private static List<String> hidden(Path out) throws Exception {
        List<String> names = new ArrayList<>();
        for (Path d : List.of(out, out.resolve(StudyPipeline.CACHE_DIR))) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".staging-") || n.startsWith(".report.")).forEach(names::add);
            }
        }
        return names;
    }

    @Test
    void aRunLeftRunningByADeadProcessIsMarkedInterruptedAndItsStagingRemoved(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        String dead;
        try (ResultsStore s = ResultsStore.open(out)) {
            dead = s.startRun("test", "gutbrain study run (killed)", 1L); // the process "dies": finishRun never comes
        }
        Path staging = Files.createDirectories(out.resolve(StudyPipeline.CACHE_DIR).resolve(".staging-beta-123"));
        Files.writeString(staging.resolve("half.tsv"), "x\n");
        Files.createDirectories(out.resolve(".report.staging-999999999-x1y2/figures")); // as OutputFolder names it; no such pid is alive
        assertThat(hidden(out)).hasSize(2);
        try (ResultsStore ro = ResultsStore.openReadOnly(out)) {
            assertThat(ro.run(dead).status()).as("read-only view: no writer holds the lock").isEqualTo("interrupted");
        }

        List<String> notes = new ArrayList<>();
        StepListener listener = new StepListener() {
            @Override public void note(String message) { notes.add(message); }
        };
        StudyPipeline.Result r = StudyPipeline.run(study(dir, 1), out, new StudyPipeline.Options("test", "t", 1), listener);

        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).contains("run " + dead).contains("was interrupted").contains("staging removed");
        assertThat(hidden(out)).isEmpty();
        try (ResultsStore s = ResultsStore.openReadOnly(out)) {
            ResultsStore.Run old = s.run(dead);
            assertThat(old.status()).isEqualTo("interrupted");
            assertThat(old.finished()).isNotNull();
            assertThat(s.run(r.runId()).status()).isEqualTo("ok");
            assertThat(s.query("SELECT status FROM runs WHERE run_id = ?", dead).rows().get(0)[0]).isEqualTo("interrupted"); // stored, not only shown
        }
    }

    @Test
    void aRunStillLiveInThisJvmIsNotMarked(@TempDir Path dir) {
        try (ResultsStore first = ResultsStore.open(dir)) {
            String live = first.startRun("test", "live", null);
            try (ResultsStore second = ResultsStore.open(dir)) { // DuckDB shares the instance within one JVM
                assertThat(second.interruptedRuns()).isEmpty();
                assertThat(second.run(live).status()).isEqualTo("running");
            }
            first.finishRun(live, "ok");
        }
    }

    @Test
    void aFailedFirstRunLeavesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Study failing = study(dir, 1_000_000_000L);
        assertThatThrownBy(() -> StudyPipeline.run(failing, out, new StudyPipeline.Options("test", "t", 1), StepListener.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("min_depth");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFailedRunInAnExistingStoreIsRecordedAndLeavesNoStaging(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        StudyPipeline.Result ok = StudyPipeline.run(study(dir, 1), out, new StudyPipeline.Options("test", "t", 1), StepListener.NONE);
        // StudyValidation refuses this study before the store is opened; past the validation (its
        // inputs as read, problems ignored) the same depth fails in a step, the failure path under test
        StudyInputs failing = StudyValidation.check(study(dir, 1_000_000_000L)).inputs();
        assertThatThrownBy(() -> StudyPipeline.run(failing, out, new StudyPipeline.Options("test", "t", 1), StepListener.NONE))
                .isInstanceOf(InputException.class);
        assertThat(hidden(out)).isEmpty();
        assertThat(ok.report()).exists();
        try (ResultsStore s = ResultsStore.openReadOnly(out)) {
            assertThat(s.runs()).extracting(ResultsStore.Run::status).containsExactly("failed", "ok");
        }
    }

    @Test
    void aFailedFirstRunInAnExistingFolderRemovesOnlyWhatItCreated(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        assertThatThrownBy(() -> StudyPipeline.run(study(dir, 1_000_000_000L), out, new StudyPipeline.Options("test", "t", 1), StepListener.NONE))
                .isInstanceOf(InputException.class);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }
}
