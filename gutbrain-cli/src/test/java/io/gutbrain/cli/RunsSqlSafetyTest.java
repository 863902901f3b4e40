package io.gutbrain.cli;

import io.gutbrain.report.ResultsStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gutbrain runs sql} cannot write, read files outside the store, reach the network or run
 * unbounded: every hostile statement gets exit 2 and one line, and neither the store nor any
 * other file changes.
 */
class RunsSqlSafetyTest {
    @TempDir static Path root;
    static Path study;
    static Path outside;
    static Path secret;
    static String runId;

    @BeforeAll
    static void store() throws IOException {
        study = Files.createDirectories(root.resolve("study"));
        outside = Files.createDirectories(root.resolve("outside"));
        secret = Files.writeString(outside.resolve("secret.txt"), "name,password\nroot,hunter2\n");
        try (ResultsStore s = ResultsStore.open(study)) {
            runId = s.startRun("0.1.0", "gutbrain study run", 1L);
            List<Object[]> rows = new ArrayList<>();
            for (long i = 0; i < 30; i++) rows.add(new Object[]{"s" + i, 1.5 * i});
            s.writeTable(runId, "alpha", List.of("sample", "shannon"), rows);
            s.finishRun(runId, "ok");
        }
    }

    static Path storeFile() { return study.resolve(ResultsStore.FILE_NAME); }

