package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import io.gutbrain.table.Rank;
import io.gutbrain.table.SyntheticTables;
import io.gutbrain.table.TableArrays;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static io.gutbrain.io.BiomFixtures.EXAMPLE_SPARSE;
import static io.gutbrain.io.BiomFixtures.assertExample;
import static io.gutbrain.io.BiomFixtures.rejected;
import static io.gutbrain.io.BiomFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BiomHdf5Test {
    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ real files

    @Test
    void minimalExample() {
        BiomContents c = BiomHdf5.readWithInfo(resource("biom-examples/min_sparse_otu_table_hdf5.biom"));
        assertExample(c.table(), EXAMPLE_SPARSE);
        assertThat(c.table().hasTaxonomy()).isFalse();
        assertThat(c.table().metadata()).isNull();
        // root attributes as h5dump shows them
        assertThat(c.info()).isEqualTo(new BiomInfo("No Table ID", "otu table", "2.1", "example", "2014-07-29T16:15:43.318377"));
    }

    @Test
    void richExampleEqualsTheJsonRichExample() {
        FeatureTable h5 = BiomHdf5.read(resource("biom-examples/rich_sparse_otu_table_hdf5.biom"));
        FeatureTable json = BiomJson.read(resource("biom-examples/rich_sparse_otu_table.biom"));
        assertExample(h5, EXAMPLE_SPARSE);
        assertThat(h5.sameData(json)).isTrue(); // ids, values and lineages
        assertThat(h5.metadata().columns()).containsExactlyInAnyOrder("BarcodeSequence", "LinkerPrimerSequence", "BODY_SITE", "Description");
        for (String s : h5.sampleIds()) {
            for (String col : json.metadata().columns()) assertThat(h5.metadata().text(col, s)).isEqualTo(json.metadata().text(col, s));
        }
        Lineage l = h5.lineage(h5.featureIndex("GG_OTU_3"));
        assertThat(l.name(Rank.KINGDOM)).isEqualTo("Archaea");
        assertThat(l.name(Rank.GENUS)).isEqualTo("Methanosarcina");
    }

    /** s50.biom must hold exactly the values of s50.tsv (features × samples), parsed here with plain Java. */
    @Test
    void synthetic50EqualsItsTsv() throws IOException {
        FeatureTable t = BiomHdf5.read(resource("synthetic-s50/s50.biom"));
        assertThat(t.sampleCount()).isEqualTo(50);
        assertThat(t.featureCount()).isEqualTo(200);
        assertThat(t.nonZeroCount()).isEqualTo(967); // python3: non-zero cells of s50.tsv
        // a few cells read from the TSV by eye
        assertThat(t.get(t.sampleIndex("S9"), t.featureIndex("F0"))).isEqualTo(2148.0);
        assertThat(t.get(t.sampleIndex("S22"), t.featureIndex("F0"))).isEqualTo(749.0);
        assertThat(t.get(t.sampleIndex("S17"), t.featureIndex("F1"))).isEqualTo(8264.0);
        assertThat(t.get(t.sampleIndex("S19"), t.featureIndex("F199"))).isEqualTo(37311.0);
        assertThat(t.get(t.sampleIndex("S0"), t.featureIndex("F0"))).isEqualTo(0.0);
        assertThat(t.sampleTotal(0)).isEqualTo(36497.0); // python3: column sum of S0
        // every cell
        try (BufferedReader r = Files.newBufferedReader(resource("synthetic-s50/s50.tsv"))) {
            String[] header = r.readLine().split("\t");
            assertThat(header[0]).isEqualTo("#OTU ID");
            assertThat(t.sampleIds()).isEqualTo(Arrays.asList(header).subList(1, header.length));
            List<String> features = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                String[] cells = line.split("\t");
                int f = features.size();
                features.add(cells[0]);
                for (int s = 1; s < cells.length; s++) assertThat(t.get(s - 1, f)).isEqualTo(Double.parseDouble(cells[s]));
            }
            assertThat(t.featureIds()).isEqualTo(features);
        }
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void roundTripRichExampleWithTaxonomyAndMetadata() {
        FeatureTable t = BiomJson.read(resource("biom-examples/rich_sparse_otu_table.biom"));
        Path out = tmp.resolve("rich.biom");
        BiomHdf5.write(t, out);
        BiomContents back = BiomHdf5.readWithInfo(out);
        assertThat(back.table().sameData(t)).isTrue();
        for (String s : t.sampleIds()) assertThat(back.table().metadata().row(s)).isEqualTo(t.metadata().row(s));
        assertThat(back.info().format()).isEqualTo("2.1");
        assertThat(back.info().generatedBy()).isEqualTo("gutbrain");
        assertThat(back.info().type()).isEqualTo("OTU table");
    }

    @Test
    void roundTripAmericanGut() {
        FeatureTable t = BiomJson.read(resource("american-gut-2014/AG_100nt_even10k.biom.gz"));
        Path out = tmp.resolve("ag.biom");
        BiomHdf5.write(t, out);
        assertThat(BiomHdf5.read(out).sameData(t)).isTrue();
    }

    @Test
    void roundTripSyntheticProportions() {
        FeatureTable c = SyntheticTables.counts(20, 60, 0.2, 3);
        double[][] dense = new double[20][];
        for (int s = 0; s < 20; s++) {
            dense[s] = c.sampleDense(s);
            for (int f = 0; f < 60; f++) dense[s][f] /= 7.0; // non-integral values survive as float64
        }
        FeatureTable t = FeatureTable.fromDense(null, c.sampleIds(), c.featureIds(), dense);
        Path out = tmp.resolve("p.biom");
        BiomHdf5.write(t, out);
        assertThat(BiomHdf5.read(out).sameData(t)).isTrue();
    }

    @Test
    void roundTripAllZeroTable() {
        FeatureTable zero = FeatureTable.fromSampleMajor(null, List.of("A", "B"), List.of("x", "y", "z"), new int[3], new int[0], new double[0]);
        Path out = tmp.resolve("z.biom");
        BiomHdf5.write(zero, out);
        FeatureTable back = BiomHdf5.read(out);
        assertThat(back.sameData(zero)).isTrue();
        assertThat(back.nonZeroCount()).isZero();
    }

    @Test
    void nullLineageReadsBackAsUnassigned() {
        FeatureTable t = BiomJson.read(resource("biom-examples/min_sparse_otu_table.biom"));
        Lineage[] lin = new Lineage[5];
        lin[1] = Lineage.parse("k__Bacteria; p__Firmicutes");
        Path out = tmp.resolve("l.biom");
        BiomHdf5.write(t.withTaxonomy(lin), out);
        FeatureTable back = BiomHdf5.read(out);
        assertThat(back.lineage(1)).isEqualTo(lin[1]);
        assertThat(back.lineage(0)).isEqualTo(Lineage.parse(""));
    }

    /** The layout biom-format expects, checked with jhdf against the table itself. */
    @Test
    void writtenLayout() {
        FeatureTable t = BiomJson.read(resource("biom-examples/rich_sparse_otu_table.biom"));
        Path out = tmp.resolve("layout.biom");
        BiomHdf5.write(t, out);
        try (HdfFile h = new HdfFile(out)) {
            assertThat((long[]) h.getAttribute("format-version").getData()).containsExactly(2, 1);
            assertThat((long[]) h.getAttribute("shape").getData()).containsExactly(5, 6);
            assertThat(((Number) h.getAttribute("nnz").getData()).longValue()).isEqualTo(15);
            assertThat(h.getAttribute("format-url").getData()).isEqualTo("http://biom-format.org");
            assertThat(h.getAttribute("id").getData()).isNotNull();
            assertThat(h.getAttribute("creation-date").getData()).asString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
            assertThat((String[]) h.getDatasetByPath("/observation/ids").getData()).containsExactlyElementsOf(t.featureIds());
            assertThat((String[]) h.getDatasetByPath("/sample/ids").getData()).containsExactlyElementsOf(t.sampleIds());
            FeatureMajor fm = t.byFeature();
            assertThat((int[]) h.getDatasetByPath("/observation/matrix/indptr").getData()).isEqualTo(TableArrays.featurePointers(fm));
            assertThat((int[]) h.getDatasetByPath("/observation/matrix/indices").getData()).isEqualTo(TableArrays.sampleIndices(fm));
            assertThat((double[]) h.getDatasetByPath("/observation/matrix/data").getData()).isEqualTo(TableArrays.values(fm));
            assertThat((int[]) h.getDatasetByPath("/sample/matrix/indptr").getData()).isEqualTo(TableArrays.samplePointers(t));
            String[][] tax = (String[][]) h.getDatasetByPath("/observation/metadata/taxonomy").getData();
            assertThat(tax[3]).containsExactly("k__Bacteria", "p__Firmicutes", "c__Clostridia", "o__Halanaerobiales",
                    "f__Halanaerobiaceae", "g__Halanaerobium", "s__Halanaerobiumsaccharolyticum");
            assertThat((String[]) h.getDatasetByPath("/sample/metadata/BODY_SITE").getData()).containsExactly("gut", "gut", "gut", "skin", "skin", "skin");
            assertThat(h.getByPath("/observation/group-metadata").isGroup()).isTrue();
            assertThat(h.getByPath("/sample/group-metadata").isGroup()).isTrue();
        }
    }

    // ------------------------------------------------------------------ hand-made files

    /**
     * A valid 2 observations × 3 samples BIOM file (S1: OTU1 = 5; S2: OTU2 = 3; S3: OTU1 = 1)
     * that tests break one part at a time.
     */
    private static final class Spec {
        long[] shape = {2, 3};
        String[] obsIds = {"OTU1", "OTU2"};
        String[] sampIds = {"S1", "S2", "S3"};
        double[] data = {5, 3, 1};
        int[] indices = {0, 1, 0};
        int[] indptr = {0, 1, 2, 3};
        boolean sampleMatrix = true;
        boolean observationMatrix;
        Object taxonomy;
        Consumer<WritableGroup> sampleMetadata = g -> { };
    }

    private Path write(Consumer<Spec> change) {
        Spec s = new Spec();
        change.accept(s);
        Path p = tmp.resolve("h" + System.nanoTime() + ".biom");
        try (WritableHdfFile f = HdfFile.write(p)) {
            if (s.shape != null) f.putAttribute("shape", s.shape);
            f.putAttribute("id", "test");
            WritableGroup obs = f.putGroup("observation");
            if (s.obsIds != null) obs.putDataset("ids", s.obsIds);
            WritableGroup obsMd = obs.putGroup("metadata");
            if (s.taxonomy != null) obsMd.putDataset("taxonomy", s.taxonomy);
            if (s.observationMatrix) {
                WritableGroup m = obs.putGroup("matrix");
                m.putDataset("data", new double[] {5, 1, 3});
                m.putDataset("indices", new int[] {0, 2, 1});
                m.putDataset("indptr", new int[] {0, 2, 3});
            }
            WritableGroup smp = f.putGroup("sample");
            if (s.sampIds != null) smp.putDataset("ids", s.sampIds);
            if (s.sampleMatrix) {
                WritableGroup m = smp.putGroup("matrix");
                m.putDataset("data", s.data);
                m.putDataset("indices", s.indices);
                m.putDataset("indptr", s.indptr);
            }
            s.sampleMetadata.accept(smp.putGroup("metadata"));
        }
        return p;
    }

    private InputException bad(Consumer<Spec> change) {
        return rejected(write(change), BiomHdf5::read);
    }

    private static void assertSpecTable(FeatureTable t) {
        assertThat(t.sampleIds()).containsExactly("S1", "S2", "S3");
        assertThat(t.featureIds()).containsExactly("OTU1", "OTU2");
        assertThat(t.get(0, 0)).isEqualTo(5.0);
        assertThat(t.get(1, 1)).isEqualTo(3.0);
        assertThat(t.get(2, 0)).isEqualTo(1.0);
        assertThat(t.nonZeroCount()).isEqualTo(3);
    }

    @Test
    void handMadeFileIsValid() {
        assertSpecTable(BiomHdf5.read(write(s -> { })));
    }

    @Test
    void observationMatrixAloneIsTransposed() {
        assertSpecTable(BiomHdf5.read(write(s -> {
            s.sampleMatrix = false;
            s.observationMatrix = true;
        })));
    }

    @Test
    void unsortedIndicesAndExplicitZerosAreAccepted() {
        FeatureTable t = BiomHdf5.read(write(s -> {
            s.data = new double[] {0, 5, 3, 1};
            s.indices = new int[] {1, 0, 1, 0};
            s.indptr = new int[] {0, 2, 3, 4};
        }));
        assertSpecTable(t);
    }

    @Test
    void oneDimensionalTaxonomyAndNumericMetadata() {
        FeatureTable t = BiomHdf5.read(write(s -> {
            s.taxonomy = new String[] {"k__Bacteria; p__Bacteroidetes", "Unassigned"};
            s.sampleMetadata = g -> {
                g.putDataset("age", new double[] {35, 41.5, Double.NaN});
                g.putDataset("site@@SLASH@@body", new String[] {"gut", "", "skin"});
            };
        }));
        assertThat(t.lineage(0).name(Rank.PHYLUM)).isEqualTo("Bacteroidetes");
        assertThat(t.lineage(1).deepestAssigned()).isNull();
        SampleMetadata md = t.metadata();
        assertThat(md.columns()).containsExactlyInAnyOrder("age", "site/body");
        assertThat(md.text("age", "S1")).isEqualTo("35");
        assertThat(md.text("age", "S2")).isEqualTo("41.5");
        assertThat(md.text("age", "S3")).isNull();
        assertThat(md.text("site/body", "S2")).isNull();
        assertThat(md.text("site/body", "S3")).isEqualTo("skin");
    }

    @Test
    void shapeDisagreesWithObservationIds() {
        InputException e = bad(s -> s.shape = new long[] {3, 3});
        assertThat(e.location()).isEqualTo("/observation/ids");
        assertThat(e.problem()).contains("2 ids", "3 observations");
    }

    @Test
    void shapeDisagreesWithSampleIds() {
        assertThat(bad(s -> s.sampIds = new String[] {"S1", "S2"}).location()).isEqualTo("/sample/ids");
    }

    @Test
    void missingShape() {
        assertThat(bad(s -> s.shape = null).location()).isEqualTo("/ (attribute shape)");
    }

    @Test
    void missingIds() {
        InputException e = bad(s -> s.sampIds = null);
        assertThat(e.location()).isEqualTo("/sample/ids");
        assertThat(e.problem()).contains("missing");
    }

    @Test
    void missingMatrix() {
        assertThat(bad(s -> s.sampleMatrix = false).location()).isEqualTo("/sample/matrix");
    }

    @Test
    void indptrOfWrongLength() {
        InputException e = bad(s -> s.indptr = new int[] {0, 1, 3});
        assertThat(e.location()).isEqualTo("/sample/matrix/indptr");
        assertThat(e.problem()).contains("3 entries", "expected 4");
    }

    @Test
    void indptrNotEndingAtTheValueCount() {
        assertThat(bad(s -> s.indptr = new int[] {0, 1, 2, 2}).location()).isEqualTo("/sample/matrix/indptr");
    }

    @Test
    void indptrDecreasing() {
        assertThat(bad(s -> s.indptr = new int[] {0, 2, 1, 3}).location()).isEqualTo("/sample/matrix/indptr[2]");
    }

    @Test
    void indicesAndDataOfDifferentLength() {
        assertThat(bad(s -> s.indices = new int[] {0, 1}).location()).isEqualTo("/sample/matrix/indices");
    }

    @Test
    void indexOutsideShape() {
        InputException e = bad(s -> s.indices = new int[] {0, 2, 0});
        assertThat(e.location()).isEqualTo("/sample/matrix/indices[1]");
        assertThat(e.problem()).contains("index 2", "0..1");
    }

    @Test
    void negativeValue() {
        InputException e = bad(s -> s.data = new double[] {5, -3, 1});
        assertThat(e.location()).isEqualTo("/sample/matrix/data[1]");
        assertThat(e.problem()).contains("negative");
    }

    @Test
    void nanValue() {
        assertThat(bad(s -> s.data = new double[] {5, 3, Double.NaN}).location()).isEqualTo("/sample/matrix/data[2]");
    }

    @Test
    void infiniteValue() {
        assertThat(bad(s -> s.data = new double[] {Double.POSITIVE_INFINITY, 3, 1}).location()).isEqualTo("/sample/matrix/data[0]");
    }

    @Test
    void duplicateSampleId() {
        InputException e = bad(s -> s.sampIds = new String[] {"S1", "S2", "S1"});
        assertThat(e.location()).isEqualTo("/sample/ids[2]");
        assertThat(e.problem()).contains("duplicate id 'S1'");
    }

    @Test
    void duplicateObservationId() {
        assertThat(bad(s -> s.obsIds = new String[] {"OTU1", "OTU1"}).location()).isEqualTo("/observation/ids[1]");
    }

    @Test
    void repeatedCell() {
        InputException e = bad(s -> {
            s.data = new double[] {5, 2, 3, 1};
            s.indices = new int[] {0, 0, 1, 0};
            s.indptr = new int[] {0, 2, 3, 4};
        });
        assertThat(e.location()).isEqualTo("/sample/matrix/indices[1]");
        assertThat(e.problem()).contains("'OTU1'", "'S1'", "given twice");
    }

    @Test
    void idsThatAreNotStrings() {
        Path p = tmp.resolve("ids.biom");
        try (WritableHdfFile f = HdfFile.write(p)) {
            f.putAttribute("shape", new long[] {2, 1});
            f.putGroup("observation").putDataset("ids", new int[] {1, 2});
        }
        InputException e = catchThrowableOfType(InputException.class, () -> BiomHdf5.read(p));
        assertThat(e.location()).isEqualTo("/observation/ids");
        assertThat(e.problem()).contains("expected strings");
    }

    @Test
    void notAnHdf5File() {
        InputException e = catchThrowableOfType(InputException.class, () -> BiomHdf5.read(resource("biom-examples/min_sparse_otu_table.biom")));
        assertThat(e.problem()).contains("not a readable HDF5 file");
    }

    @Test
    void missingFile() {
        assertThat(catchThrowableOfType(InputException.class, () -> BiomHdf5.read(tmp.resolve("nope.biom"))).problem()).isEqualTo("file not found");
    }

    // ------------------------------------------------------------------ failed writes

    @Test
    void emptyTableIsRefusedAndNoFileIsLeft() {
        FeatureTable empty = FeatureTable.fromSampleMajor(null, List.of("A"), List.of(), new int[2], new int[0], new double[0]);
        Path out = tmp.resolve("empty.biom");
        assertThatThrownBy(() -> BiomHdf5.write(empty, out)).isInstanceOf(InputException.class).hasMessageContaining("0 features");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void unnamedMetadataColumnIsRefusedAndNoFileIsLeft() {
        FeatureTable t = BiomJson.read(resource("biom-examples/min_sparse_otu_table.biom"));
        String[][] values = {{"a", "b", "c", "d", "e", "f"}};
        FeatureTable withMd = t.withMetadata(new SampleMetadata(null, t.sampleIds(), List.of(""), values, null));
        Path out = tmp.resolve("md.biom");
        InputException e = catchThrowableOfType(InputException.class, () -> BiomHdf5.write(withMd, out));
        assertThat(e.location()).isEqualTo("/sample/metadata");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void failedMoveLeavesNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("out.biom");
        Files.createDirectories(target.resolve("inside"));
        FeatureTable t = BiomJson.read(resource("biom-examples/min_sparse_otu_table.biom"));
        assertThatThrownBy(() -> BiomHdf5.write(t, target)).isInstanceOf(InputException.class);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.biom");
        }
    }
}
