package io.gutbrain.table;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureTableTest {

    /** Samples S1..S3 × features A..D, hand-made so every expected figure can be checked by eye. */
    static FeatureTable small() {
        double[][] m = {
                {10, 0, 5, 0},   // S1 total 15
                {0, 3, 0, 0},    // S2 total 3
                {1, 1, 1, 7},    // S3 total 10
        };
        FeatureTable t = FeatureTable.fromDense("small", List.of("S1", "S2", "S3"), List.of("A", "B", "C", "D"), m);
        Lineage[] lin = {
                Lineage.parse("k__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; f__Ruminococcaceae; g__Faecalibacterium; s__prausnitzii"),
                Lineage.parse("k__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; f__Lachnospiraceae; g__Coprococcus; s__"),
                Lineage.parse("k__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; f__Ruminococcaceae; g__Faecalibacterium; s__"),
                Lineage.parse("k__Bacteria; p__Bacteroidetes"),
        };
        return t.withTaxonomy(lin);
    }

    @Test
    void shapeTotalsAndAccess() {
        FeatureTable t = small();
        assertThat(t.sampleCount()).isEqualTo(3);
        assertThat(t.featureCount()).isEqualTo(4);
        assertThat(t.nonZeroCount()).isEqualTo(7);
        assertThat(t.density()).isCloseTo(7.0 / 12, within(1e-15));
        assertThat(t.sampleTotals()).containsExactly(15, 3, 10);
        assertThat(t.featureTotals()).containsExactly(11, 4, 6, 7);
        assertThat(t.featurePrevalence()).containsExactly(2, 2, 2, 1);
        assertThat(t.get(0, 2)).isEqualTo(5);
        assertThat(t.get(1, 0)).isZero();
        assertThat(t.sampleDense(2)).containsExactly(1, 1, 1, 7);
        assertThat(t.sampleIndex("S2")).isEqualTo(1);
        assertThat(t.featureIndex("Z")).isEqualTo(-1);
        assertThat(t.isIntegral()).isTrue();
    }

    @Test
    void byFeatureIsTheTranspose() {
        FeatureTable t = small();
        FeatureMajor fm = t.byFeature();
        assertThat(fm.featureEnd(0) - fm.featureStart(0)).isEqualTo(2);
        assertThat(fm.sampleAt(fm.featureStart(0))).isEqualTo(0);
        assertThat(fm.valueAt(fm.featureStart(0) + 1)).isEqualTo(1);
        FeatureTable tt = t.transpose();
        assertThat(tt.sampleIds()).containsExactly("A", "B", "C", "D");
        assertThat(tt.get(3, 2)).isEqualTo(7);
        assertThat(tt.transpose().sameData(t.withTaxonomy((Lineage[]) null))).isTrue();
    }

    @Test
    void relativeAbundanceSumsToOne() {
        FeatureTable r = small().relativeAbundance();
        for (int s = 0; s < r.sampleCount(); s++) assertThat(r.sampleTotal(s)).isCloseTo(1.0, within(1e-15));
        assertThat(r.get(0, 0)).isCloseTo(10.0 / 15, within(1e-15));
    }

    @Test
    void filterFeaturesByTotalPrevalenceAndRelativeAbundance() {
        FeatureTable t = small();
        assertThat(t.filterFeatures(7, 0, 0).featureIds()).containsExactly("A", "D");
        // prevalence: D is in 1 of 3 samples (0.33) -> dropped at 0.5
        assertThat(t.filterFeatures(0, 0.5, 0).featureIds()).containsExactly("A", "B", "C");
        // max relative abundance: A 10/15, B 3/3, C 5/15=0.33, D 0.7
        assertThat(t.filterFeatures(0, 0, 0.5).featureIds()).containsExactly("A", "B", "D");
        FeatureTable f = t.filterFeatures(7, 0, 0);
        assertThat(f.lineage(1).name(Rank.PHYLUM)).isEqualTo("Bacteroidetes");
        assertThat(f.sampleTotals()).containsExactly(10, 0, 8);
    }

    @Test
    void filterAndSubsetSamples() {
        FeatureTable t = small();
        assertThat(t.filterMinDepth(10).sampleIds()).containsExactly("S1", "S3");
        assertThat(t.subsetSamples(List.of("S3", "S1")).sampleIds()).containsExactly("S3", "S1");
        assertThat(t.subsetSamples(List.of("S3", "S1")).get(0, 3)).isEqualTo(7);
        assertThatThrownBy(() -> t.subsetSamples(List.of("S9")))
                .isInstanceOf(InputException.class).hasMessageContaining("'S9'");
    }

    @Test
    void filterByMetadataPredicate() {
        String[][] cols = {{"case", "control", "case"}, {"12", "3", "20"}};
        SampleMetadata md = new SampleMetadata("md.tsv", List.of("S1", "S2", "S3"), List.of("group", "phq9"), cols, null);
        FeatureTable t = small().withMetadata(md);
        FeatureTable cases = t.filterSamplesByMetadata(row -> "case".equals(row.get("group")));
        assertThat(cases.sampleIds()).containsExactly("S1", "S3");
        assertThat(cases.metadata().numericColumn("phq9")).containsExactly(12, 20);
    }

    @Test
    void collapseToGenusPadsMissingLevels() {
        FeatureTable g = small().collapse(Rank.GENUS);
        assertThat(g.featureIds()).containsExactly(
                "k__Bacteria;p__Firmicutes;c__Clostridia;o__Clostridiales;f__Ruminococcaceae;g__Faecalibacterium",
                "k__Bacteria;p__Firmicutes;c__Clostridia;o__Clostridiales;f__Lachnospiraceae;g__Coprococcus",
                "k__Bacteria;p__Bacteroidetes;c__;o__;f__;g__");
        assertThat(g.sampleDense(0)).containsExactly(15, 0, 0);
        assertThat(g.sampleDense(2)).containsExactly(2, 1, 7);
        assertThat(g.lineage(0).name(Rank.GENUS)).isEqualTo("Faecalibacterium");
        FeatureTable p = small().collapse(Rank.PHYLUM);
        assertThat(p.featureCount()).isEqualTo(2);
        assertThat(p.sampleTotals()).containsExactly(15, 3, 10);
    }

    @Test
    void collapseWithoutTaxonomyIsAnInputError() {
        FeatureTable t = small().withTaxonomy((Lineage[]) null);
        assertThatThrownBy(() -> t.collapse(Rank.GENUS)).isInstanceOf(InputException.class).hasMessageContaining("no taxonomy");
    }

    @Test
    void mergeUnionsSamplesAndFeatures() {
        FeatureTable a = FeatureTable.fromDense("a", List.of("S1"), List.of("A", "B"), new double[][]{{1, 2}});
        FeatureTable b = FeatureTable.fromDense("b", List.of("S2"), List.of("B", "C"), new double[][]{{3, 4}});
        FeatureTable m = FeatureTable.merge(List.of(a, b), false);
        assertThat(m.sampleIds()).containsExactly("S1", "S2");
        assertThat(m.featureIds()).containsExactly("A", "B", "C");
        assertThat(m.sampleDense(0)).containsExactly(1, 2, 0);
        assertThat(m.sampleDense(1)).containsExactly(0, 3, 4);
        assertThatThrownBy(() -> FeatureTable.merge(List.of(a, a), false)).isInstanceOf(InputException.class).hasMessageContaining("S1");
        assertThat(FeatureTable.merge(List.of(a, a), true).sampleDense(0)).containsExactly(2, 4);
    }

    @Test
    void builderRejectsBadValuesNamingTheCell() {
        FeatureTable.Builder b = new FeatureTable.Builder("x.tsv", List.of("S1"), List.of("A"));
        assertThatThrownBy(() -> b.add(0, 0, -1)).isInstanceOf(InputException.class).hasMessageContaining("negative").hasMessageContaining("'A'");
        assertThatThrownBy(() -> b.add(0, 0, Double.NaN)).isInstanceOf(InputException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> b.add(0, 0, Double.POSITIVE_INFINITY)).isInstanceOf(InputException.class).hasMessageContaining("Infinity");
        b.add(0, 0, 1).add(0, 0, 2);
        assertThatThrownBy(b::build).isInstanceOf(InputException.class).hasMessageContaining("more than once");
    }

    @Test
    void duplicateIdsAreRejected() {
        assertThatThrownBy(() -> FeatureTable.fromDense("d.tsv", List.of("S1", "S1"), List.of("A"), new double[][]{{1}, {2}}))
                .isInstanceOf(InputException.class).hasMessageContaining("duplicate sample id");
        assertThatThrownBy(() -> FeatureTable.fromDense("d.tsv", List.of("S1"), List.of("A", "A"), new double[][]{{1, 2}}))
                .isInstanceOf(InputException.class).hasMessageContaining("duplicate feature id");
    }

    @Test
    void builderSortsAndSumsWhenAsked() {
        FeatureTable.Builder b = new FeatureTable.Builder("x", List.of("S1", "S2"), List.of("A", "B", "C"));
        b.addSum(1, 2, 1).addSum(0, 1, 2).addSum(1, 0, 3).addSum(1, 2, 4);
        FeatureTable t = b.build();
        assertThat(t.sampleDense(1)).containsExactly(3, 0, 5);
        assertThat(t.sampleDense(0)).containsExactly(0, 2, 0);
    }

    @Test
    void withTaxonomyByIdFillsUnassigned() {
        FeatureTable t = small().withTaxonomy(Map.of("A", Lineage.parse("k__Bacteria")));
        assertThat(t.lineage(0).name(Rank.KINGDOM)).isEqualTo("Bacteria");
        assertThat(t.lineage(1).deepestAssigned()).isNull();
    }
}
