package io.gutbrain.stats;

/**
 * The permutation kernel of PERMANOVA and ANOSIM: for a labelling of the samples, the sum of a
 * pairwise value (squared distance, or rank of the distance) over the pairs inside each group,
 * {@code W_g = Σ_{i<j, g(i)=g(j)=g} v_ij}.
 *
 * <p>Why it is fast: samples are bucketed by group in ascending index order (O(N)), then each
 * group's pairs are read from the condensed upper triangle, where for {@code a < b} entry
 * {@code (a, b)} sits at {@code rowBase[a] + b}: one gather per within-group pair, no branches,
 * no pass over the between-group pairs. The largest group is not summed when that is cheaper:
 * with {@code x} the indicator of the other groups' union U,
 * {@code W_L = T − Σ_{i∈U} r_i + W_U} (T = sum over all pairs, r_i = row sums, W_U = sum over
 * the pairs inside U), and for two groups W_U is just the smaller group's W. So a two-group
 * PERMANOVA costs n_small²/2 reads per permutation instead of N²/2.
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

    /** Sum of row {@code i} of the full symmetric matrix (its zero diagonal included). */
    double rowSum(int i) { return rowSums[i]; }

    /** Scratch space for one worker thread. */
    final class Scratch {
        final int[] members = new int[n];
        final int[] union = new int[n];
        final int[] start;
        final int[] fill;

        Scratch(int groups) {
            start = new int[groups + 1];
            fill = new int[groups];
        }
    }

    Scratch scratch(int groups) { return new Scratch(groups); }

    /**
     * Within-group sums for the labelling {@code lab(i) = groups[perm[i]]} ({@code perm} null =
     * identity).
     *
     * @param sizes number of samples per group (a permutation does not change them)
     * @param out   receives {@code W_g} for each group
     */
    void sums(int[] groups, int[] perm, int[] sizes, Scratch s, double[] out) {
        int ng = sizes.length;
        int largest = 0;
        s.start[0] = 0;
        for (int g = 0; g < ng; g++) {
            s.start[g + 1] = s.start[g] + sizes[g];
            s.fill[g] = s.start[g];
            if (sizes[g] > sizes[largest]) largest = g;
        }
        for (int i = 0; i < n; i++) {
            int g = groups[perm == null ? i : perm[i]];
            s.members[s.fill[g]++] = i;
        }
        boolean complement = ng == 2 || 2L * sizes[largest] > n;
        for (int g = 0; g < ng; g++) {
            if (complement && g == largest) continue;
            out[g] = pairSum(s.members, s.start[g], s.start[g + 1]);
        }
        if (!complement) return;
        double wUnion;
        double rUnion = 0;
        if (ng == 2) {
            int other = 1 - largest;
            wUnion = out[other];
            for (int k = s.start[other]; k < s.start[other + 1]; k++) rUnion += rowSums[s.members[k]];
        } else {
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (groups[perm == null ? i : perm[i]] != largest) {
                    s.union[m++] = i;
                    rUnion += rowSums[i];
                }
            }
            wUnion = pairSum(s.union, 0, m);
        }
        out[largest] = total - rUnion + wUnion;
    }

    /** Σ over pairs a < b of {@code idx[from..to)} (ascending) of v(idx[a], idx[b]). */
    private double pairSum(int[] idx, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int a = from; a < to - 1; a++) {
            int base = rowBase[idx[a]];
            int b = a + 1;
            for (; b + 3 < to; b += 4) {
                s0 += v[base + idx[b]];
                s1 += v[base + idx[b + 1]];
                s2 += v[base + idx[b + 2]];
                s3 += v[base + idx[b + 3]];
            }
            for (; b < to; b++) s0 += v[base + idx[b]];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
