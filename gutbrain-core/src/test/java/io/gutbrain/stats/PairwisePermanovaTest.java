package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.metadata.SampleMetadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.gutbrain.stats.StatsFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

class PairwisePermanovaTest {
    private static final PermutationOptions OPT = PermutationOptions.defaults().withPermutations(99).withSeed(7);

    @Test
    void everyPairIsAPermanovaOnItsSamplesAndQIsBenjaminiHochberg() {
        int n = 30;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = i % 3;
        DistanceMatrix dm = StatsFixtures.randomBrayCurtis(n, 20, codes, 0.4, 9);
        SampleMetadata md = metadata(dm.ids(), new String[]{"g"}, StatsFixtures.labels(codes));
        PairwisePermanova.Result r = PairwisePermanova.test(dm, md, "g", OPT, new Warnings());
        assertThat(r.rows()).extracting(PairwisePermanova.Row::group1).containsExactly("g0", "g0", "g1");
        assertThat(r.rows()).extracting(PairwisePermanova.Row::group2).containsExactly("g1", "g2", "g2");
        double[] p = new double[3];
        for (int k = 0; k < 3; k++) {
            PairwisePermanova.Row row = r.rows().get(k);
            List<String> keep = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String l = "g" + codes[i];
                if (l.equals(row.group1()) || l.equals(row.group2())) keep.add(dm.ids().get(i));
            }
            Permanova.Result single = Permanova.test(dm.select(keep), md, "g", OPT, new Warnings());
            assertThat(row.samples()).isEqualTo(20);
            assertThat(row.f()).isCloseTo(single.term("g").f(), withinPercentage(1e-10));
            assertThat(row.r2()).isCloseTo(single.term("g").r2(), withinPercentage(1e-10));
            p[k] = row.p();
        }
        assertThat(r.rows()).extracting(PairwisePermanova.Row::q).containsExactly(MultipleTesting.benjaminiHochberg(p)[0],
                MultipleTesting.benjaminiHochberg(p)[1], MultipleTesting.benjaminiHochberg(p)[2]);
        assertThat(r.toTsv()).startsWith("group1\tgroup2\tsamples\tpseudo-F\tR2\tp-value\tq-value\ng0\tg1\t20\t");
    }

    @Test
    void twoSingleSampleGroupsCannotBeCompared() {
        DistanceMatrix dm = StatsFixtures.randomBrayCurtis(5, 5, new int[5], 0, 1);
        SampleMetadata md = metadata(dm.ids(), new String[]{"g"}, new String[]{"a", "a", "a", "b", "c"});
        assertThatThrownBy(() -> PairwisePermanova.test(dm, md, "g", OPT, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("'b' vs 'c'");
    }
}
