package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.gutbrain.stats.StatsFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AnosimTest {
    private static final PermutationOptions OPT = PermutationOptions.defaults().withPermutations(99);

    private static DistanceMatrix four(double d01, double d02, double d03, double d12, double d13, double d23) {
        return DistanceMatrix.ofCondensed(List.of("a", "b", "c", "d"), new double[]{d01, d02, d03, d12, d13, d23});
    }

    @Test
    void rFromRanksByHand() {
        String[] g = {"x", "x", "y", "y"};
        // within pairs (a,b) = 4 and (c,d) = 1 rank 4 and 1: mean 2.5; between 2, 3, 5, 6: mean 4; R = (4 − 2.5) / (6/2) = 0.5
        TestSummary r = Anosim.test(four(4, 2, 3, 5, 6, 1), metadata(List.of("a", "b", "c", "d"), new String[]{"g"}, g), "g", OPT, new Warnings());
        assertThat(r.statistic()).isCloseTo(0.5, within(1e-15));
        // ties: within 1, 1 → ranks 1.5, 1.5; between 2, 2, 3, 3 → ranks 3.5, 3.5, 5.5, 5.5; R = (4.5 − 1.5) / 3 = 1
        TestSummary t = Anosim.test(four(1, 2, 2, 3, 3, 1), metadata(List.of("a", "b", "c", "d"), new String[]{"g"}, g), "g", OPT, new Warnings());
        assertThat(t.statistic()).isCloseTo(1.0, within(1e-15));
        assertThat(t.samples()).isEqualTo(4);
        assertThat(t.groups()).isEqualTo(2);
        assertThat(t.toTsv()).contains("method name\tANOSIM\n").contains("test statistic\t1\n");
    }

    @Test
    void groupsOfSingleSamplesHaveNoWithinRanks() {
        assertThatThrownBy(() -> Anosim.test(four(1, 2, 3, 4, 5, 6), metadata(List.of("a", "b", "c", "d"), new String[]{"g"},
                new String[]{"p", "q", "r", "s"}), "g", OPT, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("single sample");
    }
}