    /** Statement, and a word the one line must contain. */
    static Stream<Arguments> refused() {
        String store = storeFile().toString();
        String out = outside.toString();
        return Stream.of(
                Arguments.of("COPY (SELECT 1 AS x) TO '" + store + "'", "COPY"),
                Arguments.of("COPY (SELECT 1 AS x) TO '" + store + "' (USE_TMP_FILE false)", "COPY"),
                Arguments.of("COPY (SELECT 1 AS x) TO '" + store + ".wal'", "COPY"),
                Arguments.of("COPY runs TO '" + out + "/runs.csv'", "COPY"),
                Arguments.of("COPY runs TO 'relative-leak.csv'", "COPY"),
                Arguments.of("EXPORT DATABASE '" + out + "/export'", "EXPORT"),
                Arguments.of("SELECT * FROM read_text('" + secret + "')", secret.toString()),
                Arguments.of("SELECT * FROM read_csv('" + secret + "')", secret.toString()),
                Arguments.of("SELECT * FROM read_text('/etc/passwd')", "/etc/passwd"),
                Arguments.of("SELECT * FROM glob('" + out + "/*')", "not allowed"),
                Arguments.of("SELECT * FROM read_blob('relative.bin')", "not allowed"),
                Arguments.of("INSTALL httpfs", "INSTALL"),
                Arguments.of("LOAD httpfs", "LOAD"),
                Arguments.of("SET memory_limit = '100GB'", "SET"),
                Arguments.of("RESET lock_configuration", "RESET"),
                Arguments.of("PRAGMA memory_limit = '100GB'", "PRAGMA"),
                Arguments.of("ATTACH '" + out + "/other.duckdb' AS other", "ATTACH"),
                Arguments.of("DELETE FROM runs", "DELETE"),
                Arguments.of("DROP TABLE alpha", "DROP"),
                Arguments.of("CREATE TEMP TABLE t AS SELECT 1", "CREATE"),
                Arguments.of("WITH x AS (SELECT 1) INSERT INTO store_info SELECT 'k', 'v'", "changing the store"),
                Arguments.of("SELECT 1; COPY runs TO '" + out + "/runs.csv'", "one statement"),
                Arguments.of("SELECT 1 /* ; */; DELETE FROM runs", "one statement"),
                Arguments.of("SELECT * FROM query('COPY runs TO ''" + out + "/q.csv''')", "SELECT"),
                Arguments.of("EXPLAIN ANALYZE COPY runs TO '" + out + "/e.csv'", "COPY"),
                Arguments.of("CHECKPOINT", "CHECKPOINT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedInOneLineAndNothingChanges(String sql, String expected) throws Exception {
        String before = sha256(storeFile());
        List<String> studyBefore = listing(study);
        CliRun r = CliRun.of("runs", "sql", "--study", study.toString(), sql);
        assertOneLineError(r, expected);
        assertThat(r.out()).isEmpty();
        assertThat(sha256(storeFile())).isEqualTo(before);
        assertThat(listing(study)).isEqualTo(studyBefore);
        assertThat(listing(outside)).containsExactly("", "secret.txt");
        assertThat(Path.of("relative-leak.csv")).doesNotExist();
        assertThat(r.err()).doesNotContain("hunter2");
    }

    @Test
    void refusalsSayHowToGetDataOut() {
        CliRun r = CliRun.of("runs", "sql", "--study", study.toString(), "COPY runs TO 'x.csv'");
        assertThat(r.errLines().get(0)).contains("gutbrain runs export RUN --table NAME --out FILE");
    }

    @Test
    void aNormalQueryStillWorks() {
        CliRun r = CliRun.of("runs", "sql", "--study", study.toString(), "--tsv",
                "SELECT /* a comment; with a semicolon */ count(*) AS n, sum(shannon) AS total FROM alpha WHERE sample <> ';'; -- done;\n");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // 1.5 * (0 + 1 + ... + 29) = 1.5 * 435 = 652.5
        assertThat(r.out()).isEqualTo("n\ttotal\n30\t652.5\n");
        assertThat(r.err()).isEmpty();
        for (String q : List.of("SHOW TABLES", "DESCRIBE runs", "SUMMARIZE alpha", "PRAGMA table_info('runs')", "FROM runs", "EXPLAIN SELECT 1")) {
            CliRun ok = CliRun.of("runs", "sql", "--study", study.toString(), q);
            assertThat(ok.exitCode()).as(q + ": " + ok.err()).isZero();
        }
    }

    @Test
    void printedRowsAreCappedWithANote() {
        CliRun r = CliRun.of("runs", "sql", "--study", study.toString(), "--tsv", "--max-rows", "5", "SELECT sample FROM alpha ORDER BY rowid");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("sample", "s0", "s1", "s2", "s3", "s4");
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("gutbrain: note: 25 more rows not printed (--max-rows 5)").contains("runs export");
    }

    @Test
    void aHugeResultPrintsItsCapAndStopsCountingAtTheTimeLimit() {
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("runs", "sql", "--study", study.toString(), "--tsv", "--max-rows", "2", "--timeout", "1", "SELECT * FROM range(100000000000)");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("range", "0", "1");
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("gutbrain: note: at least ");
    }

    @Test
    void anExpensiveQueryStopsAtTheTimeout() throws Exception {
        String before = sha256(storeFile());
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("runs", "sql", "--study", study.toString(), "--timeout", "1", "SELECT count(*) FROM range(1000000) a, range(1000000) b");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(seconds).isLessThan(30);
        assertOneLineError(r, "time limit of 1 s");
        assertThat(r.errLines().get(0)).contains("--timeout");
        assertThat(sha256(storeFile())).isEqualTo(before);
    }

    @Test
    void aQueryOverItsMemoryLimitIsRefused() throws Exception {
        List<String> studyBefore = listing(study);
        CliRun r = CliRun.of("runs", "sql", "--study", study.toString(), "--memory-limit", "64",
                "SELECT length(string_agg(range::VARCHAR, ',')) FROM range(100000000)");
        assertOneLineError(r, "memory than its limit of 64 MiB");
        assertThat(r.errLines().get(0)).contains("--memory-limit");
        assertThat(listing(study)).isEqualTo(studyBefore); // nothing spilled next to the store
    }

    @Test
    void limitsAreCheckedAtParseTime() {
        for (String[] bad : List.of(new String[]{"--timeout", "0"}, new String[]{"--timeout", "86401"}, new String[]{"--max-rows", "0"},
                new String[]{"--max-rows", "-5"}, new String[]{"--memory-limit", "1"}, new String[]{"--timeout", "soon"})) {
            CliRun r = CliRun.of("runs", "sql", "--study", study.toString(), bad[0], bad[1], "SELECT 1");
            assertOneLineError(r, bad[0]);
        }
    }

    @Test
    void exportRefusesToWriteOverTheStore() throws Exception {
        String before = sha256(storeFile());
        for (Path target : List.of(storeFile(), study.resolve(ResultsStore.FILE_NAME + ".wal"), study.resolve("sub/../" + ResultsStore.FILE_NAME))) {
            CliRun r = CliRun.of("runs", "export", runId, "--study", study.toString(), "--table", "alpha", "--out", target.toString());
            assertOneLineError(r, "results store");
        }
        assertThat(sha256(storeFile())).isEqualTo(before);
        assertThat(study.resolve(ResultsStore.FILE_NAME + ".wal")).doesNotExist();
        Path out = outside.resolve("alpha.tsv");
        CliRun ok = CliRun.of("runs", "export", runId, "--study", study.toString(), "--table", "alpha", "--out", out.toString(), "-q");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(31);
        Files.delete(out);
    }

    static void assertOneLineError(CliRun r, String expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("gutbrain: error: ").contains(expected).contains("fix:");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
