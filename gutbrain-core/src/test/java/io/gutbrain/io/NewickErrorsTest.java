package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.tree.TreeChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Newick problems name the file and line/column, whether found while parsing or by a later check; Newick bombs are bounded. */
class NewickErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void negativeBranchLengthFoundByAnAnalysisNamesFileLineAndColumn() throws Exception {
        Path f = tmp.resolve("tree.nwk");
        Files.writeString(f, "((F1:0.1,F2:0.2):0.05,\n(F71:0.3,F72:-0.25):0.1);\n");
        PhyloTree t = Newick.read(f);
        assertThatThrownBy(() -> TreeChecks.requireNonNegativeLengths(t, null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":line 2, column 14, tip 'F72': negative branch length -0.25 (fix: ");
    }

    @Test
    void missingBranchLengthNamesTheNodesPosition() throws Exception {
        Path f = tmp.resolve("nolen.nwk");
        Files.writeString(f, "((A:1,B):1,C:1);");
        assertThatThrownBy(() -> TreeChecks.requireBranchLengths(Newick.read(f), null))
                .hasMessageStartingWith(f + ":line 1, column 7, tip 'B': node has no branch length");
    }

    @Test
    void parseErrorsNameFileLineAndColumn() throws Exception {
        Path f = tmp.resolve("bad.nwk");
        Files.writeString(f, "((A:1,B:x):1,\nC:1);");
        assertThatThrownBy(() -> Newick.read(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":line 1, column 9: invalid branch length 'x'");
    }

    @Test
    void aGzipNewickBombIsRefusedByTheRatioGuard() throws Exception {
        Path f = Bombs.gzip(tmp.resolve("bomb.nwk.gz"), "", (byte) '(', 2L << 30, ";");
        try (AutoCloseable l = Bombs.lowFloor(1 << 20)) {
            assertThatThrownBy(() -> TreeIO.read(f))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(f + ": decompresses to more than");
        }
    }

    @Test
    void treeTextOverTheSizeLimitIsRefusedAtTheLimit() throws Exception {
        Path f = Bombs.gzip(tmp.resolve("big.nwk.gz"), "", (byte) '(', 64L << 20, ";");
        try (AutoCloseable l = Bombs.limits(InputLimits.defaults().withMaxNewickChars(1 << 20))) {
            assertThatThrownBy(() -> Newick.read(f))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(f + ":character 1,048,577: tree text is longer than 1,048,576 characters")
                    .hasMessageContaining("GUTBRAIN_MAX_NEWICK_LENGTH");
        }
    }

    @Test
    void aDeepLadderStillParses() {
        StringBuilder sb = new StringBuilder();
        int depth = 200_000;
        for (int i = 0; i < depth; i++) sb.append('(');
        sb.append("A:1");
        for (int i = 0; i < depth; i++) sb.append(",T").append(i).append(":1):1");
        sb.append(';');
        PhyloTree t = Newick.parse(sb.toString(), "ladder.nwk");
        assertThat(t.tipCount()).isEqualTo(depth + 1);
    }
}
