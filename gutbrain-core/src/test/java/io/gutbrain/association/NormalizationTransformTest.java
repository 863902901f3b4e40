package io.gutbrain.association;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Normalisations and transforms on small tables, expected values by hand. */
class NormalizationTransformTest {
    static FeatureTable table(double[][] bySample) {
        List<String> s = new java.util.ArrayList<>();
        for (int i = 0; i < bySample.length; i++) s.add("s" + i);
        List<String> f = new java.util.ArrayList<>();
        for (int j = 0; j < bySample[0].length; j++) f.add("f" + j);
        return FeatureTable.fromDense("t", s, f, bySample);
    }

    @Test
    void tss() {
        Normalization.Normalized n = Normalization.TSS.prepare(table(new double[][] {{1, 3, 0}, {2, 2, 4}}));
        assertThat(n.feature(0)).containsExactly(0.25, 0.25);
        assertThat(n.feature(2)).containsExactly(0.0, 0.5);
    }

    @Test
    void clrWithPseudoCountOne() {
        // sample 0: x + 1 = (1, 2, 4), geometric mean 2 -> log(0.5), log(1), log(2)
        Normalization.Normalized n = Normalization.CLR.prepare(table(new double[][] {{0, 1, 3}, {1, 1, 1}}));
        assertThat(n.feature(0)[0]).isCloseTo(Math.log(0.5), within(1e-15));
        assertThat(n.feature(1)[0]).isCloseTo(0, within(1e-15));
        assertThat(n.feature(2)[0]).isCloseTo(Math.log(2), within(1e-15));
        assertThat(n.feature(2)[1]).isCloseTo(0, within(1e-15));
    }

    @Test
    void cssByHand() {
        // reference quantiles (1.5, 3, 4.5, 15); median |differences| (0.5, 1, 1.5, 5); the first relative
        // change above 10% is at 1/4 -> raised to the minimum 0.5. Sample medians 2.5 and 5, so the
        // factors are 1 + 2 and 2 + 4 (minus machine epsilon per value), divided by 1000.
        Normalization.Normalized n = Normalization.CSS.prepare(table(new double[][] {{1, 2, 3, 10}, {2, 4, 6, 20}}));
        double eps = Math.ulp(1.0);
        assertThat(n.feature(0)[0]).isEqualTo(1 / ((3 - 2 * eps) / 1000));
        assertThat(n.feature(3)[1]).isEqualTo(20 / ((6 - 2 * eps) / 1000));
    }

    @Test
    void cssRefusesEmptySamplesAndUndecidableQuantile() {
        assertThatThrownBy(() -> Normalization.CSS.prepare(table(new double[][] {{1, 2}, {0, 0}}))).isInstanceOf(InputException.class)
                .hasMessageContaining("sample 's1'");
        assertThatThrownBy(() -> Normalization.CSS.prepare(table(new double[][] {{1, 2, 3}, {1, 2, 3}}))).isInstanceOf(InputException.class)
                .hasMessageContaining("could not choose its quantile");
    }

    @Test
    void tmmOfProportionalSamplesIsLibrarySizeScaling() {
        // identical composition: every TMM factor is 1, so each sample is scaled to the mean library size
        double[][] x = {{10, 20, 30, 40, 0}, {30, 60, 90, 120, 0}, {5, 10, 15, 20, 0}};
        Normalization.Normalized n = Normalization.TMM.prepare(table(x));
        double meanLib = (100 + 300 + 50) / 3.0;
        for (int s = 0; s < 3; s++) {
            double lib = 10 * x[s][0];
            assertThat(n.feature(1)[s]).isCloseTo(x[s][1] * meanLib / lib, within(1e-12));
        }
    }

    @Test
    void tmmDownweightsAnOutlierFeature() {
        // sample 1 = sample 0 except one feature 20x higher: TSS would shrink all others, TMM trims the outlier
        double[][] x = {{100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, {100, 100, 100, 100, 100, 100, 100, 100, 100, 2000}};
        double[] div = Normalization.tmmDivisors(table(x));
        // raw ratio of library sizes 2900/1000; TMM says the common features are unchanged: factor ratio 1000/2900
        double ratio = (div[1] / div[0]) / (2900.0 / 1000);
        assertThat(ratio).isCloseTo(1000.0 / 2900, within(1e-12));
    }

    @Test
    void transforms() {
        String[] why = new String[1];
        double[] log = Transform.LOG.apply(new double[] {0, 0.2, 0.4}, why);
        assertThat(log[0]).isCloseTo(Math.log(0.1) / Math.log(2), within(1e-15));
        assertThat(log[2]).isCloseTo(Math.log(0.4) / Math.log(2), within(1e-15));
        assertThat(Transform.LOG.apply(new double[] {0, 0}, why)).isNull();
        assertThat(why[0]).contains("no positive value");
        double[] ast = Transform.AST.apply(new double[] {0.25, -0.25, 0}, why);
        assertThat(ast).containsExactly(new double[] {Math.PI / 6, -Math.PI / 6, 0.0}, within(1e-15));
        assertThat(Transform.AST.apply(new double[] {2}, why)).isNull();
        assertThat(why[0]).contains("between -1 and 1");
        double[] logit = Transform.LOGIT.apply(new double[] {0.5, 0.25, 0, 1}, why);
        assertThat(logit).containsExactly(0, Math.log(1.0 / 3), 0, 0);
        assertThat(Transform.LOGIT.apply(new double[] {50, 25}, why)).containsExactly(0, Math.log(1.0 / 3));
        assertThat(Transform.NONE.apply(new double[] {-1, 7}, why)).containsExactly(-1, 7);
    }
}
