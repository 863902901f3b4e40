package io.gutbrain.tree;

import io.gutbrain.error.InputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Operations that derive a new tree or compare a tree with a set of feature ids. */
public final class TreeOps {
    private TreeOps() {}

    /**
     * The subtree induced by the tips whose names are in {@code keepTips}, as scikit-bio's
     * {@code TreeNode.shear} (drop the other tips and every internal node left without tips, then
     * {@code prune}): an internal node left with a single child is removed and its branch length is
     * added to the child's, so every path length between kept tips is unchanged. If the root is
     * left with a single child, that descendant becomes the new root with its own (merged) length
     * and the old root's length is dropped, again as scikit-bio does. A missing length (NaN) counts
     * as absent when merging: NaN + x = x. Names in {@code keepTips} that are not tips of the tree
     * are ignored (see {@link #missingTips}). Left-to-right child order is preserved.
     *
     * @throws InputException if none of {@code keepTips} is a tip of the tree
     */
    public static PhyloTree prune(PhyloTree tree, Set<String> keepTips) {
        int n = tree.nodeCount();
        int[] liveChildren = new int[n];
        boolean[] live = new boolean[n];
        for (int i = 0; i < n; i++) {
            String name = tree.name(i);
            live[i] = tree.isTip(i) ? name != null && keepTips.contains(name) : liveChildren[i] > 0;
            if (live[i] && tree.parent(i) >= 0) liveChildren[tree.parent(i)]++;
        }
        if (!live[tree.root()]) {
            throw new InputException(null, null, "none of the " + keepTips.size() + " requested tips is in the tree",
                    "check that the tree's tip labels are the feature ids of the table");
        }
        // Kept nodes: live tips and live internal nodes with >= 2 live children. Kept nodes are a
        // subsequence of the post-order, so their relative order is again a valid post-order.
        int[] newIndex = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) newIndex[i] = isKept(tree, live, liveChildren, i) ? m++ : -1;

        int[] parent = new int[m];
        double[] length = new double[m];
        String[] names = new String[m];
        // For removed (collapsed) live nodes: nearest kept ancestor and the summed length of the
        // removed nodes from this one up to that ancestor. Filled top-down (parents first).
        int[] keptAncestor = new int[n];
        double[] carried = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            if (!live[i]) continue;
            int p = tree.parent(i);
            int ancestor;
            double extra;
            if (p < 0 || newIndex[p] >= 0) {
                ancestor = p;
                extra = Double.NaN;
            } else {
                ancestor = keptAncestor[p];
                extra = carried[p];
            }
            if (newIndex[i] >= 0) {
                int k = newIndex[i];
                parent[k] = ancestor < 0 ? -1 : newIndex[ancestor];
                length[k] = plus(tree.branchLength(i), extra);
                names[k] = tree.name(i);
            } else {
                keptAncestor[i] = ancestor;
                // the branch above a removed root leads nowhere: not carried into the new root
                carried[i] = p < 0 ? Double.NaN : plus(tree.branchLength(i), extra);
            }
        }
        return new PhyloTree(parent, length, names);
    }

    private static boolean isKept(PhyloTree tree, boolean[] live, int[] liveChildren, int i) {
        return live[i] && (tree.isTip(i) || liveChildren[i] >= 2);
    }

    private static double plus(double a, double b) {
        if (Double.isNaN(a)) return b;
        if (Double.isNaN(b)) return a;
        return a + b;
    }

    /**
     * The ids in {@code featureIds} that are not tip names of the tree, in the order given, each
     * once. UniFrac and Faith's PD need every observed feature on the tree; callers report these.
     */
    public static List<String> missingTips(PhyloTree tree, Collection<String> featureIds) {
        Set<String> missing = new LinkedHashSet<>();
        for (String id : featureIds) if (tree.tipIndex(id) < 0) missing.add(id);
        return new ArrayList<>(missing);
    }

    /** Sum of all branch lengths below the root (missing lengths count as 0). */
    public static double totalLength(PhyloTree tree) {
        double[] len = tree.rawLengths();
        return Arrays.stream(len, 0, tree.root()).filter(x -> !Double.isNaN(x)).sum();
    }
}
