package io.gutbrain.io;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import io.gutbrain.table.Rank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.gutbrain.io.TextFixtures.assertInputError;
import static io.gutbrain.io.TextFixtures.resource;
import static io.gutbrain.io.TextFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Expected values are the hand-chosen species abundances of the hand-made fixtures (see test resources README). */
class MetaPhlAnTest {
    @TempDir Path dir;

    private static final Path MPA3 = resource("handmade/metaphlan3_merged.tsv");
    private static final Path MPA4 = resource("handmade/metaphlan4_merged.tsv");
    private static final Path SINGLE = resource("handmade/sampleX_profile.txt");

    @Test
    void speciesRowsOnlyNotStrainsOrGenera() {
        FeatureTable t = MetaPhlAn.read(MPA3, Rank.SPECIES);
        assertThat(t.sampleIds()).containsExactly("S1", "S2", "S3");
        assertThat(t.featureIds()).containsExactly("s__Methanobrevibacter_smithii", "s__Bifidobacterium_longum",
                "s__Bacteroides_dorei", "s__Bacteroides_vulgatus", "s__Roseburia_intestinalis", "s__Faecalibacterium_prausnitzii");
        assertThat(t.nonZeroCount()).isEqualTo(14);
        assertThat(t.sampleDense(0)).containsExactly(0.5, 24.0, 30.5, 20.0, 0.0, 25.0);
        assertThat(t.sampleDense(1)).containsExactly(0.0, 20.0, 10.0, 0.0, 30.0, 40.0);
        assertThat(t.sampleDense(2)).containsExactly(3.0, 21.75, 0.0, 5.25, 20.0, 50.0);
        assertThat(t.sampleTotals()).containsExactly(100.0, 100.0, 100.0);
        Lineage dorei = t.lineage(t.featureIndex("s__Bacteroides_dorei"));
        assertThat(dorei.name(Rank.KINGDOM)).isEqualTo("Bacteria");
        assertThat(dorei.name(Rank.FAMILY)).isEqualTo("Bacteroidaceae");
        assertThat(dorei.name(Rank.GENUS)).isEqualTo("Bacteroides");
        assertThat(dorei.name(Rank.SPECIES)).isEqualTo("Bacteroides_dorei");
        assertThat(dorei.name(Rank.STRAIN)).isNull();
    }

    @Test
    void otherRanks() {
        FeatureTable g = MetaPhlAn.read(MPA3, Rank.GENUS);
        assertThat(g.featureIds()).containsExactly("g__Methanobrevibacter", "g__Bifidobacterium", "g__Bacteroides", "g__Roseburia", "g__Faecalibacterium");
        assertThat(g.get(0, g.featureIndex("g__Bacteroides"))).isEqualTo(50.5); // 30.5 + 20.0
        FeatureTable k = MetaPhlAn.read(MPA3, Rank.KINGDOM);
        assertThat(k.featureIds()).containsExactly("k__Archaea", "k__Bacteria");
        assertThat(k.sampleDense(2)).containsExactly(3.0, 97.0);
        FeatureTable strains = MetaPhlAn.read(MPA3, Rank.STRAIN);
        assertThat(strains.featureIds()).containsExactly("t__GCF_000158035", "t__GCF_000162015");
        assertThat(strains.lineage(0).name(Rank.SPECIES)).isEqualTo("Bacteroides_dorei");
    }

    @Test
    void metaphlan4UnclassifiedIsOptional() {
        FeatureTable t = MetaPhlAn.read(MPA4, Rank.SPECIES);
        assertThat(t.sampleIds()).containsExactly("A", "B");
        assertThat(t.featureIds()).containsExactly("s__Bacteroides_dorei", "s__Faecalibacterium_prausnitzii");
        assertThat(t.sampleTotals()).containsExactly(90.0, 75.0);

        FeatureTable all = MetaPhlAn.read(MPA4, Rank.SPECIES, true);
        assertThat(all.featureIds()).containsExactly("UNCLASSIFIED", "s__Bacteroides_dorei", "s__Faecalibacterium_prausnitzii");
        assertThat(all.sampleTotals()).containsExactly(100.0, 100.0);
        assertThat(all.lineage(0).deepestAssigned()).isNull();
        assertThat(MetaPhlAn.read(MPA4, Rank.STRAIN).featureIds()).containsExactly("t__SGB1814", "t__SGB15318");
    }

