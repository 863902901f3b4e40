package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import io.gutbrain.table.Rank;
import io.gutbrain.table.SyntheticTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.gutbrain.io.BiomFixtures.EXAMPLE_DENSE;
import static io.gutbrain.io.BiomFixtures.EXAMPLE_SPARSE;
import static io.gutbrain.io.BiomFixtures.assertExample;
import static io.gutbrain.io.BiomFixtures.rejected;
import static io.gutbrain.io.BiomFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BiomJsonTest {
    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ the biom-format examples

    @Test
    void minimalSparseExample() {
        FeatureTable t = BiomJson.read(resource("biom-examples/min_sparse_otu_table.biom"));
        assertExample(t, EXAMPLE_SPARSE);
        assertThat(t.nonZeroCount()).isEqualTo(15); // 15 entries in its "data"
        assertThat(t.hasTaxonomy()).isFalse();
        assertThat(t.metadata()).isNull(); // every column's metadata is null
    }

    @Test
    void minimalDenseExample() {
        assertExample(BiomJson.read(resource("biom-examples/min_dense_otu_table.biom")), EXAMPLE_DENSE);
    }

    @Test
    void denseAndSparseExamplesAgreeExceptTheRowTheFilesDisagreeOn() {
        FeatureTable sparse = BiomJson.read(resource("biom-examples/rich_sparse_otu_table.biom"));
        FeatureTable dense = BiomJson.read(resource("biom-examples/rich_dense_otu_table.biom"));
        assertExample(sparse, EXAMPLE_SPARSE);
        assertExample(dense, EXAMPLE_DENSE);
        int otu3 = sparse.featureIndex("GG_OTU_3");
        for (int s = 0; s < 6; s++) {
            for (int f = 0; f < 5; f++) {
                if (f != otu3) assertThat(dense.get(s, f)).isEqualTo(sparse.get(s, f));
            }
        }
        // the dense and sparse rich files carry identical taxonomy and sample metadata
        assertThat(Arrays.asList(dense.lineages())).isEqualTo(Arrays.asList(sparse.lineages()));
        for (String s : BiomFixtures.EXAMPLE_SAMPLES) assertThat(dense.metadata().row(s)).isEqualTo(sparse.metadata().row(s));
        // and the two minimal files are the same tables as the two rich ones, without annotations
        assertThat(BiomJson.read(resource("biom-examples/min_sparse_otu_table.biom")).sameData(sparse.withTaxonomy((Lineage[]) null))).isTrue();
        assertThat(BiomJson.read(resource("biom-examples/min_dense_otu_table.biom")).sameData(dense.withTaxonomy((Lineage[]) null))).isTrue();
    }

    @Test
    void richExampleTaxonomyAndMetadata() {
        BiomContents c = BiomJson.readWithInfo(resource("biom-examples/rich_sparse_otu_table.biom"));
        FeatureTable t = c.table();
        // row GG_OTU_4 (line 12 of the file)
        Lineage l = t.lineage(t.featureIndex("GG_OTU_4"));
        assertThat(l.name(Rank.KINGDOM)).isEqualTo("Bacteria");
        assertThat(l.name(Rank.PHYLUM)).isEqualTo("Firmicutes");
        assertThat(l.name(Rank.GENUS)).isEqualTo("Halanaerobium");
        assertThat(l.name(Rank.SPECIES)).isEqualTo("Halanaerobiumsaccharolyticum");
        // GG_OTU_1 ends in "s__": species present but unassigned
        assertThat(t.lineage(0).name(Rank.SPECIES)).isEmpty();
        assertThat(t.lineage(0).asPrefixedList()).containsExactly("k__Bacteria", "p__Proteobacteria", "c__Gammaproteobacteria",
                "o__Enterobacteriales", "f__Enterobacteriaceae", "g__Escherichia", "s__");
        SampleMetadata md = t.metadata();
        assertThat(md.columns()).containsExactly("BarcodeSequence", "LinkerPrimerSequence", "BODY_SITE", "Description");
        assertThat(md.text("BarcodeSequence", "Sample4")).isEqualTo("CTCTCGGCCTGT");
        assertThat(md.text("BODY_SITE", "Sample3")).isEqualTo("gut");
        assertThat(md.text("Description", "Sample6")).isEqualTo("human skin");
        assertThat(c.info()).isEqualTo(new BiomInfo(null, "OTU table", "Biological Observation Matrix 1.0.0-dev", "QIIME revision XYZ", "2011-12-19T19:00:00"));
    }

    @Test
    void unicodeExamplesWithWordsAsValuesAreRejectedAtTheFirstWord() {
        // rich_*_char.biom hold words ("sky", "clouds") in the matrix: not an abundance table
        InputException sparse = catchThrowableOfType(InputException.class, () -> BiomJson.read(resource("biom-examples/rich_sparse_char.biom")));
        assertThat(sparse.location()).isEqualTo("/data/0/2 (line 50)");
        assertThat(sparse.problem()).contains("\"sky\"");
        InputException dense = catchThrowableOfType(InputException.class, () -> BiomJson.read(resource("biom-examples/rich_dense_char.biom")));
        assertThat(dense.location()).isEqualTo("/data/0/1 (line 50)"); // "0" before it is a numeric string, accepted
    }

    @Test
    void unicodeTableWithNumericStringsIsRead() throws IOException {
        Path p = write(TEMPLATE.replace("\"int\"", "\"unicode\"").replace("[0, 0, 5]", "[0, 0, \"5\"]").replace("[1, 1, 3]", "[1, 1, \"2.5\"]"));
        FeatureTable t = BiomJson.read(p);
        assertThat(t.get(0, 0)).isEqualTo(5.0);
        assertThat(t.get(1, 1)).isEqualTo(2.5);
    }

    // ------------------------------------------------------------------ American Gut

    /**
     * Expected figures computed independently with python3's json and gzip modules from the
     * fixture: shape from "shape", non-zeros = entries with value != 0, per-column sums of the
     * (row, column, value) entries, and the cells below looked up by their row and column ids.
     */
    @Test
    void americanGut() {
        BiomContents c = BiomJson.readWithInfo(resource("american-gut-2014/AG_100nt_even10k.biom.gz"));
        FeatureTable t = c.table();
        assertThat(t.sampleCount()).isEqualTo(1962);
        assertThat(t.featureCount()).isEqualTo(19236);
        assertThat(t.nonZeroCount()).isEqualTo(816_281);
        for (int s = 0; s < t.sampleCount(); s++) assertThat(t.sampleTotal(s)).as(t.sampleIds().get(s)).isEqualTo(10_000.0);
        assertThat(t.total()).isEqualTo(19_620_000.0);
        assertThat(t.sampleIds().get(0)).isEqualTo("000007117.1075649");
        assertThat(t.sampleIds().get(1961)).isEqualTo("000004025.1130422");
        assertThat(t.featureIds().get(0)).isEqualTo("988534");
        assertThat(t.featureIds().get(19235)).isEqualTo("175358");
        assertThat(cell(t, "000005636.1053788", "988534")).isEqualTo(1.0);
        assertThat(cell(t, "000005634.1053886", "988534")).isEqualTo(10.0);
        assertThat(cell(t, "000006975.1130162", "254662")).isEqualTo(18.0);
        assertThat(cell(t, "000010254.1257388", "175358")).isEqualTo(1.0);
        assertThat(cell(t, "000011980.1210764", "129798")).isEqualTo(9409.0); // the largest value in the table
        assertThat(t.sampleNonZero(0)).isEqualTo(842);
        assertThat(t.lineage(0).asPrefixedList()).containsExactly("k__Bacteria", "p__Proteobacteria", "c__Betaproteobacteria",
                "o__Neisseriales", "f__Neisseriaceae", "g__", "s__");
        assertThat(t.metadata()).isNull(); // its columns carry "metadata": null
        assertThat(c.info().generatedBy()).isEqualTo("QIIME 1.8.0");
        assertThat(c.info().id()).isEqualTo("None");
    }

    private static double cell(FeatureTable t, String sample, String feature) {
        return t.get(t.sampleIndex(sample), t.featureIndex(feature));
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void roundTripSparseAmericanGut() {
        FeatureTable t = BiomJson.read(resource("american-gut-2014/AG_100nt_even10k.biom.gz"));
        Path out = tmp.resolve("ag.biom");
        BiomJson.write(t, out, false);
        assertThat(BiomJson.read(out).sameData(t)).isTrue();
    }

    @Test
    void roundTripSparseAndDenseWithMetadata() {
        FeatureTable t = BiomJson.read(resource("biom-examples/rich_sparse_otu_table.biom"));
        for (boolean dense : new boolean[] {false, true}) {
            Path out = tmp.resolve("rich-" + dense + ".biom");
            BiomJson.write(t, out, dense);
            BiomContents back = BiomJson.readWithInfo(out);
            assertThat(back.table().sameData(t)).isTrue();
            for (String s : t.sampleIds()) assertThat(back.table().metadata().row(s)).isEqualTo(t.metadata().row(s));
            assertThat(back.info().format()).isEqualTo("Biological Observation Matrix 1.0.0");
            assertThat(back.info().generatedBy()).isEqualTo("gutbrain");
        }
    }

    @Test
    void roundTripDenseFloatTable() throws IOException {
        FeatureTable counts = SyntheticTables.counts(30, 40, 0.3, 7);
        // proportions: non-integral values, written as "float"
        double[][] dense = new double[30][];
        for (int s = 0; s < 30; s++) {
            dense[s] = counts.sampleDense(s);
            double total = counts.sampleTotal(s);
            for (int f = 0; f < 40; f++) dense[s][f] /= total;
        }
        FeatureTable props = FeatureTable.fromDense(null, counts.sampleIds(), counts.featureIds(), dense);
        for (boolean d : new boolean[] {false, true}) {
            Path out = tmp.resolve("props-" + d + ".biom");
            BiomJson.write(props, out, d);
            assertThat(Files.readString(out)).contains("\"matrix_element_type\": \"float\"");
            assertThat(BiomJson.read(out).sameData(props)).isTrue();
        }
    }

    @Test
    void roundTripTablesWithoutFeaturesOrValues() {
        FeatureTable noFeatures = FeatureTable.fromSampleMajor(null, List.of("A", "B"), List.of(), new int[3], new int[0], new double[0]);
        FeatureTable allZero = FeatureTable.fromSampleMajor(null, List.of("A"), List.of("x", "y"), new int[2], new int[0], new double[0]);
        for (FeatureTable t : List.of(noFeatures, allZero)) {
            for (boolean dense : new boolean[] {false, true}) {
                Path out = tmp.resolve("e" + t.featureCount() + dense + ".biom");
                BiomJson.write(t, out, dense);
                assertThat(BiomJson.read(out).sameData(t)).isTrue();
            }
        }
    }

    @Test
    void writtenFileIsWellFormedBiom() throws IOException {
        FeatureTable t = BiomJson.read(resource("biom-examples/rich_sparse_otu_table.biom"));
        Path out = tmp.resolve("w.biom");
        BiomJson.write(t, out, false);
        String text = Files.readString(out);
        assertThat(text).contains("\"format\": \"Biological Observation Matrix 1.0.0\"", "\"format_url\": \"http://biom-format.org\"",
                "\"type\": \"OTU table\"", "\"generated_by\": \"gutbrain\"", "\"matrix_type\": \"sparse\"",
                "\"matrix_element_type\": \"int\"", "\"shape\": [5,6]");
        // whole numbers without ".0"; first entry of the features-by-samples data: GG_OTU_1 in Sample3 = 1
        assertThat(text).contains("\"data\": [[0,2,1],").doesNotContain(".0]");
        assertThat(text).containsPattern("\"date\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\"");
    }

    @Test
    void keysInAnyOrder() throws IOException {
        // "data" before "matrix_type" and "shape" (read in a second pass), rows/columns last
        String reordered = "{\"data\": [[0, 0, 5], [0, 2, 1], [1, 1, 3]],\n \"shape\": [2, 3], \"matrix_type\": \"sparse\",\n"
                + "\"columns\": [{\"id\": \"S1\"}, {\"id\": \"S2\"}, {\"id\": \"S3\"}],\n"
                + "\"rows\": [{\"id\": \"OTU1\", \"metadata\": {\"Taxonomy\": \"k__Bacteria; p__Firmicutes\"}}, {\"id\": \"OTU2\", \"metadata\": null}]}";
        FeatureTable t = BiomJson.read(write(reordered));
        FeatureTable expected = BiomJson.read(write(TEMPLATE));
        assertThat(t.withTaxonomy((Lineage[]) null).sameData(expected)).isTrue();
        assertThat(t.lineage(0).name(Rank.PHYLUM)).isEqualTo("Firmicutes"); // "Taxonomy" key, single-string form
        assertThat(t.lineage(1)).isNull(); // row without taxonomy
    }

    @Test
    void gzippedInputIsRead() throws IOException {
        Path gz = tmp.resolve("t.biom.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(TEMPLATE.getBytes(StandardCharsets.UTF_8));
        }
        FeatureTable t = BiomJson.read(gz);
        assertThat(t.get(0, 0)).isEqualTo(5.0);
        assertThat(t.get(2, 0)).isEqualTo(1.0);
        assertThat(t.get(1, 1)).isEqualTo(3.0);
        assertThat(t.nonZeroCount()).isEqualTo(3);
    }

    @Test
    void sampleMetadataValuesBecomeText() throws IOException {
        String json = TEMPLATE
                .replace("{\"id\": \"S1\", \"metadata\": null}", "{\"id\": \"S1\", \"metadata\": {\"age\": 35, \"diet\": [\"fibre\", \"meat\"], \"x\": null}}")
                .replace("{\"id\": \"S2\", \"metadata\": null}", "{\"id\": \"S2\", \"metadata\": {\"age\": 41.5}}");
        SampleMetadata md = BiomJson.read(write(json)).metadata();
        assertThat(md.columns()).containsExactly("age", "diet", "x");
        assertThat(md.text("age", "S1")).isEqualTo("35");
        assertThat(md.text("diet", "S1")).isEqualTo("fibre; meat");
        assertThat(md.text("x", "S1")).isNull();
        assertThat(md.text("age", "S3")).isNull(); // metadata null
        assertThat(md.type("age")).isEqualTo(SampleMetadata.ColumnType.NUMERIC);
        assertThat(md.number("age", "S2")).isEqualTo(41.5);
    }

    // ------------------------------------------------------------------ bad input

    /** A valid 2 × 3 table laid out so that each entry has a known line (data entries: lines 18-20). */
    private static final String TEMPLATE = String.join("\n",
            "{",                                                   // 1
            "\"id\": null,",                                       // 2
            "\"format\": \"Biological Observation Matrix 1.0.0\",", // 3
            "\"type\": \"OTU table\",",                            // 4
            "\"matrix_type\": \"sparse\",",                        // 5
            "\"matrix_element_type\": \"int\",",                   // 6
            "\"shape\": [2, 3],",                                  // 7
            "\"rows\": [",                                         // 8
            "  {\"id\": \"OTU1\", \"metadata\": null},",           // 9
            "  {\"id\": \"OTU2\", \"metadata\": null}",            // 10
            "],",                                                  // 11
            "\"columns\": [",                                      // 12
            "  {\"id\": \"S1\", \"metadata\": null},",             // 13
            "  {\"id\": \"S2\", \"metadata\": null},",             // 14
            "  {\"id\": \"S3\", \"metadata\": null}",              // 15
            "],",                                                  // 16
            "\"data\": [",                                         // 17
            "  [0, 0, 5],",                                        // 18
            "  [0, 2, 1],",                                        // 19
            "  [1, 1, 3]",                                         // 20
            "]",                                                   // 21
            "}");                                                  // 22

    private static final String DENSE = TEMPLATE.replace("\"sparse\"", "\"dense\"")
            .replace("  [0, 0, 5],\n  [0, 2, 1],\n  [1, 1, 3]", "  [5, 0, 1],\n  [0, 3, 0]");

    private Path write(String json) throws IOException {
        Path p = Files.createTempFile(tmp, "t", ".biom");
        Files.writeString(p, json);
        return p;
    }

    private InputException bad(String json) throws IOException {
        return rejected(write(json), BiomJson::read);
    }

    @Test
    void templatesAreValid() throws IOException {
        FeatureTable sparse = BiomJson.read(write(TEMPLATE));
        FeatureTable dense = BiomJson.read(write(DENSE));
        assertThat(sparse.sameData(dense)).isTrue();
        assertThat(sparse.featureIds()).containsExactly("OTU1", "OTU2");
        assertThat(sparse.sampleIds()).containsExactly("S1", "S2", "S3");
    }

    @Test
    void truncatedJson() throws IOException {
        InputException e = bad(TEMPLATE.substring(0, TEMPLATE.indexOf("[0, 2, 1]") + 4));
        assertThat(e.location()).startsWith("line 19, column ");
        assertThat(e.problem()).contains("ends early");
    }

    @Test
    void truncatedGzip() throws IOException {
        Path gz = tmp.resolve("t.biom.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(TEMPLATE.getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(all, all.length / 2));
        InputException e = catchThrowableOfType(InputException.class, () -> BiomJson.read(gz));
        assertThat(e.source()).isEqualTo(gz.toString());
        assertThat(e.problem()).containsAnyOf("cannot read", "ends early");
    }

    @Test
    void invalidJsonSyntax() throws IOException {
        InputException e = bad(TEMPLATE.replace("  [0, 2, 1],", "  [0, 2 1],"));
        assertThat(e.location()).isEqualTo("line 19, column 9");
        assertThat(e.problem()).startsWith("invalid JSON").doesNotContain("Source:");
    }

    @Test
    void notAnObject() throws IOException {
        assertThat(bad("[1, 2, 3]").location()).isEqualTo("/ (line 1)");
    }

    @Test
    void emptyFile() throws IOException {
        assertThat(bad("").problem()).contains("empty");
    }

    @Test
    void hdf5FileGivenToTheJsonReader() {
        InputException e = catchThrowableOfType(InputException.class, () -> BiomJson.read(resource("biom-examples/min_sparse_otu_table_hdf5.biom")));
        assertThat(e.problem()).contains("HDF5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shape", "data", "rows", "columns", "matrix_type"})
    void missingRequiredKey(String key) throws IOException {
        // drop the key and its value, wherever it sits in the template
        String json = TEMPLATE;
        int start = json.indexOf("\"" + key + "\":");
        int end;
        if (key.equals("rows") || key.equals("columns")) {
            end = json.indexOf("],", start) + 3;
        } else if (key.equals("data")) {
            end = json.lastIndexOf(']') + 1;
            start = json.lastIndexOf(',', start); // also the comma before "data"
        } else {
            end = json.indexOf('\n', start) + 1;
        }
        InputException e = bad(json.substring(0, start) + json.substring(end));
        assertThat(e.location()).isEqualTo("/" + key);
        assertThat(e.problem()).isEqualTo("missing required key \"" + key + "\"");
    }

    @Test
    void shapeDisagreesWithRows() throws IOException {
        InputException e = bad(TEMPLATE.replace("[2, 3]", "[3, 3]"));
        assertThat(e.location()).isEqualTo("/shape/0 (line 7)");
        assertThat(e.problem()).contains("3 rows", "lists 2");
    }

    @Test
    void shapeDisagreesWithColumns() throws IOException {
        InputException e = bad(TEMPLATE.replace("[2, 3]", "[2, 4]"));
        assertThat(e.location()).isEqualTo("/shape/1 (line 7)");
    }

    @Test
    void malformedShape() throws IOException {
        assertThat(bad(TEMPLATE.replace("[2, 3]", "[2, -3]")).location()).isEqualTo("/shape/1 (line 7)");
        assertThat(bad(TEMPLATE.replace("[2, 3]", "[2]")).location()).isEqualTo("/shape (line 7)");
    }

    @Test
    void rowIndexOutsideShape() throws IOException {
        InputException e = bad(TEMPLATE.replace("[1, 1, 3]", "[2, 1, 3]"));
        assertThat(e.location()).isEqualTo("/data/2/0 (line 20)");
        assertThat(e.problem()).contains("row index 2");
    }

    @Test
    void columnIndexOutsideShape() throws IOException {
        InputException e = bad(TEMPLATE.replace("[0, 2, 1]", "[0, 3, 1]"));
        assertThat(e.location()).isEqualTo("/data/1/1 (line 19)");
        assertThat(e.problem()).contains("column index 3");
    }

    @Test
    void negativeIndex() throws IOException {
        assertThat(bad(TEMPLATE.replace("[0, 2, 1]", "[0, -1, 1]")).location()).isEqualTo("/data/1/1 (line 19)");
    }

    @Test
    void fractionalIndex() throws IOException {
        assertThat(bad(TEMPLATE.replace("[0, 2, 1]", "[0.5, 2, 1]")).location()).isEqualTo("/data/1/0 (line 19)");
    }

    @Test
    void entryOfWrongLength() throws IOException {
        assertThat(bad(TEMPLATE.replace("[0, 2, 1]", "[0, 2]")).location()).isEqualTo("/data/1 (line 19)");
        assertThat(bad(TEMPLATE.replace("[0, 2, 1]", "[0, 2, 1, 4]")).location()).isEqualTo("/data/1 (line 19)");
    }

    @Test
    void duplicateRowId() throws IOException {
        InputException e = bad(TEMPLATE.replace("\"OTU2\"", "\"OTU1\""));
        assertThat(e.location()).isEqualTo("/rows/1/id (line 10)");
        assertThat(e.problem()).contains("duplicate id 'OTU1'", "/rows/0/id");
    }

    @Test
    void duplicateColumnId() throws IOException {
        InputException e = bad(TEMPLATE.replace("\"S3\"", "\"S1\""));
        assertThat(e.location()).isEqualTo("/columns/2/id (line 15)");
    }

    @Test
    void missingId() throws IOException {
        assertThat(bad(TEMPLATE.replace("{\"id\": \"S2\", \"metadata\": null}", "{\"metadata\": null}")).location()).isEqualTo("/columns/1 (line 14)");
    }

    @Test
    void nonNumericValue() throws IOException {
        InputException e = bad(TEMPLATE.replace("[1, 1, 3]", "[1, 1, \"three\"]"));
        assertThat(e.location()).isEqualTo("/data/2/2 (line 20)");
        assertThat(e.problem()).contains("\"three\"");
        assertThat(bad(TEMPLATE.replace("[1, 1, 3]", "[1, 1, true]")).location()).isEqualTo("/data/2/2 (line 20)");
    }

    @Test
    void negativeValue() throws IOException {
        InputException e = bad(TEMPLATE.replace("[1, 1, 3]", "[1, 1, -3]"));
        assertThat(e.location()).isEqualTo("/data/2/2 (line 20)");
        assertThat(e.problem()).contains("negative", "-3");
    }

    @Test
    void nanValue() throws IOException {
        // Python's json module writes NaN literally; it must be named, not a syntax error
        InputException e = bad(TEMPLATE.replace("[0, 2, 1]", "[0, 2, NaN]"));
        assertThat(e.location()).isEqualTo("/data/1/2 (line 19)");
        assertThat(e.problem()).contains("NaN", "not a finite number");
        assertThat(bad(TEMPLATE.replace("[0, 2, 1]", "[0, 2, \"NaN\"]")).location()).isEqualTo("/data/1/2 (line 19)");
    }

    @Test
    void infiniteValue() throws IOException {
        assertThat(bad(TEMPLATE.replace("[0, 2, 1]", "[0, 2, Infinity]")).location()).isEqualTo("/data/1/2 (line 19)");
        assertThat(bad(TEMPLATE.replace("[0, 2, 1]", "[0, 2, 1e999]")).location()).isEqualTo("/data/1/2 (line 19)");
    }

    @Test
    void fractionInIntTable() throws IOException {
        InputException e = bad(TEMPLATE.replace("[0, 2, 1]", "[0, 2, 1.5]"));
        assertThat(e.location()).isEqualTo("/data/1/2 (line 19)");
        assertThat(e.fix()).contains("float");
        assertThat(BiomJson.read(write(TEMPLATE.replace("\"int\"", "\"float\"").replace("[0, 2, 1]", "[0, 2, 1.5]"))).get(2, 0)).isEqualTo(1.5);
    }

    @Test
    void repeatedCell() throws IOException {
        InputException e = bad(TEMPLATE.replace("[1, 1, 3]", "[0, 0, 3]"));
        assertThat(e.location()).isEqualTo("/data/2 (line 20)");
        assertThat(e.problem()).contains("/data/0");
    }

    @Test
    void denseRowOfWrongLength() throws IOException {
        InputException e = bad(DENSE.replace("[0, 3, 0]", "[0, 3]"));
        assertThat(e.location()).isEqualTo("/data/1 (line 19)");
        assertThat(e.problem()).contains("2 values", "3 columns");
    }

    @Test
    void denseRowCountDisagreesWithShape() throws IOException {
        assertThat(bad(DENSE.replace(",\n  [0, 3, 0]", "")).location()).isEqualTo("/data (line 17)");
    }

    @Test
    void denseNegativeValueNamesTheCell() throws IOException {
        assertThat(bad(DENSE.replace("[0, 3, 0]", "[0, 3, -1]")).location()).isEqualTo("/data/1/2 (line 19)");
    }

    @Test
    void unknownMatrixType() throws IOException {
        assertThat(bad(TEMPLATE.replace("\"sparse\"", "\"csr\"")).location()).isEqualTo("/matrix_type (line 5)");
    }

    @Test
    void duplicateKey() throws IOException {
        assertThat(bad(TEMPLATE.replace("\"shape\": [2, 3],", "\"shape\": [2, 3], \"shape\": [2, 3],")).location()).startsWith("line 7, column");
    }

    @Test
    void trailingContent() throws IOException {
        assertThat(bad(TEMPLATE + "\n{}").problem()).contains("after the end");
    }

    @Test
    void taxonomyOfWrongType() throws IOException {
        InputException e = bad(TEMPLATE.replace("{\"id\": \"OTU1\", \"metadata\": null}", "{\"id\": \"OTU1\", \"metadata\": {\"taxonomy\": 5}}"));
        assertThat(e.location()).isEqualTo("/rows/0/metadata/taxonomy (line 9)");
    }

    @Test
    void failedWriteLeavesNoFile() throws IOException {
        // the target is an existing non-empty directory: the final move fails after the content was written
        Path target = tmp.resolve("out.biom");
        Files.createDirectories(target.resolve("inside"));
        FeatureTable t = BiomJson.read(resource("biom-examples/min_sparse_otu_table.biom"));
        assertThatThrownBy(() -> BiomJson.write(t, target, false)).isInstanceOf(InputException.class);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.biom");
        }
        assertThat(Files.isDirectory(target)).isTrue();
        try (var files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString())).isEqualTo(List.of("inside"));
        }
    }
}
