package io.gutbrain.intervention;

import io.gutbrain.error.InputException;
import io.gutbrain.io.TaxonomyFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.result.ResultTable;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The bifidogenic response and taxa named by lineage, on peerj32 (LGG vs placebo, time 1 → 2)
 * and dietswap (diet-intervention period, timepoint 4 → 5, AAM on a high-fibre vs AFR on a
 * high-fat diet), against R: reference/intervention/make_bifidogenic_reference.R
 * (bifidogenic_R.tsv, dietswap_family_log_change_R.tsv). Tolerances: 1e-12 on means and interval
 * limits (logs of the same doubles, summed in another order), 1e-9 on t, df and p (t quantile and
 * tail by different code), exact on counts and on Wilson / Newcombe limits to 1e-12.
 */
class BifidogenicTest {
    @TempDir Path dir;

    private static final FeatureTable PEERJ32 = Fixtures.counts("peerj32");
    private static final TrialDesign PEERJ32_TRIAL = TrialDesign.from(Fixtures.metadata("peerj32"), "subject", "time", "group", "1", null);
    private static final FeatureTable DIETSWAP = Fixtures.counts("dietswap");

    private static TrialDesign dietswapTrial() {
        SampleMetadata md = Fixtures.metadata("dietswap");
        List<String> keep = md.ids().stream().filter(id -> {
            String t = md.text("timepoint", id);
            return t.equals("4") || t.equals("5");
        }).toList();
        return TrialDesign.from(md.select(keep), "subject", "timepoint", "nationality", "4", null);
    }

    @Test
    void peerj32MatchesR() {
        BifidogenicResult r = Bifidogenic.compute(PEERJ32_TRIAL, PEERJ32, "2", "LGG", "Placebo", Bifidogenic.Options.defaults());
        check(r, "peerj32");
        assertThat(r.genus().matchedBy()).isEqualTo("feature id");
        assertThat(r.genus().features()).containsExactly("Bifidobacterium");
    }

    @Test
    void dietswapMatchesR() {
        BifidogenicResult r = Bifidogenic.compute(dietswapTrial(), DIETSWAP, "5", "AAM", "AFR", Bifidogenic.Options.defaults());
        check(r, "dietswap");
        assertThat(r.warnings()).isEmpty();
    }

    private static void check(BifidogenicResult r, String dataset) {
        List<Map<String, String>> ref = Fixtures.reference("bifidogenic_R.tsv").stream().filter(m -> m.get("dataset").equals(dataset)).toList();
        assertThat(ref).hasSize(3);
        Map<String, String> a = ref.get(0), p = ref.get(1), d = ref.get(2);
        assertThat(r.pseudocount()).isCloseTo(Fixtures.num(a, "pseudocount"), within(1e-18));
        for (Object[] arm : new Object[][]{{r.active(), r.responders().active(), a}, {r.reference(), r.responders().reference(), p}}) {
            MeanEstimate m = (MeanEstimate) arm[0];
            Proportion resp = (Proportion) arm[1];
            @SuppressWarnings("unchecked") Map<String, String> x = (Map<String, String>) arm[2];
            String what = dataset + " " + x.get("arm");
            assertThat(m.n()).as(what).isEqualTo(Integer.parseInt(x.get("n")));
            assertThat(m.mean()).as(what).isCloseTo(Fixtures.num(x, "mean_log_fc"), within(1e-12));
            assertThat(m.lower()).as(what).isCloseTo(Fixtures.num(x, "ci_lower"), within(1e-12));
            assertThat(m.upper()).as(what).isCloseTo(Fixtures.num(x, "ci_upper"), within(1e-12));
            assertThat(m.t()).as(what).isCloseTo(Fixtures.num(x, "t"), within(1e-9));
            assertThat(m.p()).as(what).isCloseTo(Fixtures.num(x, "p"), within(1e-9));
            assertThat(resp.events()).as(what).isEqualTo(Integer.parseInt(x.get("responders")));
            assertThat(resp.n()).as(what).isEqualTo(m.n());
            assertThat(resp.lower()).as(what).isCloseTo(Fixtures.num(x, "rate_lower"), within(1e-12));
            assertThat(resp.upper()).as(what).isCloseTo(Fixtures.num(x, "rate_upper"), within(1e-12));
        }
        WelchEstimate w = r.genus().change();
        assertThat(w.difference()).isCloseTo(Fixtures.num(d, "mean_log_fc"), within(1e-12));
        assertThat(w.lower()).isCloseTo(Fixtures.num(d, "ci_lower"), within(1e-12));
        assertThat(w.upper()).isCloseTo(Fixtures.num(d, "ci_upper"), within(1e-12));
        assertThat(w.t()).isCloseTo(Fixtures.num(d, "t"), within(1e-9));
        assertThat(w.df()).isCloseTo(Fixtures.num(d, "df"), within(1e-9));
        assertThat(w.p()).isCloseTo(Fixtures.num(d, "p"), within(1e-9));
        assertThat(r.ratio()).isCloseTo(Math.exp(Fixtures.num(d, "mean_log_fc")), within(1e-12));
        assertThat(r.ratioLower()).isCloseTo(Math.exp(Fixtures.num(d, "ci_lower")), within(1e-12));
        assertThat(r.responders().difference()).isCloseTo(Fixtures.num(d, "responder_rate"), within(1e-15));
        assertThat(r.responders().lower()).isCloseTo(Fixtures.num(d, "rate_lower"), within(1e-12));
        assertThat(r.responders().upper()).isCloseTo(Fixtures.num(d, "rate_upper"), within(1e-12));
    }

