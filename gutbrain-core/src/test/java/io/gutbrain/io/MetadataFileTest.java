package io.gutbrain.io;

import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.metadata.SampleMetadata.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static io.gutbrain.io.TextFixtures.assertInputError;
import static io.gutbrain.io.TextFixtures.resource;
import static io.gutbrain.io.TextFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/*
 * Expected values for the real files come from python3 (csv.reader(delimiter='\t'), cells
 * stripped, SampleMetadata.DEFAULT_MISSING tokens treated as missing, a column counted numeric
 * when every non-missing cell matches [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?).
 */
class MetadataFileTest {
    @TempDir Path dir;

    @Test
    void readsHmp2Metadata() {
        // python3: 1595 rows x 11 columns; numeric: age, dysbiosis, collection; age: 1576 values summing to 43771;
        // diagnosis CD 732, UC 437, nonIBD 426
        SampleMetadata md = MetadataFile.read(resource("maaslin2-hmp2/HMP2_metadata.tsv"));
        assertThat(md.size()).isEqualTo(1595);
        assertThat(md.columns()).hasSize(11);
        assertThat(md.ids().get(0)).isEqualTo("CSM5FZ3N_P");
        assertThat(md.ids().get(1594)).isEqualTo("PSMB4MC7");
        assertThat(numericColumns(md)).containsExactly("age", "dysbiosis", "collection");
        double[] age = md.numericColumn("age");
        assertThat(Arrays.stream(age).filter(Double::isFinite).count()).isEqualTo(1576);
        assertThat(Arrays.stream(age).filter(Double::isFinite).sum()).isEqualTo(43771.0);
        assertThat(count(md, "diagnosis", "CD")).isEqualTo(732);
        assertThat(count(md, "diagnosis", "UC")).isEqualTo(437);
        assertThat(count(md, "diagnosis", "nonIBD")).isEqualTo(426);
        assertThat(md.text("site", "CSM5FZ3N_P")).isEqualTo("Cedars-Sinai");
    }

    @Test
    void readsQiime2StyleFiles() {
        // python3: peerj32 44 x 5 with only 'time' numeric; s50 50 x 3, phq9 and age numeric, age sums to 2222
        SampleMetadata p = MetadataFile.read(resource("microbiome-interventions/peerj32/metadata.tsv"));
        assertThat(p.size()).isEqualTo(44);
        assertThat(p.columns()).containsExactly("time", "sex", "subject", "sample", "group");
        assertThat(numericColumns(p)).containsExactly("time");
        assertThat(p.text("group", "sample-1")).isEqualTo("Placebo");
        SampleMetadata s = MetadataFile.read(resource("synthetic-s50/s50.meta.tsv"));
        assertThat(s.size()).isEqualTo(50);
        assertThat(numericColumns(s)).containsExactly("phq9", "age");
        assertThat(Arrays.stream(s.numericColumn("age")).sum()).isEqualTo(2222.0);
        assertThat(s.text("group", "S2")).isEqualTo("case");
    }

