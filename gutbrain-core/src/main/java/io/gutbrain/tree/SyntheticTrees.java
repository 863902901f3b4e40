package io.gutbrain.tree;

import java.util.List;
import java.util.Random;

/**
 * Seeded random trees for benchmarks and tests (the tree-side twin of
 * {@link io.gutbrain.table.SyntheticTables}).
 */
public final class SyntheticTrees {
    private SyntheticTrees() {}

    /**
     * A random rooted binary tree over the given tip names: repeatedly joins two uniformly chosen
     * open subtrees (a Yule-like coalescent shape), branch lengths uniform in (1e-5, 1), no root
     * length. Nodes come out in post-order as {@link PhyloTree} requires. O(tips) time and memory.
     */
    public static PhyloTree random(List<String> tipNames, long seed) {
        Random rnd = new Random(seed);
        int tips = tipNames.size();
        if (tips == 0) throw new IllegalArgumentException("a tree needs at least one tip");
        int m = 2 * tips - 1;
        int[] parent = new int[m];
        double[] len = new double[m];
        String[] name = new String[m];
        int[] open = new int[tips];
        for (int t = 0; t < tips; t++) {
            open[t] = t;
            name[t] = tipNames.get(t);
        }
        int size = tips;
        for (int next = tips; next < m; next++) {
            for (int c = 0; c < 2; c++) {
                int k = rnd.nextInt(size);
                parent[open[k]] = next;
                open[k] = open[--size];
            }
            open[size++] = next;
        }
        parent[m - 1] = -1;
        for (int i = 0; i < m - 1; i++) len[i] = Math.max(1e-5, rnd.nextDouble());
        len[m - 1] = Double.NaN;
        return new PhyloTree(parent, len, name);
    }
}
