package io.gutbrain.stats;

/**
 * The permutation kernel of PERMANOVA and ANOSIM: for a labelling of the samples, the sum of a
 * pairwise value (squared distance, or rank of the distance) over the pairs inside each group,
 * {@code W_g = Σ_{i<j, g(i)=g(j)=g} v_ij}.
 *
 * <p>Why it is fast:
 * <ul>
 * <li>Only within-group pairs are read: samples are bucketed by group in ascending index order
 * (O(N)), and for {@code a < b} entry {@code (a, b)} of the condensed upper triangle sits at
 * {@code rowBase[a] + b}, so a group's pairs are one gather each, without branches.</li>
 * <li>Permutations are evaluated in batches that walk the matrix row by row: row a is read for
 * all permutations of the batch while it is in the L1/L2 cache, instead of once per permutation
 * from main memory (each permutation keeps, per group, a cursor on a's position in the group's
 * member list, so row a contributes the members after a).</li>
 * <li>The largest group is not summed when that is cheaper: with U the union of the other
 * groups, {@code W_L = T − Σ_{i∈U} r_i + W_U} (T = sum over all pairs, r_i = row sums, W_U =
 * sum over the pairs inside U). For two groups W_U is the smaller group's own W, so a two-group
 * test costs n_small²/2 reads per permutation instead of N²/2.</li>
 * </ul>
 */
final class GroupPairSums {
    private final double[] v;
    private final int n;
    private final int[] rowBase;
    private final double[] rowSums;
    private final double total;

    /** @param condensed pairwise values in {@link io.gutbrain.distance.DistanceMatrix} condensed order (not copied) */
    GroupPairSums(double[] condensed, int n) {
        this.v = condensed;
        this.n = n;
        this.rowBase = new int[n];
        for (int a = 0; a < n; a++) rowBase[a] = (int) ((long) a * n - (long) a * (a + 1) / 2 - a - 1);
        this.rowSums = new double[n];
        double t = 0;
        int k = 0;
        for (int a = 0; a < n; a++) {
            double ra = 0;
            for (int b = a + 1; b < n; b++, k++) {
                double x = condensed[k];
                ra += x;
                rowSums[b] += x;
            }
            rowSums[a] += ra;
            t += ra;
        }
        this.total = t;
    }

    /** Sum of the value over all pairs. */
    double total() { return total; }

    /** Scratch space of one worker for batches of up to {@code batch} labellings. */
    final class Scratch {
        final int[][] members;   // [p][…] sample indices bucketed by group, ascending within a group
        final int[][] start;     // [p][g] first position of group g in members; [p][G] = n
        final int[][] cursor;    // [p][g] position of the next member of g not yet used as a row
        final int[][] list;      // [p][i] group whose list sample i is summed in, or -1 (the skipped largest group)
        final int[][] union;     // [p][…] ascending samples outside the largest group (when W_U needs its own pass)
        final int[] unionSize, unionCursor;
        final double[][] acc;    // [p][g] within sums; [p][G] = W_U
        final double[] rUnion;
        final boolean[][] inUnion;

        Scratch(int groups, int batch) {
            members = new int[batch][n];
            start = new int[batch][groups + 1];
            cursor = new int[batch][groups];
            list = new int[batch][n];
            union = new int[batch][n];
            unionSize = new int[batch];
            unionCursor = new int[batch];
            acc = new double[batch][groups + 1];
            rUnion = new double[batch];
            inUnion = new boolean[batch][n];
        }
    }

    Scratch scratch(int groups, int batch) { return new Scratch(groups, batch); }

    /**
     * Within-group sums for {@code count} labellings {@code lab_p(i) = groups[perms[p][i]]}
     * ({@code perms} null = the identity, one labelling).
     *
     * @param sizes number of samples per group (a permutation does not change them)
     * @param out   {@code out[p][g]} receives {@code W_g} of labelling p
     */
    void sums(int[] groups, int[][] perms, int count, int[] sizes, Scratch s, double[][] out) {
        int ng = sizes.length;
        int largest = 0;
        for (int g = 1; g < ng; g++) if (sizes[g] > sizes[largest]) largest = g;
        // skip the largest group when its complement is cheaper; for two groups the complement's own sum is free
        boolean complement = ng == 2 || 2L * sizes[largest] > n;
        boolean unionPass = complement && ng > 2;
        for (int p = 0; p < count; p++) setUp(groups, perms == null ? null : perms[p], sizes, largest, complement, unionPass, s, p);
        for (int a = 0; a < n - 1; a++) {
            int base = rowBase[a];
            for (int p = 0; p < count; p++) {
                int g = s.list[p][a];
                if (g >= 0) {
                    int c = ++s.cursor[p][g];
                    s.acc[p][g] += rowSum(base, s.members[p], c, s.start[p][g + 1]);
                }
                if (unionPass && s.inUnion[p][a]) {
                    int c = ++s.unionCursor[p];
                    s.acc[p][ng] += rowSum(base, s.union[p], c, s.unionSize[p]);
                }
            }
        }
        for (int p = 0; p < count; p++) {
            double[] acc = s.acc[p];
            for (int g = 0; g < ng; g++) out[p][g] = acc[g];
            if (complement) {
                double wUnion = ng == 2 ? acc[1 - largest] : acc[ng];
                out[p][largest] = total - s.rUnion[p] + wUnion;
            }
        }
    }

    private void setUp(int[] groups, int[] perm, int[] sizes, int largest, boolean complement, boolean unionPass, Scratch s, int p) {
        int ng = sizes.length;
        int[] start = s.start[p], cursor = s.cursor[p], members = s.members[p], list = s.list[p];
        start[0] = 0;
        for (int g = 0; g < ng; g++) {
            start[g + 1] = start[g] + sizes[g];
            cursor[g] = start[g];
        }
        java.util.Arrays.fill(s.acc[p], 0);
        double rUnion = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            int g = groups[perm == null ? i : perm[i]];
            members[cursor[g]++] = i;
            boolean skip = complement && g == largest;
            list[i] = skip ? -1 : g;
            if (complement && !skip) {
                rUnion += rowSums[i];
                if (unionPass) s.union[p][m++] = i;
            }
            if (unionPass) s.inUnion[p][i] = !skip;
        }
        for (int g = 0; g < ng; g++) cursor[g] = start[g];
        s.rUnion[p] = rUnion;
        s.unionSize[p] = m;
        s.unionCursor[p] = 0;
    }

    /** Σ v(a, idx[k]) for k in [from, to): row a's entries at the (ascending, > a) samples idx[k]. */
    private double rowSum(int base, int[] idx, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            s0 += v[base + idx[k]];
            s1 += v[base + idx[k + 1]];
            s2 += v[base + idx[k + 2]];
            s3 += v[base + idx[k + 3]];
        }
        for (; k < to; k++) s0 += v[base + idx[k]];
        return (s0 + s1) + (s2 + s3);
    }
}
