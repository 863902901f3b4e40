package io.gutbrain.tree;

import io.gutbrain.error.InputException;
import io.gutbrain.io.Newick;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreeChecksTest {
    @Test
    void negativeLengthNamesTheNode() {
        assertThatThrownBy(() -> TreeChecks.requireNonNegativeLengths(Newick.parse("((A:1,B:-0.5):1,C:1);", "t"), "t.nwk"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("t.nwk:line 1, column 9, tip 'B': negative branch length -0.5");
        assertThatThrownBy(() -> TreeChecks.requireNonNegativeLengths(Newick.parse("((A:1,(B:1,D:2):-1):1,C:1);", "t"), "t.nwk"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unnamed internal node spanning tips 'B' to 'D'");
        assertThatThrownBy(() -> TreeChecks.requireNonNegativeLengths(Newick.parse("((A:1,B:1)g__X:-1e-3,C:1);", "t"), "t.nwk"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("internal node 'g__X'");
    }

    @Test
    void withoutAGivenSourceTheTreeFileAndLineAreNamed() {
        // analyses (Faith's PD, UniFrac) only hold the tree object: the tree remembers where it was read
        PhyloTree t = Newick.parse("((A:1,\n  F72:-0.5):1,C:1);", "tree.nwk");
        assertThatThrownBy(() -> TreeChecks.requireNonNegativeLengths(t, null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("tree.nwk:line 2, column 7, tip 'F72': negative branch length -0.5 (fix: ");
        PhyloTree computed = new PhyloTree(new int[] {2, 2, -1}, new double[] {1, -1, Double.NaN}, new String[] {"A", "B", null});
        assertThatThrownBy(() -> TreeChecks.requireNonNegativeLengths(computed, null))
                .hasMessageStartingWith("tip 'B': negative branch length -1.0");
    }

    @Test
    void rootLengthAndMissingLengthsPassTheSignCheck() {
        assertThatCode(() -> TreeChecks.requireNonNegativeLengths(Newick.parse("((A:0,B):1,C:1):-5;", "t"), "t"))
                .doesNotThrowAnyException();
    }

    @Test
    void missingLengthBelowRootIsRejectedWhenRequired() {
        assertThatCode(() -> TreeChecks.requireBranchLengths(Newick.parse("((A:0,B:1):1,C:1);", "t"), "t"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> TreeChecks.requireBranchLengths(Newick.parse("((A:0,B):1,C:1);", "t"), "t.nwk"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("tip 'B'").hasMessageContaining("no branch length");
    }
}
