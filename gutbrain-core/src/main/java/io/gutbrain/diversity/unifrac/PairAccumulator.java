package io.gutbrain.diversity.unifrac;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.util.Parallel;
import io.gutbrain.util.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pairwise part of {@link UniFrac}: collects node vectors into memory-bounded blocks, keeps
 * the per-sample totals, and turns each block into row contributions of the distance matrix.
 *
 * <p>Per-sample totals (all over non-root nodes n with length b &gt; 0):
 * unweighted A<sub>i</sub> = Σ b·[i∈n], and for nodes stored by complement C = Σ b and
 * Ā<sub>i</sub> = Σ b·[i∉n]; weighted W<sub>i</sub> = Σ b·u<sub>i</sub>; generalized
 * P<sub>i</sub> = Σ b·u<sub>i</sub>^α over u<sub>i</sub> &gt; 0. The pairwise term T<sub>ij</sub>
 * (and for generalized a second term) is described in {@link UniFrac}.
 *
 * <p>When the whole tree fits in one block, the totals are complete before any pair is summed,
 * so every row is finished straight from a thread-local double buffer into the output. Otherwise
 * pair terms are added into condensed double accumulators across blocks (the output array
 * itself when it is double and one term suffices) and finished in a last pass.
 */
final class PairAccumulator {
    /** Weighted nodes present in more than this fraction of samples are summed densely. */
    static final double DENSE_FRACTION = 0.25;

    private final UniFracVariant variant;
    private final double alpha;
    private final int n;
    private final int threads;
    private final long blockBytes;
    private final DistanceMatrix out;
    private final ProgressListener progress;

    private final double[] total;     // A, W or P per sample
    private final double[] absent;    // unweighted: Ā per sample
    private double complementLength;  // unweighted: C

    // current block
    private final List<int[]> blockIdx = new ArrayList<>();
    private final List<double[]> blockVal = new ArrayList<>();
    private final List<Double> blockLen = new ArrayList<>();
    private final List<Boolean> blockDense = new ArrayList<>();
    private long blockUsed;
    private int blocksDone;

    // accumulators across blocks (multi-block only)
    private double[] acc1;
    private double[] acc2;

    PairAccumulator(UniFracVariant variant, double alpha, int n, int threads, long blockBytes,
                    DistanceMatrix out, ProgressListener progress) {
        this.variant = variant;
        this.alpha = alpha;
        this.n = n;
        this.threads = Parallel.threads(threads);
        this.blockBytes = blockBytes;
        this.out = out;
        this.progress = progress;
        this.total = new double[n];
        this.absent = variant == UniFracVariant.UNWEIGHTED ? new double[n] : null;
    }

    int sampleCount() { return n; }

    /**
     * Adds a node with branch length b &gt; 0 and its samples (ascending) with proportions
     * (null for unweighted). The arrays are kept until the block is processed, never modified.
     */
    void addNode(int[] idx, double[] val, double b) {
        int k = idx.length;
        boolean dense;
        int entries;
        switch (variant) {
            case UNWEIGHTED:
                for (int s : idx) total[s] += b;
                dense = k > n / 2;  // stored by complement
                if (dense) {
                    complementLength += b;
                    idx = complement(idx);
                    for (int s : idx) absent[s] += b;
                }
                entries = idx.length;
                break;
            case GENERALIZED:
                for (int q = 0; q < k; q++) total[idx[q]] += b * powAlpha(val[q]);
                dense = false;
                entries = k;
                break;
            default:
                for (int q = 0; q < k; q++) total[idx[q]] += b * val[q];
                dense = k > DENSE_FRACTION * n;
                entries = k;
                break;
        }
        if (entries == 0) return;
        // entry: index + node + transposed position (12 bytes), the value(s), and the node vector kept meanwhile
        long bytes = entries * (12L + (variant == UniFracVariant.GENERALIZED ? 16 : variant.isWeighted() ? 8 : 0))
                + k * (variant.isWeighted() ? 12L : 4L) + (dense && variant.isWeighted() ? 8L * n : 0) + 64;
        if (blockUsed > 0 && blockUsed + bytes > blockBytes) processBlock(false);
        blockIdx.add(idx);
        blockVal.add(val);
        blockLen.add(b);
        blockDense.add(dense);
        blockUsed += bytes;
    }

    /** Processes the last block and writes all distances. */
    void finish() {
        if (blocksDone == 0) {
            processBlock(true);
            return;
        }
        if (!blockIdx.isEmpty()) processBlock(false);
        Parallel.forEach(chunkCount(), threads, c -> {
            double[] r1 = new double[n];
            double[] r2 = acc2 == null ? null : new double[n];
            for (int t = chunkStart(c); t < chunkStart(c + 1); t++) {
                int i = rowOf(t);
                int base = rowBase(i);
                System.arraycopy(acc1, base + i + 1, r1, i + 1, n - i - 1);
                if (r2 != null) System.arraycopy(acc2, base + i + 1, r2, i + 1, n - i - 1);
                finishRow(i, r1, r2);
                progress.advance(n - 1 - i);
            }
        });
    }

