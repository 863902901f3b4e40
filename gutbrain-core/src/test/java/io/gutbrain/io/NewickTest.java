package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.tree.TreeOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NewickTest {
    @TempDir
    Path tmp;

    static String resource(String name) throws IOException {
        try (InputStream in = NewickTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static PhyloTree s50() throws IOException {
        return Newick.parse(resource("synthetic-s50/s50.nwk"), "s50.nwk");
    }

    @Test
    void readsSyntheticS50Tree() throws IOException {
        PhyloTree t = s50();
        // Independent counts with python3 on the file:
        //   tips = re.findall(r'[(,]([^():,;\[\]]+):', s) -> 200 labels, 200 distinct
        //   s.count('(') -> 199 internal nodes; 398 ':' lengths; root is labelled "root", no length
        //   math.fsum(float(x) for x in re.findall(r':([0-9.eE+-]+)', s)) -> 39.0888
        assertThat(t.tipCount()).isEqualTo(200);
        assertThat(t.nodeCount()).isEqualTo(399);
        assertThat(new HashSet<>(t.tipNames())).hasSize(200).contains("F0", "F199", "F72");
        assertThat(t.name(t.root())).isEqualTo("root");
        assertThat(t.branchLength(t.root())).isNaN();
        assertThat(TreeOps.totalLength(t)).isCloseTo(39.0888, within(1e-9));
        // the file begins ((((((((F72:0.23886,F52:0.40069):0.16884,(F5:0.00973,...
        int f72 = t.tipIndex("F72");
        int f52 = t.tipIndex("F52");
        assertThat(t.branchLength(f72)).isEqualTo(0.23886);
        assertThat(t.branchLength(f52)).isEqualTo(0.40069);
        assertThat(t.parent(f72)).isEqualTo(t.parent(f52));
        assertThat(t.branchLength(t.parent(f72))).isEqualTo(0.16884);
        assertThat(t.branchLength(t.tipIndex("F153"))).isEqualTo(0.23287);
        // post-order: the first node is the leftmost tip
        assertThat(t.name(0)).isEqualTo("F72");
    }

    @Test
    void readsFileAndGzipAndRoundTripsThroughWrite() throws IOException {
        PhyloTree t = s50();
        Path gz = tmp.resolve("s50.nwk.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(resource("synthetic-s50/s50.nwk").getBytes(StandardCharsets.UTF_8));
        }
        assertSameTree(Newick.read(gz), t);

        Path out = tmp.resolve("out/s50.nwk");
        Newick.write(t, out);
        assertSameTree(Newick.read(out), t);
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no temporary left behind
        }
    }

    @Test
    void quotedLabelsCommentsSupportAndScientificNotation() {
        String text = "[&R] (\n  ('Lactobacillus rhamnosus GG':1.5e-3, 'O''Brien (x)':2E+1)0.95:0.1,\n"
                + "  (k__Bacteria_p__Firmicutes[a comment]:  [inside] 3.25 , B:0.5)'95':7.0E-10 [tail],\n"
                + "  C:-0.2\n) root_label : 4 ;\n";
        PhyloTree t = Newick.parse(text, "t.nwk");
        assertThat(t.tipNames()).containsExactly("Lactobacillus rhamnosus GG", "O'Brien (x)", "k__Bacteria_p__Firmicutes", "B", "C");
        assertThat(t.branchLength(t.tipIndex("Lactobacillus rhamnosus GG"))).isEqualTo(0.0015);
        assertThat(t.branchLength(t.tipIndex("O'Brien (x)"))).isEqualTo(20.0);
        assertThat(t.branchLength(t.tipIndex("k__Bacteria_p__Firmicutes"))).isEqualTo(3.25);
        int support95 = t.parent(t.tipIndex("B"));
        assertThat(t.name(support95)).isEqualTo("95");
        assertThat(t.branchLength(support95)).isEqualTo(7.0e-10);
        int support095 = t.parent(t.tipIndex("O'Brien (x)"));
        assertThat(t.name(support095)).isEqualTo("0.95");
        assertThat(t.branchLength(support095)).isEqualTo(0.1);
        assertThat(t.branchLength(t.tipIndex("C"))).isEqualTo(-0.2); // accepted by the parser
        assertThat(t.name(t.root())).isEqualTo("root_label");
        assertThat(t.branchLength(t.root())).isEqualTo(4.0);
        assertThat(t.childCount(t.root())).isEqualTo(3);

        String formatted = Newick.format(t);
        assertThat(formatted).contains("'Lactobacillus rhamnosus GG':0.0015", "'O''Brien (x)':20.0", "k__Bacteria_p__Firmicutes:3.25", ")95:7.0E-10", "root_label:4.0;");
        assertSameTree(Newick.parse(formatted, "again"), t);
    }

    @Test
    void optionalSemicolonUnnamedTipsAndSingleTip() {
        PhyloTree t = Newick.parse("((A,B),C)", "x");
        assertThat(t.tipNames()).containsExactly("A", "B", "C");
        assertThat(t.rawLengths()).containsOnly(Double.NaN);
        assertThat(Newick.format(t)).isEqualTo("((A,B),C);\n");

        PhyloTree unnamed = Newick.parse("(,(,));", "x");
        assertThat(unnamed.tipCount()).isEqualTo(3);
        assertThat(unnamed.nodeCount()).isEqualTo(5);
        assertThat(Newick.format(unnamed)).isEqualTo("(,(,));\n");

        assertThat(Newick.parse("\uFEFF(A,B);\r\n", "bom").tipNames()).containsExactly("A", "B");

        PhyloTree single = Newick.parse("A:1;", "x");
        assertThat(single.nodeCount()).isEqualTo(1);
        assertThat(single.name(0)).isEqualTo("A");
        assertThat(single.branchLength(0)).isEqualTo(1.0);
    }

    @Test
    void shortestRoundTripLengths() {
        // 0.1+0.2 needs 17 digits; 1e23 is printed 9.999999999999999E22 by Java 17's Double.toString
        PhyloTree t = Newick.parse("(A:0.30000000000000004,B:1e23,C:4.9E-324,D:0);", "x");
        assertThat(t.branchLength(0)).isEqualTo(0.1 + 0.2);
        String s = Newick.format(t);
        assertThat(s).isEqualTo("(A:0.30000000000000004,B:1.0E23,C:4.9E-324,D:0.0);\n");
        assertSameTree(Newick.parse(s, "x"), t);
    }

    @Test
    void hundredThousandTipRandomTree() {
        int n = 100_000;
        String text = randomBinaryTree(n, new Random(42));
        PhyloTree t = Newick.parse(text, "random");
        assertThat(t.tipCount()).isEqualTo(n);
        assertThat(t.nodeCount()).isEqualTo(2 * n - 1);
        assertThat(t.tipIndex("T0")).isGreaterThanOrEqualTo(0);
        assertThat(t.tipIndex("T99999")).isGreaterThanOrEqualTo(0);
        assertSameTree(Newick.parse(Newick.format(t), "again"), t);
    }

    @Test
    void hundredThousandDeepLadderTree() {
        int n = 100_000;
        // ((((T0:1,T1:1):1,T2:1):1,T3:1):1 ... : nesting depth n-1
        StringBuilder sb = new StringBuilder(n * 12);
        sb.append("(".repeat(n - 1)).append("T0:1");
        for (int i = 1; i < n; i++) {
            sb.append(",T").append(i).append(":1)");
            if (i < n - 1) sb.append(":1");
        }
        sb.append(';');
        PhyloTree t = Newick.parse(sb.toString(), "ladder");
        assertThat(t.tipCount()).isEqualTo(n);
        assertThat(t.nodeCount()).isEqualTo(2 * n - 1);
        // depth of T0: n-1 edges of length 1 above it, each counted along the path
        int depth = 0;
        for (int v = t.tipIndex("T0"); t.parent(v) >= 0; v = t.parent(v)) depth++;
        assertThat(depth).isEqualTo(n - 1);
        // all 2n-2 non-root branches have length 1
        assertThat(TreeOps.totalLength(t)).isEqualTo(2.0 * n - 2);
        String formatted = Newick.format(t);
        assertThat(formatted).isEqualTo(sb.toString().replace(":1", ":1.0") + "\n");
        assertSameTree(Newick.parse(formatted, "again"), t);
    }

    @Test
    void errorsNameThePosition() {
        assertError("((A,B),C;", "line 1, column 1", "unclosed '('");
        assertError("(A,(B,C);", "line 1, column 1", "1 unclosed '('");
        assertError("(A,(B,C;", "line 1, column 4", "2 unclosed '('");
        assertError("(A,B));", "line 1, column 6", "no matching '('");
        assertError("(A,B)C);", "line 1, column 7", "no matching '('");
        assertError("(A,B);(C,D);", "line 1, column 7", "after the final ';'");
        assertError("(A,B); x", "line 1, column 8", "after the final ';'");
        assertError("", "line 1, column 1", "empty tree");
        assertError("  [only a comment]\n ;", "line 2, column 2", "empty tree");
        assertError("(A:0.1x,B);", "line 1, column 4", "invalid branch length '0.1x'");
        assertError("(A:1e,B);", "line 1, column 4", "invalid branch length '1e'");
        assertError("(A:NaN,B);", "line 1, column 4", "invalid branch length 'NaN'");
        assertError("(A:1e999,B);", "line 1, column 4", "invalid branch length '1e999'");
        assertError("(A:,B);", "line 1, column 4", "expected a branch length");
        assertError("(A:'1',B);", "line 1, column 4", "expected a branch length");
        assertError("(A:1:2,B);", "line 1, column 5", "second branch length");
        assertError("(A,\n B,\n  A);", "line 3, column 3", "duplicate tip name 'A' (first used at line 1, column 2)");
        assertError("(A B,C);", "line 1, column 4", "unexpected text 'B'");
        assertError("(A,B)(C,D);", "line 1, column 6", "unexpected '('");
        assertError("A,B;", "line 1, column 2", "outside all parentheses");
        assertError("('A,B);", "line 1, column 2", "quoted label is never closed");
        assertError("(A[x,B);", "line 1, column 3", "comment '[' is never closed");
        assertError("(A],B);", "line 1, column 3", "']' without");
    }

    @Test
    void missingFileIsInputException() {
        assertThatThrownBy(() -> Newick.read(tmp.resolve("nope.nwk")))
                .isInstanceOf(InputException.class).hasMessageContaining("nope.nwk").hasMessageContaining("file not found");
    }

    static void assertError(String text, String location, String problem) {
        assertThatThrownBy(() -> Newick.parse(text, "bad.nwk"))
                .as(text)
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.source()).isEqualTo("bad.nwk");
                    assertThat(ie.location()).isEqualTo(location);
                    assertThat(ie.problem()).contains(problem);
                    assertThat(ie.fix()).isNotBlank();
                });
    }

    static void assertSameTree(PhyloTree actual, PhyloTree expected) {
        assertThat(actual.rawParents()).isEqualTo(expected.rawParents());
        assertThat(actual.rawLengths()).isEqualTo(expected.rawLengths());
        assertThat(actual.rawNames()).isEqualTo(expected.rawNames());
    }

    /** A random binary tree with tips T0..T{n-1}, built as text with an explicit stack. */
    static String randomBinaryTree(int n, Random rnd) {
        final int comma = 0, close = -1, closeRoot = -2;
        StringBuilder sb = new StringBuilder(n * 16);
        // Stack items: k > 0 = a subtree of k tips; or one of the markers above.
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(n);
        int tip = 0;
        while (!todo.isEmpty()) {
            int k = todo.pop();
            if (k == comma) {
                sb.append(',');
            } else if (k == close) {
                sb.append("):").append(rnd.nextInt(1000) / 1000.0);
            } else if (k == closeRoot) {
                sb.append(')');
            } else if (k == 1) {
                sb.append('T').append(tip++).append(':').append(rnd.nextInt(1000) / 1000.0);
            } else {
                int left = 1 + rnd.nextInt(k - 1);
                sb.append('(');
                todo.push(k == n ? closeRoot : close);
                todo.push(k - left);
                todo.push(comma);
                todo.push(left);
            }
        }
        return sb.append(';').toString();
    }
}
