package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.tree.TreeOrigin;

import java.io.BufferedReader;
import java.io.Reader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes phylogenetic trees in Newick format (Felsenstein's "New Hampshire" format as
 * written by QIIME 2, FastTree, RAxML, IQ-TREE and scikit-bio).
 *
 * <p>Supported: nested subtrees {@code (A,B)}, tip and internal labels, single-quoted labels
 * ({@code 'Lactobacillus rhamnosus'}, with {@code ''} for a literal quote), branch lengths after
 * {@code :} including scientific notation ({@code 1.5e-3}), a branch length on the root,
 * support values written as internal labels ({@code )0.95:0.1} or {@code )'95':0.1}; kept as the
 * node's name), {@code [comments]} between tokens (not nested), whitespace and line breaks between
 * tokens, and an optional final {@code ;}.
 *
 * <p>Labels are kept exactly as written. The Newick standard says underscores in unquoted labels
 * stand for blanks and scikit-bio converts them by default; here they are <em>not</em> converted,
 * because QIIME 2 feature ids (hashes, ASV ids, {@code k__Bacteria}-style names) must match the
 * feature table literally. Tip labels must be unique; unnamed tips are allowed.
 *
 * <p>The parser and the writer are loops with explicit state, not recursion, so a 100,000-deep
 * ladder tree does not overflow the Java stack. Negative branch lengths are accepted here (some
 * tree builders emit them); analyses that cannot use them call
 * {@link io.gutbrain.tree.TreeChecks#requireNonNegativeLengths}.
 */
public final class Newick {
    private Newick() {}

    /**
     * Reads a (possibly gzipped) Newick file holding one tree. The text is bounded by
     * {@link InputLimits#maxNewickChars()}: a longer file (a gzip bomb, a wrong file) fails with
     * one {@link InputException} as soon as the limit is passed, before it can exhaust memory.
     */
    public static PhyloTree read(Path path) {
        String source = TextInput.name(path);
        try (BufferedReader r = TextInput.reader(path)) {
            return read(r, source);
        } catch (IOException e) {
            throw new InputException(source, null, "cannot read: " + e.getMessage(), "check the file", e);
        }
    }

    /**
     * Reads one tree from an open reader (e.g. a member of a QIIME 2 archive), bounded as
     * {@link #read(Path)}; the reader is not closed.
     *
     * @param sourceName the name used in messages
     */
    public static PhyloTree read(Reader in, String sourceName) throws IOException {
        long max = InputLimits.maxNewickChars();
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[1 << 16];
        for (int k; (k = in.read(buf)) >= 0; ) {
            if (sb.length() + (long) k > max) {
                throw new InputException(sourceName, "character " + InputLimits.format(max + 1), "tree text is longer than "
                        + InputLimits.format(max) + " characters", "check this is a Newick tree; " + InputLimits.RAISE_NEWICK);
            }
            sb.append(buf, 0, k);
        }
        return parse(sb.toString(), sourceName);
    }

    /**
     * Parses one Newick tree.
     *
     * @param text       the Newick text
     * @param sourceName file or other source named in error messages
     * @return the tree, nodes in post-order as {@link PhyloTree} requires
     * @throws InputException naming the line and column of the problem
     */
    public static PhyloTree parse(String text, String sourceName) {
        return new Parser(text, sourceName).parse();
    }

    /**
     * Formats a tree as one line of Newick ending in {@code ;} and a newline. Branch lengths use
     * the shortest decimal that reads back to the same double, so {@code parse(format(t))}
     * reproduces every array of {@code t} exactly; missing lengths are omitted; labels that hold
     * blanks or Newick punctuation are single-quoted.
     */
    public static String format(PhyloTree tree) {
        StringBuilder sb = new StringBuilder(tree.nodeCount() * 16);
        int root = tree.root();
        int node = root;
        // Walk down to the leftmost tip, then climb via parent pointers: no stack is needed.
        while (true) {
            while (!tree.isTip(node)) {
                sb.append('(');
                node = tree.firstChild(node);
            }
            appendNode(sb, tree, node);
            while (true) {
                if (node == root) return sb.append(";\n").toString();
                int sibling = tree.nextSibling(node);
                if (sibling >= 0) {
                    sb.append(',');
                    node = sibling;
                    break;
                }
                node = tree.parent(node);
                sb.append(')');
                appendNode(sb, tree, node);
            }
        }
    }

    /** Writes {@link #format(PhyloTree)} to a file atomically (UTF-8). */
    public static void write(PhyloTree tree, Path path) {
        byte[] bytes = format(tree).getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(path, out -> out.write(bytes));
    }

    private static void appendNode(StringBuilder sb, PhyloTree tree, int node) {
        String name = tree.name(node);
        if (name != null) appendLabel(sb, name);
        double len = tree.branchLength(node);
        if (!Double.isNaN(len)) sb.append(':').append(Decimals.format(len));
    }

    private static void appendLabel(StringBuilder sb, String label) {
        boolean quote = label.isEmpty();
        for (int i = 0; i < label.length() && !quote; i++) quote = isDelimiter(label.charAt(i));
        if (!quote) {
            sb.append(label);
            return;
        }
        sb.append('\'');
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '\'') sb.append('\'');
            sb.append(c);
        }
        sb.append('\'');
    }

    /** Characters that end an unquoted label. */
    private static boolean isDelimiter(char c) {
        return c <= ' ' || c == '(' || c == ')' || c == '[' || c == ']' || c == '\'' || c == ',' || c == ':' || c == ';';
    }

    /** One parse: a tokenizer and a state machine over an explicit stack of open '('. */
    private static final class Parser {
        private static final int EOF = -1;
        private static final int LABEL = -2;

        private final String text;
        private final String source;
        private int pos;

        // current token
        private int type;
        private int tokStart;
        private String tokText;
        private boolean tokQuoted;

        // nodes in creation (pre-)order
        private int count;
        private int[] preParent = new int[64];
        private int[] postIndex = new int[64];
        private double[] length = new double[64];
        private String[] name = new String[64];
        private int[] at = new int[64]; // offset of the length (else label or ')') per node, for later checks
        private int closed;

        // open internal nodes and the offset of their '('
        private int depth;
        private int[] stack = new int[64];
        private int[] stackPos = new int[64];

        private final Map<String, Integer> tipLabelAt = new HashMap<>();

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
            this.pos = text.startsWith("\uFEFF") ? 1 : 0; // byte-order mark from Windows editors
        }

        PhyloTree parse() {
            next();
            if (type == EOF || type == ';') {
                throw error(tokStart, "empty tree: no nodes before " + (type == EOF ? "the end of the input" : "';'"),
                        "supply a Newick tree such as ((A:0.1,B:0.2):0.05,C:0.3);");
            }
            boolean expectNode = true;
            int cur = -1;
            boolean isTip = false;
            boolean hasLabel = false;
            boolean hasLength = false;
            while (true) {
                if (expectNode) {
                    int parent = depth == 0 ? -1 : stack[depth - 1];
                    if (type == '(') {
                        int open = newNode(parent);
                        at[open] = tokStart;
                        push(open, tokStart);
                        next();
                        continue;
                    }
                    // Anything else starts a tip; its label and length (both optional) follow.
                    cur = newNode(parent);
                    at[cur] = tokStart;
                    postIndex[cur] = closed++;
                    isTip = true;
                    hasLabel = false;
                    hasLength = false;
                    expectNode = false;
                    continue;
                }
                switch (type) {
                    case LABEL:
                        if (hasLabel || hasLength) {
                            throw error(tokStart, "unexpected text '" + tokText + "' after a node's "
                                    + (hasLength ? "branch length" : "label"),
                                    "quote labels that contain blanks, e.g. 'Escherichia coli', or add the missing ',' or ')'");
                        }
                        if (isTip) checkUniqueTip(tokText, tokStart);
                        name[cur] = tokText;
                        at[cur] = tokStart;
                        hasLabel = true;
                        next();
                        break;
                    case ':':
                        if (hasLength) throw error(tokStart, "a second branch length for the same node", "remove one of the ':length' parts");
                        int colon = tokStart;
                        next();
                        if (type != LABEL || tokQuoted) {
                            throw error(type == EOF ? colon : tokStart, "expected a branch length after ':'",
                                    "write a number after ':' (e.g. :0.05) or remove the ':'");
                        }
                        double v = Decimals.parseFinite(tokText);
                        if (Double.isNaN(v)) {
                            throw error(tokStart, "invalid branch length '" + tokText + "'",
                                    "write branch lengths as decimal numbers such as 0.05 or 1.2e-3");
                        }
                        length[cur] = v;
                        at[cur] = tokStart;
                        hasLength = true;
                        next();
                        break;
                    case ',':
                        if (depth == 0) {
                            throw error(tokStart, "',' outside all parentheses: more than one node at the top level",
                                    "add the missing '(' or wrap the whole tree in parentheses");
                        }
                        expectNode = true;
                        next();
                        break;
                    case ')':
                        if (depth == 0) {
                            throw error(tokStart, "unbalanced ')': it has no matching '('", "remove the extra ')' or add the missing '('");
                        }
                        cur = stack[--depth];
                        at[cur] = tokStart;
                        postIndex[cur] = closed++;
                        isTip = false;
                        hasLabel = false;
                        hasLength = false;
                        next();
                        break;
                    case '(':
                        throw error(tokStart, "unexpected '(' right after a node", "separate sibling subtrees with ','");
                    default: // ';' or end of input
                        if (depth > 0) {
                            throw error(stackPos[depth - 1], depth + " unclosed '(' at the end of the tree; the innermost one is here",
                                    "add the missing ')' or remove the extra '('");
                        }
                        if (type == ';') {
                            next();
                            if (type != EOF) {
                                throw error(tokStart, "text after the final ';'",
                                        "a Newick file here holds exactly one tree: remove everything after the ';'");
                            }
                        }
                        return build();
                }
            }
        }

        private void checkUniqueTip(String label, int at) {
            Integer first = tipLabelAt.putIfAbsent(label, at);
            if (first != null) {
                throw error(at, "duplicate tip name '" + label + "' (first used at " + lineColumn(first) + ")",
                        "tip names must be unique: rename or remove one of them");
            }
        }

        private PhyloTree build() {
            int[] parent = new int[count];
            double[] len = new double[count];
            String[] names = new String[count];
            int[] offsets = new int[count];
            for (int i = 0; i < count; i++) {
                int p = postIndex[i];
                parent[p] = preParent[i] < 0 ? -1 : postIndex[preParent[i]];
                len[p] = length[i];
                names[p] = name[i];
                offsets[p] = at[i];
            }
            return new PhyloTree(parent, len, names, new TreeOrigin(source, offsets, lineStarts()));
        }

        /** Offsets at which the lines of the text start (0 first). */
        private int[] lineStarts() {
            int n = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
            int[] starts = new int[n];
            int k = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
            return starts;
        }

        private int newNode(int parent) {
            if (count == preParent.length) {
                int cap = count * 2;
                preParent = Arrays.copyOf(preParent, cap);
                postIndex = Arrays.copyOf(postIndex, cap);
                length = Arrays.copyOf(length, cap);
                name = Arrays.copyOf(name, cap);
                at = Arrays.copyOf(at, cap);
            }
            preParent[count] = parent;
            length[count] = Double.NaN;
            return count++;
        }

        private void push(int node, int at) {
            if (depth == stack.length) {
                stack = Arrays.copyOf(stack, depth * 2);
                stackPos = Arrays.copyOf(stackPos, depth * 2);
            }
            stack[depth] = node;
            stackPos[depth++] = at;
        }

        /** Advances to the next token, skipping whitespace and [comments]. */
        private void next() {
            int n = text.length();
            while (pos < n) {
                char c = text.charAt(pos);
                if (c <= ' ') {
                    pos++;
                } else if (c == '[') {
                    int end = text.indexOf(']', pos + 1);
                    if (end < 0) throw error(pos, "comment '[' is never closed", "add the missing ']'");
                    pos = end + 1;
                } else {
                    break;
                }
            }
            tokStart = pos;
            tokText = null;
            tokQuoted = false;
            if (pos >= n) {
                type = EOF;
                return;
            }
            char c = text.charAt(pos);
            switch (c) {
                case '(': case ')': case ',': case ':': case ';':
                    type = c;
                    pos++;
                    return;
                case ']':
                    throw error(pos, "']' without an opening '['", "remove the ']' or quote the label that contains it");
                case '\'':
                    readQuoted();
                    return;
                default:
                    while (pos < n && !isDelimiter(text.charAt(pos))) pos++;
                    type = LABEL;
                    tokText = text.substring(tokStart, pos);
            }
        }

        private void readQuoted() {
            int n = text.length();
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= n) throw error(tokStart, "quoted label is never closed", "add the closing ' (write '' for a quote inside a label)");
                char c = text.charAt(pos++);
                if (c == '\'') {
                    if (pos < n && text.charAt(pos) == '\'') {
                        sb.append('\'');
                        pos++;
                    } else {
                        break;
                    }
                } else {
                    sb.append(c);
                }
            }
            type = LABEL;
            tokQuoted = true;
            tokText = sb.toString();
        }

        private InputException error(int offset, String problem, String fix) {
            return new InputException(source, lineColumn(offset), problem, fix);
        }

        /** 1-based line and column of a character offset; computed only when reporting. */
        private String lineColumn(int offset) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return "line " + line + ", column " + (offset - lineStart + 1);
        }
    }
}
