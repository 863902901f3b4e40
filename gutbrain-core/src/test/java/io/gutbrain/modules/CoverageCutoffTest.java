package io.gutbrain.modules;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The learned cut-off on distributions worked out by hand. */
class CoverageCutoffTest {

    static double[] distribution(double[] values, int[] counts) {
        List<Double> l = new ArrayList<>();
        for (int i = 0; i < values.length; i++) for (int j = 0; j < counts[i]; j++) l.add(values[i]);
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void stopsBeforeTheLargestJump() {
        // pairs per coverage, from the top: 0.9:10, 0.8:20, 0.6:10, 0.5:30, 0.4:20, 0.3:10, 0.2:5, 0.1:10.
        // Lowering the cut-off to 0.5 recruits the most pairs (30), so the cut-off stays at 0.6.
        double[] c = distribution(new double[]{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9}, new int[]{10, 5, 10, 20, 30, 10, 20, 10});
        assertThat(CoverageCutoff.learn(c)).isEqualTo(0.6);
    }

    @Test
    void tiesGoToTheLowerCoverageAndZerosAreIgnored() {
        // 1.0:5, 0.5:3, 0.25:3 -> recruiting 3 at 0.5 and 3 at 0.25: the later one wins, cut-off 0.5
        double[] c = distribution(new double[]{0, 0.25, 0.5, 1.0}, new int[]{100, 3, 3, 5});
        assertThat(CoverageCutoff.learn(c)).isEqualTo(0.5);
    }

    @Test
    void edgeCases() {
        assertThat(CoverageCutoff.learn(new double[]{0.75, 0.75})).isEqualTo(0.75);      // one distinct value
        assertThat(CoverageCutoff.learn(new double[]{1.0, 0.5, 0.5})).isEqualTo(1.0);    // one drop: stay at the top
        assertThat(CoverageCutoff.learn(new double[]{0, 0})).isEqualTo(1.0);             // nothing observed
        assertThat(CoverageCutoff.learn(new double[0])).isEqualTo(1.0);
    }
}
