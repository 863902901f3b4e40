package io.gutbrain.io;

import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.gutbrain.io.TextFixtures.assertInputError;
import static io.gutbrain.io.TextFixtures.resource;
import static io.gutbrain.io.TextFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Expected values are the hand-typed cells of the hand-made HUMAnN fixtures. */
class HumannTest {
    @TempDir Path dir;

    @Test
    void splitsGeneFamiliesIntoUnstratifiedAndStratified() {
        HumannTable h = Humann.read(resource("handmade/genefamilies_joined.tsv"));
        assertThat(h.header()).isEqualTo("# Gene Family");
        FeatureTable u = h.unstratified();
        assertThat(u.sampleIds()).containsExactly("S1_Abundance-RPKs", "S2_Abundance-RPKs", "S3_Abundance-RPKs");
        assertThat(u.featureIds()).containsExactly("UNMAPPED", "UniRef90_A0A015QQE8", "UniRef90_R6K8A3", "UniRef90_A0A174P7I4");
        assertThat(u.sampleDense(0)).containsExactly(1500.0, 25.0, 12.75, 0.0);
        assertThat(u.sampleDense(2)).containsExactly(987.25, 4.5, 0.0, 0.01); // '1.0e-2' in the file
        assertThat(h.isUnassignedRow("UNMAPPED")).isTrue();
        assertThat(h.isUnassignedRow("UniRef90_R6K8A3")).isFalse();

        FeatureTable s = h.stratified();
        assertThat(s.sampleIds()).isEqualTo(u.sampleIds());
        assertThat(s.featureIds()).containsExactly(
                "UniRef90_A0A015QQE8|g__Bacteroides.s__Bacteroides_fragilis", "UniRef90_A0A015QQE8|unclassified",
                "UniRef90_R6K8A3|g__Faecalibacterium.s__Faecalibacterium_prausnitzii", "UniRef90_R6K8A3|unclassified",
                "UniRef90_A0A174P7I4|g__Roseburia.s__Roseburia_intestinalis");
        assertThat(h.function(2)).isEqualTo("UniRef90_R6K8A3");
        assertThat(h.taxon(2)).isEqualTo("g__Faecalibacterium.s__Faecalibacterium_prausnitzii");
        assertThat(h.taxon(3)).isEqualTo("unclassified");
        assertThat(s.sampleDense(1)).containsExactly(0.0, 0.0, 6.0, 2.5, 33.333);
        // per function, taxon contributions add up to the community row (hand-checked in the fixture)
        assertThat(s.get(1, 2) + s.get(1, 3)).isEqualTo(u.get(1, 2));
    }

    @Test
    void pathwaysWithUnintegratedAndOptions() {
        Path p = resource("handmade/pathabundance_joined.tsv");
        HumannTable kept = Humann.read(p);
        assertThat(kept.header()).isEqualTo("# Pathway");
        assertThat(kept.unstratified().featureIds()).containsExactly("UNMAPPED", "UNINTEGRATED",
                "PWY-5686: UMP biosynthesis", "PWY-7219: adenosine ribonucleotides de novo biosynthesis");
        assertThat(kept.stratified().featureCount()).isEqualTo(4);
        assertThat(kept.isUnassignedRow("UNINTEGRATED|unclassified")).isTrue();

        HumannTable dropped = Humann.read(p, new Humann.Options(true, true));
        assertThat(dropped.unstratified().sampleIds()).containsExactly("S1", "S2");
        assertThat(dropped.unstratified().featureIds()).containsExactly("PWY-5686: UMP biosynthesis",
                "PWY-7219: adenosine ribonucleotides de novo biosynthesis");
        assertThat(dropped.unstratified().sampleDense(1)).containsExactly(38.0, 55.25);
        assertThat(dropped.stratified().featureIds()).containsExactly("PWY-5686: UMP biosynthesis|g__Bacteroides.s__Bacteroides_dorei",
                "PWY-5686: UMP biosynthesis|unclassified");
        assertThat(dropped.function(0)).isEqualTo("PWY-5686: UMP biosynthesis");
    }

    @Test
    void regroupedKosInCpm() {
        HumannTable h = Humann.read(resource("handmade/ko_cpm_joined.tsv"), new Humann.Options(false, true));
        assertThat(h.unstratified().sampleIds()).containsExactly("S1", "S2");
        // CPM: every sample's unstratified rows sum to one million (by construction of the fixture)
        assertThat(h.unstratified().sampleTotals()).containsExactly(1_000_000.0, 1_000_000.0);
        assertThat(h.isUnassignedRow("UNGROUPED")).isTrue();
        assertThat(h.stratified().featureIds()).contains("UNGROUPED|unclassified");
        assertThat(Humann.read(resource("handmade/ko_cpm_joined.tsv"), new Humann.Options(true, false))
                .unstratified().sampleTotals()).containsExactly(380000.0, 400000.0);
    }

    @Test
    void stratifiedOnlyFile() {
        Path p = write(dir, "s.tsv", "# Gene Family\tS1\nUniRef90_X|unclassified\t3\n");
        HumannTable h = Humann.read(p);
        assertThat(h.unstratified().featureCount()).isZero();
        assertThat(h.stratified().featureIds()).containsExactly("UniRef90_X|unclassified");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badInput() {
        Path noHash = write(dir, "h.tsv", "Gene Family\tS1\nUniRef90_X\t3\n");
        assertInputError(() -> Humann.read(noHash), noHash, "line 1", "missing header");
        Path ragged = write(dir, "r.tsv", "# Pathway\tS1\tS2\nUNMAPPED\t1\t2\nPWY-1\t3\n");
        assertInputError(() -> Humann.read(ragged), ragged, "line 3", "found 2 fields");
        Path negative = write(dir, "n.tsv", "# Pathway\tS1\tS2\nPWY-1\t3\t-1\n");
        assertInputError(() -> Humann.read(negative), negative, "line 2, column 'S2'", "negative");
        Path duplicate = write(dir, "d.tsv", "# Pathway\tS1\nPWY-1\t3\nPWY-1|unclassified\t3\nPWY-1|unclassified\t3\n");
        assertInputError(() -> Humann.read(duplicate), duplicate, "line 4", "duplicate function id 'PWY-1|unclassified' (first on line 3)");
        Path sameAfterStrip = write(dir, "x.tsv", "# Pathway\tS1_Abundance\tS1_Coverage\nPWY-1\t3\t1\n");
        assertThat(Humann.read(sameAfterStrip).unstratified().sampleCount()).isEqualTo(2);
        assertInputError(() -> Humann.read(sameAfterStrip, new Humann.Options(false, true)), sameAfterStrip, "line 1", "duplicate sample id 'S1'");
        Path noRows = write(dir, "e.tsv", "# Pathway\tS1\n");
        assertInputError(() -> Humann.read(noRows), noRows, "line 1", "not followed by any function rows");
        Path onlyUnassigned = write(dir, "u.tsv", "# Pathway\tS1\nUNMAPPED\t5\n");
        assertInputError(() -> Humann.read(onlyUnassigned, new Humann.Options(true, false)), onlyUnassigned, "line 1", "not followed by any function rows");
    }
}