    private int[] complement(int[] idx) {
        int[] c = new int[n - idx.length];
        int q = 0, k = 0;
        for (int s = 0; s < n; s++) {
            if (q < idx.length && idx[q] == s) q++;
            else c[k++] = s;
        }
        return c;
    }

    private double powAlpha(double x) {
        if (alpha == 0.5) return Math.sqrt(x);
        if (alpha == 1) return x;
        if (alpha == 0) return 1;
        return Math.pow(x, alpha);
    }

    // ------------------------------------------------------------------ block processing

    /** The block's node vectors laid out contiguously, plus their transposition by sample. */
    private static final class Layout {
        int[] idx;          // sample of each entry, grouped by node
        double[] val;       // weighted: b·u; generalized: u
        double[] pw;        // generalized: b·u^α
        int[] entryNode;
        int[] nodeEnd;      // one past the node's last entry
        double[] nodeLen;
        double[][] dense;   // weighted dense nodes: b·u for every sample (0 when absent)
        int[] rowPtr;       // entries of sample i: rowEnt[rowPtr[i] .. rowPtr[i+1])
        int[] rowEnt;
    }

    private void processBlock(boolean last) {
        if (!last && acc1 == null) {
            long m = (long) n * (n - 1) / 2;
            // the output can hold the first term: the last pass copies each row out before writing it
            acc1 = out.isSinglePrecision() ? new double[(int) m] : out.condensedDoubles();
            if (variant == UniFracVariant.GENERALIZED) acc2 = new double[(int) m];
        }
        Layout lay = layout();
        blockIdx.clear();
        blockVal.clear();
        blockLen.clear();
        blockDense.clear();
        blockUsed = 0;
        blocksDone++;
        Parallel.forEach(chunkCount(), threads, c -> {
            double[] r1 = new double[n];
            double[] r2 = variant == UniFracVariant.GENERALIZED ? new double[n] : null;
            for (int t = chunkStart(c); t < chunkStart(c + 1); t++) {
                int i = rowOf(t);
                Arrays.fill(r1, i + 1, n, 0.0);
                if (r2 != null) Arrays.fill(r2, i + 1, n, 0.0);
                switch (variant) {
                    case UNWEIGHTED: rowUnweighted(lay, i, r1); break;
                    case GENERALIZED: rowGeneralized(lay, i, r1, r2); break;
                    default: rowWeighted(lay, i, r1); break;
                }
                if (last) {
                    finishRow(i, r1, r2);
                    progress.advance(n - 1 - i);
                } else {
                    int base = rowBase(i);
                    for (int j = i + 1; j < n; j++) acc1[base + j] += r1[j];
                    if (r2 != null) for (int j = i + 1; j < n; j++) acc2[base + j] += r2[j];
                }
            }
        });
    }

    private Layout layout() {
        int nodes = blockIdx.size();
        int entries = 0;
        for (int[] a : blockIdx) entries += a.length;
        Layout l = new Layout();
        l.idx = new int[entries];
        l.entryNode = new int[entries];
        l.nodeEnd = new int[nodes];
        l.nodeLen = new double[nodes];
        boolean weighted = variant.isWeighted();
        boolean generalized = variant == UniFracVariant.GENERALIZED;
        if (weighted) l.val = new double[entries];
        if (generalized) l.pw = new double[entries];
        if (weighted) l.dense = new double[nodes][];
        int p = 0;
        for (int node = 0; node < nodes; node++) {
            int[] idx = blockIdx.get(node);
            double[] val = blockVal.get(node);
            double b = blockLen.get(node);
            l.nodeLen[node] = b;
            System.arraycopy(idx, 0, l.idx, p, idx.length);
            Arrays.fill(l.entryNode, p, p + idx.length, node);
            if (generalized) {
                for (int q = 0; q < idx.length; q++) {
                    l.val[p + q] = val[q];
                    l.pw[p + q] = b * powAlpha(val[q]);
                }
            } else if (weighted) {
                for (int q = 0; q < idx.length; q++) l.val[p + q] = b * val[q];
                if (blockDense.get(node)) {
                    double[] row = new double[n];
                    for (int q = 0; q < idx.length; q++) row[idx[q]] = l.val[p + q];
                    l.dense[node] = row;
                }
            }
            p += idx.length;
            l.nodeEnd[node] = p;
        }
        l.rowPtr = new int[n + 1];
        for (int s : l.idx) l.rowPtr[s + 1]++;
        for (int s = 0; s < n; s++) l.rowPtr[s + 1] += l.rowPtr[s];
        int[] fill = Arrays.copyOf(l.rowPtr, n);
        l.rowEnt = new int[entries];
        for (int e = 0; e < entries; e++) l.rowEnt[fill[l.idx[e]]++] = e;
        return l;
    }

