package io.gutbrain.modules;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.gutbrain.modules.ModuleFixtures.modules;
import static io.gutbrain.modules.ModuleFixtures.oneSample;
import static io.gutbrain.modules.ModuleFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Module scoring on small cases whose expected values are worked out by hand in the comments. */
class ModuleProfilerTest {
    static final ModuleOptions MEDIAN = ModuleOptions.defaults().withThreads(1);
    static final ModuleOptions AVERAGE = MEDIAN.withEstimator(Estimator.AVERAGE);

    /** Omixer-RPM's README: glucose to glyceraldehyde 3-phosphate in five steps. */
    static final String GLYCOLYSIS = "GLY\tglycolysis example\n"
            + "K00844\tK00845\n"
            + "K01810\tK06859\tK13810\tK15916\n"
            + "K00850\tK16370\n"
            + "K01622\tK01623\tK01624\tK11645\tK16305\tK16306\n"
            + "K01803\n///\n";

    static FeatureTable readmeProfile() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("K00844", 10.0); v.put("K00845", 3.0); v.put("K06859", 7.0); v.put("K13810", 8.0); v.put("K01804", 12.0);
        v.put("K01622", 2.0); v.put("K16370", 5.0); v.put("K00703", 12.0); v.put("K00863", 15.0);
        return oneSample(v);
    }

    @Test
    void readmeGlycolysisExample() {
        ModuleSet set = modules(GLYCOLYSIS);
        FeatureTable t = readmeProfile();
        // best path A: K00844 (10), K13810 (8), K16370 (5), K01622 (2), K01803 missing -> coverage 4/5
        ModuleProfile avgByLength = profile(t, set, AVERAGE.withNormalizeByLength(true));
        assertThat(avgByLength.coverage(0, 0)).isEqualTo(0.8);
        assertThat(avgByLength.score(0, 0)).isEqualTo(5.0);          // (10 + 8 + 5 + 2 + 0) / 5, the README's 25/5
        assertThat(avgByLength.called(0, 0)).isTrue();                // 0.8 >= 0.66
        assertThat(avgByLength.abundanceTable().get(0, 0)).isEqualTo(5.0);

        assertThat(profile(t, set, AVERAGE).score(0, 0)).isEqualTo(6.25);                          // 25 / 4 observed steps
        assertThat(profile(t, set, MEDIAN).score(0, 0)).isEqualTo(6.5);                            // median(2, 5, 8, 10)
        assertThat(profile(t, set, MEDIAN.withNormalizeByLength(true)).score(0, 0)).isEqualTo(5.0); // median(0, 2, 5, 8, 10)
        // path B (K00845 3, K06859 7) has the same coverage and a lower score: 17/5 < 25/5
        ModuleProfile p = profile(t, set, MEDIAN);
        assertThat(p.koFeatures()).isEqualTo(9);
        assertThat(p.otherFeatures()).isZero();
        assertThat(p.moduleKosPresent()).isEqualTo(6);  // K00844 K00845 K06859 K13810 K16370 K01622
    }

    @Test
    void alternativesTakeTheBestAndComplexesTheMean() {
        ModuleSet set = modules("M\tx\nK00001,K00002\nK00003\tK00004\nK00005\n///\n");
        FeatureTable t = oneSample(Map.of("K00001", 4.0, "K00002", 0.0, "K00003", 1.0, "K00004", 6.0, "K00005", 0.0));
        // step values: (4 + 0) / 2 = 2 (observed: one subunit present); max(1, 6) = 6; 0 (missing)
        assertThat(profile(t, set, MEDIAN).coverage(0, 0)).isEqualTo(2.0 / 3);
        assertThat(profile(t, set, MEDIAN).score(0, 0)).isEqualTo(4.0);                             // median(2, 6)
        assertThat(profile(t, set, AVERAGE).score(0, 0)).isEqualTo(4.0);                            // (2 + 6) / 2
        assertThat(profile(t, set, AVERAGE.withNormalizeByLength(true)).score(0, 0)).isEqualTo(8.0 / 3);
        assertThat(profile(t, set, MEDIAN.withNormalizeByLength(true)).score(0, 0)).isEqualTo(2.0); // median(0, 2, 6)
        assertThat(profile(t, set, MEDIAN).called(0, 0)).isTrue();                                 // 0.667 >= 0.66
    }

    @Test
    void aComplexWithNoSubunitIsMissing() {
        ModuleSet set = modules("M\tx\nK00001,K00002\nK00003\n///\n");
        FeatureTable t = oneSample(Map.of("K00003", 5.0, "K09999", 1.0));
        ModuleProfile p = profile(t, set, MEDIAN);
        assertThat(p.coverage(0, 0)).isEqualTo(0.5);
        assertThat(p.score(0, 0)).isEqualTo(5.0);
        assertThat(p.called(0, 0)).isFalse();
        assertThat(p.abundance(0, 0)).isZero();
        assertThat(p.abundanceTable().get(0, 0)).isZero();
        assertThat(p.coverageTable().get(0, 0)).isEqualTo(0.5);
        assertThat(profile(t, set, MEDIAN.withCoverage(0.5)).abundanceTable().get(0, 0)).isEqualTo(5.0);
    }

    @Test
    void medianOfZeroIsReplacedByTheSmallestObservedValue() {
        ModuleSet set = modules("M\tx\nK00001\nK00002\nK00003\nK00004\nK00005\n///\n");
        FeatureTable t = oneSample(Map.of("K00002", 9.0, "K00004", 3.0));
        // by length: median(0, 0, 0, 3, 9) = 0 -> smallest positive, 3; over observed steps: median(3, 9) = 6
        assertThat(profile(t, set, MEDIAN.withNormalizeByLength(true)).score(0, 0)).isEqualTo(3.0);
        assertThat(profile(t, set, MEDIAN).score(0, 0)).isEqualTo(6.0);
        assertThat(profile(t, set, MEDIAN).coverage(0, 0)).isEqualTo(0.4);
    }

    @Test
    void nothingObservedScoresZero() {
        ModuleSet set = modules("M\tx\nK00001\n///\n");
        ModuleProfile p = profile(oneSample(Map.of("K00002", 3.0)), set, MEDIAN.withCoverage(0));
        assertThat(p.coverage(0, 0)).isZero();
        assertThat(p.score(0, 0)).isZero();
        assertThat(p.called(0, 0)).isTrue(); // cut-off 0 calls everything, with abundance 0
        assertThat(p.abundanceTable().nonZeroCount()).isZero();
    }

    @Test
    void coverageComesBeforeScore() {
        ModuleSet set = modules("M\tx\nK00001\tK00002\nK00003\n///\n");
        FeatureTable t = oneSample(Map.of("K00002", 1.0, "K00003", 100.0));
        // the path through missing K00001 would score median(100) = 100 at coverage 1/2;
        // the path through K00002 covers both steps and wins with median(1, 100) = 50.5
        ModuleProfile p = profile(t, set, MEDIAN);
        assertThat(p.coverage(0, 0)).isEqualTo(1.0);
        assertThat(p.score(0, 0)).isEqualTo(50.5);
    }

    @Test
    void distributionDividesASharedOrthologByItsModuleCount() {
        // K00001 occurs in modules A (twice) and B: 2 distinct modules
        ModuleSet set = modules("A\ta\nK00001\nK00001,K00002\n///\nB\tb\nK00001\n///\n");
        FeatureTable t = oneSample(Map.of("K00001", 8.0, "K00002", 4.0));
        ModuleProfile plain = profile(t, set, MEDIAN);
        assertThat(plain.score(0, 0)).isEqualTo(7.0);   // median(8, (8 + 4) / 2)
        assertThat(plain.score(0, 1)).isEqualTo(8.0);
        ModuleProfile split = profile(t, set, MEDIAN.withDistribute(true));
        assertThat(split.score(0, 0)).isEqualTo(4.0);   // K00001 -> 8 / 2 = 4: median(4, (4 + 4) / 2)
        assertThat(split.score(0, 1)).isEqualTo(4.0);
        assertThat(split.coverage(0, 0)).isEqualTo(1.0);
    }

    @Test
    void koIdsAreRecognisedInTheirUsualSpellingsAndSummed() {
        List<String> ids = List.of("K00001: alcohol dehydrogenase [EC:1.1.1.1]", "ko:K00001", "UNMAPPED", "K00002|g__X", "K000033");
        FeatureTable t = FeatureTable.fromDense("t", List.of("S1"), ids, new double[][]{{2, 3, 50, 7, 11}});
        ModuleSet set = modules("M\tx\nK00001\nK00002\n///\nN\ty\nK00003\n///\n");
        ModuleProfile p = profile(t, set, MEDIAN);
        assertThat(p.score(0, 0)).isEqualTo(6.0);       // median(2 + 3, 7)
        assertThat(p.score(0, 1)).isZero();            // 'K000033' is not K00003
        assertThat(p.koFeatures()).isEqualTo(3);
        assertThat(p.otherFeatures()).isEqualTo(2);
        assertThat(KoIds.normalize("KO:K12345 name")).isEqualTo("K12345");
        assertThat(KoIds.normalize("K12345x")).isNull();
        assertThat(KoIds.normalize("UniRef90_K12345")).isNull();
    }

    @Test
    void aTableWithoutKosIsAnInputError() {
        FeatureTable t = FeatureTable.fromDense("t", List.of("S1"), List.of("UNMAPPED", "UniRef90_A0A0"), new double[][]{{1, 2}});
        assertThatThrownBy(() -> profile(t, ModuleSet.builtin(), MEDIAN)).isInstanceOf(InputException.class)
                .hasMessageContaining("none of the table's 2 feature ids is a KEGG orthology id").hasMessageContaining("'UNMAPPED'");
    }

    @Test
    void learnedCutoffIsAppliedAndReported() {
        ModuleSet set = modules("A\ta\nK00001\nK00002\n///\nB\tb\nK00003\nK00004\n///\n");
        FeatureTable t = FeatureTable.fromDense("t", List.of("S1", "S2", "S3"), List.of("K00001", "K00002", "K00003"),
                new double[][]{{1, 1, 1}, {1, 0, 1}, {0, 0, 1}});
        // coverages: A 1, 0.5, 0; B 0.5, 0.5, 0.5 -> distinct 1 (1 pair), 0.5 (4 pairs): single drop -> cut-off 1
        ModuleProfile p = profile(t, set, MEDIAN.withLearnedCoverage());
        assertThat(p.cutoff()).isEqualTo(1.0);
        assertThat(p.calledSamples(0)).isEqualTo(1);
        assertThat(p.calledSamples(1)).isZero();
    }

    @Test
    void threadsDoNotChangeResults() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        FeatureTable t = ModuleBenchmark.table(150, 400, rng);
        ModuleSet set = ModuleBenchmark.modules(30, 400, rng);
        ModuleProfile one = profile(t, set, MEDIAN.withThreads(1));
        ModuleProfile two = profile(t, set, MEDIAN.withThreads(2));
        assertThat(two.abundanceTable().sameData(one.abundanceTable())).isTrue();
        assertThat(two.coverageTable().sameData(one.coverageTable())).isTrue();
    }

    @Test
    void abundanceTableKeepsSampleMetadata() {
        FeatureTable t = readmeProfile();
        io.gutbrain.metadata.SampleMetadata md = new io.gutbrain.metadata.SampleMetadata("md", List.of("S1"), List.of("group"),
                new String[][]{{"a"}}, null);
        ModuleProfile p = profile(t.withMetadata(md), modules(GLYCOLYSIS), MEDIAN);
        assertThat(p.abundanceTable().metadata()).isNotNull();
        assertThat(p.abundanceTable().featureIds()).containsExactly("GLY");
        assertThat(p.abundanceTable().sampleIds()).containsExactly("S1");
    }
}
