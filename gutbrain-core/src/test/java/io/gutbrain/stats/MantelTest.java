package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MantelTest {
    private static final PermutationOptions OPT = PermutationOptions.defaults().withPermutations(199).withSeed(2);

    private static double[] condensed(DistanceMatrix dm, List<String> order) {
        return dm.select(order).condensedDoubles();
    }

    @Test
    void statisticsMatchCommonsMathOnThePairedDistancesWhateverTheIdOrder() {
        int n = 25;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = i % 3;
        DistanceMatrix x = StatsFixtures.randomBrayCurtis(n, 15, codes, 2, 1);
        DistanceMatrix y0 = StatsFixtures.randomBrayCurtis(n, 15, codes, 2, 2);
        List<String> shuffled = new ArrayList<>(y0.ids());
        Collections.reverse(shuffled);
        DistanceMatrix y = y0.select(shuffled); // same samples, other order: must be matched by id
        double[] xv = condensed(x, x.ids()), yv = condensed(y0, x.ids());
        TestSummary p = Mantel.test(x, y, Mantel.Method.PEARSON, Mantel.Alternative.TWO_SIDED, OPT, new Warnings());
        TestSummary s = Mantel.test(x, y, Mantel.Method.SPEARMAN, Mantel.Alternative.GREATER, OPT, new Warnings());
        assertThat(p.statistic()).isCloseTo(new PearsonsCorrelation().correlation(xv, yv), within(1e-12));
        assertThat(s.statistic()).isCloseTo(new SpearmansCorrelation().correlation(xv, yv), within(1e-12));
        assertThat(p.statistic()).isGreaterThan(0.3); // both follow the same groups
        assertThat(p.p()).isEqualTo(1.0 / 200);
        assertThat(s.p()).isEqualTo(1.0 / 200);
        TestSummary less = Mantel.test(x, y, Mantel.Method.PEARSON, Mantel.Alternative.LESS, OPT, new Warnings());
        assertThat(less.p()).isEqualTo(1.0);
    }

    @Test
    void idsOnlyInOneMatrixAreDroppedWithAWarning() {
        DistanceMatrix x = StatsFixtures.randomBrayCurtis(6, 5, new int[6], 0, 1);
        DistanceMatrix y = StatsFixtures.randomBrayCurtis(6, 5, new int[6], 0, 2).select(List.of("s0", "s1", "s2", "s3", "s4"));
        List<String> w = new ArrayList<>();
        TestSummary r = Mantel.test(x, y, Mantel.Method.PEARSON, Mantel.Alternative.TWO_SIDED, OPT, new Warnings(w::add));
        assertThat(r.samples()).isEqualTo(5);
        assertThat(w).singleElement().asString().contains("'s5'");
        assertThatThrownBy(() -> Mantel.test(x, y.select(List.of("s0", "s1")), Mantel.Method.PEARSON, Mantel.Alternative.TWO_SIDED, OPT, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("share 2 ids");
        DistanceMatrix flat = DistanceMatrix.ofCondensed(StatsFixtures.ids(4), new double[]{1, 1, 1, 1, 1, 1});
        assertThatThrownBy(() -> Mantel.test(flat, x.select(StatsFixtures.ids(4)), Mantel.Method.PEARSON, Mantel.Alternative.TWO_SIDED, OPT, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("all distances are equal");
    }
}
