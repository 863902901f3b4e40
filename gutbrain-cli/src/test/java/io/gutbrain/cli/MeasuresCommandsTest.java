package io.gutbrain.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Instrument scoring through the command line, on hand-scored rows. */
class MeasuresCommandsTest {
    static final String HEADER = "sample-id\tphq9_1\tphq9_2\tphq9_3\tphq9_4\tphq9_5\tphq9_6\tphq9_7\tphq9_8\tphq9_9";

    @Test
    void scoresBandsProratesAndFlags(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("md.tsv");
        Files.write(md, List.of(HEADER,
                "A\t1\t1\t1\t1\t1\t1\t1\t1\t1",   // 9 -> mild, item 9 > 0 flagged
                "B\t3\t3\t2\t2\t0\t0\t0\t0\t0",   // 10 -> moderate (cut-off 10)
                "C\t2\t2\t2\t2\t2\t2\t2\t2\t",    // 8 answered, sum 16 -> 16*9/8 = 18 prorated, moderately severe
                "D\t\t\t\t1\t1\t1\t1\t1\t0"));     // 3 missing > 2 tolerated -> no score
        Path out = dir.resolve("scores.tsv");
        CliRun r = CliRun.of("measures", "score", "--metadata", md.toString(), "--instrument", "phq9", "--out", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(1).split("\t", -1)).startsWith("A", "9", "mild", "0", "false");
        assertThat(lines.get(1)).contains("item9_suicidal_ideation");
        assertThat(lines.get(2).split("\t", -1)).startsWith("B", "10", "moderate");
        assertThat(lines.get(3).split("\t", -1)).startsWith("C", "18", "moderately severe", "1", "true");
        assertThat(lines.get(4).split("\t", -1)[1]).isIn("", "NA");
    }

    @Test
    void outOfRangeItemIsExitTwoNamingSampleAndColumn(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("md.tsv");
        Files.write(md, List.of(HEADER, "A\t1\t1\t1\t1\t7\t1\t1\t1\t1"));
        CliRun r = CliRun.of("measures", "score", "--metadata", md.toString(), "--instrument", "phq9", "--out", dir.resolve("s.tsv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("phq9_5").contains("A");
        assertThat(dir.resolve("s.tsv")).doesNotExist();
    }
}
