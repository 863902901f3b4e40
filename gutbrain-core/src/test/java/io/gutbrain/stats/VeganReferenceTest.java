package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.DistanceMatrixFormat;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.gutbrain.stats.StatsFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The statistics against vegan 2.6-4 on Bray–Curtis matrices computed by vegan: the shared
 * {@code tests_vegan.tsv} references and {@code stats_vegan_extra.tsv} (script next to it).
 * Statistics must agree to 1e-9 relative; p-values, which depend on the permutation stream, to
 * within sampling error of two independent 999-permutation estimates.
 */
class VeganReferenceTest {
    private static final PermutationOptions OPT = PermutationOptions.defaults(); // 999 permutations
    private static final Map<String, Double> EXTRA = StatsFixtures.expected("reference/stats_vegan_extra.tsv");

    static DistanceMatrix matrix(String dataset, String file) {
        return DistanceMatrixFormat.read(resource("reference/" + dataset + "/" + file));
    }

    static SampleMetadata metadata(String dataset) {
        return MetadataFile.read(resource(dataset.equals("synthetic-s50") ? "synthetic-s50/s50.meta.tsv"
                : "microbiome-interventions/" + dataset + "/metadata.tsv"));
    }

    /** |p − p_ref| below 4 standard errors of a 999-permutation p (p_ref clipped to [0.005, 0.995] so tiny p keep a sane band). */
    static void assertPClose(double p, double pRef) {
        double q = Math.min(0.995, Math.max(0.005, pRef));
        assertThat(p).isCloseTo(pRef, org.assertj.core.api.Assertions.within(4 * Math.sqrt(q * (1 - q) / 999)));
    }

