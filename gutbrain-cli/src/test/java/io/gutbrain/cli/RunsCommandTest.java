package io.gutbrain.cli;

import io.gutbrain.report.ResultsStore;
import io.gutbrain.result.StepTiming;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The runs commands on a store written through the core API. */
class RunsCommandTest {
    @TempDir static Path study;
    static String run1;
    static String run2;

    @BeforeAll
    static void fill() throws Exception {
        Path input = Files.writeString(study.resolve("counts.tsv"), "#OTU ID\ts1\nf1\t3\n");
        try (ResultsStore s = ResultsStore.open(study)) {
            run1 = s.startRun("0.1.0", "gutbrain study first", 7L);
            s.parameter(run1, "rarefy", "depth", 1000);
            s.input(run1, "table", input);
            s.timing(run1, new StepTiming("alpha", 0.5, false));
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[]{"s1", 3.5, 10L});
            rows.add(new Object[]{"s<2>", 2.25, 8L});
            s.writeTable(run1, "alpha", List.of("sample", "shannon", "observed"), rows);
            s.finishRun(run1, "ok");
            Thread.sleep(5);
            run2 = s.startRun("0.1.0", "gutbrain study second", null);
            s.finishRun(run2, "failed");
        }
    }

    @Test
    void listShowsRunsNewestFirst() {
        CliRun r = CliRun.of("runs", "list", "--study", study.toString(), "--tsv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("run_id\tstarted\tfinished\tstatus\tversion\tseed\tcommand");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(run2 + "\t").contains("\tfailed\t").endsWith("\tNA\tgutbrain study second");
        assertThat(lines.get(2)).startsWith(run1 + "\t").contains("\tok\t").endsWith("\t7\tgutbrain study first");
        CliRun aligned = CliRun.of("runs", "list", "--study", study.toString());
        assertThat(aligned.out().lines().toList().get(0)).startsWith("run_id").contains("  started");
    }

    @Test
    void showListsParametersInputsTimingsAndTables() {
        CliRun r = CliRun.of("runs", "show", run1, "--study", study.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("run       " + run1).contains("status    ok").contains("seed      7")
                .contains("Parameters:").containsPattern("rarefy\\s+depth\\s+1000")
                .contains("Inputs:").contains("counts.tsv")
                .contains("Timings:").containsPattern("alpha\\s+0.5")
                .contains("Result tables:").containsPattern("alpha\\s+2");
        CliRun latest = CliRun.of("runs", "show", "latest", "--study", study.toString());
        assertThat(latest.out()).contains(run2).contains("Result tables: none");
    }

    @Test
    void exportWritesTheRunsRows() throws IOException {
        Path out = study.resolve("alpha-export.tsv");
        CliRun r = CliRun.of("runs", "export", run1, "--study", study.toString(), "--table", "alpha", "--out", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("sample\tshannon\tobserved\ns1\t3.5\t10\ns<2>\t2.25\t8\n");
    }

    @Test
    void sqlQueriesTheStore() {
        CliRun r = CliRun.of("runs", "sql", "--study", study.toString(), "--tsv", "SELECT sum(observed) AS total, avg(shannon) AS mean FROM alpha");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // 10 + 8 = 18; (3.5 + 2.25) / 2 = 2.875
        assertThat(r.out()).isEqualTo("total\tmean\n18\t2.875\n");
    }

    @Test
    void mistakesAreExitTwoWithAFix() {
        CliRun missing = CliRun.of("runs", "list", "--study", study.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no results store");
        CliRun badRun = CliRun.of("runs", "show", "19990101", "--study", study.toString());
        assertThat(badRun.exitCode()).isEqualTo(2);
        assertThat(badRun.err()).contains("no such run");
        CliRun badTable = CliRun.of("runs", "export", run1, "--study", study.toString(), "--table", "beta", "--out", study.resolve("b.tsv").toString());
        assertThat(badTable.exitCode()).isEqualTo(2);
        assertThat(study.resolve("b.tsv")).doesNotExist();
        CliRun badSql = CliRun.of("runs", "sql", "--study", study.toString(), "SELECT * FROM nothing_here");
        assertThat(badSql.exitCode()).isEqualTo(2);
        assertThat(badSql.err()).contains("nothing_here");
        CliRun write = CliRun.of("runs", "sql", "--study", study.toString(), "DELETE FROM runs");
        assertThat(write.exitCode()).isEqualTo(2);
        assertThat(CliRun.of("runs", "list", "--study", study.toString(), "--tsv").out().lines()).hasSize(3);
    }
}
