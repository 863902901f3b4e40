package io.gutbrain.io;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DistanceMatrixFormatTest {
    @TempDir
    Path tmp;

    Path copyResource(String name) throws IOException {
        Path p = tmp.resolve(Path.of(name).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, p);
        }
        return p;
    }

    static double upperSum(DistanceMatrix m) {
        double s = 0;
        for (int i = 0; i < m.size(); i++) for (int j = i + 1; j < m.size(); j++) s += m.get(i, j);
        return s;
    }

    @Test
    void readsVeganBrayCurtisWithBlankCorner() throws IOException {
        // R's write.table export: the first header cell is a single blank
        DistanceMatrix m = DistanceMatrixFormat.read(copyResource("reference/peerj32/braycurtis_vegan.tsv"));
        // expected values: python3 on the same file (csv split on tabs, float(), math.fsum over i<j)
        assertThat(m.size()).isEqualTo(44);
        assertThat(m.ids().get(0)).isEqualTo("sample-1");
        assertThat(m.ids().get(43)).isEqualTo("sample-44");
        assertThat(m.get(0, 1)).isEqualTo(0.227116273076994);
        assertThat(m.get(43, 42)).isEqualTo(0.151798881112334);
        assertThat(m.get(m.indexOf("sample-4"), m.indexOf("sample-18"))).isEqualTo(0.289200829478386);
        assertThat(upperSum(m)).isCloseTo(325.29922824416957, within(1e-9));
    }

    @Test
    void readsScikitBioLayoutAndGzip() throws IOException {
        Path plain = copyResource("reference/synthetic-s50/unweighted_unifrac_skbio.tsv");
        Path gz = tmp.resolve("uu.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(plain));
        }
        for (Path p : List.of(plain, gz)) {
            DistanceMatrix m = DistanceMatrixFormat.read(p);
            // python3: 50 ids S0..S49, fsum of the upper triangle 920.365012586825
            assertThat(m.size()).isEqualTo(50);
            assertThat(m.ids().get(49)).isEqualTo("S49");
            assertThat(m.get(0, 1)).isEqualTo(0.779003448828);
            assertThat(m.get(m.indexOf("S3"), m.indexOf("S17"))).isEqualTo(0.79486301416);
            assertThat(upperSum(m)).isCloseTo(920.365012586825, within(1e-9));
        }
    }

    @Test
    void writesScikitBioLayoutExactly() throws IOException {
        DistanceMatrix m = DistanceMatrix.ofCondensed(List.of("a", "b b", "c"), new double[] {0.25, 1e-5, 0.1 + 0.2});
        Path out = tmp.resolve("dm.tsv");
        DistanceMatrixFormat.write(m, out);
        assertThat(Files.readString(out)).isEqualTo(
                "\ta\tb b\tc\n"
                        + "a\t0.0\t0.25\t1.0E-5\n"
                        + "b b\t0.25\t0.0\t0.30000000000000004\n"
                        + "c\t1.0E-5\t0.30000000000000004\t0.0\n");
    }

    @Test
    void roundTripIsBitExactForDoubleAndFloatMatrices() throws IOException {
        Random rnd = new Random(7);
        int n = 300;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add("sample-" + i);
        double[] d = new double[n * (n - 1) / 2];
        float[] f = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = rnd.nextDouble() * Math.pow(10, rnd.nextInt(20) - 10);
            f[k] = (float) d[k];
        }
        Path p = tmp.resolve("rt.tsv");
        DistanceMatrixFormat.write(DistanceMatrix.ofCondensed(ids, d), p);
        DistanceMatrix back = DistanceMatrixFormat.read(p);
        assertThat(back.ids()).isEqualTo(ids);
        assertThat(back.condensedDoubles()).isEqualTo(d);

        DistanceMatrixFormat.write(DistanceMatrix.ofCondensed(ids, f), p);
        double[] widened = new double[f.length];
        for (int k = 0; k < f.length; k++) widened[k] = f[k];
        assertThat(DistanceMatrixFormat.read(p).condensedDoubles()).isEqualTo(widened);
    }

    @Test
    void toleratesBlankLinesCrLfAndPaddedCells() throws IOException {
        Path p = tmp.resolve("x.tsv");
        Files.writeString(p, "\n\tA\t B \r\nA\t0\t 0.5\r\n\r\nB\t0.5\t0\t\n\n");
        DistanceMatrix m = DistanceMatrixFormat.read(p);
        assertThat(m.ids()).containsExactly("A", "B");
        assertThat(m.get(0, 1)).isEqualTo(0.5);
    }

    @Test
    void acceptsLastDigitAsymmetryLikeDistanceMatrixOfSquare() throws IOException {
        Path p = tmp.resolve("x.tsv");
        Files.writeString(p, "\tA\tB\nA\t0\t0.3\nB\t0.30000000000000004\t0\n");
        assertThat(DistanceMatrixFormat.read(p).get(0, 1)).isEqualTo(0.3); // the upper triangle is kept
    }

    @Test
    void errorsNameLineAndColumn() throws IOException {
        assertError("", null, "empty file");
        assertError("A B\nA 0\n", "line 1", "no tab in the header");
        assertError("\tA\tA\nA\t0\t0\nA\t0\t0\n", "line 1, column 3", "duplicate id 'A' (also column 2)");
        assertError("\tA\t\tB\n", "line 1, column 3", "empty id");
        assertError("\tA\tB\nA\t0\t1\n", "line 3", "file ends after 1 of 2 rows");
        assertError("\tA\tB\nB\t0\t1\nA\t1\t0\n", "line 2, column 1", "row id 'B', expected 'A'");
        assertError("\tA\tB\nA\t0\nB\t1\t0\n", "line 2, column 2", "row 'A' has 1 values, expected 2");
        assertError("\tA\tB\nA\t0\t1\t2\nB\t1\t0\n", "line 2, column 4", "more than 2 values");
        assertError("\tA\tB\nA\t0\t1\nB\t1\t0\nC\t1\t1\n", "line 4", "extra line");
        assertError("\tA\tB\nA\t0\tx1\nB\t1\t0\n", "line 2, column 3", "expected a number, found 'x1'");
        assertError("\tA\tB\nA\t0\tNaN\nB\t1\t0\n", "line 2, column 3", "expected a number, found 'NaN'");
        assertError("\tA\tB\nA\t0\t\nB\t1\t0\n", "line 2, column 3", "expected a number, found ''");
        assertError("\tA\tB\nA\t0\t-1\nB\t-1\t0\n", "line 2, column 3", "negative distance -1.0");
        assertError("\tA\tB\nA\t0.1\t1\nB\t1\t0\n", "line 2, column 2", "diagonal value 0.1, expected 0");
        assertError("\tA\tB\tC\nA\t0\t1\t2\nB\t1\t0\t3\nC\t2\t3.5\t0\n", "line 4, column 3",
                "not symmetric: C/B is 3.5 but B/C is 3.0");
    }

    @Test
    void idWithTabCannotBeWritten() {
        DistanceMatrix m = DistanceMatrix.ofCondensed(List.of("a\tb", "c"), new double[] {1});
        assertThatThrownBy(() -> DistanceMatrixFormat.write(m, tmp.resolve("bad.tsv")))
                .isInstanceOf(InputException.class).hasMessageContaining("tab or line break");
        assertThat(tmp.resolve("bad.tsv")).doesNotExist();
    }

    void assertError(String content, String location, String problem) throws IOException {
        Path p = tmp.resolve("bad.tsv");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DistanceMatrixFormat.read(p))
                .as(content)
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.source()).isEqualTo(p.toString());
                    assertThat(ie.location()).isEqualTo(location);
                    assertThat(ie.problem()).contains(problem);
                });
    }
}
