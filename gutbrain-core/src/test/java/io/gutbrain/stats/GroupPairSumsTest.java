package io.gutbrain.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GroupPairSumsTest {
    /** Brute force from the definition: W_g = Σ_{i<j, lab(i)=lab(j)=g} v_ij. */
    private static double[] bruteForce(double[] v, int n, int[] groups, int[] perm, int ng) {
        double[] w = new double[ng];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                int gi = groups[perm[i]], gj = groups[perm[j]];
                if (gi == gj) w[gi] += v[k];
            }
        }
        return w;
    }

    @Test
    void everyStrategyAgreesWithTheDefinition() {
        // sizes chosen to exercise: two groups (complement free), a majority group among three
        // (complement with its own union pass), balanced groups (direct sums), singleton groups
        int[][] sizeSets = {{9, 14}, {20, 3, 4}, {7, 8, 6, 7}, {1, 12, 1}, {1, 1, 5}};
        SplittableRandom r = new SplittableRandom(4);
        for (int[] sizes : sizeSets) {
            int n = 0;
            for (int s : sizes) n += s;
            int[] groups = new int[n];
            int pos = 0;
            for (int g = 0; g < sizes.length; g++) for (int c = 0; c < sizes[g]; c++) groups[pos++] = g;
            double[] v = new double[n * (n - 1) / 2];
            for (int k = 0; k < v.length; k++) v[k] = r.nextDouble();
            GroupPairSums kernel = new GroupPairSums(v, n);
            Permutations perms = new Permutations(n, null);
            int count = 5;
            int[][] batch = new int[count][n];
            for (int[] p : batch) perms.shuffle(r, p);
            double[][] out = new double[count][sizes.length];
            kernel.sums(groups, batch, count, sizes, kernel.scratch(sizes.length, count), out);
            for (int p = 0; p < count; p++) {
                double[] want = bruteForce(v, n, groups, batch[p], sizes.length);
                for (int g = 0; g < sizes.length; g++) assertThat(out[p][g]).as("sizes %s perm %d group %d", java.util.Arrays.toString(sizes), p, g)
                        .isCloseTo(want[g], within(1e-10));
            }
            int[] identity = new int[n];
            for (int i = 0; i < n; i++) identity[i] = i;
            double[][] obs = new double[1][sizes.length];
            kernel.sums(groups, null, 1, sizes, kernel.scratch(sizes.length, 1), obs);
            assertThat(obs[0]).containsExactly(bruteForce(v, n, groups, identity, sizes.length), within(1e-10));
        }
    }
}
