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
                .hasMessageStartingWith("t.nwk:tip 'B': negative branch length -0.5");
        assertThatThrownBy(() -> TreeChecks.requireNonNegativeLengths(Newick.parse("((A:1,(B:1,D:2):-1):1,C:1);", "t"), "t.nwk"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unnamed internal node spanning tips 'B' to 'D'");
        assertThatThrownBy(() -> TreeChecks.requireNonNegativeLengths(Newick.parse("((A:1,B:1)g__X:-1e-3,C:1);", "t"), "t.nwk"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("internal node 'g__X'");
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
