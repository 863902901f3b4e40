package io.gutbrain.diversity.alpha;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.tree.PhyloTree;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FaithPdTest {
    /** ((A:1,B:2):3,C:4)root:5 in post-order: A, B, (AB), C, root. */
    static PhyloTree tree(double rootLength, double lengthOfB) {
        return new PhyloTree(new int[] {2, 2, 4, 4, -1}, new double[] {1, lengthOfB, 3, 4, rootLength},
                new String[] {"A", "B", null, "C", "root"});
    }

    private static AlphaResult run(PhyloTree tree, List<String> features, double[][] counts) {
        List<String> samples = List.of("S1", "S2", "S3", "S4").subList(0, counts.length);
        FeatureTable t = FeatureTable.fromDense("t", samples, features, counts);
        return AlphaDiversity.compute(t, List.of(AlphaMetric.byName("faith_pd")), tree, 2, null);
    }

    @Test
    void sumsTheUnionOfRootToTipPaths() {
        AlphaResult r = run(tree(Double.NaN, 2), List.of("A", "B", "C"), new double[][] {
                {3, 0, 0},       // A: 1 + 3
                {1, 1, 0},       // A, B: 1 + 2 + 3 (the shared branch once)
                {0.5, 0, 0.25},  // A, C: 1 + 3 + 4; presence only, proportions accepted
                {1, 1, 1}});     // everything: 1 + 2 + 3 + 4
        assertThat(r.value(0, 0)).isCloseTo(4, within(1e-12));
        assertThat(r.value(1, 0)).isCloseTo(6, within(1e-12));
        assertThat(r.value(2, 0)).isCloseTo(8, within(1e-12));
        assertThat(r.value(3, 0)).isCloseTo(10, within(1e-12));
    }

    @Test
    void rootLengthCountsWhenGivenAsInScikitBio() {
        // scikit-bio 0.5.8: faith_pd([1,0,0], ['A','B','C'], TreeNode.read(['((A:1,B:2):3,C:4):5;'])) == 9.0
        assertThat(run(tree(5, 2), List.of("A", "B", "C"), new double[][] {{1, 0, 0}}).value(0, 0)).isCloseTo(9, within(1e-12));
    }

    @Test
    void onlyObservedFeaturesMustBeInTheTree() {
        // X is zero everywhere, so its absence from the tree does not matter
        assertThat(run(tree(Double.NaN, 2), List.of("A", "X"), new double[][] {{1, 0}}).value(0, 0)).isCloseTo(4, within(1e-12));
        assertThatThrownBy(() -> run(tree(Double.NaN, 2), List.of("A", "X1", "X2", "X3", "X4", "X5", "X6"),
                new double[][] {{1, 1, 1, 1, 1, 1, 1}}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("6 observed feature(s) are not tips of the tree: 'X1', 'X2', 'X3', 'X4', 'X5', ...");
    }

    @Test
    void rejectsNegativeOrMissingBranchLengths() {
        assertThatThrownBy(() -> run(tree(Double.NaN, -0.5), List.of("A"), new double[][] {{1}}))
                .isInstanceOf(InputException.class).hasMessageContaining("tip 'B'").hasMessageContaining("negative branch length -0.5");
        assertThatThrownBy(() -> run(tree(-1, 2), List.of("A"), new double[][] {{1}}))
                .isInstanceOf(InputException.class).hasMessageContaining("on the root");
        PhyloTree noLength = new PhyloTree(new int[] {2, 2, 4, 4, -1}, new double[] {1, 2, Double.NaN, 4, Double.NaN},
                new String[] {"A", "B", null, "C", null});
        assertThatThrownBy(() -> run(noLength, List.of("A"), new double[][] {{1}}))
                .isInstanceOf(InputException.class).hasMessageContaining("unnamed internal node spanning tips 'A' to 'B'").hasMessageContaining("no branch length");
    }

    @Test
    void rejectsDuplicateTipNames() {
        PhyloTree dup = new PhyloTree(new int[] {2, 2, 4, 4, -1}, new double[] {1, 2, 3, 4, 0}, new String[] {"A", "A", null, "C", null});
        assertThatThrownBy(() -> run(dup, List.of("A"), new double[][] {{1}}))
                .isInstanceOf(InputException.class).hasMessageContaining("tip 'A'").hasMessageContaining("more than once");
    }

    @Test
    void unboundMetricRefusesToCompute() {
        assertThatThrownBy(() -> FaithPd.UNBOUND.compute(new double[] {1}, new int[] {0}, 0, 1)).isInstanceOf(IllegalStateException.class);
    }
}
