package io.gutbrain.intervention;

import io.gutbrain.association.ModelFit;
import io.gutbrain.diversity.alpha.AlphaDiversity;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.diversity.alpha.AlphaResult;
import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The arm × time mixed model against lmerTest: {@code reference/intervention/arm_time_lmm_R.tsv}
 * was made by {@code make_arm_time_reference.R} (vegan Shannon, lmer REML at the exact optimum,
 * Satterthwaite df) on peerj32 (group × time, reference Placebo, baseline 1) and dietswap
 * (nationality × timepoint, reference AAM, baseline 1).
 */
class ArmTimeModelTest {

    private static Outcome shannon(String study) {
        AlphaResult alpha = AlphaDiversity.compute(Fixtures.counts(study), List.of(AlphaMetric.byName("shannon")), null, 1, null);
        return Outcome.alpha(alpha, "shannon");
    }

    private static void compareWithR(String study, ArmTimeModel.Result result) {
        List<Map<String, String>> ref = Fixtures.reference("arm_time_lmm_R.tsv").stream().filter(r -> r.get("dataset").equals(study)).toList();
        assertThat(result.rows()).extracting(ModelFit.Estimate::name)
                .containsExactlyInAnyOrderElementsOf(ref.stream().map(r -> r.get("term")).toList());
        for (Map<String, String> r : ref) {
            ModelFit.Estimate e = result.fit().coefficient(r.get("term"));
            String term = study + " " + r.get("term");
            assertThat(e.estimate()).as(term + " estimate").isCloseTo(Fixtures.num(r, "estimate"), within(1e-6 * Math.abs(Fixtures.num(r, "estimate")) + 1e-12));
            assertThat(e.stdError()).as(term + " se").isCloseTo(Fixtures.num(r, "se"), within(1e-6 * Fixtures.num(r, "se")));
            assertThat(e.df()).as(term + " df").isCloseTo(Fixtures.num(r, "df"), within(1e-5 * Fixtures.num(r, "df")));
            assertThat(e.p()).as(term + " p").isCloseTo(Fixtures.num(r, "p"), within(1e-5 * Fixtures.num(r, "p")));
            assertThat(e.ciLow()).as(term + " ci_low").isCloseTo(Fixtures.num(r, "ci_low"), within(1e-5 * Fixtures.num(r, "se")));
            assertThat(e.ciHigh()).as(term + " ci_high").isCloseTo(Fixtures.num(r, "ci_high"), within(1e-5 * Fixtures.num(r, "se")));
        }
        assertThat(result.fit().sigma()).isCloseTo(Fixtures.num(ref.get(0), "sigma"), within(1e-6 * Fixtures.num(ref.get(0), "sigma")));
    }

    @Test
    void peerj32ProbioticByTimeMatchesLmerTest(@TempDir Path dir) {
        TrialDesign design = TrialDesign.from(Fixtures.metadata("peerj32"), "subject", "time", "group", "1", null);
        ArmTimeModel.Result result = ArmTimeModel.fit(design, shannon("peerj32"), "Placebo");
        compareWithR("peerj32", result);
        assertThat(result.interactions()).extracting(ModelFit.Estimate::name).containsExactly("groupLGG:time2".replace("group", "arm"));
        assertThat(result.samples()).isEqualTo(44);

        Path out = dir.resolve("arm_time.tsv");
        result.write(out);
        List<String> lines = Fixtures.lines(out);
        assertThat(lines.get(0)).isEqualTo("outcome\tterm\testimate\tse\tdf\tt\tp\tci_low\tci_high");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).startsWith("shannon\tarmLGG:time2\t");
    }

    @Test
    void dietswapNationalityByTimepointMatchesLmerTest() {
        TrialDesign design = TrialDesign.from(Fixtures.metadata("dietswap"), "subject", "timepoint", "nationality", "1", null);
        compareWithR("dietswap", ArmTimeModel.fit(design, shannon("dietswap"), "AAM"));
    }

    @Test
    void unknownReferenceArmIsAnInputError() {
        TrialDesign design = TrialDesign.from(Fixtures.metadata("peerj32"), "subject", "time", "group", "1", null);
        assertThatThrownBy(() -> ArmTimeModel.fit(design, shannon("peerj32"), "Control")).isInstanceOf(InputException.class);
    }

    @Test
    void singleArmFitsTimeOnly() {
        SampleMetadata md = Fixtures.metadata("peerj32");
        TrialDesign design = TrialDesign.from(md, "subject", "time", null, "1", null);
        ArmTimeModel.Result r = ArmTimeModel.fit(design, shannon("peerj32"));
        assertThat(r.referenceArm()).isNull();
        assertThat(r.rows()).extracting(ModelFit.Estimate::name).containsExactly("(Intercept)", "time2");
    }
}