    @Test
    void tableAndFiles() {
        BifidogenicResult r = Bifidogenic.compute(PEERJ32_TRIAL, PEERJ32, "2", "LGG", "Placebo", Bifidogenic.Options.defaults());
        ResultTable t = r.table("bifidogenic");
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.columns()).isEqualTo(BifidogenicResult.COLUMNS);
        assertThat(t.rows().get(2)[3]).isEqualTo("LGG − Placebo");
        // R: 3 of 8 LGG and 2 of 14 placebo subjects at least doubled
        assertThat(t.rows().get(0)[13]).isEqualTo(3);
        assertThat(t.rows().get(1)[13]).isEqualTo(2);
        r.write(dir.resolve("bifidogenic.tsv"));
        List<String> lines = Fixtures.lines(dir.resolve("bifidogenic.tsv"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("Bifidobacterium\tBifidobacterium\t2\tLGG\t8\t");
        r.writeSubjects(dir.resolve("subjects.tsv"));
        assertThat(Fixtures.lines(dir.resolve("subjects.tsv"))).hasSize(1 + 22).first().isEqualTo("feature\tsubject\tarm\tbaseline\tvalue\tchange\tscale");
    }

    @Test
    void stricterThresholdFewerResponders() {
        BifidogenicResult r = Bifidogenic.compute(PEERJ32_TRIAL, PEERJ32, "2", "LGG", "Placebo", new Bifidogenic.Options(Double.NaN, 1e6, 0.95));
        assertThat(r.responders().active().events()).isZero();
        assertThatThrownBy(() -> new Bifidogenic.Options(Double.NaN, 1, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void familiesOfTheTaxonomyAreSummedAsInR() {
        Map<String, Lineage> tax = TaxonomyFile.read(Fixtures.resource("microbiome-interventions/dietswap/taxonomy.tsv"));
        FeatureTable withTax = DIETSWAP.withTaxonomy(tax);
        List<String> names = List.of("Clostridium cluster IV", "family:Actinobacteria", "f__Bacilli");
        ColonisationResult r = Colonisation.compute(dietswapTrial(), withTax, names, "5", "AAM", "AFR",
                new Colonisation.Options(Colonisation.Scale.LOG, Double.NaN, 0, 0.95));
        List<Map<String, String>> ref = Fixtures.reference("dietswap_family_log_change_R.tsv");
        for (int i = 0; i < names.size(); i++) {
            ColonisationResult.Row row = r.rows().get(i);
            Map<String, String> x = ref.get(i);
            String what = names.get(i);
            assertThat(row.taxon()).isEqualTo(what);
            assertThat(row.matchedBy()).isEqualTo("family");
            assertThat(row.features()).as(what).hasSize(Integer.parseInt(x.get("n_features")));
            WelchEstimate w = row.change();
            assertThat(r.pseudocount()).isCloseTo(Fixtures.num(x, "pseudocount"), within(1e-18));
            assertThat(w.meanActive()).as(what).isCloseTo(Fixtures.num(x, "mean_change_active"), within(1e-12));
            assertThat(w.meanReference()).as(what).isCloseTo(Fixtures.num(x, "mean_change_reference"), within(1e-12));
            assertThat(w.lower()).as(what).isCloseTo(Fixtures.num(x, "ci_lower"), within(1e-12));
            assertThat(w.upper()).as(what).isCloseTo(Fixtures.num(x, "ci_upper"), within(1e-12));
            assertThat(w.df()).as(what).isCloseTo(Fixtures.num(x, "df"), within(1e-9));
            assertThat(w.p()).as(what).isCloseTo(Fixtures.num(x, "p"), within(1e-9));
        }
        // bare "Actinobacteria" is the phylum and the HITChip level-2 group of the same features
        assertThatThrownBy(() -> Colonisation.compute(dietswapTrial(), withTax, List.of("Actinobacteria"), "5", "AAM", "AFR", Colonisation.Options.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("more than one rank");
    }

    @Test
    void badInput() {
        // a genus table whose ids have no Bifidobacterium and no taxonomy
        FeatureTable noBifido = PEERJ32.selectFeatures(keepAllBut(PEERJ32, "Bifidobacterium"));
        assertThatThrownBy(() -> Bifidogenic.compute(PEERJ32_TRIAL, noBifido, "2", "LGG", "Placebo", Bifidogenic.Options.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("taxon 'Bifidobacterium'").hasMessageContaining("no taxonomy");
        // with taxonomy but without the genus: the nearest name is offered
        Map<String, Lineage> tax = TaxonomyFile.read(Fixtures.resource("microbiome-interventions/peerj32/taxonomy.tsv"));
        assertThatThrownBy(() -> Colonisation.compute(PEERJ32_TRIAL, PEERJ32.withTaxonomy(tax), List.of("genus:Bifidobacterum"), "2", "LGG", "Placebo",
                Colonisation.Options.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("did you mean 'Bifidobacterium'?");
        assertThatThrownBy(() -> Bifidogenic.compute(PEERJ32_TRIAL, PEERJ32, "1", "LGG", "Placebo", Bifidogenic.Options.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("after baseline");
    }

    private static boolean[] keepAllBut(FeatureTable t, String id) {
        boolean[] keep = new boolean[t.featureCount()];
        for (int f = 0; f < keep.length; f++) keep[f] = !t.featureIds().get(f).equals(id);
        return keep;
    }
}
