package io.gutbrain.table;

import io.gutbrain.error.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resolving taxon names to features, on a hand-made ASV table with lineages. */
class TaxonGroupTest {
    // Three Bifidobacterium ASVs (two species), one Lactobacillus, one unassigned at genus, and
    // an ASV whose id is itself a genus name (to check that an exact id wins over lineages).
    private static final List<String> ASVS = List.of("asv1", "asv2", "asv3", "asv4", "asv5", "Lactobacillus");
    private static final Lineage[] LINEAGES = {
            Lineage.parse("k__Bacteria; p__Actinobacteria; c__Actinobacteria; o__Bifidobacteriales; f__Bifidobacteriaceae; g__Bifidobacterium; s__longum"),
            Lineage.parse("k__Bacteria; p__Actinobacteria; c__Actinobacteria; o__Bifidobacteriales; f__Bifidobacteriaceae; g__Bifidobacterium; s__adolescentis"),
            Lineage.parse("k__Bacteria; p__Actinobacteria; c__Actinobacteria; o__Bifidobacteriales; f__Bifidobacteriaceae; g__Bifidobacterium; s__"),
            Lineage.parse("k__Bacteria; p__Firmicutes; c__Bacilli; o__Lactobacillales; f__Lactobacillaceae; g__Lactobacillus; s__"),
            Lineage.parse("k__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; f__Lachnospiraceae; g__; s__"),
            Lineage.parse("k__Bacteria; p__Firmicutes; c__Bacilli; o__Lactobacillales; f__Lactobacillaceae; g__Lactobacillus; s__"),
    };
    // samples x features; totals 100, 50, 0
    private static final double[][] VALUES = {
            {10, 5, 0, 20, 60, 5},
            {0, 1, 2, 10, 30, 7},
            {0, 0, 0, 0, 0, 0},
    };

    private static FeatureTable table() {
        return FeatureTable.fromDense("asv.tsv", List.of("S1", "S2", "S3"), ASVS, VALUES).withTaxonomy(LINEAGES);
    }

    @Test
    void genusSpellingsSumTheGenusFeatures() {
        FeatureTable t = table();
        for (String q : List.of("Bifidobacterium", "g__Bifidobacterium", "genus:Bifidobacterium", "Genus: Bifidobacterium")) {
            TaxonGroup g = TaxonGroup.resolve(t, q);
            assertThat(g.query()).isEqualTo(q);
            assertThat(g.rank()).as(q).isEqualTo(Rank.GENUS);
            assertThat(g.matchedBy()).isEqualTo("genus");
            assertThat(g.featureIds()).as(q).containsExactly("asv1", "asv2", "asv3");
            // hand sums: S1 10 + 5 + 0, S2 0 + 1 + 2, S3 empty
            assertThat(g.sampleSums(t)).containsExactly(15, 3, 0);
            double[] rel = g.relativeAbundance(t);
            assertThat(rel[0]).isEqualTo(15.0 / 100);
            assertThat(rel[1]).isEqualTo(3.0 / 50);
            assertThat(rel[2]).isNaN();
        }
        assertThat(TaxonGroup.resolve(t, "genus:Bifidobacterium").describe()).isEqualTo("genus:Bifidobacterium (genus, 3 features summed)");
    }

    @Test
    void sumsEqualTheCollapsedGenusRow() {
        FeatureTable t = table();
        FeatureTable genera = t.collapse(Rank.GENUS);
        int row = genera.featureIndex(LINEAGES[0].truncatedId(Rank.GENUS));
        double[] sums = TaxonGroup.resolve(t, "Bifidobacterium").sampleSums(t);
        for (int s = 0; s < 3; s++) assertThat(sums[s]).isEqualTo(genera.get(s, row));
    }

    @Test
    void otherRanksAndExactIds() {
        FeatureTable t = table();
        assertThat(TaxonGroup.resolve(t, "f__Lactobacillaceae").featureIds()).containsExactly("asv4", "Lactobacillus");
        assertThat(TaxonGroup.resolve(t, "s:longum").featureIds()).containsExactly("asv1");
        assertThat(TaxonGroup.resolve(t, "Firmicutes").rank()).isEqualTo(Rank.PHYLUM);
        // the feature id 'Lactobacillus' wins over the two features of genus Lactobacillus
        TaxonGroup exact = TaxonGroup.resolve(t, "Lactobacillus");
        assertThat(exact.rank()).isNull();
        assertThat(exact.matchedBy()).isEqualTo("feature id");
        assertThat(exact.featureIds()).containsExactly("Lactobacillus");
        assertThat(exact.sampleSums(t)).containsExactly(5, 7, 0);
        // ... and the rank-qualified name reaches the lineages
        assertThat(TaxonGroup.resolve(t, "genus:Lactobacillus").featureIds()).containsExactly("asv4", "Lactobacillus");
        assertThat(TaxonGroup.resolveAll(t, List.of("asv5", "Bifidobacterium")).stream().map(TaxonGroup::size).toList()).containsExactly(1, 3);
    }

    @Test
    void nameAtTwoRanksIsAmbiguous() {
        // "Actinobacteria" is both the phylum and the class of the Bifidobacterium ASVs
        assertThatThrownBy(() -> TaxonGroup.resolve(table(), "Actinobacteria"))
                .isInstanceOf(InputException.class).hasMessageContaining("more than one rank")
                .hasMessageContaining("phylum:Actinobacteria, class:Actinobacteria");
        assertThat(TaxonGroup.resolve(table(), "c__Actinobacteria").size()).isEqualTo(3);
    }

    @Test
    void unknownNamesSuggestTheNearest() {
        assertThatThrownBy(() -> TaxonGroup.resolve(table(), "Bifidobacterum"))
                .isInstanceOf(InputException.class).hasMessageContaining("taxon 'Bifidobacterum'")
                .hasMessageContaining("matches no feature id and no lineage").hasMessageContaining("did you mean 'Bifidobacterium'?");
        assertThatThrownBy(() -> TaxonGroup.resolve(table(), "genus:Lactobacillaceae"))
                .isInstanceOf(InputException.class).hasMessageContaining("no genus name");
        assertThatThrownBy(() -> TaxonGroup.resolve(table(), "g__"))
                .isInstanceOf(InputException.class).hasMessageContaining("no name after the rank");
    }

    @Test
    void tableWithoutTaxonomyTakesFeatureIdsOnly() {
        FeatureTable noTax = FeatureTable.fromDense("genus.tsv", List.of("S1", "S2", "S3"), ASVS, VALUES);
        assertThat(TaxonGroup.resolve(noTax, "Lactobacillus").size()).isEqualTo(1);
        assertThatThrownBy(() -> TaxonGroup.resolve(noTax, "Bifidobacterium"))
                .isInstanceOf(InputException.class).hasMessageContaining("the table has no taxonomy")
                .hasMessageContaining("--taxonomy FILE");
        assertThatThrownBy(() -> TaxonGroup.resolve(noTax, "Lactobacilus"))
                .isInstanceOf(InputException.class).hasMessageContaining("did you mean 'Lactobacillus'?");
    }

    @Test
    void aGroupBelongsToItsTable() {
        TaxonGroup g = TaxonGroup.resolve(table(), "Bifidobacterium");
        FeatureTable other = FeatureTable.fromDense("x", List.of("S1"), List.of("a", "b", "c"), new double[][]{{1, 2, 3}});
        assertThatThrownBy(() -> g.sampleSums(other)).isInstanceOf(IllegalArgumentException.class);
        // samples may differ, features not
        assertThat(g.sampleSums(table().subsetSamples(List.of("S2")))).containsExactly(3);
    }
}
