package io.gutbrain.association.nonparametric;

import io.gutbrain.association.AssociationResult;
import io.gutbrain.association.GroupSummary;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.gutbrain.association.AssociationFixtures.assertNone;
import static io.gutbrain.association.AssociationFixtures.close;
import static io.gutbrain.association.AssociationFixtures.counts;
import static io.gutbrain.association.AssociationFixtures.metadata;
import static io.gutbrain.association.AssociationFixtures.num;
import static io.gutbrain.association.AssociationFixtures.problems;
import static io.gutbrain.association.AssociationFixtures.resource;
import static io.gutbrain.association.AssociationFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statistic, p-value, estimate, interval, effect size, q-value and group summary against
 * R 4.2's own stats functions on real data; the expected files and the script that wrote them are
 * in src/test/resources/reference/association ({@code nonparametric_R.R}).
 */
class NonparametricAssociationRTest {
    private static final double REL = 1e-9;

    @Test
    void rankSumMatchesRWilcoxTestOnPeerj32Groups() {
        // 16 LGG vs 28 Placebo samples: 63 genera without ties take the exact path, 67 the normal one
        List<AssociationResult> rows = NonparametricAssociation.rankSum(counts("peerj32"), metadata("peerj32"), "group",
                NonparametricOptions.defaults());
        compareTwoGroup(rows, "np_peerj32_group_ranksum.tsv", "W", "Placebo", "LGG");
    }

    @Test
    void rankSumMatchesRWilcoxTestOnDietswapNationality() {
        // 99 AFR vs 123 AAM samples: always the normal approximation with root-found estimate and limits
        List<AssociationResult> rows = NonparametricAssociation.rankSum(counts("dietswap"), metadata("dietswap"), "nationality",
                NonparametricOptions.defaults());
        compareTwoGroup(rows, "np_dietswap_nationality_ranksum.tsv", "W", "AFR", "AAM");
    }

    @Test
    void signedRankMatchesRPairedWilcoxTestOnPeerj32Time() {
        List<AssociationResult> rows = NonparametricAssociation.signedRank(counts("peerj32"), metadata("peerj32"), "subject", "time",
                NonparametricOptions.defaults());
        compareTwoGroup(rows, "np_peerj32_time_signedrank.tsv", "V", "2", "1");
    }

    @Test
    void kruskalWallisMatchesRKruskalTest() {
        compareKruskal(NonparametricAssociation.kruskalWallis(counts("dietswap"), metadata("dietswap"), "group",
                NonparametricOptions.defaults()), "np_dietswap_group_kruskal.tsv", List.of("DI", "ED", "HE"));
        compareKruskal(NonparametricAssociation.kruskalWallis(counts("atlas1006"), metadata("atlas1006"), "bmi_group",
                NonparametricOptions.defaults()), "np_atlas1006_bmi_kruskal.tsv",
                List.of("lean", "morbidobese", "obese", "overweight", "severeobese", "underweight"));
    }

    @Test
    void spearmanMatchesRCorTestEdgeworthAndT() {
        SampleMetadata lipids = MetadataFile.read(resource("microbiome-interventions/peerj32/lipids.tsv"));
        compareSpearman(NonparametricAssociation.spearman(counts("peerj32"), lipids, "ChoE(18:1)", NonparametricOptions.defaults()),
                "np_peerj32_lipid_spearman.tsv");
    }

