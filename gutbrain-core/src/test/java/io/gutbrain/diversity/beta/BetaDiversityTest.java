package io.gutbrain.diversity.beta;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.SyntheticTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BetaDiversityTest {
    /** x = (1, 0, 3), y = (0, 2, 1): small enough to compute every metric by hand. */
    private static final FeatureTable XY = FeatureTable.fromDense("hand", List.of("x", "y"), List.of("a", "b", "c"),
            new double[][] {{1, 0, 3}, {0, 2, 1}});

    private static double xy(String metric) {
        return BetaDiversity.compute(XY, BetaMetric.byName(metric)).distances().get(0, 1);
    }

    @Test
    void handCalculatedValues() {
        // |1-0| + |0-2| + |3-1| = 5 over 4 + 3 = 7
        assertThat(xy("braycurtis")).isCloseTo(5.0 / 7, within(1e-15));
        // A = {a, c}, B = {b, c}: 1 - 1/3
        assertThat(xy("jaccard")).isCloseTo(2.0 / 3, within(1e-15));
        // no double zeros: (1 + 1 + 2/4) / 3
        assertThat(xy("canberra")).isCloseTo(2.5 / 3, within(1e-15));
        // sqrt(1 + 4 + 4)
        assertThat(xy("euclidean")).isCloseTo(3.0, within(1e-15));
        // p = (1/4, 0, 3/4), q = (0, 2/3, 1/3)
        double h = Math.sqrt(0.25 + 2.0 / 3 + Math.pow(Math.sqrt(0.75) - Math.sqrt(1.0 / 3), 2));
        assertThat(xy("hellinger")).isCloseTo(h, within(1e-15));
        // clr(x + 1) = clr(2, 1, 4) = (0, -ln2, ln2); clr(y + 1) = clr(1, 3, 2) = (0, ln3, ln2) - ln6/3
        double l2 = Math.log(2), l3 = Math.log(3), m = Math.log(6) / 3;
        double ait = Math.sqrt(Math.pow(0 - (0 - m), 2) + Math.pow(-l2 - (l3 - m), 2) + Math.pow(l2 - (l2 - m), 2));
        assertThat(xy("aitchison")).isCloseTo(ait, within(1e-14));
        // rclr(x) = (-ln3/2, 0, ln3/2), rclr(y) = (0, ln2/2, -ln2/2)
        double rob = Math.sqrt(l3 * l3 + l2 * l2 + Math.pow(l3 + l2, 2)) / 2;
        assertThat(xy("robust-aitchison")).isCloseTo(rob, within(1e-15));
    }

    @Test
    void emptySamplesAreLeftOutWithAWarningWhereUndefined() {
        FeatureTable t = FeatureTable.fromDense("t", List.of("S1", "S2", "S3", "S4"), List.of("a", "b", "c"),
                new double[][] {{1, 0, 2}, {0, 0, 0}, {0, 3, 1}, {0, 0, 0}});
        for (String name : List.of("braycurtis", "jaccard", "canberra", "hellinger", "aitchison", "robust-aitchison")) {
            BetaResult r = BetaDiversity.compute(t, BetaMetric.byName(name));
            assertThat(r.distances().ids()).as(name).containsExactly("S1", "S3");
            assertThat(r.excluded()).containsExactly("S2", "S4");
            assertThat(r.warnings()).singleElement().asString().contains("2 sample(s)", name, "S2, S4");
            assertThat(r.distances().get(0, 1)).isFinite();
        }
        BetaResult e = BetaDiversity.compute(t, BetaMetric.byName("euclidean"));
        assertThat(e.excluded()).isEmpty();
        assertThat(e.warnings()).isEmpty();
        DistanceMatrix d = e.distances();
        assertThat(d.ids()).containsExactly("S1", "S2", "S3", "S4");
        assertThat(d.get(1, 3)).isZero();
        assertThat(d.get(0, 1)).isEqualTo(Math.sqrt(5));
    }

    @Test
    void warningNamesTenIdsThenCountsTheRest() {
        double[][] rows = new double[14][2];
        rows[0][0] = 1;
        rows[1][1] = 2;
        List<String> ids = SparseKernelPropertyTest.ids("S", 14);
        BetaResult r = BetaDiversity.compute(FeatureTable.fromDense("t", ids, List.of("a", "b"), rows), BetaMetric.byName("jaccard"));
        assertThat(r.excluded()).hasSize(12);
        assertThat(r.warnings().get(0)).contains("12 sample(s)", "S2, S3", "S11 and 2 more").doesNotContain("S12");
        assertThat(r.distances().get(0, 1)).isEqualTo(1.0);
    }

    @Test
    void nearIdenticalRealValuedSamplesKeepFullRelativePrecision() {
        // Σ min and dot-product forms would lose ~6 of the 16 digits here (terms ~1e6, result ~1e-9).
        double y1 = 0.3 + 1e-9;
        FeatureTable t = FeatureTable.fromDense("t", List.of("x", "y"), List.of("a", "b", "c"),
                new double[][] {{1e6 + 0.1, 0.3, 7.7}, {1e6 + 0.1, y1, 7.7}});
        double diff = y1 - 0.3;  // exact (Sterbenz)
        double bc = diff / ((1e6 + 0.1 + 0.3 + 7.7) + (1e6 + 0.1 + y1 + 7.7));
        assertThat(BetaDiversity.compute(t, BetaMetric.byName("braycurtis")).distances().get(0, 1)).isCloseTo(bc, within(bc * 1e-12));
        assertThat(BetaDiversity.compute(t, BetaMetric.byName("euclidean")).distances().get(0, 1)).isCloseTo(diff, within(diff * 1e-12));
    }

    @Test
    void proportionalSamplesHaveHellingerDistanceZero() {
        FeatureTable t = FeatureTable.fromDense("t", List.of("x", "y"), List.of("a", "b", "c"),
                new double[][] {{3, 0, 5}, {6, 0, 10}});
        assertThat(BetaDiversity.compute(t, BetaMetric.byName("hellinger")).distances().get(0, 1)).isZero();
        assertThat(BetaDiversity.compute(t, BetaMetric.byName("robust-aitchison")).distances().get(0, 1)).isLessThan(1e-15);
    }

    static List<String> metricNames() {
        return BetaMetric.names();
    }

    @ParameterizedTest
    @MethodSource("metricNames")
    void threadCountNeverChangesTheResult(String metric) {
        FeatureTable t = SyntheticTables.counts(240, 500, 0.1, 7);
        BetaOptions o = BetaOptions.defaults();
        double[] one = BetaDiversity.compute(t, BetaMetric.byName(metric), o.withThreads(1), n -> { }).distances().condensedDoubles();
        double[] two = BetaDiversity.compute(t, BetaMetric.byName(metric), o.withThreads(2), n -> { }).distances().condensedDoubles();
        double[] five = BetaDiversity.compute(t, BetaMetric.byName(metric), o.withThreads(5), n -> { }).distances().condensedDoubles();
        assertThat(two).containsExactly(one);
        assertThat(five).containsExactly(one);
        FeatureTable diet = BetaFixtures.table("dietswap");
        assertThat(BetaDiversity.compute(diet, BetaMetric.byName(metric), o.withThreads(3), n -> { }).distances().condensedDoubles())
                .containsExactly(BetaDiversity.compute(diet, BetaMetric.byName(metric), o.withThreads(1), n -> { }).distances().condensedDoubles());
    }

    @Test
    void progressCountsEveryPairOnce() {
        FeatureTable t = BetaFixtures.table("dietswap");
        AtomicLong done = new AtomicLong();
        BetaDiversity.compute(t, BetaMetric.byName("braycurtis"), BetaOptions.defaults().withThreads(2), done::addAndGet);
        assertThat(done.get()).isEqualTo(222L * 221 / 2);
    }

    @Test
    void byNameKnowsEveryMetricAndListsThemOnError() {
        assertThat(BetaMetric.names()).containsExactly("braycurtis", "jaccard", "canberra", "euclidean", "hellinger", "aitchison", "robust-aitchison");
        for (String n : BetaMetric.names()) assertThat(BetaMetric.byName(n).name()).isEqualTo(n);
        assertThat(BetaMetric.byName(" BrayCurtis ").name()).isEqualTo("braycurtis");
        assertThatThrownBy(() -> BetaMetric.byName("bray"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'bray'")
                .hasMessageContaining("braycurtis, jaccard, canberra, euclidean, hellinger, aitchison, robust-aitchison");
    }

    @Test
    void optionsAreValidated() {
        BetaOptions d = BetaOptions.defaults();
        assertThat(d.threads()).isZero();
        assertThat(d.pseudocount()).isEqualTo(1.0);
        assertThat(d.multiplicativeReplacement()).isFalse();
        assertThatThrownBy(() -> d.withThreads(-1)).isInstanceOf(InputException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> d.withPseudocount(0)).isInstanceOf(InputException.class).hasMessageContaining("pseudocount");
        assertThatThrownBy(() -> d.withPseudocount(Double.NaN)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> d.withMultiplicativeReplacement(1.5)).isInstanceOf(InputException.class).hasMessageContaining("between 0 and 1");
        assertThat(d.withMultiplicativeReplacement(0.01).withPseudocount(2).multiplicativeReplacement()).isFalse();
    }

    @Test
    void multiplicativeReplacementThatLeavesNoMassIsRejected() {
        FeatureTable t = FeatureTable.fromDense("t", List.of("x", "y"), List.of("a", "b", "c"),
                new double[][] {{1, 0, 0}, {1, 1, 1}});
        assertThatThrownBy(() -> BetaDiversity.compute(t, BetaMetric.byName("aitchison"),
                BetaOptions.defaults().withMultiplicativeReplacement(0.6), n -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("sample 'x'")
                .hasMessageContaining("delta");
    }

    @Test
    void tinyTablesGiveEmptyOrSingleMatrices() {
        FeatureTable one = FeatureTable.fromDense("t", List.of("x"), List.of("a"), new double[][] {{4}});
        assertThat(BetaDiversity.compute(one, BetaMetric.byName("braycurtis")).distances().size()).isEqualTo(1);
        FeatureTable empty = FeatureTable.fromDense("t", List.of("x", "y"), List.of("a"), new double[][] {{0}, {0}});
        BetaResult r = BetaDiversity.compute(empty, BetaMetric.byName("canberra"));
        assertThat(r.distances().size()).isZero();
        assertThat(r.excluded()).containsExactly("x", "y");
    }

    @Test
    void benchmarkReportsOneTimingPerRunOnTheRequestedTable() {
        BetaBenchmark.Result r = BetaBenchmark.run(40, 60, 0.2, "jaccard", 1, 3);
        assertThat(r.millis()).hasSize(BetaBenchmark.TIMED_RUNS);
        for (double ms : r.millis()) assertThat(ms).isPositive();
        assertThat(r.minMillis()).isLessThanOrEqualTo(r.medianMillis());
        assertThat(r.nonZeros()).isEqualTo(SyntheticTables.counts(40, 60, 0.2, 3).nonZeroCount());
        assertThat(r.toString()).contains("jaccard", "40 samples x 60 features");
    }
}
