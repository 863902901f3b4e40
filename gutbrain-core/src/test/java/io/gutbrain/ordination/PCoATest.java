package io.gutbrain.ordination;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.io.DistanceMatrixFormat;
import io.gutbrain.stats.StatsFixtures;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.gutbrain.stats.StatsFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class PCoATest {
    private static final Map<String, Double> SKBIO = StatsFixtures.expected("reference/pcoa_skbio.tsv");
    private static final Map<String, Double> EXTRA = StatsFixtures.expected("reference/stats_vegan_extra.tsv");

    @Test
    void euclideanPointsAreRecoveredUpToRotation() {
        // classical scaling of Euclidean distances: eigenvalues are the squared singular values of the
        // centred points (commons-math SVD) and the coordinates reproduce every distance
        SplittableRandom r = new SplittableRandom(1);
        int n = 30;
        double[][] x = new double[n][4];
        for (double[] row : x) for (int a = 0; a < 4; a++) row[a] = r.nextGaussian() * (4 - a);
        double[][] c = new double[n][4];
        for (int a = 0; a < 4; a++) {
            double m = 0;
            for (double[] row : x) m += row[a] / n;
            for (int i = 0; i < n; i++) c[i][a] = x[i][a] - m;
        }
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(c)).getSingularValues();
        DistanceMatrix dm = StatsFixtures.euclidean(StatsFixtures.ids(n), x);
        PCoA.Result res = PCoA.compute(dm);
        for (int a = 0; a < 4; a++) assertThat(res.eigenvalues()[a]).isCloseTo(sv[a] * sv[a], withinPercentage(1e-9));
        for (int a = 4; a < n; a++) assertThat(Math.abs(res.eigenvalues()[a])).isLessThan(1e-9);
        assertThat(res.axes()).isGreaterThanOrEqualTo(4);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int a = 0; a < 4; a++) { double d = res.coordinates()[i][a] - res.coordinates()[j][a]; s += d * d; }
                assertThat(Math.sqrt(s)).isCloseTo(dm.get(i, j), within(1e-9));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic-s50", "peerj32", "dietswap"})
    void eigenvaluesAndProportionsMatchCmdscaleAndScikitBio(String dataset) {
        DistanceMatrix dm = DistanceMatrixFormat.read(resource("reference/" + dataset + "/braycurtis_vegan.tsv"));
        PCoA.Result r = PCoA.compute(dm);
        Map<String, Double> vegan = StatsFixtures.testsVegan(dataset);
        for (int a = 0; a < 3; a++) assertThat(r.eigenvalues()[a]).isCloseTo(vegan.get("pcoa_eig" + (a + 1)), withinPercentage(1e-7));
        double[] ev = r.eigenvalues();
        assertThat(ev[ev.length - 1]).isCloseTo(EXTRA.get(dataset + "/pcoa_eig_last"), withinPercentage(1e-7));
        assertThat(r.denominator()).isCloseTo(EXTRA.get(dataset + "/pcoa_eig_sum_positive"), withinPercentage(1e-7));
        for (int a = 0; a < 5; a++) {
            assertThat(ev[a]).isCloseTo(SKBIO.get(dataset + "/eigenvalue_PC" + (a + 1)), withinPercentage(1e-7));
            assertThat(r.proportionExplained()[a]).isCloseTo(SKBIO.get(dataset + "/proportion_PC" + (a + 1)), withinPercentage(1e-7));
        }
        for (int s : new int[]{0, 1, dm.size() - 1}) {
            for (int a = 0; a < 3; a++) {
                double want = SKBIO.get(dataset + "/abs_coordinate_" + dm.ids().get(s) + "_PC" + (a + 1));
                assertThat(Math.abs(r.coordinates()[s][a])).isCloseTo(want, within(1e-9));
            }
        }
        int positive = 0;
        for (double v : ev) if (v > 0) positive++;
        assertThat(r.axes()).isEqualTo(positive); // negative eigenvalues get no coordinates
        for (int a = positive; a < ev.length; a++) assertThat(r.proportionExplained()[a]).isZero();
    }

    @Test
    void randomizedMethodMatchesTheExactOneOn600Samples() {
        int n = 600;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = i % 4;
        DistanceMatrix dm = StatsFixtures.randomBrayCurtis(n, 30, codes, 0.6, 17);
        PCoA.Result exact = PCoA.compute(dm);
        PCoA.Result fast = PCoA.compute(dm, PCoA.Method.RANDOMIZED, 3, 42, 2);
        assertThat(fast.method()).isEqualTo(PCoA.Method.RANDOMIZED);
        assertThat(fast.eigenvalues()).hasSize(3);
        for (int a = 0; a < 3; a++) {
            assertThat(fast.eigenvalues()[a]).isCloseTo(exact.eigenvalues()[a], withinPercentage(1e-6)); // 1e-8 relative
            for (int i = 0; i < n; i++) assertThat(fast.coordinates()[i][a]).isCloseTo(exact.coordinates()[i][a], within(1e-6));
        }
        // proportions relative to tr(G) = sum of all eigenvalues (scikit-bio's fsvd), not to the positive ones
        double trace = 0;
        for (double v : exact.eigenvalues()) trace += v;
        assertThat(fast.denominator()).isCloseTo(trace, withinPercentage(1e-9));
        assertThat(fast.proportionExplained()[0]).isCloseTo(exact.eigenvalues()[0] / trace, withinPercentage(1e-6));
        // seeded and thread-count independent
        PCoA.Result again = PCoA.compute(dm, PCoA.Method.RANDOMIZED, 3, 42, 1);
        assertThat(again.eigenvalues()[0]).isCloseTo(fast.eigenvalues()[0], withinPercentage(1e-10));
    }

    @Test
    void singlePrecisionMatricesWorkToSinglePrecision() {
        DistanceMatrix dm = StatsFixtures.randomBrayCurtis(50, 10, new int[50], 0, 3);
        double[] d = dm.condensedDoubles();
        float[] f = new float[d.length];
        for (int k = 0; k < d.length; k++) f[k] = (float) d[k];
        DistanceMatrix single = DistanceMatrix.ofCondensed(dm.ids(), f);
        PCoA.Result a = PCoA.compute(dm), b = PCoA.compute(single);
        PCoA.Result c = PCoA.compute(single, PCoA.Method.RANDOMIZED, 2, 1, 1);
        assertThat(b.eigenvalues()[0]).isCloseTo(a.eigenvalues()[0], withinPercentage(1e-4));
        assertThat(c.eigenvalues()[0]).isCloseTo(a.eigenvalues()[0], withinPercentage(1e-4));
    }

    @Test
    void tablesAreWritten(@TempDir Path dir) throws IOException {
        DistanceMatrix dm = DistanceMatrix.ofCondensed(List.of("a", "b", "c"), new double[]{3, 4, 5}); // a right triangle
        PCoA.Result r = PCoA.compute(dm);
        r.writeCoordinates(dir.resolve("coords.tsv"));
        r.writeEigenvalues(dir.resolve("eig.tsv"));
        List<String> coords = Files.readAllLines(dir.resolve("coords.tsv"));
        assertThat(coords.get(0)).isEqualTo("sample-id\tPC1\tPC2");
        assertThat(coords).hasSize(4);
        List<String> eig = Files.readAllLines(dir.resolve("eig.tsv"));
        assertThat(eig.get(0)).isEqualTo("axis\teigenvalue\tproportion_explained");
        // a right triangle spans a plane: two positive eigenvalues summing to tr(G) = (9 + 16 + 25) / 3
        assertThat(r.eigenvalues()[0] + r.eigenvalues()[1]).isCloseTo(50.0 / 3, within(1e-12));
        assertThat(Math.abs(r.eigenvalues()[2])).isLessThan(1e-12);
    }
}
