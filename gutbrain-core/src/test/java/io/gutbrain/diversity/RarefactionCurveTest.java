package io.gutbrain.diversity;

import io.gutbrain.diversity.alpha.AlphaDiversity;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.diversity.alpha.AlphaResult;
import io.gutbrain.error.InputException;
import io.gutbrain.io.Newick;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.tree.PhyloTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RarefactionCurveTest {
    private static final AlphaMetric[] METRICS = AlphaMetric.byNames("observed_features,shannon,chao1,ace").toArray(new AlphaMetric[0]);

    @Test
    void atFullDepthTheCurveIsTheUnrarefiedValue() {
        FeatureTable t = RarefactionTest.s50();
        int deepest = 0;
        for (int s = 1; s < t.sampleCount(); s++) if (t.sampleTotal(s) > t.sampleTotal(deepest)) deepest = s;
        long full = (long) t.sampleTotal(deepest);
        RarefactionCurve c = Rarefaction.curve(t, METRICS, new long[] {full, 1000}, 5, 3, 2);
        assertThat(c.depths()).containsExactly(1000, full);
        AlphaResult direct = AlphaDiversity.compute(t, List.of(METRICS), null, 1, null);
        for (int m = 0; m < METRICS.length; m++) {
            double expected = direct.value(t.sampleIds().get(deepest), METRICS[m].name());
            if (Double.isNaN(expected)) {
                assertThat(c.iterationsUsed(deepest, 1, m)).isZero();
                assertThat(c.mean(deepest, 1, m)).isNaN();
                continue;
            }
            assertThat(c.iterationsUsed(deepest, 1, m)).isEqualTo(5);
            assertThat(c.mean(deepest, 1, m)).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
            assertThat(c.lower(deepest, 1, m)).isEqualTo(expected);
            assertThat(c.upper(deepest, 1, m)).isEqualTo(expected);
        }
        for (int s = 0; s < t.sampleCount(); s++) {
            assertThat(c.isComputed(s, 1)).isEqualTo(s == deepest);
            assertThat(c.isComputed(s, 0)).isTrue();
            if (s != deepest) assertThat(c.mean(s, 1, 0)).isNaN();
            // at depth 1000 richness cannot exceed the unrarefied richness
            assertThat(c.upper(s, 0, 0)).isLessThanOrEqualTo(t.sampleNonZero(s));
        }
    }

    @Test
    void treeMetricsRunOnSubsamples() throws URISyntaxException {
        FeatureTable t = RarefactionTest.s50();
        PhyloTree tree = Newick.read(Path.of(getClass().getClassLoader().getResource("synthetic-s50/s50.nwk").toURI()));
        long full = (long) t.sampleTotal(0);
        List<AlphaMetric> faith = AlphaMetric.byNames("faith_pd");
        RarefactionCurve c = Rarefaction.curve(t, faith, tree, new long[] {10, full}, 3, 5, 2, null);
        double expected = AlphaDiversity.compute(t, faith, tree, 1, null).value(0, 0);
        assertThat(c.mean(0, 1, 0)).isCloseTo(expected, within(1e-12 * expected));
        // 10 reads span at most the sample's whole subtree
        assertThat(c.upper(0, 0, 0)).isPositive().isLessThanOrEqualTo(expected);
        assertThatThrownBy(() -> Rarefaction.curve(t, faith, null, new long[] {10}, 1, 1, 1, null))
                .isInstanceOf(InputException.class).hasMessageContaining("needs a phylogenetic tree");
    }

    @Test
    void meanAndIntervalOverIterations() {
        // counts 2, 2 at depth 2: both reads from one feature with probability 2·C(2,2)/C(4,2) = 1/3,
        // so observed richness is 1 w.p. 1/3 and 2 w.p. 2/3: mean 5/3, SD √2/3 ≈ 0.471.
        // With 2000 iterations the mean's standard error is 0.0105; 0.06 is 5.7 of them.
        FeatureTable t = FeatureTable.fromDense("t", List.of("S"), List.of("a", "b"), new double[][] {{2, 2}});
        RarefactionCurve c = Rarefaction.curve(t, new AlphaMetric[] {AlphaMetric.byName("observed_features")}, new long[] {2, 1}, 2000, 11, 1);
        assertThat(c.mean(0, 1, 0)).isCloseTo(5.0 / 3, within(0.06));
        assertThat(c.lower(0, 1, 0)).isEqualTo(1);
        assertThat(c.upper(0, 1, 0)).isEqualTo(2);
        assertThat(c.mean(0, 0, 0)).isEqualTo(1); // depth 1: always one feature
        assertThat(c.iterations()).isEqualTo(2000);
    }

    @Test
    void undefinedIterationsAreLeftOutAndCounted() {
        // all singletons: every subsample is all singletons too, so ACE is undefined in every iteration
        FeatureTable t = FeatureTable.fromDense("t", List.of("S"), List.of("a", "b", "c", "d"), new double[][] {{1, 1, 1, 1}});
        RarefactionCurve c = Rarefaction.curve(t, new AlphaMetric[] {AlphaMetric.byName("ace"), AlphaMetric.byName("observed_features")},
                new long[] {2}, 10, 1, 1);
        assertThat(c.iterationsUsed(0, 0, 0)).isZero();
        assertThat(c.mean(0, 0, 0)).isNaN();
        assertThat(c.iterationsUsed(0, 0, 1)).isEqualTo(10);
        assertThat(c.mean(0, 0, 1)).isEqualTo(2);
    }

    @Test
    void reproduciblePerSeedWhateverTheThreadCount() {
        FeatureTable t = RarefactionTest.s50();
        long[] depths = {500, 5000};
        RarefactionCurve a = Rarefaction.curve(t, METRICS, depths, 4, 99, 1);
        RarefactionCurve b = Rarefaction.curve(t, METRICS, depths, 4, 99, 2);
        RarefactionCurve other = Rarefaction.curve(t, METRICS, depths, 4, 100, 2);
        boolean differs = false;
        for (int s = 0; s < t.sampleCount(); s++) {
            for (int d = 0; d < depths.length; d++) {
                for (int m = 0; m < METRICS.length; m++) {
                    // Double.compare: NaN (ACE undefined) equals NaN, bit for bit otherwise
                    assertThat(Double.compare(b.mean(s, d, m), a.mean(s, d, m))).isZero();
                    assertThat(Double.compare(b.lower(s, d, m), a.lower(s, d, m))).isZero();
                    assertThat(Double.compare(b.upper(s, d, m), a.upper(s, d, m))).isZero();
                    assertThat(b.iterationsUsed(s, d, m)).isEqualTo(a.iterationsUsed(s, d, m));
                    differs |= Double.compare(other.mean(s, d, m), a.mean(s, d, m)) != 0;
                }
            }
        }
        assertThat(differs).isTrue();
    }

    @Test
    void writesLongFormat(@TempDir Path dir) throws IOException {
        FeatureTable t = FeatureTable.fromDense("t", List.of("deep", "shallow", "empty"), List.of("a", "b"),
                new double[][] {{5, 5}, {2, 1}, {0, 0}});
        RarefactionCurve c = Rarefaction.curve(t, new AlphaMetric[] {AlphaMetric.byName("observed_features"), AlphaMetric.byName("ace")},
                new long[] {10, 3}, 3, 1, 1);
        Path out = dir.resolve("curve.tsv");
        c.write(out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("sample-id\tdepth\tmetric\tmean\tlower\tupper\titerations");
        // deep at 3 and 10, shallow at 3; two metrics each
        assertThat(lines).hasSize(1 + 3 * 2);
        assertThat(lines.get(3)).startsWith("deep\t10\tobserved_features\t2\t2\t2\t3");
        // ACE of 5, 5: S_rare 2, N_rare 10, C_ace = 1, γ² = 40·2/90 − 1 < 0 → 0, so S_ace = 2
        assertThat(lines.get(4)).isEqualTo("deep\t10\tace\t2\t2\t2\t3");
        assertThat(c.warnings()).singleElement().asString().contains("'empty'");
    }

    @Test
    void rejectsBadArguments() {
        FeatureTable t = FeatureTable.fromDense("t", List.of("S"), List.of("a"), new double[][] {{5}});
        AlphaMetric[] m = {AlphaMetric.byName("shannon")};
        assertThatThrownBy(() -> Rarefaction.curve(t, m, new long[] {2, 2}, 1, 1, 1)).isInstanceOf(InputException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> Rarefaction.curve(t, m, new long[] {6}, 1, 1, 1)).isInstanceOf(InputException.class).hasMessageContaining("largest is 5");
        assertThatThrownBy(() -> Rarefaction.curve(t, m, new long[] {}, 1, 1, 1)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> Rarefaction.curve(t, m, new long[] {2}, 0, 1, 1)).isInstanceOf(InputException.class).hasMessageContaining("iterations");
    }
}
