package io.gutbrain.association;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Small cases computed by hand; larger ones against R in {@link RReferenceModelsTest}. */
class LinearModelTest {
    private static DesignMatrix design() {
        return DesignMatrix.build(DesignMatrixTest.md(new String[] {"x", "1", "2", "3", "4"}), ModelSpec.fixed("x"));
    }

    @Test
    void simpleRegressionByHand() {
        // y = (1, 3, 2, 4) on x = 1..4: slope Sxy/Sxx = 4/5, intercept 0.5, RSS 1.8, σ² = 0.9,
        // SE(slope) = √(0.9/5), t² = 32/9, and for 2 df the two-sided p is 1 − |t|/√(t² + 2) = 0.2.
        ModelFit fit = LinearModel.of(design()).fit(new double[] {1, 3, 2, 4});
        ModelFit.Estimate b = fit.coefficient("x");
        assertThat(fit.coefficient("(Intercept)").estimate()).isCloseTo(0.5, within(1e-14));
        assertThat(b.estimate()).isCloseTo(0.8, within(1e-14));
        assertThat(b.stdError()).isCloseTo(Math.sqrt(0.18), within(1e-14));
        assertThat(b.df()).isEqualTo(2);
        assertThat(b.p()).isCloseTo(0.2, within(1e-14));
        assertThat(fit.sigma()).isCloseTo(Math.sqrt(0.9), within(1e-14));
        // qt(0.975, 2) = 4.3026527297494619 (R)
        assertThat(b.ciLow()).isCloseTo(0.8 - 4.3026527297494619 * Math.sqrt(0.18), within(1e-12));
    }

    @Test
    void constantResponseIsAFailureWithReason() {
        ModelFit fit = LinearModel.of(design()).fit(new double[] {2, 2, 2, 2});
        assertThat(fit.ok()).isFalse();
        assertThat(fit.failure()).contains("zero residual variance");
        assertThat(fit.coefficient("x").p()).isNaN();
        assertThat(LinearModel.of(design()).fit(new double[] {1, Double.NaN, 2, 3}).failure()).contains("non-finite");
    }

    @Test
    void farTailPValuesKeepTheirPrecision() {
        // R: 2*pt(-12.6153, 1503.75), 2*pt(-40, 10), 2*pt(-2, 4.7), 2*pt(-0.5, 1e6), 2*pt(-0.001, 3)
        assertThat(StudentT.twoSidedP(12.6153, 1503.75)).isCloseTo(9.357667509758114e-35, within(1e-12 * 9.357667509758114e-35));
        assertThat(StudentT.twoSidedP(-40, 10)).isCloseTo(2.2808577430857475e-12, within(1e-12 * 2.2808577430857475e-12));
        assertThat(StudentT.twoSidedP(2, 4.7)).isCloseTo(0.10557218220343949, within(1e-13));
        assertThat(StudentT.twoSidedP(0.5, 1e6)).isCloseTo(0.61707518747237167, within(1e-10)); // incomplete beta with a = 5e5: ~3e-11
        assertThat(StudentT.twoSidedP(0.001, 3)).isCloseTo(0.99926489496946092, within(1e-13));
        // qt(0.975, 4.7)
        assertThat(StudentT.quantile975(4.7)).isCloseTo(2.6207260753531694, within(1e-10));
    }

    @Test
    void mixedModelRefusesConstantResponse() {
        DesignMatrix d = DesignMatrix.build(DesignMatrixTest.md(new String[] {"x", "1", "2", "3", "4", "5", "6"}, new String[] {"g", "a", "a", "b", "b", "c", "c"}),
                ModelSpec.fixed("x").withRandom("g"));
        ModelFit fit = MixedModel.of(d).fit(new double[] {1, 1, 1, 1, 1, 1});
        assertThat(fit.failure()).contains("zero residual variance");
    }
}
