package io.gutbrain.intervention;

import io.gutbrain.diversity.beta.BetaDiversity;
import io.gutbrain.diversity.beta.BetaMetric;
import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Change from baseline against R's t.test (reference/intervention/make_intervention_reference.R). */
class ChangeFromBaselineTest {
    private static final double TOL = 1e-10;

    @TempDir Path dir;

    private static TrialDesign peerj32() {
        return TrialDesign.from(Fixtures.metadata("peerj32"), "subject", "time", "group", "1", null);
    }

    private static TrialDesign phq9Trial() {
        return TrialDesign.from(MetadataFile.read(Fixtures.resource("intervention/phq9_trial.tsv")), "subject", "visit", "arm", "baseline", null);
    }

    @Test
    void relativeAbundanceChangeMatchesPairedTTest() {
        FeatureTable counts = Fixtures.counts("peerj32");
        ChangeResult r = ChangeFromBaseline.compute(peerj32(), Outcome.relativeAbundance(counts, "Bifidobacterium"));
        assertThat(r.changes()).hasSize(22);
        assertThat(r.summaries()).hasSize(2);
        for (Map<String, String> ref : Fixtures.reference("peerj32_change_R.tsv")) {
            ArmChange a = r.summaries().stream().filter(s -> s.arm().equals(ref.get("arm"))).findFirst().orElseThrow();
            MeanEstimate c = a.change();
            assertThat(a.timepoint()).isEqualTo(ref.get("timepoint"));
            assertThat(c.n()).isEqualTo(Integer.parseInt(ref.get("n")));
            assertThat(c.mean()).isCloseTo(Fixtures.num(ref, "mean_change"), within(TOL));
            assertThat(c.sd()).isCloseTo(Fixtures.num(ref, "sd_change"), within(TOL));
            assertThat(c.lower()).isCloseTo(Fixtures.num(ref, "ci_lower"), within(TOL));
            assertThat(c.upper()).isCloseTo(Fixtures.num(ref, "ci_upper"), within(TOL));
            assertThat(c.t()).isCloseTo(Fixtures.num(ref, "t"), within(1e-9));
            assertThat(c.df()).isEqualTo(Fixtures.num(ref, "df"));
            assertThat(c.p()).isCloseTo(Fixtures.num(ref, "p"), within(1e-9));
            assertThat(a.wilcoxon().statistic()).isEqualTo(Fixtures.num(ref, "wilcoxon_v"));
            assertThat(a.wilcoxon().pValue()).isCloseTo(Fixtures.num(ref, "wilcoxon_p"), within(1e-12));
        }
    }

    @Test
    void distanceToOwnBaselineMatchesVegan() {
        FeatureTable rel = Fixtures.counts("peerj32").relativeAbundance();
        DistanceMatrix bc = BetaDiversity.compute(rel, BetaMetric.byName("braycurtis")).distances();
        BaselineDistances d = ChangeFromBaseline.distanceToBaseline(peerj32(), bc);
        assertThat(d.rows()).hasSize(22);
        assertThat(d.warnings()).isEmpty();
        for (Map<String, String> ref : Fixtures.reference("peerj32_distance_to_baseline_R.tsv")) {
            BaselineDistances.Summary s = d.summaries().stream().filter(x -> x.arm().equals(ref.get("arm"))).findFirst().orElseThrow();
            assertThat(s.distance().n()).isEqualTo(Integer.parseInt(ref.get("n")));
            assertThat(s.distance().mean()).isCloseTo(Fixtures.num(ref, "mean_distance"), within(TOL));
            assertThat(s.distance().sd()).isCloseTo(Fixtures.num(ref, "sd"), within(TOL));
            assertThat(s.distance().lower()).isCloseTo(Fixtures.num(ref, "ci_lower"), within(TOL));
            assertThat(s.distance().upper()).isCloseTo(Fixtures.num(ref, "ci_upper"), within(TOL));
        }
    }

    @Test
    void samplesMissingFromTheMatrixAreWarnedAbout() {
        FeatureTable rel = Fixtures.counts("peerj32").relativeAbundance();
        DistanceMatrix bc = BetaDiversity.compute(rel, BetaMetric.byName("braycurtis")).distances();
        DistanceMatrix without = bc.select(bc.ids().subList(1, bc.size()));   // drops sample-1, S1's baseline
        BaselineDistances d = ChangeFromBaseline.distanceToBaseline(peerj32(), without);
        assertThat(d.rows()).hasSize(21);
        assertThat(d.warnings()).containsExactly("1 sample(s) are not in the distance matrix; their subject/timepoint pairs are left out: 'sample-1'");
    }

