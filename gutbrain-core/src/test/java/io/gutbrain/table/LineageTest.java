package io.gutbrain.table;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineageTest {
    @Test
    void greengenes() {
        Lineage l = Lineage.parse("k__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; f__Lachnospiraceae; g__Coprococcus; s__");
        assertThat(l.name(Rank.GENUS)).isEqualTo("Coprococcus");
        assertThat(l.name(Rank.SPECIES)).isEmpty();
        assertThat(l.name(Rank.STRAIN)).isNull();
        assertThat(l.deepestAssigned()).isEqualTo(Rank.GENUS);
        assertThat(l.truncatedId(Rank.FAMILY)).isEqualTo("k__Bacteria;p__Firmicutes;c__Clostridia;o__Clostridiales;f__Lachnospiraceae");
    }

    @Test
    void silvaDomainMapsToKingdom() {
        Lineage l = Lineage.parse("d__Bacteria; p__Bacteroidota; c__Bacteroidia; o__Bacteroidales; f__Bacteroidaceae; g__Bacteroides");
        assertThat(l.name(Rank.KINGDOM)).isEqualTo("Bacteria");
        assertThat(l.name(Rank.PHYLUM)).isEqualTo("Bacteroidota");
        assertThat(l.asPrefixedList()).startsWith("k__Bacteria", "p__Bacteroidota");
    }

    @Test
    void metaphlanPipes() {
        Lineage l = Lineage.parse("k__Bacteria|p__Firmicutes|c__Clostridia|o__Eubacteriales|f__Oscillospiraceae|g__Faecalibacterium|s__Faecalibacterium_prausnitzii|t__SGB15316");
        assertThat(l.name(Rank.SPECIES)).isEqualTo("Faecalibacterium_prausnitzii");
        assertThat(l.name(Rank.STRAIN)).isEqualTo("SGB15316");
        assertThat(l.deepestAssigned()).isEqualTo(Rank.STRAIN);
    }

    @Test
    void unprefixedTokensArePositional() {
        Lineage l = Lineage.parse("Bacteria;Firmicutes;Clostridia");
        assertThat(l.name(Rank.CLASS)).isEqualTo("Clostridia");
        assertThat(Lineage.parse("Unassigned").deepestAssigned()).isNull();
    }

    @Test
    void explicitRanks() {
        Lineage l = Lineage.ofRanks(new Rank[]{Rank.PHYLUM, Rank.GENUS}, new String[]{"Firmicutes", "Coprococcus"});
        assertThat(l.name(Rank.GENUS)).isEqualTo("Coprococcus");
        assertThat(l.name(Rank.CLASS)).isNull();
        assertThat(l.truncatedId(Rank.GENUS)).isEqualTo("k__;p__Firmicutes;c__;o__;f__;g__Coprococcus");
        assertThat(Rank.parse("Genus")).isEqualTo(Rank.GENUS);
        assertThat(Rank.parse("domain")).isEqualTo(Rank.KINGDOM);
    }
}
