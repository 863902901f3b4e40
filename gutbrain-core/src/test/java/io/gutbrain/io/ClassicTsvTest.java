package io.gutbrain.io;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import io.gutbrain.table.Rank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static io.gutbrain.io.TextFixtures.assertInputError;
import static io.gutbrain.io.TextFixtures.resource;
import static io.gutbrain.io.TextFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

class ClassicTsvTest {
    @TempDir Path dir;

    /*
     * Expected values below were computed independently with python3's csv module on the same
     * files (csv.reader(delimiter='\t'); float() of every cell; count of non-zero cells; column
     * sums), not with this code.
     */
    @Test
    void readsPeerj32() {
        FeatureTable t = ClassicTsv.read(resource("microbiome-interventions/peerj32/counts.tsv"));
        assertThat(t.sampleCount()).isEqualTo(44);
        assertThat(t.featureCount()).isEqualTo(130);
        assertThat(t.nonZeroCount()).isEqualTo(4444);
        assertThat(t.sampleIds().get(0)).isEqualTo("sample-1");
        assertThat(t.sampleIds().get(43)).isEqualTo("sample-44");
        assertThat(t.featureIds().get(0)).isEqualTo("Actinomycetaceae");
        assertThat(t.featureIds().get(129)).isEqualTo("Yersinia et rel.");
        assertThat(t.get(t.sampleIndex("sample-5"), t.featureIndex("Aerococcus"))).isEqualTo(13.0);
        assertThat(t.get(t.sampleIndex("sample-44"), t.featureIndex("Yersinia et rel."))).isEqualTo(1.0);
        assertThat(t.sampleTotal(t.sampleIndex("sample-1"))).isEqualTo(29438.0);
        assertThat(t.sampleTotal(t.sampleIndex("sample-44"))).isEqualTo(21491.0);
        assertThat(t.sampleTotal(t.sampleIndex("sample-27"))).isEqualTo(36769.0);
        assertThat(t.total()).isEqualTo(1167517.0);
        assertThat(t.isIntegral()).isTrue();
        assertThat(t.hasTaxonomy()).isFalse();
    }

    @Test
    void readsDietswapAndS50() {
        // python3 csv: 222 samples x 130 features, 22925 non-zeros, grand total 2949085,
        // Sample-1 total 8459, Sample-222 total 21494, maximum 28883 (Sample-3)
        FeatureTable d = ClassicTsv.read(resource("microbiome-interventions/dietswap/counts.tsv"));
        assertThat(d.sampleCount()).isEqualTo(222);
        assertThat(d.featureCount()).isEqualTo(130);
        assertThat(d.nonZeroCount()).isEqualTo(22925);
        assertThat(d.total()).isEqualTo(2949085.0);
        assertThat(d.sampleTotal(d.sampleIndex("Sample-1"))).isEqualTo(8459.0);
        assertThat(d.sampleTotal(d.sampleIndex("Sample-222"))).isEqualTo(21494.0);
        assertThat(d.sampleTotal(d.sampleIndex("Sample-3"))).isEqualTo(28883.0);
        assertThat(d.get(d.sampleIndex("Sample-222"), d.featureIndex("Yersinia et rel."))).isEqualTo(2.0);

        // python3 csv: 50 samples x 200 features, 967 non-zeros, total 1495557,
        // S0 36497, S49 33007, S26 49046; F0 in S9 is 2148 (first data line of the file)
        FeatureTable s = ClassicTsv.read(resource("synthetic-s50/s50.tsv"));
        assertThat(s.sampleCount()).isEqualTo(50);
        assertThat(s.featureCount()).isEqualTo(200);
        assertThat(s.nonZeroCount()).isEqualTo(967);
        assertThat(s.total()).isEqualTo(1495557.0);
        assertThat(s.sampleTotal(0)).isEqualTo(36497.0);
        assertThat(s.sampleTotal(49)).isEqualTo(33007.0);
        assertThat(s.sampleTotal(s.sampleIndex("S26"))).isEqualTo(49046.0);
        assertThat(s.get(s.sampleIndex("S9"), s.featureIndex("F0"))).isEqualTo(2148.0);
    }

    @Test
    void acceptsBiomConvertLayoutWithTaxonomyColumn() {
        Path p = write(dir, "t.tsv", "# Constructed from biom file\n"
                + "#OTU ID\tA\tB\ttaxonomy\n"
                + "otu1\t3\t0\tk__Bacteria; p__Firmicutes; c__Clostridia; o__; f__; g__; s__\n"
                + "otu2\t0.5\t2\tk__Bacteria; p__Bacteroidetes\n"
                + "\n");
        FeatureTable t = ClassicTsv.read(p);
        assertThat(t.sampleIds()).containsExactly("A", "B");
        assertThat(t.featureIds()).containsExactly("otu1", "otu2");
        assertThat(t.get(0, 0)).isEqualTo(3.0);
        assertThat(t.get(0, 1)).isEqualTo(0.5);
        assertThat(t.get(1, 1)).isEqualTo(2.0);
        assertThat(t.nonZeroCount()).isEqualTo(3);
        assertThat(t.lineage(0).name(Rank.CLASS)).isEqualTo("Clostridia");
        assertThat(t.lineage(0).name(Rank.ORDER)).isEmpty();
        assertThat(t.lineage(1).name(Rank.PHYLUM)).isEqualTo("Bacteroidetes");
        assertThat(t.lineage(1).name(Rank.CLASS)).isNull();
    }

