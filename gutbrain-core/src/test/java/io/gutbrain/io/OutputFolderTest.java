package io.gutbrain.io;

import io.gutbrain.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staged output folders: whole or nothing, own folders replaced, foreign ones refused, leftovers of dead processes removed. */
class OutputFolderTest {
    @TempDir Path tmp;

    @Test
    void commitMovesTheCompleteFolderIntoPlaceWithAMarker() throws Exception {
        Path out = tmp.resolve("pcoa");
        try (OutputFolder f = OutputFolder.stage(out, "gutbrain test", "1.0", false)) {
            assertThat(f.dir().getParent()).isEqualTo(tmp.toAbsolutePath());
            assertThat(f.dir().getFileName().toString()).matches("\\.pcoa\\.staging-" + ProcessHandle.current().pid() + "-[0-9a-z]+");
            TextOutput.write(f.resolve("a.tsv"), "a\n");
            assertThat(out).doesNotExist();
            assertThat(f.finalPath(f.resolve("a.tsv"))).isEqualTo(out.toAbsolutePath().resolve("a.tsv"));
            f.commit();
        }
        assertThat(Files.readString(out.resolve("a.tsv"))).isEqualTo("a\n");
        assertThat(Files.readString(out.resolve(OutputFolder.MARKER))).contains("\"tool\"").contains("gutbrain test").contains("a.tsv");
        assertThat(names(tmp)).containsExactly("pcoa");
    }

    @Test
    void aFailurePartWayLeavesNoTargetAndNoStaging() {
        Path out = tmp.resolve("pcoa");
        assertThatThrownBy(() -> {
            try (OutputFolder f = OutputFolder.stage(out, "gutbrain test", "1.0", false)) {
                TextOutput.write(f.resolve("coordinates.tsv"), "x\n");
                throw new InputException("data.tsv", "line 3", "bad value", "fix it");
            }
        }).isInstanceOf(InputException.class).hasMessageContaining("bad value");
        assertThat(names(tmp)).isEmpty();
    }

    @Test
    void aSimulatedFullDiskNamesTheFinalPathAndLeavesNothing() {
        Path out = tmp.resolve("pcoa");
        try (AtomicOutput.AutoCloseableHandle full = AtomicOutput.simulateFullDisk(p -> p.getFileName().toString().equals("b.tsv"))) {
            assertThatThrownBy(() -> {
                try (OutputFolder f = OutputFolder.stage(out, "gutbrain test", "1.0", false)) {
                    TextOutput.write(f.resolve("a.tsv"), "a\n");
                    TextOutput.write(f.resolve("b.tsv"), "b\n");
                    f.commit();
                }
            }).isInstanceOf(InputException.class).hasMessageContaining(out.toAbsolutePath().resolve("b.tsv").toString())
                    .hasMessageNotContaining("staging").hasMessageContaining("No space left");
        }
        assertThat(names(tmp)).isEmpty();
    }

    @Test
    void aRerunReplacesGutbrainsOwnFolderWhole() throws Exception {
        Path out = tmp.resolve("out");
        write(out, "old.tsv", false);
        write(out, "new.tsv", false);
        assertThat(out.resolve("old.tsv")).doesNotExist();
        assertThat(out.resolve("new.tsv")).exists();
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void anEmptyFolderIsUsed() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        write(out, "a.tsv", false);
        assertThat(out.resolve("a.tsv")).exists();
    }

