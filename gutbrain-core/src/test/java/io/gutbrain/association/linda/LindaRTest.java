package io.gutbrain.association.linda;

import io.gutbrain.association.AssociationResult;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.gutbrain.association.AssociationFixtures.assertNone;
import static io.gutbrain.association.AssociationFixtures.close;
import static io.gutbrain.association.AssociationFixtures.counts;
import static io.gutbrain.association.AssociationFixtures.metadata;
import static io.gutbrain.association.AssociationFixtures.num;
import static io.gutbrain.association.AssociationFixtures.problems;
import static io.gutbrain.association.AssociationFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LinDA against a base-R re-implementation of LinDA's steps ({@code reference/association/linda_R.R}).
 * The expected numbers do NOT come from the LinDA R package itself (neither zhouhj1994/LinDA nor
 * MicrobiomeStat is installable where they were produced): they come from that script, which
 * re-implements {@code linda()} step by step with base R {@code lm}, {@code scale},
 * {@code quantile}, {@code p.adjust} and modeest's mean-shift mode estimator rewritten in base R.
 */
class LindaRTest {
    private static final double REL = 1e-8;
    /**
     * Bias-corrected coefficients are differences of nearly equal numbers (a coefficient minus a
     * bias of the same size), so a few land within 1e-7 of zero; for those (and their t) the
     * comparison allows 1e-12 absolute — 1000 times the double rounding of the operands.
     */
    private static final double ABS_FLOOR = 1e-12;

    @Test
    void peerj32GroupWithPseudoCount() {
        LindaResult r = Linda.run(counts("peerj32"), metadata("peerj32"), List.of("group"), LindaOptions.defaults());
        compare(r, "peerj32_group");
    }

    @Test
    void dietswapThreeCovariatesDropsAbsentFeatures() {
        LindaResult r = Linda.run(counts("dietswap"), metadata("dietswap"), List.of("group", "nationality", "timepoint"),
                LindaOptions.defaults());
        compare(r, "dietswap_multi");
        // 7 genera never seen in dietswap get one NA row per coefficient with the reason
        List<AssociationResult> absent = r.rows().stream().filter(x -> !x.reason().isEmpty()).toList();
        assertThat(absent).hasSize(7 * 4).allSatisfy(x -> {
            assertThat(x.reason()).contains("absent");
            assertThat(x.pValue()).isNaN();
        });
    }

    @Test
    void dietswapAdaptiveZeroHandlingWithWinsorizationAndPrevalenceFilter() {
        LindaResult r = Linda.run(counts("dietswap"), metadata("dietswap"), List.of("group", "nationality", "timepoint"),
                LindaOptions.builder().zeroHandling(LindaOptions.ZeroHandling.ADAPTIVE).minPrevalence(0.1).winsorQuantile(0.97).build());
        compare(r, "dietswap_adaptive");
    }

    @Test
    void atlasImputationWithMissingCovariatesAndAbundanceFilter() {
        LindaResult r = Linda.run(counts("atlas1006"), metadata("atlas1006"), List.of("age", "sex"),
                LindaOptions.builder().zeroHandling(LindaOptions.ZeroHandling.IMPUTATION).minMeanAbundance(1e-4).build());
        compare(r, "atlas1006_imputation");
    }

    @Test
    void proportionsGetHalfMinimum() {
        FeatureTable tss = counts("peerj32").relativeAbundance();
        LindaResult r = Linda.run(tss, metadata("peerj32"), List.of("group", "sex"), LindaOptions.defaults());
        compare(r, "peerj32_proportion");
    }

    @Test
    void peerj32MixedModelWithSubjectRandomIntercept() {
        // the reference is lmerTest at the exact REML optimum (association/reference_helpers.R);
        // Satterthwaite df come from numerical (Richardson) derivatives on both sides, whose
        // rounding noise is ~1e-8 relative here (true df = 20 for this balanced design), so df
        // and the p / q that depend on it are held to 1e-6 as in the mixed-model tests against
        // lmerTest; coefficients, SEs and the bias stay at 1e-8
        LindaResult r = Linda.run(counts("peerj32"), metadata("peerj32"), List.of("group", "time"),
                LindaOptions.builder().randomEffects(List.of("subject")).build());
        compare(r, "peerj32_mixed", SATTERTHWAITE_REL);
    }

    /** Tolerance for Satterthwaite df and the p / q computed from it (numerical derivatives). */
    private static final double SATTERTHWAITE_REL = 1e-6;

    private static void compare(LindaResult r, String name) {
        compare(r, name, REL);
    }

    private static void compare(LindaResult r, String name, double dfRel) {
        Map<String, Map<String, String>> biasRows = table("reference/association/linda_" + name + "_bias.tsv");
        List<String> p = problems();
        for (Map<String, String> b : biasRows.values()) {
            assertThat(r.bias()).containsKey(b.get("coefficient"));
            close(p, "bias " + b.get("coefficient"), r.bias().get(b.get("coefficient")), num(b, "bias"), REL);
            assertThat(r.zeroHandling()).isEqualTo(b.get("zero_handling"));
            assertThat(r.samples()).isEqualTo((int) num(b, "n"));
            assertThat(r.features()).isEqualTo((int) num(b, "features"));
        }
        assertThat(r.bias()).hasSize(biasRows.size());
        Map<String, AssociationResult> byKey = new HashMap<>();
        for (AssociationResult x : r.rows()) {
            assertThat(x.method()).isEqualTo(AssociationResult.LINDA);
            if (x.reason().isEmpty()) byKey.put(x.feature() + "|" + x.variable() + x.level(), x);
        }
        List<Map<String, String>> expected = expectedRows(name);
        assertThat(byKey).hasSize(expected.size());
        for (Map<String, String> e : expected) {
            String key = e.get("feature") + "|" + e.get("coefficient");
            AssociationResult x = byKey.get(key);
            assertThat(x).as(key).isNotNull();
            closeOrTiny(p, key + " log2FC", x.estimate(), num(e, "log2FoldChange"));
            close(p, key + " SE", x.stderr(), num(e, "lfcSE"), REL);
            closeOrTiny(p, key + " t", x.statistic(), num(e, "stat"));
            close(p, key + " df", x.df(), num(e, "df"), dfRel);
            close(p, key + " p", x.pValue(), num(e, "pvalue"), dfRel);
            close(p, key + " q", x.qValue(), num(e, "padj"), dfRel);
        }
        assertNone(p);
    }

    private static void closeOrTiny(List<String> p, String what, double actual, double expected) {
        if (Math.abs(actual - expected) <= ABS_FLOOR) return;
        close(p, what, actual, expected, REL);
    }

    /** The fixture's rows (its first column, the feature, is not unique: one row per coefficient). */
    private static List<Map<String, String>> expectedRows(String name) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(io.gutbrain.association.AssociationFixtures.resource(
                    "reference/association/linda_" + name + ".tsv"));
            String[] header = lines.get(0).split("\t");
            return lines.subList(1, lines.size()).stream().map(l -> {
                String[] f = l.split("\t");
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.length; i++) m.put(header[i], f[i]);
                return m;
            }).toList();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
