package io.gutbrain.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input named in the foundation issue, end to end through the command line: one line on
 * standard error naming the file and the place, exit status 2, no stack trace, and no output file.
 */
class BadInputTest {

    static final String GOOD_TSV = "#OTU ID\tS1\tS2\nA\t1\t2\nB\t0\t3\n";

    static Stream<Arguments> badTables() {
        return Stream.of(
                Arguments.of("truncated.biom", "{\"id\":null,\"format\":\"Biological Observation Matrix 1.0.0\",\"type\":\"OTU table\",\"matrix_type\":\"sparse\",\"shape\":[2,2],\"data\":[[0,0,1", "ends early"),
                Arguments.of("invalid.biom", "{\"shape\": [2, 2], \"data\": [[0, 0, 1]] oops}", "line 1"),
                Arguments.of("shape.biom", "{\"id\":null,\"format\":\"Biological Observation Matrix 1.0.0\",\"format_url\":\"http://biom-format.org\",\"type\":\"OTU table\",\"generated_by\":\"x\",\"date\":\"2020\","
                        + "\"matrix_type\":\"sparse\",\"matrix_element_type\":\"int\",\"shape\":[3,2],"
                        + "\"rows\":[{\"id\":\"A\",\"metadata\":null},{\"id\":\"B\",\"metadata\":null}],"
                        + "\"columns\":[{\"id\":\"S1\",\"metadata\":null},{\"id\":\"S2\",\"metadata\":null}],\"data\":[[0,0,1]]}", "shape"),
                Arguments.of("dup_sample.tsv", "#OTU ID\tS1\tS1\nA\t1\t2\n", "duplicate sample"),
                Arguments.of("dup_feature.tsv", "#OTU ID\tS1\tS2\nA\t1\t2\nA\t3\t4\n", "duplicate feature"),
                Arguments.of("text.tsv", "#OTU ID\tS1\tS2\nA\t1\tten\n", "line 2"),
                Arguments.of("negative.tsv", "#OTU ID\tS1\tS2\nA\t1\t-2\n", "line 2"),
                Arguments.of("nan.tsv", "#OTU ID\tS1\tS2\nA\t1\tNaN\n", "line 2"),
                Arguments.of("inf.tsv", "#OTU ID\tS1\tS2\nA\tInf\t1\n", "line 2"),
                Arguments.of("ragged.tsv", "#OTU ID\tS1\tS2\nA\t1\t2\nB\t3\n", "line 3"),
                Arguments.of("empty.tsv", "#OTU ID\tS1\tS2\n", "not followed by any feature rows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTables")
    void badTableGivesOneLineExitTwoAndNoOutput(String name, String content, String expected, @TempDir Path dir) throws IOException {
        Path in = dir.resolve(name);
        Files.writeString(in, content);
        Path out = dir.resolve("out.biom");
        CliRun r = CliRun.of("table", "convert", in.toString(), out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        String line = r.errLines().get(0);
        assertThat(line).startsWith("gutbrain: error: ").contains(name).containsIgnoringCase(expected).contains("fix:");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(name); // no temp leftovers
        }
    }

    @Test
    void unbalancedNewickIsOneLine(@TempDir Path dir) throws IOException {
        Path t = dir.resolve("t.tsv");
        Files.writeString(t, GOOD_TSV);
        Path tree = dir.resolve("tree.nwk");
        Files.writeString(tree, "((A:1,B:2):3;");
        CliRun r = CliRun.of("table", "summarize", t.toString(), "--tree", tree.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("tree.nwk").contains("line 1, column").contains("'('");
    }

    @Test
    void treeMissingFeaturesNamesThem(@TempDir Path dir) throws IOException {
        Path t = dir.resolve("t.tsv");
        Files.writeString(t, GOOD_TSV);
        Path tree = dir.resolve("tree.nwk");
        Files.writeString(tree, "(A:1,C:2);");
        CliRun r = CliRun.of("table", "summarize", t.toString(), "--tree", tree.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("1 of 2 table features").contains("'B'");
    }

    @Test
    void metadataMismatchWarnsWithCountsBothWays(@TempDir Path dir) throws IOException {
        Path t = dir.resolve("t.tsv");
        Files.writeString(t, GOOD_TSV);
        Path md = dir.resolve("md.tsv");
        Files.writeString(md, "sample-id\tgroup\nS1\tcase\nS9\tcontrol\n");
        CliRun r = CliRun.of("table", "summarize", t.toString(), "--metadata", md.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("1 of 2 table samples have no metadata row").contains("'S2'")
                .contains("1 of 2 metadata rows").contains("'S9'");
        assertThat(r.out()).contains("samples    2");
    }

    @Test
    void metadataWithNoMatchingIdIsAnError(@TempDir Path dir) throws IOException {
        Path t = dir.resolve("t.tsv");
        Files.writeString(t, GOOD_TSV);
        Path md = dir.resolve("md.tsv");
        Files.writeString(md, "sample-id\tgroup\nX1\tcase\n");
        CliRun r = CliRun.of("table", "summarize", t.toString(), "--metadata", md.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("md.tsv").contains("none of the 1 metadata ids");
    }

    @Test
    void missingFileAndUnknownOptionExitTwo(@TempDir Path dir) {
        CliRun r = CliRun.of("table", "summarize", dir.resolve("nope.biom").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("nope.biom").contains("not found");
        CliRun u = CliRun.of("table", "summarize", "t.biom", "--frobnicate");
        assertThat(u.exitCode()).isEqualTo(2);
        assertThat(u.err()).contains("--frobnicate");
    }
}
