package io.gutbrain.io;

import io.gutbrain.io.DelimitedTable.Orientation;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Rank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.gutbrain.io.TextFixtures.assertInputError;
import static io.gutbrain.io.TextFixtures.resource;
import static io.gutbrain.io.TextFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DelimitedTableTest {
    @TempDir Path dir;

    /*
     * MaAsLin2's HMP2 species table: samples as rows, header 'ID'. Expected values from python3
     * (csv.reader(delimiter='\t'), float() per cell, sum() along each row in file order):
     * 1595 samples x 87 features, 64100 non-zero cells; CSM5FZ4M (first row) total
     * 0.9776193999999998 over 30 non-zeros, Faecalibacterium prausnitzii 0.0936191, Bacteroides
     * caccae '2.99e-05'; CSM5MCUO (second row) total 0.9344029000000003 over 52 non-zeros;
     * HSM5FZC2_P (last row) total 0.9964563000000001; column 'Bifidobacterium adolescentis'
     * sums to 4.996682900000006.
     */
    @Test
    void readsHmp2SamplesAsRowsAutomatically() {
        FeatureTable t = DelimitedTable.read(resource("maaslin2-hmp2/HMP2_taxonomy.tsv"));
        assertThat(t.sampleCount()).isEqualTo(1595);
        assertThat(t.featureCount()).isEqualTo(87);
        assertThat(t.nonZeroCount()).isEqualTo(64100);
        assertThat(t.sampleIds().get(0)).isEqualTo("CSM5FZ4M");
        assertThat(t.featureIds().get(0)).isEqualTo("Bifidobacterium adolescentis");
        int s0 = t.sampleIndex("CSM5FZ4M");
        assertThat(t.sampleNonZero(s0)).isEqualTo(30);
        assertThat(t.sampleTotal(s0)).isCloseTo(0.9776193999999998, within(1e-15));
        assertThat(t.get(s0, t.featureIndex("Faecalibacterium prausnitzii"))).isEqualTo(0.0936191);
        assertThat(t.get(s0, t.featureIndex("Bacteroides caccae"))).isEqualTo(2.99e-05);
        assertThat(t.sampleNonZero(t.sampleIndex("CSM5MCUO"))).isEqualTo(52);
        assertThat(t.sampleTotal(t.sampleIndex("CSM5MCUO"))).isCloseTo(0.9344029000000003, within(1e-15));
        assertThat(t.sampleTotal(t.sampleIndex("HSM5FZC2_P"))).isCloseTo(0.9964563000000001, within(1e-15));
        assertThat(t.featureTotals()[0]).isCloseTo(4.996682900000006, within(1e-13));

        FeatureTable explicit = DelimitedTable.read(resource("maaslin2-hmp2/HMP2_taxonomy.tsv"), Orientation.SAMPLES_AS_ROWS, '\t');
        assertThat(explicit.sameData(t)).isTrue();
    }

    @Test
    void hmp2ProportionsRoundTripThroughClassicTsv() {
        FeatureTable t = DelimitedTable.read(resource("maaslin2-hmp2/HMP2_taxonomy.tsv"));
        Path out = dir.resolve("hmp2.tsv");
        ClassicTsv.write(t, out);
        assertThat(ClassicTsv.read(out).sameData(t)).isTrue();
    }

    @Test
    void autoReadsQiimeTablesAsFeaturesAsRows() {
        Path p = resource("microbiome-interventions/peerj32/counts.tsv");
        FeatureTable auto = DelimitedTable.read(p);
        assertThat(auto.sameData(ClassicTsv.read(p))).isTrue();
        assertThat(DelimitedTable.read(p, Orientation.FEATURES_AS_ROWS, '\t').sameData(auto)).isTrue();
    }

    @Test
    void bothOrientationsOfTheSameDataAgree() throws IOException {
        // the test transposes s50.tsv as text (cell strings moved, not re-formatted) and writes it as CSV
        List<String> lines = Files.readAllLines(resource("synthetic-s50/s50.tsv"));
        List<String[]> cells = new ArrayList<>();
        for (String l : lines) cells.add(l.split("\t", -1));
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < cells.get(0).length; c++) {
            for (int r = 0; r < cells.size(); r++) {
                if (r > 0) csv.append(',');
                csv.append(r == 0 && c == 0 ? "sample-id" : cells.get(r)[c]);
            }
            csv.append("\r\n");
        }
        Path p = write(dir, "s50_t.csv", csv.toString());
        FeatureTable bySample = DelimitedTable.read(p);
        FeatureTable byFeature = ClassicTsv.read(resource("synthetic-s50/s50.tsv"));
        assertThat(bySample.sameData(byFeature)).isTrue();
    }

    @Test
    void csvQuotingAndDelimiterFromContent() {
        // R write.csv style: quoted header and ids, a comma and a doubled quote inside ids, a quoted number,
        // and a quoted id spanning two lines, which is read as one record but refused as an id: a line
        // break in an id would split its row in every tab-separated file written later
        String head = "\"\",\"S1\",\"S 2\"\n"
                + "\"Ruminococcus, torques group\",1,\"2.5\"\n"
                + "\"Eubacterium \"\"hallii\"\"\",0,4\n";
        Path p = write(dir, "table.dat", head);
        FeatureTable t = DelimitedTable.read(p);
        assertThat(t.sampleIds()).containsExactly("S1", "S 2");
        assertThat(t.featureIds()).containsExactly("Ruminococcus, torques group", "Eubacterium \"hallii\"");
        assertThat(t.get(1, 0)).isEqualTo(2.5);
        assertThat(t.get(1, 1)).isEqualTo(4.0);
        assertThat(t.nonZeroCount()).isEqualTo(3);
        Path multi = write(dir, "multi.dat", head + "\"multi\nline\",7,0\n");
        assertInputError(() -> DelimitedTable.read(multi), multi, "line 4, field 1", "line feed");
    }

    @Test
    void tsvWithTaxonomyAndCommentsAndHashHeader() {
        Path p = write(dir, "t.txt", "# exported by hand\n\n#SampleID\tf1\tf2\nA\t1\t0\nB\t0\t2\n");
        FeatureTable t = DelimitedTable.read(p);
        assertThat(t.sampleIds()).containsExactly("A", "B");
        assertThat(t.featureIds()).containsExactly("f1", "f2");
        assertThat(t.get(1, 1)).isEqualTo(2.0);

        Path q = write(dir, "q.csv", "feature,S1,S2,Taxonomy\nf1,1,2,\"k__Bacteria; p__Firmicutes\"\n");
        FeatureTable u = DelimitedTable.read(q);
        assertThat(u.lineage(0).name(Rank.PHYLUM)).isEqualTo("Firmicutes");
        assertThat(u.sampleIds()).containsExactly("S1", "S2");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void raggedRowAfterMultiLineFieldIsReportedAtItsOwnLine() {
        Path p = write(dir, "r.csv", "feature,S1,S2,Taxonomy\nf1,1,2,\"k__Bacteria;\np__Firmicutes\"\nf2,1\n");
        assertInputError(() -> DelimitedTable.read(p), p, "line 4", "found 2 fields", "header (line 1) has 4", "comma");
    }

    @Test
    void badValuesNameLineAndColumn() {
        Path p = write(dir, "v.csv", "ID,f1,f2\ns1,1,2\ns2,x,2\n");
        assertInputError(() -> DelimitedTable.read(p), p, "line 3, column 'f1'", "expected a number, found 'x'");
        Path n = write(dir, "n.csv", "ID,f1,f2\ns1,1,-0.5\n");
        assertInputError(() -> DelimitedTable.read(n), n, "line 2, column 'f2'", "negative");
        Path q = write(dir, "q.csv", "ID,f1,f2\ns1,\"NaN\",1\n");
        assertInputError(() -> DelimitedTable.read(q), q, "line 2, column 'f1'", "'NaN' is not a finite number");
    }

    @Test
    void duplicateIds() {
        Path s = write(dir, "s.tsv", "sample-id\tf1\ns1\t1\ns1\t2\n");
        assertInputError(() -> DelimitedTable.read(s), s, "line 3", "duplicate sample id 's1' (first on line 2)");
        Path f = write(dir, "f.tsv", "sample-id\tf1\tf1\ns1\t1\t2\n");
        assertInputError(() -> DelimitedTable.read(f), f, "line 1", "duplicate feature id 'f1'");
    }

    @Test
    void quotingErrors() {
        Path open = write(dir, "o.csv", "ID,f1\n\"s1,1\ns2,3\n");
        assertInputError(() -> DelimitedTable.read(open), open, "line 2", "never closed");
        Path after = write(dir, "a.csv", "ID,f1\n\"s1\"x,1\n");
        assertInputError(() -> DelimitedTable.read(after), after, "line 2, field 1", "after a closing quote");
    }

    @Test
    void emptyTables() {
        Path noRows = write(dir, "e.csv", "ID,f1,f2\n");
        assertInputError(() -> DelimitedTable.read(noRows), noRows, "line 1", "not followed by any sample rows");
        Path noCols = write(dir, "c.csv", "ID\ns1\n");
        assertInputError(() -> DelimitedTable.read(noCols), noCols, "line 1", "no feature columns");
    }
}
