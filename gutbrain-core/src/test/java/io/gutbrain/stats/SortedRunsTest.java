package io.gutbrain.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Ranking by merging sorted runs agrees with ranking the pooled values directly ({@link Ranks#average}). */
class SortedRunsTest {
    @Test
    void agreesWithDirectRankingOnTiedSparseData() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int rep = 0; rep < 200; rep++) {
            int g = 2 + rnd.nextInt(3);
            double[][] samples = new double[g][];
            for (int a = 0; a < g; a++) {
                samples[a] = new double[1 + rnd.nextInt(12)];
                // mostly zeros and a few repeated small integers, some negative
                for (int i = 0; i < samples[a].length; i++) samples[a][i] = rnd.nextInt(3) == 0 ? rnd.nextInt(7) - 2 : 0;
            }
            double shift = rnd.nextInt(4) == 0 ? 0 : (rnd.nextInt(9) - 4) * 0.5;
            SortedRuns[] runs = new SortedRuns[g];
            for (int a = 0; a < g; a++) runs[a] = SortedRuns.of(samples[a]);
            double[] sums = new double[g];
            double ties = SortedRuns.rankSums(runs, shift, sums);

            int total = 0;
            for (double[] s : samples) total += s.length;
            double[] pooled = new double[total];
            int k = 0;
            for (int a = 0; a < g; a++) for (double v : samples[a]) pooled[k++] = a == 0 ? v - shift : v;
            double[] r = Ranks.average(pooled);
            k = 0;
            for (int a = 0; a < g; a++) {
                double s = 0;
                for (int i = 0; i < samples[a].length; i++) s += r[k++];
                assertThat(sums[a]).isEqualTo(s);
            }
            assertThat(ties).isEqualTo(Ties.cubeSum(pooled));
        }
    }

    @Test
    void valuesThatCoincideAfterTheShiftAreTied() {
        // 1 - 1e17 and 2 - 1e17 round to the same double, so R's rank() ties them
        SortedRuns[] runs = {SortedRuns.of(new double[] {1, 2}), SortedRuns.of(new double[] {5})};
        double[] sums = new double[2];
        double ties = SortedRuns.rankSums(runs, 1e17, sums);
        assertThat(sums).containsExactly(3.0, 3.0);
        assertThat(ties).isEqualTo(6.0);
    }
}
