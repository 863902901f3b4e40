package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.Warnings;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.ordination.PCoA;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.gutbrain.stats.StatsFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class PermdispTest {
    private static final PermutationOptions OPT = PermutationOptions.defaults().withPermutations(199).withSeed(5);

    @Test
    void centroidDistancesEqualThoseInTheFullPseudoEuclideanEmbedding() {
        int n = 36;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = i % 3;
        DistanceMatrix dm = StatsFixtures.randomBrayCurtis(n, 12, codes, 0.4, 21);
        SampleMetadata md = metadata(dm.ids(), new String[]{"g"}, StatsFixtures.labels(codes));
        Permdisp.Result r = Permdisp.test(dm, md, "g", Permdisp.Type.CENTROID, OPT, new Warnings());
        // vegan's recipe, done explicitly: PCoA axes (real and imaginary), group means, real minus imaginary squared distance
        PCoA.Embedding e = PCoA.embedding(dm);
        assertThat(e.eigenvalues()[e.eigenvalues().length - 1]).as("Bray-Curtis is not Euclidean").isNegative();
        double[][] x = e.coordinates();
        int axes = e.eigenvalues().length;
        double[][] centre = new double[3][axes];
        for (int i = 0; i < n; i++) for (int a = 0; a < axes; a++) centre[codes[i]][a] += x[i][a] / 12;
        for (int i = 0; i < n; i++) {
            double z2 = 0;
            for (int a = 0; a < axes; a++) {
                double d = x[i][a] - centre[codes[i]][a];
                z2 += Math.signum(e.eigenvalues()[a]) * d * d;
            }
            assertThat(r.distances()[i]).isCloseTo(Math.sqrt(Math.max(z2, 0)), within(1e-10));
        }
        assertThat(r.f()).isCloseTo(anovaF(r.distances(), codes, 3), withinPercentage(1e-9));
        assertThat(r.dfGroups()).isEqualTo(2);
        assertThat(r.dfResidual()).isEqualTo(33);
    }

    @Test
    void spatialMedianMatchesANumericalMinimiserOfTheSumOfDistances() {
        // Euclidean points in the plane: the embedding is exact, so the distance to the spatial
        // median can be checked against a Nelder-Mead minimisation (commons-math) in the original plane
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 14;
        double[][] p = new double[n][2];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = i < 7 ? 0 : 1;
            double spread = codes[i] == 0 ? 1 : 3;
            p[i][0] = rnd.nextDouble() * spread + 5 * codes[i];
            p[i][1] = rnd.nextDouble() * spread * 0.5;
        }
        DistanceMatrix dm = StatsFixtures.euclidean(StatsFixtures.ids(n), p);
        Permdisp.Result r = Permdisp.test(dm, metadata(dm.ids(), new String[]{"g"}, StatsFixtures.labels(codes)), "g",
                Permdisp.Type.MEDIAN, OPT, new Warnings());
        for (int g = 0; g < 2; g++) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < n; i++) if (codes[i] == g) pts.add(p[i]);
            MultivariateFunction sum = m -> {
                double s = 0;
                for (double[] q : pts) s += Math.hypot(q[0] - m[0], q[1] - m[1]);
                return s;
            };
            double[] m = new SimplexOptimizer(1e-15, 1e-15).optimize(new MaxEval(100_000), new ObjectiveFunction(sum), GoalType.MINIMIZE,
                    new InitialGuess(pts.get(0)), new NelderMeadSimplex(2)).getPoint();
            for (int i = 0; i < n; i++) {
                if (codes[i] == g) assertThat(r.distances()[i]).isCloseTo(Math.hypot(p[i][0] - m[0], p[i][1] - m[1]), within(1e-6));
            }
        }
        assertThat(r.f()).isCloseTo(anovaF(r.distances(), codes, 2), withinPercentage(1e-9));
        assertThat(r.p()).isLessThan(0.05); // the second group is three times as spread out
    }

    @Test
    void equalDispersionsGiveALargePAndResultsAreSeeded() {
        int n = 40;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = i % 2;
        DistanceMatrix dm = StatsFixtures.randomBrayCurtis(n, 20, new int[n], 0, 13);
        SampleMetadata md = metadata(dm.ids(), new String[]{"g"}, StatsFixtures.labels(codes));
        Permdisp.Result a = Permdisp.test(dm, md, "g", Permdisp.Type.CENTROID, OPT.withThreads(1), new Warnings());
        Permdisp.Result b = Permdisp.test(dm, md, "g", Permdisp.Type.CENTROID, OPT.withThreads(2), new Warnings());
        assertThat(a.p()).isEqualTo(b.p());
        assertThat(a.toTsv()).startsWith("term\tDf\tSumSq\tMeanSq\tF\tN.Perm\tPr(>F)\nGroups\t1\t");
        assertThat(a.distancesTsv().lines().count()).isEqualTo(n + 1);
    }

    static double anovaF(double[] z, int[] codes, int groups) {
        List<double[]> by = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int gg = g;
            by.add(java.util.stream.IntStream.range(0, z.length).filter(i -> codes[i] == gg).mapToDouble(i -> z[i]).toArray());
        }
        return new OneWayAnova().anovaFValue(by);
    }
}
