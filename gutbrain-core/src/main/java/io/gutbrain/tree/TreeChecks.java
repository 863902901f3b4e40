package io.gutbrain.tree;

import io.gutbrain.error.InputException;

/**
 * Checks that analyses run on a tree before using its branch lengths. The Newick reader accepts
 * any tree that is well-formed text; whether negative or missing lengths are acceptable depends
 * on the analysis, so each analysis states its requirement by calling one of these.
 */
public final class TreeChecks {
    private TreeChecks() {}

    /**
     * Rejects a tree with a negative branch length anywhere below the root. Phylogenetic diversity
     * and UniFrac sum branch lengths as amounts of evolution, so a negative length (which
     * neighbour-joining can produce) would silently lower a distance. The root's own length is
     * ignored: no analysis uses the branch above the root. Missing lengths (NaN) pass here; see
     * {@link #requireBranchLengths}.
     *
     * @param source the tree's file name, for the message
     * @throws InputException naming the first offending node
     */
    public static void requireNonNegativeLengths(PhyloTree tree, String source) {
        for (int i = 0; i < tree.root(); i++) {
            double len = tree.branchLength(i);
            if (len < 0) {
                throw new InputException(sourceOf(tree, source), where(tree, i), "negative branch length " + len,
                        "re-estimate the tree or set negative lengths to 0 (as is usual after neighbour-joining)");
            }
        }
    }

    /**
     * Rejects a tree in which some node below the root has no branch length, as scikit-bio does
     * for Faith's PD and UniFrac ("All non-root nodes in tree must have a branch length").
     *
     * @param source the tree's file name, for the message
     * @throws InputException naming the first node without a length
     */
    public static void requireBranchLengths(PhyloTree tree, String source) {
        for (int i = 0; i < tree.root(); i++) {
            if (Double.isNaN(tree.branchLength(i))) {
                throw new InputException(sourceOf(tree, source), where(tree, i), "node has no branch length",
                        "use a tree with a length on every branch (name:length in Newick)");
            }
        }
    }

    /**
     * An error about one node of a tree: names the tree's file and the node's line and column
     * when the tree was read from a file ({@link PhyloTree#origin()}), and the node itself.
     */
    public static InputException error(PhyloTree tree, int node, String problem, String fix) {
        return new InputException(sourceOf(tree, null), where(tree, node), problem, fix);
    }

    /** The file the tree was read from, or null for a computed tree; for messages about the whole tree. */
    public static String source(PhyloTree tree) {
        return sourceOf(tree, null);
    }

    /** " in FILE" naming the file the tree was read from, or "" when it was not read from a file. */
    public static String inFile(PhyloTree tree) {
        String s = source(tree);
        return s == null ? "" : " in " + s;
    }

    private static String sourceOf(PhyloTree tree, String given) {
        if (given != null) return given;
        return tree.origin() == null ? null : tree.origin().source();
    }

    /** "line 3, column 17, tip 'F72'" when the position is known, else just the node's description. */
    static String where(PhyloTree tree, int node) {
        String at = tree.origin() == null ? null : tree.origin().location(node);
        return at == null ? describe(tree, node) : at + ", " + describe(tree, node);
    }

    /**
     * A human-readable name for a node: "tip 'X'", "internal node 'label'", or for unlabelled
     * internal nodes the tips that span it, since post-order numbers mean nothing to a user.
     */
    public static String describe(PhyloTree tree, int node) {
        String name = tree.name(node);
        if (tree.isTip(node)) return name != null ? "tip '" + name + "'" : "unnamed tip (node " + node + " in post-order)";
        if (name != null) return "internal node '" + name + "'";
        int first = node;
        while (!tree.isTip(first)) first = tree.firstChild(first);
        int last = node;
        while (!tree.isTip(last)) {
            int c = tree.firstChild(last);
            while (tree.nextSibling(c) >= 0) c = tree.nextSibling(c);
            last = c;
        }
        return "unnamed internal node spanning tips '" + tree.name(first) + "' to '" + tree.name(last) + "'";
    }
}