    @Test
    void metadataOutcomePerSubjectAndArm() {
        ChangeResult r = ChangeFromBaseline.compute(phq9Trial(), Outcome.metadata(MetadataFile.read(Fixtures.resource("intervention/phq9_trial.tsv")), "phq9"));
        // A01: 20 -> 14 at week 4 and 8 at week 8 (hand calculation)
        SubjectChange a01 = r.changes().stream().filter(c -> c.subject().equals("A01") && c.timepoint().equals("week8")).findFirst().orElseThrow();
        assertThat(a01.baseline()).isEqualTo(20);
        assertThat(a01.value()).isEqualTo(8);
        assertThat(a01.change()).isEqualTo(-12);
        assertThat(a01.percentChange()).isCloseTo(-60, within(1e-12));
        SubjectChange a13 = r.changes().stream().filter(c -> c.subject().equals("A13") && c.timepoint().equals("week4")).findFirst().orElseThrow();
        assertThat(a13.change()).isEqualTo(1);
        assertThat(a13.percentChange()).isNaN();                               // baseline 0
        assertThat(r.warnings()).containsExactly("1 subject/timepoint pair(s) without a value of 'phq9' at baseline or follow-up left out: 'P13@week8'");
        for (Map<String, String> ref : Fixtures.reference("phq9_trial_change_R.tsv")) {
            ArmChange a = r.summaries().stream().filter(s -> s.arm().equals(ref.get("arm")) && s.timepoint().equals(ref.get("timepoint")))
                    .findFirst().orElseThrow();
            assertThat(a.change().n()).isEqualTo(Integer.parseInt(ref.get("n")));
            assertThat(a.change().mean()).isCloseTo(Fixtures.num(ref, "mean_change"), within(TOL));
            assertThat(a.change().lower()).isCloseTo(Fixtures.num(ref, "ci_lower"), within(TOL));
            assertThat(a.change().upper()).isCloseTo(Fixtures.num(ref, "ci_upper"), within(TOL));
            assertThat(a.change().t()).isCloseTo(Fixtures.num(ref, "t"), within(1e-9));
            assertThat(a.change().p()).isCloseTo(Fixtures.num(ref, "p"), within(1e-12));
        }
        assertThat(r.summaries()).extracting(ArmChange::arm, ArmChange::timepoint).containsExactly(
                org.assertj.core.groups.Tuple.tuple("active", "week4"), org.assertj.core.groups.Tuple.tuple("active", "week8"),
                org.assertj.core.groups.Tuple.tuple("placebo", "week4"), org.assertj.core.groups.Tuple.tuple("placebo", "week8"));
    }

    @Test
    void writesBothTables() {
        ChangeResult r = ChangeFromBaseline.compute(phq9Trial(), Outcome.metadata(MetadataFile.read(Fixtures.resource("intervention/phq9_trial.tsv")), "phq9"));
        Path changes = dir.resolve("changes.tsv");
        Path summaries = dir.resolve("summaries.tsv");
        r.writeChanges(changes);
        r.writeSummaries(summaries);
        List<String> c = Fixtures.lines(changes);
        assertThat(c.get(0)).isEqualTo("outcome\tsubject\tarm\ttimepoint\tbaseline_sample\tsample\tbaseline\tvalue\tchange\tpercent_change");
        assertThat(c).contains("phq9\tA01\tactive\tweek8\tA01-baseline\tA01-week8\t20\t8\t-12\t-60", "phq9\tA13\tactive\tweek4\tA13-baseline\tA13-week4\t0\t1\t1\tNA");
        assertThat(c).hasSize(1 + 13 * 2 + 12 * 2 + 1);
        List<String> s = Fixtures.lines(summaries);
        assertThat(s.get(0)).isEqualTo("outcome\tarm\ttimepoint\tn\tmean_baseline\tmean_value\tmean_change\tsd_change\tci_lower\tci_upper\tlevel\tt\tdf\tp\twilcoxon_v\twilcoxon_p\twilcoxon_method");
        assertThat(s).hasSize(5);
        assertThat(s.get(4)).startsWith("phq9\tplacebo\tweek8\t12\t");
    }

    @Test
    void meanEstimateEdges() {
        MeanEstimate none = MeanEstimate.of(new double[0], 0.95);
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isNaN();
        MeanEstimate one = MeanEstimate.of(new double[]{3}, 0.95);
        assertThat(one.mean()).isEqualTo(3);
        assertThat(one.lower()).isNaN();
        MeanEstimate flat = MeanEstimate.of(new double[]{2, 2, 2}, 0.95);
        assertThat(flat.lower()).isEqualTo(2);
        assertThat(flat.upper()).isEqualTo(2);
        assertThat(flat.t()).isNaN();
    }
}
