package io.gutbrain.tree;

import io.gutbrain.error.InputException;
import io.gutbrain.io.Newick;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreeOpsTest {
    static PhyloTree tree(String newick) {
        return Newick.parse(newick, "test");
    }

    static void assertSameTree(PhyloTree actual, String expectedNewick) {
        PhyloTree expected = tree(expectedNewick);
        assertThat(actual.rawParents()).as("parents").isEqualTo(expected.rawParents());
        assertThat(actual.rawLengths()).as("lengths").isEqualTo(expected.rawLengths());
        assertThat(actual.rawNames()).as("names").isEqualTo(expected.rawNames());
    }

    @Test
    void pruneMergesSingleChildBranches() {
        // by hand: B goes, (A,B) is left with one child, its 3 is added to A's 1
        PhyloTree t = tree("((A:1,B:2):3,(C:4,D:5):6);");
        assertSameTree(TreeOps.prune(t, Set.of("A", "C", "D")), "(A:4,(C:4,D:5):6);");
        // nothing removed: same tree
        assertSameTree(TreeOps.prune(t, Set.of("A", "B", "C", "D", "not-there")), "((A:1,B:2):3,(C:4,D:5):6);");
    }

    @Test
    void pruneKeepsInternalLabelsOfSurvivingNodes() {
        PhyloTree t = tree("((A:1,B:2)x:3,(C:4,D:5)y:6)r;");
        assertSameTree(TreeOps.prune(t, Set.of("A", "C", "D")), "(A:4,(C:4,D:5)y:6)r;");
    }

    @Test
    void rootWithOneChildIsReplacedByItAsScikitBioDoes() {
        PhyloTree t = tree("((A:1,B:2):3,(C:4,D:5):6):0.5;");
        // skbio TreeNode.shear(['C','D']): the root adopts its only child's name and length
        assertSameTree(TreeOps.prune(t, Set.of("C", "D")), "(C:4,D:5):6;");
        // a single tip: A's 1 plus the removed (A,B) node's 3; the root's 0.5 is dropped
        assertSameTree(TreeOps.prune(t, Set.of("A")), "A:4;");
    }

    @Test
    void unaryNodesInInputAndMissingLengths() {
        assertSameTree(TreeOps.prune(tree("(((A:1):2):4,B:3);"), Set.of("A", "B")), "(A:7,B:3);");
        // a missing length counts as absent: NaN + 3 = 3; two missing stay missing
        assertSameTree(TreeOps.prune(tree("((A,B:2):3,C:4);"), Set.of("A", "C")), "(A:3,C:4);");
        assertSameTree(TreeOps.prune(tree("((A,B:2),C:4);"), Set.of("A", "C")), "(A,C:4);");
    }

    @Test
    void pruneOnDeepLadderAndRoundTrip() {
        int n = 100_000;
        StringBuilder sb = new StringBuilder("(".repeat(n - 1)).append("T0:1");
        for (int i = 1; i < n; i++) sb.append(",T").append(i).append(":1):1");
        PhyloTree t = tree(sb.append(';').toString());
        // By hand: T0 sits under n-1 nested '(' so it is n-1 unit edges below the root; keeping
        // only T0 and the root's other child removes the n-2 internal nodes between, and their
        // branches merge into one of length n-1. The kept root keeps its own length 1.
        PhyloTree p = TreeOps.prune(t, Set.of("T0", "T" + (n - 1)));
        assertSameTree(p, "(T0:" + (n - 1) + ",T" + (n - 1) + ":1):1;");
    }

    @Test
    void pruneToNothingIsAnError() {
        assertThatThrownBy(() -> TreeOps.prune(tree("(A,B);"), Set.of("X")))
                .isInstanceOf(InputException.class).hasMessageContaining("none of the 1 requested tips");
    }

    @Test
    void missingTipsInInputOrderOnce() {
        PhyloTree t = tree("((A,B)inner,C);");
        assertThat(TreeOps.missingTips(t, List.of("C", "Z", "A", "inner", "Y", "Z"))).containsExactly("Z", "inner", "Y");
        assertThat(TreeOps.missingTips(t, List.of("A", "B", "C"))).isEmpty();
    }

    @Test
    void totalLengthIgnoresRootAndMissing() {
        assertThat(TreeOps.totalLength(tree("((A:1,B)x:0.25,C:2):100;"))).isEqualTo(3.25);
    }
}
