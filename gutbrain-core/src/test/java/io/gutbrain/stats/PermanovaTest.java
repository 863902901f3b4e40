package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.metadata.SampleMetadata;
import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.gutbrain.stats.StatsFixtures.euclidean;
import static io.gutbrain.stats.StatsFixtures.ids;
import static io.gutbrain.stats.StatsFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

class PermanovaTest {
    private static final PermutationOptions OPT = PermutationOptions.defaults().withPermutations(199).withSeed(3);

    /** 1-D points: on Euclidean distances of one variable PERMANOVA is the univariate ANOVA. */
    private static double[][] line(double... y) {
        double[][] p = new double[y.length][1];
        for (int i = 0; i < y.length; i++) p[i][0] = y[i];
        return p;
    }

    @Test
    void oneFactorOnOneVariableIsTheClassicalAnova() {
        double[] y = {1.2, 0.7, 2.5, 3.1, 2.2, 4.0, 5.5, 4.8, 0.3, 2.9, 6.1};
        String[] g = {"a", "a", "b", "b", "b", "c", "c", "c", "a", "b", "c"};
        List<String> ids = ids(y.length);
        Permanova.Result r = Permanova.test(euclidean(ids, line(y)), metadata(ids, new String[]{"grp"}, g), "grp", OPT, new Warnings());
        List<double[]> byGroup = new ArrayList<>();
        for (String level : new String[]{"a", "b", "c"}) {
            byGroup.add(java.util.stream.IntStream.range(0, y.length).filter(i -> g[i].equals(level)).mapToDouble(i -> y[i]).toArray());
        }
        double f = new OneWayAnova().anovaFValue(byGroup); // commons-math, independent of this code
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double sst = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum();
        Permanova.Row t = r.term("grp");
        assertThat(t.f()).isCloseTo(f, withinPercentage(1e-10));
        assertThat(t.df()).isEqualTo(2);
        assertThat(r.total().sumOfSquares()).isCloseTo(sst, withinPercentage(1e-10));
        assertThat(t.r2() + r.residual().r2()).isCloseTo(1.0, withinPercentage(1e-10));
        assertThat(r.residual().df()).isEqualTo(8);
        assertThat(t.p()).isBetween(1.0 / 200, 1.0);
    }