    @Test
    void aForeignFolderIsRefusedUnchangedAndForceReplacesIt() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep");
        assertThatThrownBy(() -> write(out, "a.tsv", false)).isInstanceOf(InputException.class)
                .hasMessageContaining("gutbrain did not write").hasMessageContaining("--force");
        assertThat(names(out)).containsExactly("notes.txt");
        assertThat(names(tmp)).containsExactly("mine");
        write(out, "a.tsv", true);
        assertThat(names(out)).containsExactly(OutputFolder.MARKER, "a.tsv");
    }

    @Test
    void anOwnFolderHoldingAFileGutbrainDidNotWriteIsRefused() throws Exception {
        Path out = tmp.resolve("out");
        write(out, "a.tsv", false);
        Files.writeString(out.resolve("my-notes.txt"), "keep");
        assertThatThrownBy(() -> write(out, "a.tsv", false)).isInstanceOf(InputException.class).hasMessageContaining("my-notes.txt");
        assertThat(out.resolve("my-notes.txt")).exists();
    }

    @Test
    void anOlderGutbrainFolderWithProvenanceCountsAsOwn() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("provenance.json"), "{\"tool\": \"gutbrain\", \"version\": \"0.9\"}");
        Files.writeString(out.resolve("coordinates.tsv"), "x");
        write(out, "a.tsv", false);
        assertThat(names(out)).containsExactly(OutputFolder.MARKER, "a.tsv");
    }

    @Test
    void aFileAtTheTargetIsRefusedEvenWithForce() throws Exception {
        Path file = Files.writeString(tmp.resolve("out"), "data");
        for (boolean force : new boolean[]{false, true}) {
            assertThatThrownBy(() -> write(file, "a.tsv", force)).isInstanceOf(InputException.class)
                    .hasMessageContaining("is a file").hasMessageContaining("choose another");
        }
        assertThat(Files.readString(file)).isEqualTo("data");
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void staleLeftoversOfADeadProcessAreRemovedAtTheNextStart() throws Exception {
        long dead = deadPid();
        long self = ProcessHandle.current().pid();
        Path staleStaging = Files.createDirectories(tmp.resolve(".pcoa.staging-" + dead + "-abc"));
        Files.writeString(staleStaging.resolve("coordinates.tsv"), "half");
        Path liveStaging = Files.createDirectories(tmp.resolve(".pca.staging-" + self + "-abc"));
        Path oldAged = Files.createDirectories(tmp.resolve(".other.staging-1-abc"));
        Files.setLastModifiedTime(oldAged, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        // a crash between the two renames of a replacement: the old folder aside, no target
        Path crashedOld = Files.createDirectories(tmp.resolve(".report.old-" + dead + "-xyz"));
        Files.writeString(crashedOld.resolve("report.html"), "old report");
        Path userFolder = Files.createDirectories(tmp.resolve(".config.staging-files"));

        write(tmp.resolve("new"), "a.tsv", false);

        assertThat(staleStaging).doesNotExist();
        assertThat(oldAged).doesNotExist();
        assertThat(liveStaging).exists(); // this process is alive: never touched
        assertThat(userFolder).exists(); // not a gutbrain name
        assertThat(crashedOld).doesNotExist();
        assertThat(Files.readString(tmp.resolve("report/report.html"))).isEqualTo("old report");
    }

    @Test
    void claimKeepsGutbrainsFolderAndRefusesAForeignOne() throws Exception {
        Path results = tmp.resolve("results");
        OutputFolder.claim(results, "gutbrain study run", "1.0", false);
        Files.writeString(results.resolve("results.duckdb"), "db");
        Files.createDirectories(results.resolve(".cache"));
        OutputFolder.claim(results, "gutbrain study run", "1.0", false);
        assertThat(names(results)).containsExactly(".cache", OutputFolder.MARKER, "results.duckdb");

        Path foreign = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(foreign.resolve("thesis.tex"), "keep");
        assertThatThrownBy(() -> OutputFolder.claim(foreign, "gutbrain study run", "1.0", false))
                .isInstanceOf(InputException.class).hasMessageContaining("--force");
        assertThat(names(foreign)).containsExactly("thesis.tex");
        OutputFolder.claim(foreign, "gutbrain study run", "1.0", true);
        assertThat(names(foreign)).containsExactly(OutputFolder.MARKER);
        assertThat(names(tmp)).containsExactly("docs", "results");
    }

    @Test
    void discardIfRefusedRemovesOnlyAFolderThatWouldBeRefused() throws Exception {
        Path own = tmp.resolve("report");
        write(own, "report.html", false);
        OutputFolder.discardIfRefused(own);
        assertThat(own.resolve("report.html")).exists();
        Files.writeString(own.resolve("notes.txt"), "x");
        OutputFolder.discardIfRefused(own);
        assertThat(own).doesNotExist();
    }

    private static void write(Path out, String name, boolean force) {
        try (OutputFolder f = OutputFolder.stage(out, "gutbrain test", "1.0", force)) {
            TextOutput.write(f.resolve(name), name);
            f.commit();
        }
    }

    /** The id of a process that has finished (an id no process holds now). */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        return pid;
    }

    static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