    @Test
    void acceptsOtherIdHeadersAndConsensusLineage() {
        for (String header : List.of("OTU ID", "#OTUID", "feature-id", "#feature-id", "FeatureID")) {
            Path p = write(dir, "h.tsv", header + "\tS1\tConsensus Lineage\nf1\t7\tk__Archaea\n");
            FeatureTable t = ClassicTsv.read(p);
            assertThat(t.featureIds()).as(header).containsExactly("f1");
            assertThat(t.get(0, 0)).isEqualTo(7.0);
            assertThat(t.lineage(0).name(Rank.KINGDOM)).isEqualTo("Archaea");
        }
    }

    @Test
    void readsGzipTransparently() throws IOException {
        Path p = dir.resolve("t.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("#OTU ID\tS1\tS2\nf1\t1\t2\n".getBytes(StandardCharsets.UTF_8));
        }
        FeatureTable t = ClassicTsv.read(p);
        assertThat(t.get(1, 0)).isEqualTo(2.0);
    }

    @Test
    void roundTripIsExact() {
        FeatureTable t = ClassicTsv.read(resource("microbiome-interventions/peerj32/counts.tsv"));
        Path out = dir.resolve("peerj32.tsv");
        ClassicTsv.write(t, out);
        assertThat(ClassicTsv.read(out).sameData(t)).isTrue();

        // with taxonomy (HITChip per-rank file) and non-integral values
        Map<String, Lineage> tax = TaxonomyFile.read(resource("microbiome-interventions/peerj32/taxonomy.tsv"));
        FeatureTable rel = t.withTaxonomy(tax).relativeAbundance();
        ClassicTsv.write(rel, out);
        FeatureTable back = ClassicTsv.read(out);
        assertThat(back.sameData(rel)).isTrue();
        assertThat(back.lineage(back.featureIndex("Aerococcus")).name(Rank.GENUS)).isEqualTo("Aerococcus");
    }

    @Test
    void roundTripOfArbitraryDoublesIsExact() {
        Random rnd = new Random(42);
        int ns = 7, nf = 300;
        double[][] v = new double[ns][nf];
        for (int s = 0; s < ns; s++) {
            for (int f = 0; f < nf; f++) {
                switch (rnd.nextInt(5)) {
                    case 0: v[s][f] = 0; break;
                    case 1: v[s][f] = rnd.nextInt(100000); break;
                    case 2: v[s][f] = rnd.nextDouble(); break;
                    // any mantissa across the whole plausible range (Corruption: readers refuse magnitudes
                    // below 1e-250 or above 1e250 as damaged data); 2^±830 is about 1.4e±250
                    case 3: v[s][f] = Math.scalb(1 + rnd.nextDouble(), rnd.nextInt(1660) - 830); break;
                    default: v[s][f] = (0.5 + rnd.nextDouble()) * 1e-249; break;
                }
            }
        }
        List<String> samples = new java.util.ArrayList<>();
        for (int s = 0; s < ns; s++) samples.add("s" + s);
        List<String> features = new java.util.ArrayList<>();
        for (int f = 0; f < nf; f++) features.add("#f" + f); // '#' ids are data after the header
        FeatureTable t = FeatureTable.fromDense(null, samples, features, v);
        Path out = dir.resolve("r.tsv");
        ClassicTsv.write(t, out);
        assertThat(ClassicTsv.read(out).sameData(t)).isTrue();
    }

    @Test
    void writesHeaderAndIntegersWithoutFraction() throws IOException {
        FeatureTable t = FeatureTable.fromDense(null, List.of("A", "B"), List.of("x"), new double[][] {{12}, {0.25}});
        Path out = dir.resolve("w.tsv");
        ClassicTsv.write(t, out);
        assertThat(Files.readString(out)).isEqualTo("# Constructed by gutbrain\n#OTU ID\tA\tB\nx\t12\t0.25\n");
    }

    @Test
    void writesAnotherFirstCommentWhenAsked() throws IOException {
        FeatureTable t = FeatureTable.fromDense(null, List.of("A"), List.of("x"), new double[][] {{3}});
        Path out = dir.resolve("c.tsv");
        ClassicTsv.write(t, out, "SIMULATED DATA");
        assertThat(Files.readString(out)).isEqualTo("# SIMULATED DATA\n#OTU ID\tA\nx\t3\n");
        assertThat(ClassicTsv.read(out).sameData(t)).isTrue();
    }

