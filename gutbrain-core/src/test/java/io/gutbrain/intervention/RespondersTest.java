package io.gutbrain.intervention;

import io.gutbrain.error.InputException;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Responders and remitters of the hand-made PHQ-9 trial (intervention/phq9_trial.tsv): counted by
 * hand from the file, intervals from R (wilson_newcombe_R.tsv rows 8/12 vs 3/12 and 5/12 vs 1/12).
 */
class RespondersTest {
    @TempDir Path dir;

    private static final SampleMetadata MD = MetadataFile.read(Fixtures.resource("intervention/phq9_trial.tsv"));
    private static final TrialDesign DESIGN = TrialDesign.from(MD, "subject", "visit", "arm", "baseline", null);

    private static ResponderResult week8() {
        return Responders.compute(DESIGN, Outcome.metadata(MD, "phq9"), "week8", Responders.Criteria.halving(5), "active", "placebo", 0.95);
    }

    @Test
    void classifiesEverySubject() {
        ResponderResult r = week8();
        // A13 (baseline 0) and P13 (no week-8 score) are not evaluable
        assertThat(r.subjects()).hasSize(24);
        assertThat(r.warnings()).containsExactly(
                "1 subject(s) without a value of 'phq9' at baseline or at 'week8' left out (complete-case): 'P13'",
                "1 subject(s) with a baseline of 0 or less left out (relative drop undefined): 'A13'");
        ResponderResult.Subject a02 = subject(r, "A02");   // 18 -> 9: exactly 50%, a responder
        assertThat(a02.relativeDrop()).isEqualTo(0.5);
        assertThat(a02.responder()).isTrue();
        assertThat(a02.remission()).isFalse();
        ResponderResult.Subject a07 = subject(r, "A07");   // 10 -> 5: responder, but 5 is not below 5
        assertThat(a07.responder()).isTrue();
        assertThat(a07.remission()).isFalse();
        ResponderResult.Subject a03 = subject(r, "A03");   // 15 -> 4
        assertThat(a03.relativeDrop()).isCloseTo(11.0 / 15, within(1e-15));
        assertThat(a03.remission()).isTrue();
        assertThat(subject(r, "P01").responder()).isFalse();
    }

    @Test
    void ratesAndComparisonMatchR() {
        ResponderResult r = week8();
        ResponderResult.ArmRates active = r.arms().get(0);
        ResponderResult.ArmRates placebo = r.arms().get(1);
        assertThat(active.arm()).isEqualTo("active");
        assertThat(active.response().events()).isEqualTo(8);
        assertThat(active.response().n()).isEqualTo(12);
        assertThat(active.remission().events()).isEqualTo(5);
        assertThat(placebo.response().events()).isEqualTo(3);
        assertThat(placebo.remission().events()).isEqualTo(1);
        assertThat(active.response().lower()).isCloseTo(0.39062208887279953, within(1e-12));
        assertThat(active.response().upper()).isCloseTo(0.86187990890878696, within(1e-12));
        assertThat(r.response().difference()).isCloseTo(0.41666666666666663, within(1e-12));
        assertThat(r.response().lower()).isCloseTo(0.021828837854194594, within(1e-12));
        assertThat(r.response().upper()).isCloseTo(0.66974372237573587, within(1e-12));
        assertThat(r.remission().lower()).isCloseTo(-0.017531098217939745, within(1e-12));
        assertThat(r.remission().upper()).isCloseTo(0.6058951765770233, within(1e-12));
    }

    @Test
    void writesTheThreeTables() {
        ResponderResult r = week8();
        r.writeSubjects(dir.resolve("subjects.tsv"));
        r.writeRates(dir.resolve("rates.tsv"));
        r.writeComparison(dir.resolve("comparison.tsv"));
        List<String> s = Fixtures.lines(dir.resolve("subjects.tsv"));
        assertThat(s.get(0)).isEqualTo("outcome\ttimepoint\tsubject\tarm\tbaseline\tvalue\trelative_drop\tresponder\tremission");
        assertThat(s).contains("phq9\tweek8\tA02\tactive\t18\t9\t0.5\ttrue\tfalse").hasSize(25);
        List<String> rates = Fixtures.lines(dir.resolve("rates.tsv"));
        assertThat(rates).hasSize(5);
        assertThat(rates.get(1)).startsWith("phq9\tweek8\tresponse\tactive\t8\t12\t0.6666666666666666\t0.39062208887279");
        List<String> c = Fixtures.lines(dir.resolve("comparison.tsv"));
        assertThat(c).hasSize(3);
        assertThat(c.get(2)).startsWith("phq9\tweek8\tremission\tactive\tplacebo\t0.333333333333333")
                .contains("\tNNTB\t2.9999999999999996\t1.65045")   // 1/RD and 1/upper
                .endsWith("\tInf\tNNTB 3 (CI NNTH 57 to ∞ to NNTB 1.65)");
    }

    @Test
    void ratesOnlyWithoutArmsAndBadArguments() {
        ResponderResult r = Responders.compute(DESIGN, Outcome.metadata(MD, "phq9"), "week4", new Responders.Criteria(0.3, Double.NaN), null, null, 0.95);
        assertThat(r.response()).isNull();
        assertThat(r.arms().get(0).remission()).isNull();
        // week 4, drop >= 30%: A01 20->14 (0.3), A02 18->12, A03 15->9, A04 22->10, A05 12->6, A06 16->8, A07 10->7 (0.3), A10 11->6
        assertThat(r.arms().get(0).response().events()).isEqualTo(8);
        assertThatThrownBy(() -> Responders.compute(DESIGN, Outcome.metadata(MD, "phq9"), "baseline", Responders.Criteria.halving(5), null, null, 0.95))
                .isInstanceOf(InputException.class).hasMessageContaining("choose one of: week4, week8");
        assertThatThrownBy(() -> Responders.compute(DESIGN, Outcome.metadata(MD, "phq9"), "week8", Responders.Criteria.halving(5), "active", null, 0.95))
                .isInstanceOf(InputException.class).hasMessageContaining("give both an active and a reference arm");
        assertThatThrownBy(() -> Responders.compute(DESIGN, Outcome.metadata(MD, "phq9"), "week12", Responders.Criteria.halving(5), null, null, 0.95))
                .isInstanceOf(InputException.class).hasMessageContaining("use one of: baseline, week4, week8");
        assertThatThrownBy(() -> new Responders.Criteria(50, 5)).isInstanceOf(InputException.class).hasMessageContaining("0.5 for a 50% reduction");
    }

    private static ResponderResult.Subject subject(ResponderResult r, String id) {
        return r.subjects().stream().filter(s -> s.subject().equals(id)).findFirst().orElseThrow();
    }
}
