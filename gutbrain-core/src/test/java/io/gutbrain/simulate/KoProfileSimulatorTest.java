package io.gutbrain.simulate;

import io.gutbrain.io.Picrust2;
import io.gutbrain.modules.KoInput;
import io.gutbrain.modules.ModuleOptions;
import io.gutbrain.modules.ModuleProfile;
import io.gutbrain.modules.ModuleProfiler;
import io.gutbrain.modules.ModuleSet;
import io.gutbrain.modules.StratifiedKo;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KoProfileSimulatorTest {
    private static final ModuleSet SET = ModuleSet.builtin();

    /** Three taxa over three samples; the middle taxon never occurs and gets no genome rows. */
    private static FeatureTable taxa(List<String> names) {
        return FeatureTable.fromDense("t", List.of("A", "B", "C"), names,
                new double[][]{{10, 0, 5}, {0, 0, 7}, {3, 0, 0}});
    }

    @Test
    void abundanceIsCountTimesCopiesOfTheTaxonsGenome() {
        List<String> names = List.of("Faecalibacterium prausnitzii et rel.", "Absent taxon", "Bacteroides fragilis et rel.");
        KoProfileSimulator.Parameters p = KoProfileSimulator.Parameters.defaults(7);
        StratifiedKo s = KoProfileSimulator.simulate(taxa(names), SET, p);
        assertThat(s.taxa()).doesNotContain("Absent taxon").contains(names.get(0), names.get(2));
        List<String> pool = KoProfileSimulator.backgroundPool(SET.orthologs(), p);
        assertThat(pool).hasSize(200).doesNotContainAnyElementsOf(SET.orthologs());
        Map<String, Integer> faecali = KoProfileSimulator.genome(names.get(0), SET, pool, p);
        Map<String, Integer> bacteroides = KoProfileSimulator.genome(names.get(2), SET, pool, p);
        FeatureTable community = s.community();
        // sample A holds 10 Faecalibacterium and 5 Bacteroides: every KO is 10 c_F + 5 c_B
        int a = community.sampleIndex("A");
        for (String ko : community.featureIds()) {
            double expected = 10 * faecali.getOrDefault(ko, 0) + 5 * bacteroides.getOrDefault(ko, 0);
            assertThat(community.get(a, community.featureIndex(ko))).as(ko).isEqualTo(expected);
        }
        int c = community.sampleIndex("C");
        for (String ko : community.featureIds()) {
            assertThat(community.get(c, community.featureIndex(ko))).as(ko).isEqualTo(3.0 * faecali.getOrDefault(ko, 0));
        }
    }

    @Test
    void genomesDependOnlyOnSeedAndTaxonName() {
        KoProfileSimulator.Parameters p = KoProfileSimulator.Parameters.defaults(3);
        List<String> pool = KoProfileSimulator.backgroundPool(SET.orthologs(), p);
        Map<String, Integer> g = KoProfileSimulator.genome("Dialister", SET, pool, p);
        StratifiedKo one = KoProfileSimulator.simulate(taxa(List.of("Dialister", "x", "Roseburia intestinalis et rel.")), SET, p);
        StratifiedKo two = KoProfileSimulator.simulate(taxa(List.of("Roseburia intestinalis et rel.", "x", "Dialister")), SET, p);
        for (StratifiedKo s : List.of(one, two)) {
            List<String> kos = new java.util.ArrayList<>();
            for (int f = 0; f < s.functions().size(); f++) if (s.taxon(f).equals("Dialister")) kos.add(s.function(f));
            assertThat(kos).containsExactlyElementsOf(g.keySet());
        }
        assertThat(KoProfileSimulator.genome("Dialister", SET, pool, KoProfileSimulator.Parameters.defaults(4))).isNotEqualTo(g);
    }

    @Test
    void knownCarriersCompleteTheirModules() {
        // a taxon table with one known butyrate producer and one GABA producer, each alone in a sample
        FeatureTable t = FeatureTable.fromDense("t", List.of("A", "B"), List.of("Coprococcus eutactus et rel.", "Lactobacillus plantarum et rel."),
                new double[][]{{100, 0}, {0, 100}});
        StratifiedKo s = KoProfileSimulator.simulate(t, SET, KoProfileSimulator.Parameters.defaults(11));
        ModuleProfile profile = ModuleProfiler.profile(s.community(), SET, ModuleOptions.defaults(), ProgressListener.NONE);
        assertThat(profile.coverage(0, SET.indexOf("GBNM24"))).isEqualTo(1.0);
        assertThat(profile.coverage(1, SET.indexOf("GBNM01"))).isEqualTo(1.0);
        // GBNM01 is one step (K01580): its abundance is the count times the copies, 100 or 200
        assertThat(profile.abundance(1, SET.indexOf("GBNM01"))).isIn(100.0, 200.0);
        Map<String, Integer> carriers = KoProfileSimulator.carriersPerModule(t, SET, KoProfileSimulator.Parameters.defaults(11));
        assertThat(carriers.get("GBNM24")).isGreaterThanOrEqualTo(1);
        assertThat(carriers.get("GBNM01")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void writesPicrust2StratifiedLayoutThatReadsBack(@TempDir Path dir) {
        StratifiedKo s = KoProfileSimulator.simulate(taxa(List.of("Faecalibacterium", "x", "Bacteroides")), SET, KoProfileSimulator.Parameters.defaults(1));
        Path file = dir.resolve("ko_strat.tsv");
        Picrust2.writeStratified(s.table(), s.functions(), s.taxa(), file);
        KoInput in = KoInput.read(file);
        assertThat(in.isStratified()).isTrue();
        assertThat(in.format()).contains("picrust2");
        assertThat(in.stratified().functions()).containsExactlyElementsOf(s.functions());
        assertThat(in.stratified().taxa()).containsExactlyElementsOf(s.taxa());
        FeatureTable back = in.community();
        FeatureTable expected = s.community();
        assertThat(back.sampleIds()).containsExactlyElementsOf(expected.sampleIds());
        for (String ko : expected.featureIds()) {
            for (int i = 0; i < 3; i++) {
                assertThat(back.get(i, back.featureIndex(ko))).isCloseTo(expected.get(i, expected.featureIndex(ko)), within(0.0));
            }
        }
    }
}
