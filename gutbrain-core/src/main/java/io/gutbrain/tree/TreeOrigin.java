package io.gutbrain.tree;

import java.util.Arrays;

/**
 * Where a tree's nodes were written: the file name and, per node (post-order index), the
 * character offset of its branch length (or, without one, of its label or closing parenthesis)
 * in the Newick text. Lets a check on a parsed tree (a negative branch length) name the file,
 * line and column, as parse errors do.
 */
public final class TreeOrigin {
    private final String source;
    private final int[] nodeOffset;
    private final int[] lineStarts;

    /**
     * @param source     file (or archive member) the tree was read from
     * @param nodeOffset character offset per node, in post-order
     * @param lineStarts offsets at which each line of the text starts, ascending, first 0
     */
    public TreeOrigin(String source, int[] nodeOffset, int[] lineStarts) {
        this.source = source;
        this.nodeOffset = nodeOffset;
        this.lineStarts = lineStarts;
    }

    /** The file the tree came from. */
    public String source() { return source; }

    /** "line L, column C" (1-based) of a node, or null if unknown. */
    public String location(int node) {
        if (node < 0 || node >= nodeOffset.length) return null;
        int offset = nodeOffset[node];
        int k = Arrays.binarySearch(lineStarts, offset);
        int line = k >= 0 ? k : -k - 2;
        return "line " + (line + 1) + ", column " + (offset - lineStarts[line] + 1);
    }
}
