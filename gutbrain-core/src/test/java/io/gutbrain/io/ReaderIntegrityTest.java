package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bad bytes in ids and corrupt magnitudes in counts, for every reader that takes them: each is
 * refused with the file, the place (JSON pointer, HDF5 path and index, line and field) and a fix,
 * instead of being passed on to corrupt every file written later.
 */
class ReaderIntegrityTest {
    @TempDir
    Path tmp;

    /** 160 with the top exponent bit flipped: 8.9e-307, a normal (not subnormal) double. */
    static final double FLIPPED_160 = Double.longBitsToDouble(Double.doubleToLongBits(160) ^ (1L << 62));

    /**
     * Found by the reader fuzzer (seed 7, case 363): a 2.9 kB BIOM HDF5 whose object header claims
     * a length of gigabytes. Read through a file channel, jhdf allocated and filled a buffer of that
     * length (4.1 GB resident, 27 s); read over a memory map it is refused at once.
     */
    @Test
    void aCorruptObjectHeaderLengthIsRefusedWithoutAllocatingIt() throws Exception {
        Path damaged = Path.of(ReaderIntegrityTest.class.getResource("/damaged/corrupt_header_length.biom").toURI());
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        InputException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> catchThrowableOfType(() -> BiomHdf5.read(damaged), InputException.class));
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(e).isNotNull();
        assertThat(e.oneLine()).contains("corrupt_header_length.biom").contains("damaged").contains("fix:");
        assertThat(after - before).as("heap grown while refusing a 2.9 kB file").isLessThan(256L << 20);
    }

    // ------------------------------------------------------------------ ids

    static String json(String rowId, String colId, String value) {
        return "{\"id\":null,\"format\":\"Biological Observation Matrix 1.0.0\",\"type\":\"OTU table\",\"matrix_type\":\"sparse\",\"shape\":[1,1],"
                + "\"rows\":[{\"id\":\"" + rowId + "\",\"metadata\":null}],\"columns\":[{\"id\":\"" + colId + "\",\"metadata\":null}],"
                + "\"data\":[[0,0," + value + "]]}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\t", "\\n", "\\r", "\\u0000"})
    void biomJsonRefusesControlCharactersInRowIds(String escape) throws IOException {
        Path p = write("t.json", json("a" + escape + "b", "S1", "1"));
        InputException e = refused(p, BiomJson::read);
        assertThat(e.location()).isEqualTo("/rows/0/id (line 1)");
        assertThat(e.problem()).startsWith("observation id \"a\\").contains("at character 2");
        assertThat(e.oneLine()).doesNotContain("\n").doesNotContain("\t").doesNotContain("\0");
    }

    @Test
    void biomJsonRefusesAControlCharacterInASampleId() throws IOException {
        Path p = write("t.json", json("a", "S\\n1", "1"));
        InputException e = refused(p, TableIO::read);
        assertThat(e.location()).isEqualTo("/columns/0/id (line 1)");
        assertThat(e.problem()).contains("sample id \"S\\n1\"").contains("line feed");
    }

    @Test
    void biomJsonInvalidUtf8IsOneLineWithLineAndColumn() throws IOException {
        byte[] b = json("aXb", "S1", "1").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) if (b[i] == 'X') b[i] = (byte) 0xC3; // a lead byte followed by 'b'
        Path p = tmp.resolve("t.json");
        Files.write(p, b);
        InputException e = refused(p, BiomJson::read);
        assertThat(e.location()).startsWith("line 1, column ");
        assertThat(e.problem()).containsIgnoringCase("UTF-8").doesNotContain("Source:");
        assertThat(e.oneLine()).doesNotContain("\n");
    }

    @Test
    void hdf5RefusesATabInAnObservationId() {
        Path p = hdf5("t.biom", new String[] {"F\t1"}, new String[] {"S1"}, m -> m.putDataset("data", new double[] {1}));
        InputException e = refused(p, BiomHdf5::read);
        assertThat(e.location()).isEqualTo("/observation/ids[0]");
        assertThat(e.problem()).contains("observation id \"F\\t1\"").contains("a tab");
    }

    @Test
    void hdf5RefusesAnIdThatIsNotValidUtf8() throws IOException {
        // write a valid two-byte character, then break its continuation byte in the file
        Path p = hdf5("t.biom", new String[] {"F1"}, new String[] {"S\u00e9x"}, m -> m.putDataset("data", new double[] {1}));
        byte[] b = Files.readAllBytes(p);
        int at = indexOf(b, new byte[] {'S', (byte) 0xC3, (byte) 0xA9, 'x'});
        assertThat(at).isNotNegative();
        b[at + 2] = 'y';
        Files.write(p, b);
        InputException e = refused(p, BiomHdf5::read);
        assertThat(e.location()).isEqualTo("/sample/ids[0]");
        assertThat(e.problem()).contains("not valid UTF-8");
    }

    @Test
    void tsvRefusesNulInARowIdAndInAHeaderId() throws IOException {
        InputException row = refused(write("r.tsv", "#OTU ID\tS1\tS2\nF\u00001\t1\t2\n"), TableIO::read);
        assertThat(row.location()).isEqualTo("line 2, field 1");
        assertThat(row.problem()).contains("\"F\\01\"").contains("NUL");
        InputException header = refused(write("h.tsv", "#OTU ID\tS1\tS\u00002\nF1\t1\t2\n"), TableIO::read);
        assertThat(header.location()).isEqualTo("line 1, field 3");
    }

    @Test
    void quotedCsvCellsCannotSmuggleATabOrLineBreakIntoAnId() throws IOException {
        InputException e = refused(write("t.csv", "id,S1,S2\n\"F\t1\",1,2\n"), p -> DelimitedTable.read(p));
        assertThat(e.location()).isEqualTo("line 2, field 1");
        InputException nl = refused(write("m.csv", "sample-id,age\n\"S\n1\",3\n"), MetadataFile::read);
        assertThat(nl.location()).isEqualTo("line 2, field 1");
        assertThat(nl.problem()).contains("line feed");
    }

    @Test
    void metadataDistanceMatrixAndTaxonomyRefuseNulInIds() throws IOException {
        assertThat(refused(write("m.tsv", "sample-id\tage\nS\u00001\t3\n"), MetadataFile::read).location()).isEqualTo("line 2, field 1");
        assertThat(refused(write("d.tsv", "\tA\tB\u0000x\nA\t0\t1\nB\u0000x\t1\t0\n"), DistanceMatrixFormat::read).location()).contains("line 1");
        assertThat(refused(write("x.tsv", "Feature ID\tTaxon\nF\u00001\tk__A\n"), TaxonomyFile::read).location()).isEqualTo("line 2, field 1");
    }

    // ------------------------------------------------------------------ corrupt magnitudes

    @Test
    void hdf5RefusesABitFlippedCountNamingSampleObservationAndPath() {
        assertThat(FLIPPED_160).isGreaterThan(Double.MIN_NORMAL); // why a subnormal-only rule is not enough
        Path p = hdf5("t.biom", new String[] {"F1", "F2"}, new String[] {"S1"}, m -> m.putDataset("data", new double[] {3, FLIPPED_160}), 2);
        InputException e = refused(p, TableIO::read);
        assertThat(e.location()).isEqualTo("/sample/matrix/data[1]");
        assertThat(e.problem()).contains("sample 'S1', observation 'F2'").contains("8.9").contains("implausibly small");
    }

    @Test
    void hdf5RefusesSubnormalAndHugeValues() {
        for (double v : new double[] {Double.MIN_VALUE, 1e-300, 1e300}) {
            Path p = hdf5("v.biom", new String[] {"F1"}, new String[] {"S1"}, m -> m.putDataset("data", new double[] {v}));
            assertThat(refused(p, BiomHdf5::read).problem()).as("%s", v).contains("implausibly").contains("corrupt");
        }
    }

    @Test
    void hdf5Float32UsesTheFloatLimits() {
        float flipped = Float.intBitsToFloat(Float.floatToIntBits(160f) ^ (1 << 30)); // 4.7e-37, a normal float
        Path bad = hdf5("f.biom", new String[] {"F1"}, new String[] {"S1"}, m -> m.putDataset("data", new float[] {flipped}));
        assertThat(refused(bad, BiomHdf5::read).problem()).contains("below 1e-30");
        Path good = hdf5("g.biom", new String[] {"F1"}, new String[] {"S1"}, m -> m.putDataset("data", new float[] {1e-9f}));
        assertThat(BiomHdf5.read(good).get(0, 0)).isEqualTo(1e-9f);
    }

    @Test
    void hdf5NegativeAndNanNameTheCellToo() {
        Path p = hdf5("n.biom", new String[] {"F1"}, new String[] {"S1"}, m -> m.putDataset("data", new double[] {Double.NaN}));
        assertThat(refused(p, BiomHdf5::read).problem()).contains("sample 'S1', observation 'F1'").contains("NaN");
    }

    @Test
    void jsonAndTsvRefuseImplausibleMagnitudesAtTheirPlace() throws IOException {
        InputException j = refused(write("t.json", json("a", "S1", "8.9e-307")), BiomJson::read);
        assertThat(j.location()).isEqualTo("/data/0/2 (line 1)");
        assertThat(j.problem()).contains("implausibly small");
        InputException t = refused(write("t.tsv", "#OTU ID\tS1\tS2\nF1\t1\t4.9e-324\n"), TableIO::read);
        assertThat(t.location()).isEqualTo("line 2, column 'S2'");
        assertThat(t.problem()).contains("subnormal");
        assertThat(refused(write("u.tsv", "#OTU ID\tS1\nF1\t1e260\n"), TableIO::read).problem()).contains("implausibly large");
    }

    @Test
    void tinyButRealProportionsAreAccepted() throws IOException {
        FeatureTable t = TableIO.read(write("p.tsv", "#OTU ID\tS1\tS2\nF1\t1e-15\t0.5\nF2\t1e-200\t0.5\n"));
        assertThat(t.get(0, 0)).isEqualTo(1e-15);
        assertThat(t.get(0, 1)).isEqualTo(1e-200);
    }

    // ------------------------------------------------------------------ damaged HDF5 structure

    /**
     * Seeded damage to a real BIOM 2.1 file (bit flips, truncation, overwritten runs): jhdf then
     * throws IllegalArgumentException ("Global heap doesn't contain object"), ArithmeticException
     * and others besides its HdfException; every one must reach the user as an InputException
     * naming the file, never as an internal error. Seed 7 reproduces the cases found by hand.
     */
    @Test
    void damagedHdf5FilesGiveInputExceptionsOnly() throws IOException {
        byte[] original = Files.readAllBytes(BiomFixtures.resource("synthetic-s50/s50.biom"));
        java.util.Random rnd = new java.util.Random(7);
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            byte[] b = original.clone();
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    int flips = 1 + rnd.nextInt(8);
                    for (int j = 0; j < flips; j++) b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                case 1 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
                default -> {
                    int at = rnd.nextInt(b.length);
                    int len = Math.min(b.length - at, 1 + rnd.nextInt(64));
                    for (int j = 0; j < len; j++) b[at + j] = (byte) rnd.nextInt(256);
                }
            }
            Path p = tmp.resolve("damaged" + i + ".biom");
            Files.write(p, b);
            try {
                TableIO.read(p);
            } catch (InputException e) {
                assertThat(e.source()).isEqualTo(p.toString());
                refused++;
            }
            Files.delete(p);
        }
        assertThat(refused).isGreaterThan(200);
    }

    // ------------------------------------------------------------------ helpers

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static InputException refused(Path p, Function<Path, ?> reader) {
        InputException e = catchThrowableOfType(() -> reader.apply(p), InputException.class);
        assertThat(e).as("expected an InputException for %s", p).isNotNull();
        assertThat(e.source()).isEqualTo(p.toString());
        assertThat(e.fix()).isNotBlank();
        return e;
    }

    private Path hdf5(String name, String[] obs, String[] samples, Consumer<WritableGroup> data) {
        return hdf5(name, obs, samples, data, 1);
    }

    /** A one-sample BIOM 2.1 file whose sample holds {@code nnz} values at observations 0..nnz-1. */
    private Path hdf5(String name, String[] obs, String[] samples, Consumer<WritableGroup> data, int nnz) {
        Path p = tmp.resolve(name);
        try (WritableHdfFile f = HdfFile.write(p)) {
            f.putAttribute("shape", new long[] {obs.length, samples.length});
            f.putGroup("observation").putDataset("ids", obs);
            WritableGroup s = f.putGroup("sample");
            s.putDataset("ids", samples);
            WritableGroup m = s.putGroup("matrix");
            data.accept(m);
            int[] idx = new int[nnz];
            for (int i = 0; i < nnz; i++) idx[i] = i;
            m.putDataset("indices", idx);
            int[] ptr = new int[samples.length + 1];
            java.util.Arrays.fill(ptr, 1, ptr.length, nnz);
            m.putDataset("indptr", ptr);
        }
        return p;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