    @Test
    void readsAmericanGutMappingFile() {
        // python3: 1962 rows x 173 columns, 30 numeric; AGE: 59 missing ('no_data'), mean of the other 1903
        // is 45.21860220704151; DIET_TYPE: 26 missing, 1588 'Omnivore'; IBD: 36 "Crohn's disease"
        SampleMetadata md = MetadataFile.read(resource("american-gut-2014/AG_100nt_even10k.txt"));
        assertThat(md.size()).isEqualTo(1962);
        assertThat(md.columns()).hasSize(173);
        assertThat(md.ids().get(0)).isEqualTo("000011224.1210932");
        assertThat(md.ids().get(1961)).isEqualTo("000009074.1213041");
        assertThat(numericColumns(md)).hasSize(30).contains("AGE", "BMI", "LONGITUDE");
        double[] age = md.numericColumn("AGE");
        double[] known = Arrays.stream(age).filter(Double::isFinite).toArray();
        assertThat(age.length - known.length).isEqualTo(59);
        assertThat(Arrays.stream(known).average().orElseThrow()).isCloseTo(45.21860220704151, within(1e-12));
        assertThat(md.type("DIET_TYPE")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(Arrays.stream(md.textColumn("DIET_TYPE")).filter(v -> v == null).count()).isEqualTo(26);
        assertThat(count(md, "DIET_TYPE", "Omnivore")).isEqualTo(1588);
        assertThat(count(md, "IBD", "Crohn's disease")).isEqualTo(36);
        assertThat(md.number("AGE", "000009074.1213041")).isEqualTo(29.0);
    }

    @Test
    void qiime2TypesCommentsBlankLinesAndWhitespace() {
        Path p = write(dir, "m.tsv", "# a comment\n\n"
                + "sample-id\tsubject\tphq9\tgroup \n"
                + "#q2:types\tcategorical\tnumeric\t\n"
                + "# another comment\n"
                + "S1\t001\t 7 \tcase\n"
                + "\n"
                + "S2 \t002\t\tcontrol\t\t\n"
                + "S3\t003\tNA\tcontrol\n");
        SampleMetadata md = MetadataFile.read(p);
        assertThat(md.ids()).containsExactly("S1", "S2", "S3");
        assertThat(md.columns()).containsExactly("subject", "phq9", "group");
        assertThat(md.type("subject")).isEqualTo(ColumnType.CATEGORICAL); // numeric-looking but declared
        assertThat(md.text("subject", "S1")).isEqualTo("001");
        assertThat(md.type("phq9")).isEqualTo(ColumnType.NUMERIC);
        assertThat(md.numericColumn("phq9")).containsExactly(7.0, Double.NaN, Double.NaN);
        assertThat(md.levels("group")).containsExactly("case", "control");
    }

    @Test
    void declaredNumericColumnWithoutValues() {
        Path p = write(dir, "m.tsv", "id\tx\n#q2:types\tnumeric\nS1\t\n");
        assertThat(MetadataFile.read(p).numericColumn("x")).containsExactly(Double.NaN);
    }

    @Test
    void acceptedIdHeaders() {
        for (String h : new String[] {"id", "ID", "sampleid", "Sample ID", "SAMPLE-ID", "featureid", "feature id", "Feature-ID",
                "#SampleID", "#Sample ID", "#OTUID", "#OTU ID", "sample_name"}) {
            Path p = write(dir, "h.tsv", h + "\tx\nS1\t1\n");
            assertThat(MetadataFile.read(p).ids()).as(h).containsExactly("S1");
        }
        Path hashLower = write(dir, "l.tsv", "#sampleid\tx\nS1\t1\n"); // case-sensitive '#' names: this is a comment
        assertInputError(() -> MetadataFile.read(hashLower), hashLower, "line 2, field 1", "'S1' is not an id column");
    }

    @Test
    void csvWithQuotes() {
        Path p = write(dir, "m.csv", "\"sample-id\",\"diet\",\"bmi\"\r\n\"S1\",\"vegan, strict\",21.5\r\nS2,\"say \"\"no\"\"\",NA\r\n");
        SampleMetadata md = MetadataFile.read(p);
        assertThat(md.text("diet", "S1")).isEqualTo("vegan, strict");
        assertThat(md.text("diet", "S2")).isEqualTo("say \"no\"");
        assertThat(md.numericColumn("bmi")).containsExactly(21.5, Double.NaN);
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void raggedRow() {
        Path p = write(dir, "r.tsv", "sample-id\ta\tb\nS1\t1\t2\nS2\t1\n");
        assertInputError(() -> MetadataFile.read(p), p, "line 3", "found 2 fields", "header (line 1) has 3");
        Path extra = write(dir, "x.tsv", "sample-id\ta\nS1\t1\tsurprise\n");
        assertInputError(() -> MetadataFile.read(extra), extra, "line 2", "field 3 holds 'surprise'");
    }

    @Test
    void duplicateAndEmptyIds() {
        Path d = write(dir, "d.tsv", "sample-id\ta\nS1\t1\n# c\nS1\t2\n");
        assertInputError(() -> MetadataFile.read(d), d, "line 4", "duplicate sample id 'S1' (first on line 2)");
        Path e = write(dir, "e.tsv", "sample-id\ta\nS1\t1\n \t2\n");
        assertInputError(() -> MetadataFile.read(e), e, "line 3, field 1", "empty sample id");
    }

    @Test
    void missingIdColumn() {
        Path p = write(dir, "m.tsv", "subject\tage\nS1\t3\n");
        assertInputError(() -> MetadataFile.read(p), p, "line 1, field 1", "'subject' is not an id column");
    }

    @Test
    void badColumnsAndDirectives() {
        Path dup = write(dir, "d.tsv", "id\ta\ta\nS1\t1\t2\n");
        assertInputError(() -> MetadataFile.read(dup), dup, "line 1", "duplicate column name 'a'");
        Path emptyName = write(dir, "n.tsv", "id\t\ta\nS1\t1\t2\n");
        assertInputError(() -> MetadataFile.read(emptyName), emptyName, "line 1, field 2", "empty column name");
        Path badType = write(dir, "t.tsv", "id\ta\n#q2:types\tinteger\nS1\t1\n");
        assertInputError(() -> MetadataFile.read(badType), badType, "line 2, column 'a'", "unknown column type 'integer'");
        Path lateType = write(dir, "l.tsv", "id\ta\nS1\t1\n#q2:types\tnumeric\n");
        assertInputError(() -> MetadataFile.read(lateType), lateType, "line 3", "directly below the header");
        Path notNumber = write(dir, "v.tsv", "id\ta\n#q2:types\tnumeric\nS1\t1\nS2\tlots\n");
        assertInputError(() -> MetadataFile.read(notNumber), notNumber, "line 4, column 'a'", "holds 'lots'");
        Path noRows = write(dir, "e.tsv", "# only\nid\ta\n#q2:types\tnumeric\n");
        assertInputError(() -> MetadataFile.read(noRows), noRows, "line 2", "not followed by any sample rows");
    }

    private static long count(SampleMetadata md, String column, String level) {
        return Arrays.stream(md.textColumn(column)).filter(level::equals).count();
    }

    @Test
    void writeThenReadGivesTheSameMetadata(@TempDir Path tmp) throws Exception {
        // an all-missing numeric column keeps its type only through the #q2:types line
        SampleMetadata md = new SampleMetadata("m", java.util.List.of("s1", "s2", "s3"), java.util.List.of("group", "x", "empty", "code"),
                new String[][] {{"a", "b", null}, {"1.5", null, "-2"}, {null, null, null}, {"007", "8", "9"}},
                new ColumnType[] {null, null, ColumnType.NUMERIC, ColumnType.CATEGORICAL});
        Path out = tmp.resolve("md.tsv");
        MetadataFile.write(md, out, java.util.List.of("SIMULATED DATA", "second line"));
        assertThat(java.nio.file.Files.readString(out)).isEqualTo("# SIMULATED DATA\n# second line\n"
                + "sample-id\tgroup\tx\tempty\tcode\n#q2:types\tcategorical\tnumeric\tnumeric\tcategorical\n"
                + "s1\ta\t1.5\t\t007\ns2\tb\t\t\t8\ns3\t\t-2\t\t9\n");
        SampleMetadata back = MetadataFile.read(out);
        assertThat(back.ids()).isEqualTo(md.ids());
        assertThat(back.columns()).isEqualTo(md.columns());
        assertThat(back.types()).isEqualTo(md.types());
        for (String c : md.columns()) assertThat(back.textColumn(c)).isEqualTo(md.textColumn(c));
    }

    @Test
    void writeRejectsCellsTheFormatCannotHold(@TempDir Path tmp) {
        SampleMetadata md = new SampleMetadata("m", java.util.List.of("#s1"), java.util.List.of("g"), new String[][] {{"a"}}, null);
        Path out = tmp.resolve("bad.tsv");
        assertInputError(() -> MetadataFile.write(md, out, java.util.List.of()), out, "sample id '#s1'", "comment");
        SampleMetadata tab = new SampleMetadata("m", java.util.List.of("s1"), java.util.List.of("g"), new String[][] {{"a\tb"}}, null);
        assertInputError(() -> MetadataFile.write(tab, out, java.util.List.of()), out, "column 'g', sample 's1'", "'a\\tb' holds a tab");
        assertThat(java.nio.file.Files.exists(out)).isFalse();
    }

    private static java.util.List<String> numericColumns(SampleMetadata md) {
        return md.columns().stream().filter(c -> md.type(c) == ColumnType.NUMERIC).toList();
    }
}
