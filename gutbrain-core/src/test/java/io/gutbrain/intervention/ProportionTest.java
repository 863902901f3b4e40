package io.gutbrain.intervention;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Wilson and Newcombe intervals against R (prop.test(correct = FALSE) and Newcombe's formula,
 * reference/intervention/wilson_newcombe_R.tsv), and the number needed to treat by hand.
 */
class ProportionTest {
    private static final double TOL = 1e-12;

    @Test
    void wilsonAndNewcombeMatchR() {
        List<Map<String, String>> ref = Fixtures.reference("wilson_newcombe_R.tsv");
        assertThat(ref).hasSize(20);
        for (Map<String, String> r : ref) {
            int x1 = Integer.parseInt(r.get("x1")), n1 = Integer.parseInt(r.get("n1"));
            int x2 = Integer.parseInt(r.get("x2")), n2 = Integer.parseInt(r.get("n2"));
            double level = Fixtures.num(r, "level");
            RiskDifference d = RiskDifference.newcombe(x1, n1, x2, n2, level);
            assertThat(d.active().lower()).as("l1 %s", r).isCloseTo(Fixtures.num(r, "l1"), within(TOL));
            assertThat(d.active().upper()).as("u1 %s", r).isCloseTo(Fixtures.num(r, "u1"), within(TOL));
            assertThat(d.reference().lower()).as("l2 %s", r).isCloseTo(Fixtures.num(r, "l2"), within(TOL));
            assertThat(d.reference().upper()).as("u2 %s", r).isCloseTo(Fixtures.num(r, "u2"), within(TOL));
            assertThat(d.difference()).isCloseTo(Fixtures.num(r, "rd"), within(TOL));
            assertThat(d.lower()).as("lower %s", r).isCloseTo(Fixtures.num(r, "lower"), within(TOL));
            assertThat(d.upper()).as("upper %s", r).isCloseTo(Fixtures.num(r, "upper"), within(TOL));
        }
    }

    @Test
    void wilsonEdges() {
        Proportion none = Proportion.wilson(0, 0, 0.95);
        assertThat(none.rate()).isNaN();
        assertThat(none.lower()).isNaN();
        Proportion all = Proportion.wilson(15, 15, 0.95);
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(Proportion.wilson(0, 15, 0.95).lower()).isEqualTo(0.0);
    }

    @Test
    void nntOfABenefitThatExcludesNoEffect() {
        // 8/12 vs 3/12 responders (R: RD 0.41667, CI 0.021829 to 0.66974)
        NumberNeededToTreat nnt = RiskDifference.newcombe(8, 12, 3, 12, 0.95).numberNeededToTreat();
        assertThat(nnt.kind()).isEqualTo(NumberNeededToTreat.Kind.NNTB);
        assertThat(nnt.value()).isCloseTo(2.4, within(1e-12));
        assertThat(nnt.crossesNoEffect()).isFalse();
        assertThat(nnt.benefitRange()).containsExactly(new double[]{1 / 0.66974372237573587, 1 / 0.021828837854194594}, within(1e-9));
        assertThat(nnt.harmRange()).isNull();
        assertThat(nnt.describe()).isEqualTo("NNTB 2.4 (CI 1.49 to 45.8)");
    }

    @Test
    void nntWhoseIntervalCrossesNoEffectRunsThroughInfinity() {
        // 5/12 vs 1/12 remitters (R: RD 0.33333, CI -0.017531 to 0.60590): Altman's "NNTH 57 to ∞ to NNTB 1.65"
        NumberNeededToTreat nnt = RiskDifference.newcombe(5, 12, 1, 12, 0.95).numberNeededToTreat();
        assertThat(nnt.kind()).isEqualTo(NumberNeededToTreat.Kind.NNTB);
        assertThat(nnt.value()).isCloseTo(3, within(1e-12));
        assertThat(nnt.crossesNoEffect()).isTrue();
        assertThat(nnt.benefitRange()[0]).isCloseTo(1 / 0.6058951765770233, within(1e-9));
        assertThat(nnt.benefitRange()[1]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(nnt.harmRange()[0]).isCloseTo(1 / 0.017531098217939745, within(1e-9));
        assertThat(nnt.harmRange()[1]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(nnt.describe()).isEqualTo("NNTB 3 (CI NNTH 57 to ∞ to NNTB 1.65)");
    }

    @Test
    void nntOfAHarmAndOfNoDifference() {
        // 3/30 vs 9/30 at 90% (R: RD -0.2, CI -0.36073 to -0.028901)
        NumberNeededToTreat harm = RiskDifference.newcombe(3, 30, 9, 30, 0.9).numberNeededToTreat();
        assertThat(harm.kind()).isEqualTo(NumberNeededToTreat.Kind.NNTH);
        assertThat(harm.value()).isCloseTo(5, within(1e-12));
        assertThat(harm.harmRange()).containsExactly(new double[]{1 / 0.36073068284020693, 1 / 0.028900960281475013}, within(1e-9));
        assertThat(harm.benefitRange()).isNull();
        assertThat(harm.describe()).isEqualTo("NNTH 5 (CI 2.77 to 34.6)");
        // 7/11 vs 7/11 (R: CI ±0.35323)
        NumberNeededToTreat none = RiskDifference.newcombe(7, 11, 7, 11, 0.95).numberNeededToTreat();
        assertThat(none.kind()).isEqualTo(NumberNeededToTreat.Kind.NONE);
        assertThat(none.value()).isInfinite();
        assertThat(none.describe()).isEqualTo("NNT ∞ (CI NNTH 2.83 to ∞ to NNTB 2.83)");
    }
}
