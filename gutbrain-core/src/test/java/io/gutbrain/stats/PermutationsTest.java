package io.gutbrain.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PermutationsTest {
    @Test
    void strataKeepEverySampleInItsBlockAndShuffleWithin() {
        int[] strata = {0, 1, 0, 2, 1, 0, 2, 1, 0, 3};
        Permutations p = new Permutations(strata.length, strata);
        SplittableRandom rnd = new SplittableRandom(5);
        int[] perm = new int[strata.length];
        boolean moved = false;
        for (int t = 0; t < 200; t++) {
            p.shuffle(rnd, perm);
            int[] sorted = perm.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < perm.length; i++) {
                assertThat(sorted[i]).isEqualTo(i);
                assertThat(strata[perm[i]]).isEqualTo(strata[i]);
                if (perm[i] != i) moved = true;
            }
            assertThat(perm[9]).isEqualTo(9); // a block of one never moves
        }
        assertThat(moved).isTrue();
    }

    @Test
    void freePermutationIsUniformOverPositions() {
        // each sample lands at position 0 with probability 1/4: counts over 40,000 draws within 5 SD
        Permutations p = new Permutations(4, null);
        SplittableRandom rnd = new SplittableRandom(9);
        int[] perm = new int[4];
        int[] count = new int[4];
        for (int t = 0; t < 40_000; t++) { p.shuffle(rnd, perm); count[perm[0]]++; }
        for (int c : count) assertThat(Math.abs(c - 10_000)).isLessThan(5 * 87); // sd = sqrt(40000 * 1/4 * 3/4) ≈ 87
    }

    @Test
    void pValuesCountTheObservedLabellingAndToleranceTies() {
        double[] perm = {1.0, 2.0, 3.0 - 1e-12, 0.5};
        assertThat(Permutations.pGreater(3.0, perm)).isEqualTo(2.0 / 5); // 3 - 1e-12 counts as a tie
        assertThat(Permutations.pLess(0.5, perm)).isEqualTo(2.0 / 5);
        assertThat(Permutations.pTwoSided(-2.0, perm)).isEqualTo(3.0 / 5);
        assertThat(Permutations.pGreater(1.0, new double[0])).isNaN();
    }
}