    @Test
    void singleSampleProfile() {
        FeatureTable t = MetaPhlAn.read(SINGLE, Rank.SPECIES);
        // '#SampleID  Metaphlan_Analysis' is MetaPhlAn's default, so the file name is the sample id
        assertThat(t.sampleIds()).containsExactly("sampleX_profile");
        assertThat(t.featureIds()).containsExactly("s__Bacteroides_dorei", "s__Faecalibacterium_prausnitzii");
        assertThat(t.sampleDense(0)).containsExactly(48.0, 40.0);
        FeatureTable withUnknown = MetaPhlAn.read(SINGLE, Rank.SPECIES, true);
        assertThat(withUnknown.featureIds()).containsExactly("UNKNOWN", "s__Bacteroides_dorei", "s__Faecalibacterium_prausnitzii");
        assertThat(withUnknown.sampleTotal(0)).isEqualTo(100.0);

        Path named = write(dir, "p.txt", "#mpa_v30_CHOCOPhlAn_201901\n#SampleID\tstool_42\n"
                + "#clade_name\tNCBI_tax_id\trelative_abundance\tadditional_species\nk__Bacteria\t2\t100.0\t\n");
        assertThat(MetaPhlAn.read(named, Rank.KINGDOM).sampleIds()).containsExactly("stool_42");
    }

    @Test
    void metaphlan2IdHeaderWithoutTaxidColumn() {
        Path p = write(dir, "m2.tsv", "ID\tx\ty\nk__Bacteria\t100\t100\nk__Bacteria|p__Firmicutes\t60\t0\nk__Bacteria|p__Bacteroidetes\t40\t100\n");
        FeatureTable t = MetaPhlAn.read(p, Rank.PHYLUM);
        assertThat(t.sampleIds()).containsExactly("x", "y");
        assertThat(t.featureIds()).containsExactly("p__Firmicutes", "p__Bacteroidetes");
        assertThat(t.sampleDense(1)).containsExactly(0.0, 100.0);
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void rankNotInFile() {
        Path p = write(dir, "g.tsv", "#mpa_v30_CHOCOPhlAn_201901\nclade_name\tS1\nk__Bacteria\t100\nk__Bacteria|p__Firmicutes|c__Clostridia|o__Clostridiales|f__Lachnospiraceae|g__Roseburia\t100\n");
        assertInputError(() -> MetaPhlAn.read(p, Rank.SPECIES), p, "line 2", "no clade at rank 'species'", "deepest rank in the file is 'genus'");
    }

    @Test
    void duplicateNameAtRank() {
        Path p = write(dir, "d.tsv", "clade_name\tS1\ng__A|s__X\t1\ng__B|s__X\t2\n");
        assertInputError(() -> MetaPhlAn.read(p, Rank.SPECIES), p, "line 3", "duplicate feature id 's__X' (first on line 2)");
    }

    @Test
    void cladeWithoutRankPrefix() {
        Path p = write(dir, "c.tsv", "clade_name\tS1\nk__Bacteria\t100\nBacteria|Firmicutes\t50\n");
        assertInputError(() -> MetaPhlAn.read(p, Rank.PHYLUM), p, "line 3, field 1", "'Bacteria|Firmicutes'");
    }

    @Test
    void missingHeaderRaggedAndBadValue() {
        Path noHeader = write(dir, "h.tsv", "#mpa_v30_CHOCOPhlAn_201901\nk__Bacteria\t2\t100.0\n");
        assertInputError(() -> MetaPhlAn.read(noHeader, Rank.KINGDOM), noHeader, "line 2", "missing header");
        Path ragged = write(dir, "r.tsv", "clade_name\tNCBI_tax_id\tS1\tS2\nk__Bacteria\t2\t100\n");
        assertInputError(() -> MetaPhlAn.read(ragged, Rank.KINGDOM), ragged, "line 2", "found 3 fields");
        Path bad = write(dir, "b.tsv", "clade_name\tNCBI_tax_id\tS1\tS2\nk__Bacteria\t2\t100\tNA\n");
        assertInputError(() -> MetaPhlAn.read(bad, Rank.KINGDOM), bad, "line 2, column 'S2'", "found 'NA'");
        Path empty = write(dir, "e.tsv", "#mpa_v30_CHOCOPhlAn_201901\n");
        assertInputError(() -> MetaPhlAn.read(empty, Rank.KINGDOM), empty, "line 1", "no header line");
    }
}
