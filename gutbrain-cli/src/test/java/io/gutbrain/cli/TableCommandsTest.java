package io.gutbrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gutbrain.io.TableIO;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The table commands end to end on a small hand-made table whose figures are checked by eye. */
class TableCommandsTest {
    static final String TSV = "# Constructed from biom file\n#OTU ID\tS1\tS2\tS3\ttaxonomy\n"
            + "A\t10\t0\t1\tk__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; f__Ruminococcaceae; g__Faecalibacterium; s__prausnitzii\n"
            + "B\t0\t3\t1\tk__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; f__Lachnospiraceae; g__Coprococcus; s__\n"
            + "C\t5\t0\t1\tk__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; f__Ruminococcaceae; g__Faecalibacterium; s__\n"
            + "D\t0\t0\t7\tk__Bacteria; p__Bacteroidetes\n";

    static Path table(Path dir) throws IOException {
        Path p = dir.resolve("t.tsv");
        Files.writeString(p, TSV);
        return p;
    }

    @Test
    void summarizeJson(@TempDir Path dir) throws IOException {
        CliRun r = CliRun.of("table", "summarize", table(dir).toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.out()).get("summary");
        assertThat(s.get("samples").asInt()).isEqualTo(3);
        assertThat(s.get("features").asInt()).isEqualTo(4);
        assertThat(s.get("nonZeros").asInt()).isEqualTo(7);
        assertThat(s.get("depthMin").asDouble()).isEqualTo(3);
        assertThat(s.get("depthMedian").asDouble()).isEqualTo(10);
        assertThat(s.get("depthMax").asDouble()).isEqualTo(15);
        assertThat(s.get("topTaxa").get(0).get("name").asText()).isEqualTo("Coprococcus (genus)");
        assertThat(s.get("topTaxa").get(1).get("name").asText()).isEqualTo("Faecalibacterium prausnitzii (species)");
    }

    @Test
    void convertRoundTripsThroughEveryWritableFormat(@TempDir Path dir) throws IOException {
        FeatureTable original = TableIO.read(table(dir));
        for (String fmt : new String[]{"biom-json", "biom-hdf5", "tsv"}) {
            Path out = dir.resolve("out." + fmt);
            CliRun r = CliRun.of("table", "convert", table(dir).toString(), out.toString(), "--to", fmt, "-q");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(TableIO.read(out).sameData(original)).as(fmt).isTrue();
        }
    }

    @Test
    void filterSamplesThenFeatures(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("md.tsv");
        Files.writeString(md, "sample-id\tgroup\nS1\tcase\nS2\tcontrol\nS3\tcase\n");
        Path out = dir.resolve("f.tsv");
        CliRun r = CliRun.of("table", "filter", table(dir).toString(), out.toString(), "--metadata", md.toString(),
                "--where", "group=case", "--min-prevalence", "0.6", "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        FeatureTable f = TableIO.read(out);
        // S1, S3 kept; D is in 1 of 2 of them (0.5 < 0.6) and is dropped; B is in S3 only -> dropped too
        assertThat(f.sampleIds()).containsExactly("S1", "S3");
        assertThat(f.featureIds()).containsExactly("A", "C");
    }

    @Test
    void collapseToGenus(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("g.tsv");
        CliRun r = CliRun.of("table", "collapse", table(dir).toString(), out.toString(), "--rank", "genus", "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        FeatureTable g = TableIO.read(out);
        assertThat(g.featureCount()).isEqualTo(3);
        assertThat(g.sampleDense(0)).containsExactly(15, 0, 0);
    }

    @Test
    void mergeTwoTables(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.tsv");
        Path b = dir.resolve("b.tsv");
        Files.writeString(a, "#OTU ID\tS1\nA\t1\n");
        Files.writeString(b, "#OTU ID\tS2\nB\t2\n");
        Path out = dir.resolve("m.biom");
        CliRun r = CliRun.of("table", "merge", a.toString(), b.toString(), "--out", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        FeatureTable m = TableIO.read(out);
        assertThat(m.sampleIds()).containsExactly("S1", "S2");
        assertThat(m.featureIds()).containsExactly("A", "B");
    }
}
