package io.gutbrain.cli;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reader messages end to end: bad bytes in ids, corrupt counts and non-integral values where
 * counts are needed each give exit 2 and one line {@code gutbrain: error: FILE:PLACE: problem
 * (fix: ...)} naming the file the user gave, with no stack trace and nothing written.
 */
class ReaderMessagesTest {
    @TempDir
    Path dir;

    static final String RELATIVE = "#OTU ID\tS1\tS2\nF1\t0.5\t0.75\nF2\t0.5\t0.25\n";

    @Test
    void bitFlippedHdf5CountNamesFileDatasetSampleAndObservation() {
        double flipped = Double.longBitsToDouble(Double.doubleToLongBits(160) ^ (1L << 62)); // 8.9e-307
        Path in = dir.resolve("flipped.biom");
        try (WritableHdfFile f = HdfFile.write(in)) {
            f.putAttribute("shape", new long[] {2, 1});
            f.putGroup("observation").putDataset("ids", new String[] {"F1", "F2"});
            WritableGroup s = f.putGroup("sample");
            s.putDataset("ids", new String[] {"S1"});
            WritableGroup m = s.putGroup("matrix");
            m.putDataset("data", new double[] {12, flipped});
            m.putDataset("indices", new int[] {0, 1});
            m.putDataset("indptr", new int[] {0, 2});
        }
        String line = refused(in, "table", "summarize", in.toString());
        assertThat(line).contains(in + ":/sample/matrix/data[1]: sample 'S1', observation 'F2'").contains("corrupt");
    }

    @Test
    void tabInABiomJsonIdIsRefusedAndNothingIsWritten() throws IOException {
        Path in = write("tab.json", "{\"id\":null,\"matrix_type\":\"sparse\",\"shape\":[1,1],\"rows\":[{\"id\":\"OTU\\t1\",\"metadata\":null}],"
                + "\"columns\":[{\"id\":\"S1\",\"metadata\":null}],\"data\":[[0,0,5]]}");
        Path out = dir.resolve("out.tsv");
        String line = refused(in, "table", "convert", in.toString(), out.toString());
        assertThat(line).contains(in + ":/rows/0/id (line 1): observation id \"OTU\\t1\" contains a tab");
        assertThat(out).doesNotExist();
    }

    @Test
    void nulInATsvIdNamesLineAndField() throws IOException {
        Path in = write("nul.tsv", "#OTU ID\tS1\tS2\nF\u00001\t1\t2\n");
        String line = refused(in, "diversity", "alpha", "--table", in.toString(), "--metrics", "shannon", "--out", dir.resolve("a.tsv").toString());
        assertThat(line).contains(in + ":line 2, field 1: feature id \"F\\01\" contains a NUL character");
    }

    @Test
    void rarefyingRelativeAbundancesNamesTableSampleFeatureAndValue() throws IOException {
        Path in = write("rel.tsv", RELATIVE);
        String line = refused(in, "diversity", "rarefy", "--table", in.toString(), "--depth", "1", "--out", dir.resolve("r.tsv").toString());
        assertThat(line).contains(in + ":sample 'S1', feature 'F1': rarefaction needs whole-number counts, but the value is 0.5")
                .contains("give raw read counts, not relative abundances");
    }

    @Test
    void chao1OnRelativeAbundancesNamesTheTableButShannonRuns() throws IOException {
        Path in = write("rel.tsv", RELATIVE);
        Path out = dir.resolve("a.tsv");
        String line = refused(in, "diversity", "alpha", "--table", in.toString(), "--metrics", "shannon,chao1", "--out", out.toString());
        assertThat(line).contains(in + ":sample 'S1', feature 'F1': chao1 needs whole-number counts");
        CliRun ok = CliRun.of("diversity", "alpha", "--table", in.toString(), "--metrics", "shannon,simpson", "--out", out.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(out).exists();
    }

    @Test
    void featuresMissingFromTheTreeNameTheTable() throws IOException {
        Path in = write("t.tsv", "#OTU ID\tS1\tS2\nF1\t1\t2\nF2\t3\t0\n");
        Path tree = write("other.nwk", "(A:1,B:2);\n");
        String line = refused(in, "diversity", "alpha", "--table", in.toString(), "--tree", tree.toString(), "--metrics", "faith_pd",
                "--out", dir.resolve("a.tsv").toString());
        assertThat(line).contains("not tips of the tree");
    }

    @Test
    void collapsingATableWithoutTaxonomyNamesTheTable() throws IOException {
        Path in = write("notax.tsv", "#OTU ID\tS1\nF1\t3\n");
        Path out = dir.resolve("g.tsv");
        String line = refused(in, "table", "collapse", "--rank", "genus", in.toString(), out.toString());
        assertThat(line).contains("the table has no taxonomy");
        assertThat(out).doesNotExist();
    }

    @Test
    void nulInADistanceMatrixIdNamesTheMatrix() throws IOException {
        Path dm = write("d.tsv", "\tS1\tS\u00002\nS1\t0\t1\nS\u00002\t1\t0\n");
        Path md = write("m.tsv", "sample-id\tgroup\nS1\ta\nS2\tb\n");
        String line = refused(dm, "stats", "permanova", "--distance", dm.toString(), "--metadata", md.toString(), "--formula", "group",
                "--out", dir.resolve("p.tsv").toString());
        assertThat(line).contains(dm + ":line 1, column 3: sample id \"S\\02\"");
    }

    /** Runs the command, asserts the one-line contract for a problem in {@code file}, and returns the line. */
    private String refused(Path file, String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        String line = r.errLines().get(0);
        assertThat(line).startsWith("gutbrain: error: " + file + ":").contains("(fix: ").doesNotContain("internal error");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("."))).as("temporary leftovers").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return line;
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }
}