    @Test
    void sequentialTermsOnOneVariableAreTypeOneRegressionSums() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 30;
        double[] y = new double[n], age = new double[n];
        String[] sex = new String[n], ageText = new String[n];
        for (int i = 0; i < n; i++) {
            age[i] = 20 + rnd.nextInt(50);
            ageText[i] = Double.toString(age[i]);
            sex[i] = rnd.nextBoolean() ? "f" : "m";
            y[i] = 0.05 * age[i] + (sex[i].equals("f") ? 1 : 0) + rnd.nextGaussian();
        }
        List<String> ids = ids(n);
        SampleMetadata md = metadata(ids, new String[]{"age", "sex"}, ageText, sex);
        Permanova.Result r = Permanova.sequential(euclidean(ids, line(y)), md,
                List.of(Permanova.Term.of(md, "age"), Permanova.Term.categorical("sex")), OPT, new Warnings());
        // the same model by ordinary least squares (commons-math): SS_age = SST − RSS(age), SS_sex = RSS(age) − RSS(age + sex)
        SimpleRegression ageOnly = new SimpleRegression();
        for (int i = 0; i < n; i++) ageOnly.addData(age[i], y[i]);
        OLSMultipleLinearRegression both = new OLSMultipleLinearRegression();
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) { x[i][0] = age[i]; x[i][1] = sex[i].equals("m") ? 1 : 0; }
        both.newSampleData(y, x);
        double rss1 = ageOnly.getSumSquaredErrors();
        double rss2 = both.calculateResidualSumOfSquares();
        assertThat(r.term("age").sumOfSquares()).isCloseTo(ageOnly.getTotalSumSquares() - rss1, withinPercentage(1e-9));
        assertThat(r.term("sex").sumOfSquares()).isCloseTo(rss1 - rss2, withinPercentage(1e-9));
        assertThat(r.residual().sumOfSquares()).isCloseTo(rss2, withinPercentage(1e-9));
        assertThat(r.residual().df()).isEqualTo(n - 3);
        assertThat(r.term("sex").f()).isCloseTo((rss1 - rss2) / (rss2 / (n - 3)), withinPercentage(1e-9));
        assertThat(r.term("age").p()).isEqualTo(1.0 / 200); // a strong age effect: no permutation beats it
    }

    @Test
    void generalPathReproducesTheFastPathForOneFactor() {
        int n = 40;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = i % 3;
        DistanceMatrix dm = StatsFixtures.randomBrayCurtis(n, 25, codes, 0.3, 4);
        SampleMetadata md = metadata(dm.ids(), new String[]{"g"}, StatsFixtures.labels(codes));
        Permanova.Result fast = Permanova.test(dm, md, "g", OPT, new Warnings());
        Permanova.Result general = Permanova.general(dm, md, List.of(Permanova.Term.categorical("g")), OPT, new Warnings());
        assertThat(general.term("g").f()).isCloseTo(fast.term("g").f(), withinPercentage(1e-10));
        assertThat(general.term("g").r2()).isCloseTo(fast.term("g").r2(), withinPercentage(1e-10));
        assertThat(general.total().sumOfSquares()).isCloseTo(fast.total().sumOfSquares(), withinPercentage(1e-10));
        // same seed, same relabellings: the same p
        assertThat(general.term("g").p()).isEqualTo(fast.term("g").p());
    }

    @Test
    void resultDoesNotDependOnThreadCountAndFollowsTheSeed() {
        int n = 60;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = i % 2;
        DistanceMatrix dm = StatsFixtures.randomBrayCurtis(n, 20, codes, 0.05, 8);
        SampleMetadata md = metadata(dm.ids(), new String[]{"g"}, StatsFixtures.labels(codes));
        double p1 = Permanova.test(dm, md, "g", OPT.withThreads(1), new Warnings()).term("g").p();
        double p2 = Permanova.test(dm, md, "g", OPT.withThreads(2), new Warnings()).term("g").p();
        double p3 = Permanova.test(dm, md, "g", OPT.withThreads(2), new Warnings()).term("g").p();
        assertThat(p1).isEqualTo(p2).isEqualTo(p3);
    }

    @Test
    void permutationsWithinStrataThatHoldOneGroupEachCannotChangeF() {
        // every stratum lies inside one group: no restricted permutation moves a label, so p = 1
        int n = 24;
        String[] g = new String[n], subject = new String[n];
        for (int i = 0; i < n; i++) { g[i] = i < 12 ? "A" : "B"; subject[i] = "subj" + (i / 3); }
        DistanceMatrix dm = StatsFixtures.randomBrayCurtis(n, 15, new int[n], 0, 2);
        SampleMetadata md = metadata(dm.ids(), new String[]{"g", "subject"}, g, subject);
        Permanova.Result r = Permanova.test(dm, md, "g", OPT.withStrata("subject"), new Warnings());
        assertThat(r.term("g").p()).isEqualTo(1.0);
        Permanova.Result free = Permanova.test(dm, md, "g", OPT, new Warnings());
        assertThat(free.term("g").f()).isEqualTo(r.term("g").f());
    }

    @Test
    void samplesWithoutMetadataOrGroupAreExcludedWithAWarning() {
        List<String> ids = ids(8);
        DistanceMatrix dm = euclidean(ids, line(1, 2, 3, 4, 5, 6, 7, 8));
        List<String> mdIds = List.of("s0", "s1", "s2", "s3", "s4", "s5", "extra");
        SampleMetadata md = metadata(mdIds, new String[]{"g"}, new String[]{"a", "a", "b", null, "b", "a", "b"});
        List<String> seen = new ArrayList<>();
        Permanova.Result r = Permanova.test(dm, md, "g", OPT, new Warnings(seen::add));
        assertThat(r.samples()).isEqualTo(5);
        assertThat(seen).anySatisfy(w -> assertThat(w).contains("2 of 8").contains("'s6', 's7'").contains("no row"));
        assertThat(seen).anySatisfy(w -> assertThat(w).contains("1 of 8").contains("'s3'").contains("column 'g'"));
        // the same as running on the five kept samples directly
        Permanova.Result direct = Permanova.test(euclidean(ids(5), line(1, 2, 3, 5, 6)),
                metadata(ids(5), new String[]{"g"}, new String[]{"a", "a", "b", "b", "a"}), "g", OPT, new Warnings());
        assertThat(r.term("g").f()).isCloseTo(direct.term("g").f(), withinPercentage(1e-12));
    }

    @Test
    void undefinedDesignsAreInputErrors() {
        List<String> ids = ids(4);
        DistanceMatrix dm = euclidean(ids, line(1, 2, 3, 4));
        assertThatThrownBy(() -> Permanova.test(dm, metadata(List.of("x", "y"), new String[]{"g"}, new String[]{"a", "b"}), "g", OPT, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("none of the 4 distance-matrix ids");
        assertThatThrownBy(() -> Permanova.test(dm, metadata(ids, new String[]{"g"}, new String[]{"a", "a", "a", "a"}), "g", OPT, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("at least two groups");
        assertThatThrownBy(() -> Permanova.test(dm, metadata(ids, new String[]{"g"}, new String[]{"a", "b", "c", "d"}), "g", OPT, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("single sample");
        assertThatThrownBy(() -> Permanova.test(dm, metadata(ids, new String[]{"g"}, new String[]{"a", "b", "a", "b"}), "nope", OPT, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("no such metadata column");
        SampleMetadata md = metadata(ids, new String[]{"x", "g"}, new String[]{"1", "2", "3", "4"}, new String[]{"a", "b", "a", "b"});
        assertThatThrownBy(() -> Permanova.sequential(dm, md, List.of(Permanova.Term.numeric("x"), Permanova.Term.categorical("g"),
                Permanova.Term.categorical("x")), OPT, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("no residual degrees of freedom");
    }

    @Test
    void tableIsWrittenLikeAdonis2(@TempDir Path dir) throws Exception {
        List<String> ids = ids(6);
        Permanova.Result r = Permanova.test(euclidean(ids, line(1, 2, 3, 7, 8, 9)),
                metadata(ids, new String[]{"g"}, new String[]{"a", "a", "a", "b", "b", "b"}), "g", OPT, new Warnings());
        Path out = dir.resolve("permanova.tsv");
        r.write(out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("term\tDf\tSumOfSqs\tR2\tF\tPr(>F)");
        // hand: SST = 16+9+4+4+9+16 = 58 (squares about the mean 5), SSW = 2 + 2 = 4, SSA = 54, F = 54 / (4/4) = 54
        assertThat(lines.get(1)).isEqualTo("g\t1\t54\t" + (54 / 58.0) + "\t54\t" + r.term("g").p());
        assertThat(lines.get(2)).isEqualTo("Residual\t4\t4\t" + (4 / 58.0) + "\tNA\tNA");
        assertThat(lines.get(3)).isEqualTo("Total\t5\t58\t1\tNA\tNA");
        // 6 samples in 3 + 3: 20 labellings, 2 of them (identity and the swap) give the maximal F,
        // so about 1 in 10 permutations ties the observed F
        assertThat(r.term("g").p()).isBetween(0.03, 0.2);
    }
}