    /** T_ij += b for every node (or complement) holding both i and j, j &gt; i. */
    private static void rowUnweighted(Layout l, int i, double[] r) {
        int[] idx = l.idx;
        for (int e = l.rowPtr[i]; e < l.rowPtr[i + 1]; e++) {
            int p = l.rowEnt[e];
            int node = l.entryNode[p];
            double b = l.nodeLen[node];
            int end = l.nodeEnd[node];
            for (int q = p + 1; q < end; q++) r[idx[q]] += b;
        }
    }

    /** M_ij += min(b·u_i, b·u_j) over nodes holding both, j &gt; i (dense nodes over all j). */
    private void rowWeighted(Layout l, int i, double[] r) {
        int[] idx = l.idx;
        double[] val = l.val;
        for (int e = l.rowPtr[i]; e < l.rowPtr[i + 1]; e++) {
            int p = l.rowEnt[e];
            int node = l.entryNode[p];
            double bu = val[p];
            double[] dense = l.dense[node];
            if (dense != null) {
                for (int j = i + 1; j < n; j++) r[j] += Math.min(bu, dense[j]);
            } else {
                int end = l.nodeEnd[node];
                for (int q = p + 1; q < end; q++) r[idx[q]] += Math.min(bu, val[q]);
            }
        }
    }

    /**
     * Corrections for nodes holding both samples, relative to counting each one alone:
     * numerator b·(u+v)^α·|u−v|/(u+v) − b·u^α − b·v^α, denominator b·(u+v)^α − b·u^α − b·v^α.
     */
    private void rowGeneralized(Layout l, int i, double[] num, double[] den) {
        int[] idx = l.idx;
        double[] val = l.val;
        double[] pw = l.pw;
        for (int e = l.rowPtr[i]; e < l.rowPtr[i + 1]; e++) {
            int p = l.rowEnt[e];
            int node = l.entryNode[p];
            double b = l.nodeLen[node];
            double u = val[p];
            double pu = pw[p];
            int end = l.nodeEnd[node];
            for (int q = p + 1; q < end; q++) {
                double v = val[q];
                double s = u + v;
                double sa = b * powAlpha(s);
                double alone = pu + pw[q];
                int j = idx[q];
                num[j] += sa * Math.abs(u - v) / s - alone;
                den[j] += sa - alone;
            }
        }
    }

    /** Writes distances (i, j), j &gt; i, from the complete pair terms in r1 (and r2). */
    private void finishRow(int i, double[] r1, double[] r2) {
        double[] dOut = out.condensedDoubles();
        float[] fOut = out.condensedFloats();
        int base = rowBase(i);
        double ti = total[i];
        double xi = 0, yi = 0;
        if (variant == UniFracVariant.UNWEIGHTED) {
            xi = ti + 2 * absent[i] - complementLength;
            yi = ti + absent[i] - complementLength / 2;
        }
        for (int j = i + 1; j < n; j++) {
            double d;
            switch (variant) {
                case UNWEIGHTED: {
                    double xj = total[j] + 2 * absent[j] - complementLength;
                    double yj = total[j] + absent[j] - complementLength / 2;
                    d = ratio(xi + xj - 2 * r1[j], yi + yj - r1[j]);
                    break;
                }
                case WEIGHTED_UNNORMALIZED:
                    d = Math.max(0, ti + total[j] - 2 * r1[j]);
                    break;
                case WEIGHTED_NORMALIZED:
                    d = ratio(ti + total[j] - 2 * r1[j], ti + total[j]);
                    break;
                default:
                    d = ratio(ti + total[j] + r1[j], ti + total[j] + r2[j]);
                    break;
            }
            if (dOut != null) dOut[base + j] = d;
            else fOut[base + j] = (float) d;
        }
    }

    /** num/den with rounding below zero clamped, and 0/0 taken as 0 (see {@link UniFrac}). */
    private static double ratio(double num, double den) {
        if (num <= 0 || den <= 0) return 0;
        return num / den;
    }

    // ------------------------------------------------------------------ row scheduling

    /** Condensed position of (i, j) is rowBase(i) + j. */
    private int rowBase(int i) {
        return (int) ((long) i * n - (long) i * (i + 1) / 2 - i - 1);
    }

    private int chunkCount() {
        return threads == 1 ? 1 : Math.min(n, threads * 16);
    }

    private int chunkStart(int c) {
        return (int) ((long) c * n / chunkCount());
    }

    /**
     * Rows in the order 0, n−1, 1, n−2, ...: row i has n−1−i pairs, so consecutive positions
     * pair a long row with a short one and equal-length chunks carry equal work.
     */
    private int rowOf(int t) {
        return (t & 1) == 0 ? t >> 1 : n - 1 - (t >> 1);
    }
}
