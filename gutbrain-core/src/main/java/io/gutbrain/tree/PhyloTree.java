package io.gutbrain.tree;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rooted phylogenetic tree in flat arrays, so that trees with hundreds of thousands of tips
 * cost a few arrays rather than a million objects, and every traversal is a loop (no recursion).
 *
 * <p>Nodes are numbered {@code 0..nodeCount-1} in <b>post-order</b> (children before parents), so
 * the root is {@code nodeCount-1} and a single backwards or forwards pass visits parents after or
 * before all their descendants. {@code parent[root] == -1}. Branch lengths are those above each
 * node ({@code NaN} when the Newick string gave none); names are tip labels or internal labels
 * (null when absent). Support values written as internal labels are kept as names.
 */
public final class PhyloTree {
    private final int[] parent;
    private final double[] length;
    private final String[] name;
    private final int[] firstChild;   // -1 for tips
    private final int[] nextSibling;  // -1 for last child
    private final int tipCount;
    private volatile Map<String, Integer> tipIndex;
    private final TreeOrigin origin;

    /**
     * @param parent parent index per node, nodes in post-order (parent[i] &gt; i), root last with -1
     * @param length branch length above each node, NaN if unknown
     * @param name   label per node or null
     */
    public PhyloTree(int[] parent, double[] length, String[] name) {
        this(parent, length, name, null);
    }

    /**
     * As {@link #PhyloTree(int[], double[], String[])}, remembering where the nodes were written
     * so that checks can name the file, line and column.
     */
    public PhyloTree(int[] parent, double[] length, String[] name, TreeOrigin origin) {
        this.origin = origin;
        int n = parent.length;
        if (length.length != n || name.length != n) throw new IllegalArgumentException("array lengths differ");
        if (n == 0 || parent[n - 1] != -1) throw new IllegalArgumentException("root must be the last node");
        for (int i = 0; i < n - 1; i++) {
            if (parent[i] <= i || parent[i] >= n) throw new IllegalArgumentException("nodes are not in post-order at " + i);
        }
        this.parent = parent;
        this.length = length;
        this.name = name;
        this.firstChild = new int[n];
        this.nextSibling = new int[n];
        Arrays.fill(firstChild, -1);
        Arrays.fill(nextSibling, -1);
        // insert children in reverse so that the child list keeps post-order (left to right)
        for (int i = n - 2; i >= 0; i--) {
            int p = parent[i];
            nextSibling[i] = firstChild[p];
            firstChild[p] = i;
        }
        int tips = 0;
        for (int i = 0; i < n; i++) if (firstChild[i] < 0) tips++;
        this.tipCount = tips;
    }

    public int nodeCount() { return parent.length; }
    /** Where the tree was read from (file, node positions), or null for a computed tree. */
    public TreeOrigin origin() { return origin; }
    public int tipCount() { return tipCount; }
    public int root() { return parent.length - 1; }
    public int parent(int node) { return parent[node]; }
    public double branchLength(int node) { return length[node]; }
    public String name(int node) { return name[node]; }
    public boolean isTip(int node) { return firstChild[node] < 0; }
    public int firstChild(int node) { return firstChild[node]; }
    public int nextSibling(int node) { return nextSibling[node]; }

    /** Raw arrays for kernels; never modify them. */
    public int[] rawParents() { return parent; }
    public double[] rawLengths() { return length; }
    public String[] rawNames() { return name; }

    /** Number of children of a node. */
    public int childCount(int node) {
        int c = 0;
        for (int k = firstChild[node]; k >= 0; k = nextSibling[k]) c++;
        return c;
    }

    /** Node index of the tip with this label, or -1. */
    public int tipIndex(String label) {
        Map<String, Integer> m = tipIndex;
        if (m == null) {
            m = new HashMap<>(tipCount * 2);
            for (int i = 0; i < parent.length; i++) if (isTip(i) && name[i] != null) m.put(name[i], i);
            tipIndex = m;
        }
        Integer i = m.get(label);
        return i == null ? -1 : i;
    }

    /** Tip labels in post-order. */
    public List<String> tipNames() {
        String[] out = new String[tipCount];
        int t = 0;
        for (int i = 0; i < parent.length; i++) if (isTip(i)) out[t++] = name[i];
        return Arrays.asList(out);
    }
}
