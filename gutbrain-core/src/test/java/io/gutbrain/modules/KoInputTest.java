package io.gutbrain.modules;

import io.gutbrain.util.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.gutbrain.modules.ModuleFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading KO tables and per-taxon contributions on the hand-made HUMAnN file
 * {@code modules/humann_ko_stratified.tsv}; expected values are worked out in the comments.
 */
class KoInputTest {
    @TempDir Path dir;

    @Test
    void humannStratifiedTableGivesCommunityAndPerTaxonCalls() throws IOException {
        KoInput in = KoInput.read(resource("modules/humann_ko_stratified.tsv"));
        assertThat(in.format()).isEqualTo("humann");
        assertThat(in.isStratified()).isTrue();
        assertThat(in.community().sampleIds()).containsExactly("S1", "S2");
        ModuleSet set = ModuleSet.builtin();
        ModuleOptions o = ModuleOptions.defaults().withThreads(1);
        ModuleProfile p = ModuleProfiler.profile(in.community(), set, o, ProgressListener.NONE);
        int gad = set.indexOf("GBNM01"), shunt = set.indexOf("GBNM04"), hdc = set.indexOf("GBNM19");
        assertThat(p.abundance(0, gad)).isEqualTo(30.0);
        assertThat(p.abundance(0, shunt)).isEqualTo(9.0);   // median(gabT 12, gabD 6)
        assertThat(p.abundance(1, shunt)).isEqualTo(5.0);   // median(6, 4)
        assertThat(p.abundance(1, hdc)).isEqualTo(9.0);
        assertThat(p.called(0, hdc)).isFalse();
        assertThat(p.otherFeatures()).isEqualTo(2);           // UNMAPPED, UNGROUPED

        ModuleContributions c = ModuleProfiler.contributions(in.stratified(), set, o, p.cutoff(), ProgressListener.NONE);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) rows.add(c.sample(i) + " " + c.module(i) + " " + c.taxon(i) + " " + c.abundance(i) + " " + c.coverage(i));
        // Bacteroides has gabT without gabD in S1: coverage 1/2, not called
        assertThat(rows).containsExactly(
                "S1 GBNM01 g__Bacteroides.s__Bacteroides_fragilis 20.0 1.0",
                "S1 GBNM01 g__Lactobacillus.s__Lactobacillus_plantarum 10.0 1.0",
                "S1 GBNM04 g__Escherichia.s__Escherichia_coli 7.0 1.0",
                "S2 GBNM04 g__Escherichia.s__Escherichia_coli 5.0 1.0",
                "S2 GBNM19 unclassified 9.0 1.0");

        Path out = dir.resolve("contrib.tsv");
        c.write(out);
        assertThat(Files.readAllLines(out)).containsExactly("sample\tmodule\ttaxon\tabundance\tcoverage",
                "S1\tGBNM01\tg__Bacteroides.s__Bacteroides_fragilis\t20.0\t1.0",
                "S1\tGBNM01\tg__Lactobacillus.s__Lactobacillus_plantarum\t10.0\t1.0",
                "S1\tGBNM04\tg__Escherichia.s__Escherichia_coli\t7.0\t1.0",
                "S2\tGBNM04\tg__Escherichia.s__Escherichia_coli\t5.0\t1.0",
                "S2\tGBNM19\tunclassified\t9.0\t1.0");
    }

    @Test
    void distributionAppliesPerTaxonToo() {
        KoInput in = KoInput.read(resource("modules/humann_ko_stratified.tsv"));
        ModuleSet set = ModuleSet.builtin();
        ModuleOptions o = ModuleOptions.defaults().withThreads(2).withDistribute(true);
        ModuleContributions c = ModuleProfiler.contributions(in.stratified(), set, o, 0.66, ProgressListener.NONE);
        // K07250 is in GBNM04 and GBNM25: E. coli S1 gabT 8 / 2 = 4, gabD 6 -> median 5
        int row = -1;
        for (int i = 0; i < c.size(); i++) if (c.sample(i).equals("S1") && c.module(i).equals("GBNM04")) row = i;
        assertThat(c.abundance(row)).isEqualTo(5.0);
    }

    @Test
    void plainKoTablesAndPicrust2() throws IOException {
        Path tsv = Files.writeString(dir.resolve("ko.tsv"), "#OTU ID\tA\tB\nK01580\t3\t0\nK01590\t0\t2\n");
        KoInput plain = KoInput.read(tsv);
        assertThat(plain.format()).isEqualTo("tsv");
        assertThat(plain.isStratified()).isFalse();
        assertThat(plain.community().featureIds()).containsExactly("K01580", "K01590");

        Path pic = Files.writeString(dir.resolve("pred_metagenome_unstrat.tsv"), "function\tA\tB\nK01580\t3.5\t0\nK01590\t0\t2\n");
        KoInput p = KoInput.read(pic);
        assertThat(p.format()).isEqualTo("picrust2-unstratified");
        assertThat(p.community().get(0, 0)).isEqualTo(3.5);

        Path strat = Files.writeString(dir.resolve("pred_metagenome_strat.tsv"),
                "function\tsequence\tA\tB\nK01580\tASV1\t3\t0\nK01580\tASV2\t1\t0\nK01590\tASV2\t0\t2\n");
        KoInput s = KoInput.read(strat);
        assertThat(s.isStratified()).isTrue();
        assertThat(s.community().featureIds()).containsExactly("K01580", "K01590");
        assertThat(s.community().get(0, 0)).isEqualTo(4.0);
        assertThat(s.stratified().taxa()).containsExactly("ASV1", "ASV2", "ASV2");
    }
}
