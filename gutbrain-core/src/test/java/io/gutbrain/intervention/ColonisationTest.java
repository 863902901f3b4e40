package io.gutbrain.intervention;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Colonisation in the peerj32 probiotic trial (LGG vs placebo) against R (peerj32_colonisation_R.tsv). */
class ColonisationTest {
    @TempDir Path dir;

    private static final List<String> TAXA = List.of("Lactobacillus plantarum et rel.", "Lactobacillus gasseri et rel.", "Bifidobacterium");
    private static final FeatureTable COUNTS = Fixtures.counts("peerj32");
    private static final TrialDesign DESIGN = TrialDesign.from(Fixtures.metadata("peerj32"), "subject", "time", "group", "1", null);

    @Test
    void welchOnChangesMatchesROnEveryScale() {
        for (Colonisation.Scale scale : Colonisation.Scale.values()) {
            ColonisationResult r = Colonisation.compute(DESIGN, COUNTS, TAXA, "2", "LGG", "Placebo",
                    new Colonisation.Options(scale, Double.NaN, 0, 0.95));
            assertThat(r.rows()).hasSize(3);
            for (Map<String, String> ref : Fixtures.reference("peerj32_colonisation_R.tsv")) {
                if (!ref.get("scale").equals(scale.name().toLowerCase(Locale.ROOT))) continue;
                assertThat(r.pseudocount()).isCloseTo(Fixtures.num(ref, "pseudocount"), within(1e-18));
                ColonisationResult.Row row = r.rows().get(TAXA.indexOf(ref.get("feature")));
                WelchEstimate w = row.change();
                String what = scale + " " + ref.get("feature");
                double tol = scale == Colonisation.Scale.RELATIVE ? 1e-14 : 1e-11;
                assertThat(w.nActive()).isEqualTo(8);
                assertThat(w.nReference()).isEqualTo(14);
                assertThat(w.meanActive()).as(what).isCloseTo(Fixtures.num(ref, "mean_change_active"), within(tol));
                assertThat(w.meanReference()).as(what).isCloseTo(Fixtures.num(ref, "mean_change_reference"), within(tol));
                assertThat(w.difference()).as(what).isCloseTo(Fixtures.num(ref, "difference"), within(tol));
                assertThat(w.lower()).as(what).isCloseTo(Fixtures.num(ref, "ci_lower"), within(tol));
                assertThat(w.upper()).as(what).isCloseTo(Fixtures.num(ref, "ci_upper"), within(tol));
                assertThat(w.t()).as(what).isCloseTo(Fixtures.num(ref, "t"), within(1e-9));
                assertThat(w.df()).as(what).isCloseTo(Fixtures.num(ref, "df"), within(1e-9));
                assertThat(w.p()).as(what).isCloseTo(Fixtures.num(ref, "p"), within(1e-10));
                assertThat(row.active().absentAtBaseline()).isEqualTo(Integer.parseInt(ref.get("absent_baseline_active")));
                assertThat(row.active().colonised()).isEqualTo(Integer.parseInt(ref.get("colonised_active")));
                assertThat(row.reference().absentAtBaseline()).isEqualTo(Integer.parseInt(ref.get("absent_baseline_reference")));
                assertThat(row.reference().colonised()).isEqualTo(Integer.parseInt(ref.get("colonised_reference")));
            }
        }
    }

    @Test
    void colonisedFractionAndTable() {
        ColonisationResult r = Colonisation.compute(DESIGN, COUNTS, TAXA, "2", "LGG", "Placebo", Colonisation.Options.defaults());
        ColonisationResult.Row plantarum = r.rows().get(0);
        assertThat(plantarum.active().colonisedFraction()).isEqualTo(2.0 / 8);
        assertThat(plantarum.reference().colonisedFraction()).isEqualTo(5.0 / 14);
        r.write(dir.resolve("colonisation.tsv"));
        List<String> lines = Fixtures.lines(dir.resolve("colonisation.tsv"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("feature\tscale\ttimepoint\tactive\treference\tn_active\tn_reference\tmean_change_active");
        assertThat(lines.get(1)).startsWith("Lactobacillus plantarum et rel.\trelative\t2\tLGG\tPlacebo\t8\t14\t")
                .endsWith("\t2\t2\t0.25\t9\t5\t0.35714285714285715\tfeature id\t1\tLactobacillus plantarum et rel.");
    }

    @Test
    void detectionThresholdRaisesTheBarForPresence() {
        // with presence above 0.1%, a baseline of a few reads counts as absent
        ColonisationResult r = Colonisation.compute(DESIGN, COUNTS, TAXA, "2", "LGG", "Placebo",
                new Colonisation.Options(Colonisation.Scale.RELATIVE, Double.NaN, 0.001, 0.95));
        assertThat(r.rows().get(0).active().absentAtBaseline()).isGreaterThanOrEqualTo(2);
        assertThat(r.rows().get(2).reference().absentAtBaseline()).isZero();   // Bifidobacterium is abundant in everyone
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Colonisation.compute(DESIGN, COUNTS, List.of("Lactobacillus rhamnosus"), "2", "LGG", "Placebo", Colonisation.Options.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("taxon 'Lactobacillus rhamnosus'").hasMessageContaining("the table has no taxonomy");
        assertThatThrownBy(() -> Colonisation.compute(DESIGN, COUNTS, TAXA, "1", "LGG", "Placebo", Colonisation.Options.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("after baseline");
        assertThatThrownBy(() -> Colonisation.compute(DESIGN, COUNTS, TAXA, "2", "LGG", "placebo", Colonisation.Options.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("use one of: Placebo, LGG");
    }
}