    static double extra(String dataset, String quantity) {
        Double v = EXTRA.get(dataset + "/" + quantity);
        if (v == null) throw new IllegalArgumentException("no expected value " + dataset + "/" + quantity);
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic-s50", "peerj32", "dietswap"})
    void oneFactorTestsOnGroupMatchVegan(String dataset) {
        Map<String, Double> ref = StatsFixtures.testsVegan(dataset);
        DistanceMatrix dm = matrix(dataset, "braycurtis_vegan.tsv");
        SampleMetadata md = metadata(dataset);
        Warnings w = new Warnings();
        Permanova.Result perm = Permanova.test(dm, md, "group", OPT, w);
        assertThat(perm.term("group").f()).isCloseTo(ref.get("permanova_pseudoF"), withinPercentage(1e-7));
        assertThat(perm.term("group").r2()).isCloseTo(ref.get("permanova_R2"), withinPercentage(1e-7));
        assertPClose(perm.term("group").p(), ref.get("permanova_p_999_seed1"));
        assertThat(Anosim.test(dm, md, "group", OPT, w).statistic()).isCloseTo(ref.get("anosim_R"), withinPercentage(1e-7));
        assertThat(Permdisp.test(dm, md, "group", Permdisp.Type.CENTROID, OPT, w).f())
                .isCloseTo(extra(dataset, "betadisper_centroid_F"), withinPercentage(1e-7));
        // tests_vegan.tsv holds betadisper's default (spatial median), whose optimiser stops at a relative
        // change of 1e-8 in the objective: our converged median agrees with it to ~3e-4 and with vegan
        // run to convergence (reltol 1e-15) to ~2e-8
        Permdisp.Result median = Permdisp.test(dm, md, "group", Permdisp.Type.MEDIAN, OPT, w);
        assertThat(median.f()).isCloseTo(ref.get("betadisper_F"), withinPercentage(0.1));
        assertThat(median.f()).isCloseTo(extra(dataset, "betadisper_median_converged_F"), withinPercentage(1e-5));
        assertThat(w.messages()).isEmpty(); // every matrix sample has a group
    }

    @Test
    void twoTermsWithStrataMatchAdonis2() {
        DistanceMatrix dm = matrix("peerj32", "braycurtis_vegan.tsv");
        SampleMetadata md = metadata("peerj32");
        // adonis2(d ~ time + group, by = "terms", strata = subject); time is numeric (1, 2) in both
        Permanova.Result r = Permanova.sequential(dm, md, List.of(Permanova.Term.of(md, "time"), Permanova.Term.categorical("group")),
                OPT.withStrata("subject"), new Warnings());
        for (String t : List.of("time", "group", "Residual", "Total")) {
            Permanova.Row row = t.equals("Residual") ? r.residual() : t.equals("Total") ? r.total() : r.term(t);
            String k = "adonis2_time+group_strata_" + t + "_";
            assertThat(row.df()).as(t).isEqualTo((int) extra("peerj32", k + "Df"));
            assertThat(row.sumOfSquares()).as(t).isCloseTo(extra("peerj32", k + "SumOfSqs"), withinPercentage(1e-7));
            assertThat(row.r2()).as(t).isCloseTo(extra("peerj32", k + "R2"), withinPercentage(1e-7));
        }
        for (String t : List.of("time", "group")) {
            assertThat(r.term(t).f()).isCloseTo(extra("peerj32", "adonis2_time+group_strata_" + t + "_F"), withinPercentage(1e-7));
            assertPClose(r.term(t).p(), extra("peerj32", "adonis2_time+group_strata_" + t + "_p"));
        }
        // group is constant within a subject, so its SS never changes under within-subject permutation and
        // F_group exceeds its observed value exactly when time's does: the two p-values coincide (as in vegan)
        assertThat(r.term("group").p()).isEqualTo(r.term("time").p());

        Permanova.Result s = Permanova.sequential(dm, md, List.of(Permanova.Term.categorical("sex"), Permanova.Term.categorical("group")),
                OPT, new Warnings());
        for (String t : List.of("sex", "group")) {
            String k = "adonis2_sex+group_" + t + "_";
            assertThat(s.term(t).sumOfSquares()).isCloseTo(extra("peerj32", k + "SumOfSqs"), withinPercentage(1e-7));
            assertThat(s.term(t).r2()).isCloseTo(extra("peerj32", k + "R2"), withinPercentage(1e-7));
            assertThat(s.term(t).f()).isCloseTo(extra("peerj32", k + "F"), withinPercentage(1e-7));
            assertPClose(s.term(t).p(), extra("peerj32", k + "p"));
        }
        assertThat(s.residual().sumOfSquares()).isCloseTo(extra("peerj32", "adonis2_sex+group_Residual_SumOfSqs"), withinPercentage(1e-7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"peerj32", "dietswap"})
    void mantelBetweenBrayCurtisAndJaccardMatchesVegan(String dataset) {
        DistanceMatrix bc = matrix(dataset, "braycurtis_vegan.tsv");
        DistanceMatrix jac = matrix(dataset, "jaccard_binary_vegan.tsv");
        for (Mantel.Method m : Mantel.Method.values()) {
            String name = m == Mantel.Method.PEARSON ? "pearson" : "spearman";
            TestSummary r = Mantel.test(bc, jac, m, Mantel.Alternative.GREATER, OPT, new Warnings());
            assertThat(r.statistic()).isCloseTo(extra(dataset, "mantel_" + name + "_r"), withinPercentage(1e-7));
            assertPClose(r.p(), extra(dataset, "mantel_" + name + "_p_greater"));
        }
    }

    @Test
    void dietswapOtherGroupingsMatchVegan() {
        DistanceMatrix dm = matrix("dietswap", "braycurtis_vegan.tsv");
        SampleMetadata md = metadata("dietswap");
        TestSummary a = Anosim.test(dm, md, "nationality", OPT, new Warnings());
        assertThat(a.statistic()).isCloseTo(extra("dietswap", "anosim_nationality_R"), withinPercentage(1e-7));
        assertPClose(a.p(), extra("dietswap", "anosim_nationality_p"));
        TestSummary s = Anosim.test(dm, md, "group", OPT.withStrata("nationality"), new Warnings());
        assertThat(s.statistic()).isCloseTo(extra("dietswap", "anosim_group_strata_nationality_R"), withinPercentage(1e-7));
        assertPClose(s.p(), extra("dietswap", "anosim_group_strata_nationality_p"));

        Permdisp.Result b = Permdisp.test(dm, md, "nationality", Permdisp.Type.CENTROID, OPT, new Warnings());
        assertThat(b.f()).isCloseTo(extra("dietswap", "betadisper_centroid_nationality_F"), withinPercentage(1e-7));
        assertPClose(b.p(), extra("dietswap", "betadisper_centroid_nationality_p"));
        for (int g = 0; g < b.levels().size(); g++) {
            assertThat(b.meanDistance()[g]).isCloseTo(extra("dietswap", "betadisper_centroid_nationality_meandist_" + b.levels().get(g)),
                    withinPercentage(1e-7));
        }

        PairwisePermanova.Result pw = PairwisePermanova.test(dm, md, "group", OPT, new Warnings());
        assertThat(pw.rows()).hasSize(3);
        for (PairwisePermanova.Row row : pw.rows()) {
            String k = "pairwise_" + row.group1() + "_" + row.group2() + "_";
            assertThat(row.f()).isCloseTo(extra("dietswap", k + "F"), withinPercentage(1e-7));
            assertThat(row.r2()).isCloseTo(extra("dietswap", k + "R2"), withinPercentage(1e-7));
            assertPClose(row.p(), extra("dietswap", k + "p"));
        }
    }
}