    @Test
    void writeRejectsIdsTheFormatCannotHold() {
        FeatureTable t = FeatureTable.fromDense(null, List.of("A\tB"), List.of("x"), new double[][] {{1}});
        Path out = dir.resolve("bad.tsv");
        assertInputError(() -> ClassicTsv.write(t, out), out, "sample id 'A\\tB'", "tab");
        assertThat(Files.exists(out)).isFalse();
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void raggedRow() {
        Path p = write(dir, "r.tsv", "#OTU ID\tS1\tS2\nf1\t1\t2\nf2\t3\n");
        assertInputError(() -> ClassicTsv.read(p), p, "line 3", "found 2 fields", "header (line 1) has 3");
    }

    @Test
    void nonNumericCount() {
        Path p = write(dir, "n.tsv", "# Constructed from biom file\n#OTU ID\tS1\tS2\nf1\t1\tabc\n");
        assertInputError(() -> ClassicTsv.read(p), p, "line 3, column 'S2'", "expected a number, found 'abc'");
    }

    @Test
    void rejectsJavaOnlyNumberSyntax() {
        Path p = write(dir, "n.tsv", "#OTU ID\tS1\nf1\t1d\n");
        assertInputError(() -> ClassicTsv.read(p), p, "line 2, column 'S1'", "'1d'");
    }

    @Test
    void negativeCount() {
        Path p = write(dir, "n.tsv", "#OTU ID\tS1\tS2\nf1\t1\t2\nf2\t-3\t0\n");
        assertInputError(() -> ClassicTsv.read(p), p, "line 3, column 'S1'", "negative abundance '-3'");
    }

    @Test
    void nanAndInfinity() {
        Path p = write(dir, "n.tsv", "#OTU ID\tS1\tS2\nf1\tNaN\t2\n");
        assertInputError(() -> ClassicTsv.read(p), p, "line 2, column 'S1'", "'NaN' is not a finite number");
        Path q = write(dir, "i.tsv", "#OTU ID\tS1\tS2\nf1\t1\tInfinity\n");
        assertInputError(() -> ClassicTsv.read(q), q, "line 2, column 'S2'", "'Infinity' is not a finite number");
        Path r = write(dir, "e.tsv", "#OTU ID\tS1\tS2\nf1\t1\t1e999\n");
        assertInputError(() -> ClassicTsv.read(r), r, "line 2, column 'S2'", "'1e999' is not a finite number");
    }

    @Test
    void emptyCell() {
        Path p = write(dir, "n.tsv", "#OTU ID\tS1\tS2\nf1\t\t2\n");
        assertInputError(() -> ClassicTsv.read(p), p, "line 2, column 'S1'", "empty cell");
    }

    @Test
    void duplicateSampleId() {
        Path p = write(dir, "d.tsv", "#OTU ID\tS1\tS2\tS1\nf1\t1\t2\t3\n");
        assertInputError(() -> ClassicTsv.read(p), p, "line 1", "duplicate sample id 'S1'", "fields 2 and 4");
    }

    @Test
    void duplicateFeatureId() {
        Path p = write(dir, "d.tsv", "#OTU ID\tS1\nf1\t1\nf2\t2\n\nf1\t3\n");
        assertInputError(() -> ClassicTsv.read(p), p, "line 5", "duplicate feature id 'f1' (first on line 2)");
    }

    @Test
    void emptyFeatureId() {
        Path p = write(dir, "d.tsv", "#OTU ID\tS1\nf1\t1\n \t2\n");
        assertInputError(() -> ClassicTsv.read(p), p, "line 3, field 1", "empty feature id");
    }

    @Test
    void missingHeader() {
        Path p = write(dir, "m.tsv", "# Constructed from biom file\nf1\t1\t2\n");
        assertInputError(() -> ClassicTsv.read(p), p, "line 2", "missing header");
    }

    @Test
    void emptyTables() {
        Path noSamples = write(dir, "a.tsv", "#OTU ID\nf1\n");
        assertInputError(() -> ClassicTsv.read(noSamples), noSamples, "line 1", "no sample columns");
        Path onlyTaxonomy = write(dir, "b.tsv", "#OTU ID\ttaxonomy\nf1\tk__Bacteria\n");
        assertInputError(() -> ClassicTsv.read(onlyTaxonomy), onlyTaxonomy, "line 1", "no sample columns");
        Path noFeatures = write(dir, "c.tsv", "# Constructed from biom file\n#OTU ID\tS1\tS2\n\n");
        assertInputError(() -> ClassicTsv.read(noFeatures), noFeatures, "line 2", "not followed by any feature rows");
        Path empty = write(dir, "d.tsv", "");
        assertInputError(() -> ClassicTsv.read(empty), empty, "line 1", "no header line");
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.tsv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClassicTsv.read(p))
                .isInstanceOf(io.gutbrain.error.InputException.class).hasMessageContaining("file not found");
    }
}
