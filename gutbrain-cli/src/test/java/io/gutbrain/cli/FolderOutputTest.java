package io.gutbrain.cli;

import io.gutbrain.cli.common.BundledData;
import io.gutbrain.io.AtomicOutput;
import io.gutbrain.io.OutputFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folder outputs from the command line: a write failure part-way leaves nothing, a rerun
 * replaces gutbrain's own folder, a foreign folder is refused in one line (exit 2) unless
 * --force, a file at --out is refused, and leftovers of killed runs are removed.
 */
class FolderOutputTest {
    @TempDir static Path shared;
    static Path distances;
    static Path data;

    @BeforeAll
    static void distances() {
        data = BundledData.extract(List.of("peerj32/counts.tsv", "peerj32/metadata.tsv"), shared.resolve("data"));
        distances = shared.resolve("bc.tsv");
        CliRun r = CliRun.of("diversity", "beta", "--table", data.resolve("peerj32/counts.tsv").toString(), "--metric", "braycurtis",
                "--out", distances.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private static CliRun pcoa(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("diversity", "pcoa", "--distance", distances.toString(), "--out", out.toString(), "-q"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aFullDiskPartWayLeavesNoFolderAndNoStaging(@TempDir Path dir) {
        Path out = dir.resolve("pcoa");
        CliRun r;
        try (AtomicOutput.AutoCloseableHandle full = AtomicOutput.simulateFullDisk(p -> p.getFileName().toString().equals("eigenvalues.tsv"))) {
            r = pcoa(out);
        }
        assertOneLineError(r, out.toAbsolutePath().resolve("eigenvalues.tsv").toString());
        assertThat(r.err()).contains("No space left").doesNotContain("staging");
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void aFailureWhileReplacingKeepsTheEarlierOutput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pcoa");
        assertThat(pcoa(out, "--axes", "3").exitCode()).isZero();
        String before = Files.readString(out.resolve("coordinates.tsv"));
        CliRun r;
        try (AtomicOutput.AutoCloseableHandle full = AtomicOutput.simulateFullDisk(p -> p.getFileName().toString().equals("provenance.json"))) {
            r = pcoa(out, "--axes", "5");
        }
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(Files.readString(out.resolve("coordinates.tsv"))).isEqualTo(before);
        assertThat(names(dir)).containsExactly("pcoa");
    }

    @Test
    void aRerunReplacesGutbrainsOwnFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pcoa");
        assertThat(pcoa(out, "--axes", "3").exitCode()).isZero();
        CliRun again = pcoa(out, "--axes", "5");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(out.resolve("coordinates.tsv")).lines().findFirst().orElseThrow()).contains("PC5");
        assertThat(names(out)).containsExactly(OutputFolder.MARKER, "coordinates.tsv", "eigenvalues.tsv", "provenance.json");
        assertThat(Files.readString(out.resolve("provenance.json"))).contains(out.resolve("coordinates.tsv").toString()).doesNotContain("staging");
        assertThat(names(dir)).containsExactly("pcoa");
    }

    @Test
    void aForeignFolderIsRefusedAndForceReplacesIt(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(out.resolve("chapter1.tex"), "years of work");
        CliRun r = pcoa(out);
        assertOneLineError(r, out.toString());
        assertThat(r.err()).contains("--force").contains("not replaced");
        assertThat(names(out)).containsExactly("chapter1.tex");
        assertThat(Files.readString(out.resolve("chapter1.tex"))).isEqualTo("years of work");
        assertThat(names(dir)).containsExactly("thesis");

        CliRun forced = pcoa(out, "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(names(out)).containsExactly(OutputFolder.MARKER, "coordinates.tsv", "eigenvalues.tsv", "provenance.json");
    }

    @Test
    void aFileAtOutIsRefusedEvenWithForce(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pcoa"), "a file");
        for (String[] extra : new String[][]{{}, {"--force"}}) {
            CliRun r = pcoa(file, extra);
            assertOneLineError(r, file.toString());
            assertThat(r.err()).contains("is a file").contains("choose another --out path");
        }
        assertThat(Files.readString(file)).isEqualTo("a file");
    }

    @Test
    void leftoversOfKilledRunsAreRemovedAtTheNextStart(@TempDir Path dir) throws Exception {
        long dead = deadPid();
        Path staging = Files.createDirectories(dir.resolve(".pcoa.staging-" + dead + "-q1w2e3"));
        Files.writeString(staging.resolve("coordinates.tsv"), "half");
        Path tmpFile = Files.writeString(dir.resolve(".converted.tsv." + dead + ".a1b2c3.tmp"), "half a table");

        assertThat(pcoa(dir.resolve("pca-or-pcoa")).exitCode()).isZero();
        assertThat(staging).doesNotExist();
        assertThat(tmpFile).exists(); // another target's temporary is removed by that target's next write

        CliRun c = CliRun.of("table", "convert", data.resolve("peerj32/counts.tsv").toString(), dir.resolve("converted.tsv").toString(), "-q");
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(tmpFile).doesNotExist();
        assertThat(names(dir)).containsExactly("converted.tsv", "pca-or-pcoa");
    }

    @Test
    void studyRunRefusesAForeignResultsFolder(@TempDir Path dir) throws Exception {
        Path study = DemoCommand.peerj32Study(data, dir.resolve("study"));
        Path out = Files.createDirectories(dir.resolve("results"));
        Files.writeString(out.resolve("mine.csv"), "keep");
        CliRun r = CliRun.of("study", "run", study.toString(), "--out", out.toString(), "-q");
        assertOneLineError(r, out.toString());
        assertThat(r.err()).contains("--force");
        assertThat(names(out)).containsExactly("mine.csv");

        // gutbrain's own results folder whose report/ holds a user's file: refused before any step runs
        Path own = dir.resolve("own");
        OutputFolder.claim(own, "gutbrain study run", "test", false);
        Path report = Files.createDirectories(own.resolve("report"));
        Files.writeString(report.resolve("notes.txt"), "keep");
        CliRun refused = CliRun.of("study", "run", study.toString(), "--out", own.toString(), "-q");
        assertOneLineError(refused, report.toAbsolutePath().toString());
        assertThat(refused.err()).contains("not replaced");
        assertThat(report.resolve("notes.txt")).exists();
        assertThat(names(own)).containsExactly(OutputFolder.MARKER, "report");
    }

    @Test
    void everyFolderWritingCommandDocumentsForce() {
        String[][] commands = {{"diversity", "pcoa"}, {"diversity", "pca"}, {"modules"}, {"associate"}, {"intervention"}, {"engraftment"},
                {"simulate"}, {"bench", "export"}, {"demo"}, {"study", "run"}};
        for (String[] c : commands) {
            String[] args = java.util.Arrays.copyOf(c, c.length + 1);
            args[c.length] = "--help";
            CliRun r = CliRun.of(args);
            assertThat(r.exitCode()).as(String.join(" ", c)).isZero();
            assertThat(r.out().replaceAll("\\s+", " ")).as(String.join(" ", c)).contains("--force").contains("gutbrain did not write");
        }
    }

    private static void assertOneLineError(CliRun r, String names) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("gutbrain: error: ").contains(names).contains("fix:").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