    @Test
    void spearmanMatchesRCorTestExactEnumerationForNineSamples() {
        SampleMetadata lipids = MetadataFile.read(resource("microbiome-interventions/peerj32/lipids.tsv"));
        FeatureTable first9 = counts("peerj32").selectSamples(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8});
        compareSpearman(NonparametricAssociation.spearman(first9, lipids, "ChoE(18:1)", NonparametricOptions.defaults()),
                "np_peerj32_first9_lipid_spearman.tsv");
    }

    @Test
    void spearmanMatchesRCorTestOnAtlasAge() {
        NonparametricOptions o = NonparametricOptions.defaults();
        compareSpearman(NonparametricAssociation.spearman(counts("atlas1006"), metadata("atlas1006"), "age", o),
                "np_atlas1006_age_spearman.tsv");
        assertThat(o.warnings().messages()).anySatisfy(m -> assertThat(m).contains("56 sample(s) without a value of 'age'"));
    }

    private static void compareTwoGroup(List<AssociationResult> rows, String fixture, String stat, String level, String ref) {
        Map<String, Map<String, String>> expected = table("reference/association/" + fixture);
        assertThat(rows).hasSize(expected.size());
        List<String> p = problems();
        int exact = 0;
        for (AssociationResult r : rows) {
            Map<String, String> e = expected.get(r.feature());
            String f = r.feature() + " ";
            assertThat(r.level()).isEqualTo(level);
            assertThat(r.reference()).isEqualTo(ref);
            if (testAndEstimate(p, r, e, stat, "estimate")) {
                if (r.pMethod().equals("exact")) exact++;
                close(p, f + "rank_biserial", r.effect(), num(e, "rank_biserial"), REL);
                close(p, f + "rb_ci_low", r.effectCiLow(), num(e, "rb_ci_low"), REL);
                close(p, f + "rb_ci_high", r.effectCiHigh(), num(e, "rb_ci_high"), REL);
            }
            assertThat(r.n()).as(f + "n").isEqualTo((int) num(e, "n"));
            assertThat(r.nNotZero()).as(f + "n_not_zero").isEqualTo((int) num(e, "n_not_zero"));
            compareGroups(p, f, r, e, List.of(level, ref));
        }
        assertNone(p);
        long expectedExact = expected.values().stream().filter(e -> e.get("method").equals("exact")).count();
        assertThat(exact).isEqualTo((int) expectedExact);
    }

    private static void compareKruskal(List<AssociationResult> rows, String fixture, List<String> levels) {
        Map<String, Map<String, String>> expected = table("reference/association/" + fixture);
        assertThat(rows).hasSize(expected.size());
        List<String> p = problems();
        for (AssociationResult r : rows) {
            Map<String, String> e = expected.get(r.feature());
            String f = r.feature() + " ";
            close(p, f + "H", r.statistic(), num(e, "H"), REL);
            close(p, f + "p", r.pValue(), num(e, "p"), REL);
            close(p, f + "q", r.qValue(), num(e, "q"), REL);
            close(p, f + "epsilon2", r.effect(), num(e, "epsilon2"), REL);
            assertThat(r.df()).isEqualTo(num(e, "df"));
            if (Double.isNaN(num(e, "p"))) assertThat(r.reason()).isNotEmpty();
            assertThat(r.n()).isEqualTo((int) num(e, "n"));
            assertThat(r.nNotZero()).isEqualTo((int) num(e, "n_not_zero"));
            compareGroups(p, f, r, e, levels);
        }
        assertNone(p);
    }

    private static void compareSpearman(List<AssociationResult> rows, String fixture) {
        Map<String, Map<String, String>> expected = table("reference/association/" + fixture);
        assertThat(rows).hasSize(expected.size());
        List<String> p = problems();
        for (AssociationResult r : rows) {
            Map<String, String> e = expected.get(r.feature());
            String f = r.feature() + " ";
            testAndEstimate(p, r, e, "S", "rho");
            assertThat(r.n()).isEqualTo((int) num(e, "n"));
            assertThat(r.nNotZero()).isEqualTo((int) num(e, "n_not_zero"));
            GroupSummary all = r.group("all");
            close(p, f + "prevalence_all", all.prevalence(), num(e, "prevalence_all"), REL);
            close(p, f + "mean_all", all.meanAbundance(), num(e, "mean_all"), REL);
        }
        assertNone(p);
    }

    /**
     * For a feature R could not test: p is NaN and a reason is given. Otherwise compares the p
     * method, statistic, p, q, estimate and interval; returns whether the test was defined.
     */
    private static boolean testAndEstimate(List<String> p, AssociationResult r, Map<String, String> e, String stat, String estimate) {
        String f = r.feature() + " ";
        if (e.get("p").equals("NA")) {
            assertThat(r.pValue()).as(f + "p").isNaN();
            assertThat(r.reason()).as(f + "reason").isNotEmpty();
            return false;
        }
        assertThat(r.pMethod()).as(f + "p method").isEqualTo(e.get("method"));
        close(p, f + stat, r.statistic(), num(e, stat), REL);
        close(p, f + "p", r.pValue(), num(e, "p"), REL);
        close(p, f + "q", r.qValue(), num(e, "q"), REL);
        close(p, f + estimate, r.estimate(), num(e, estimate), REL);
        close(p, f + "ci_low", r.ciLow(), num(e, "ci_low"), REL);
        close(p, f + "ci_high", r.ciHigh(), num(e, "ci_high"), REL);
        return true;
    }

    private static void compareGroups(List<String> p, String f, AssociationResult r, Map<String, String> e, List<String> levels) {
        for (String g : levels) {
            GroupSummary s = r.group(g);
            assertThat(s).as(f + "group " + g).isNotNull();
            assertThat(s.n()).isEqualTo((int) num(e, "n_" + g));
            close(p, f + "prevalence_" + g, s.prevalence(), num(e, "prevalence_" + g), REL);
            close(p, f + "mean_" + g, s.meanAbundance(), num(e, "mean_" + g), REL);
        }
    }
}
