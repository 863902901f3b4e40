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
 * <p>Rows are processed in tiles of a few rows (one tile per task, fixed regardless of the thread
 * count, so results do not depend on it). Sparse nodes are scattered row by row through the
 * block's transposition; dense nodes are taken in cache-sized groups, and each row of the tile
 * adds the group's nodes that hold its sample four per pass, so a dense node's N-vector is read
 * from memory once per tile rather than once per row.
 *
 * <p>When the whole tree fits in one block, the totals are complete before any pair is summed,
 * so every row is finished straight from its double row buffer into the output. Otherwise
 * pair terms are added into condensed double accumulators across blocks (the output array
 * itself when it is double and one term suffices) and finished in a last pass.
 */
final class PairAccumulator {
    /*
     * Mode thresholds, from the cost per (node, sample pair) step measured on AVX-512 hardware:
     * a sparse scatter into a row costs ~1.4 ns, a dense vectorised pass over a full row ~0.06 ns
     * (unweighted add) or ~0.22 ns (weighted min) per element, but visits all N samples, not k.
     */
    /** Weighted nodes in more than this fraction of samples are summed densely (min over a full row). */
    private static final double WEIGHTED_DENSE = 0.15;
    /** Unweighted nodes in more than this fraction of samples are summed densely (add over a full row). */
    private static final double UNWEIGHTED_DENSE = 0.07;
    /** Unweighted nodes in more than this fraction of samples are stored by their complement. */
    private static final double UNWEIGHTED_COMPLEMENT = 0.75;
    /** Bytes of row buffers per tile: a tile's rows stay in the core's L2 cache. */
    private static final int TILE_BYTES = 1 << 20;
    /** Bytes of dense node rows taken together: a group stays in L2 while the tile's rows pass over it. */
    private static final int GROUP_BYTES = 1 << 18;

    private static final byte SPARSE = 0, COMPLEMENT = 1, DENSE = 2;

    private final UniFracVariant variant;
    private final double alpha;
    private final int n;
    private final int threads;
    private final long blockBytes;
    private final DistanceMatrix out;
    private final ProgressListener progress;
    private final int tileRows;

    private final double[] total;     // A, W or P per sample
    private final double[] absent;    // unweighted: Ā per sample
    private double complementLength;  // unweighted: C

    // current block
    private final List<int[]> blockIdx = new ArrayList<>();
    private final List<double[]> blockVal = new ArrayList<>();
    private final List<Double> blockLen = new ArrayList<>();
    private final List<Byte> blockMode = new ArrayList<>();
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
        int perRow = 8 * Math.max(1, n) * (variant == UniFracVariant.GENERALIZED ? 2 : 1);
        this.tileRows = Math.max(1, Math.min(64, TILE_BYTES / perRow));
    }

    int sampleCount() { return n; }

    /**
     * Adds a node with branch length b &gt; 0 and its samples (ascending) with proportions
     * (null for unweighted). The arrays are kept until the block is processed, never modified.
     */
    void addNode(int[] idx, double[] val, double b) {
        int k = idx.length;
        byte mode = SPARSE;
        switch (variant) {
            case UNWEIGHTED:
                for (int s : idx) total[s] += b;
                if (k > UNWEIGHTED_COMPLEMENT * n) {
                    mode = COMPLEMENT;
                    complementLength += b;
                    idx = complement(idx);
                    for (int s : idx) absent[s] += b;
                    if (idx.length == 0) return;  // in every sample: only C and A change
                } else if (k > UNWEIGHTED_DENSE * n) {
                    mode = DENSE;
                }
                break;
            case GENERALIZED:
                for (int q = 0; q < k; q++) total[idx[q]] += b * powAlpha(val[q]);
                break;
            default:
                for (int q = 0; q < k; q++) total[idx[q]] += b * val[q];
                if (k > WEIGHTED_DENSE * n) mode = DENSE;
                break;
        }
        // a sparse entry costs its index, node and transposed position (12 bytes) and value(s);
        // a dense node one double per sample; both keep the node's own vector meanwhile
        int valueBytes = variant == UniFracVariant.GENERALIZED ? 16 : variant.isWeighted() ? 8 : 0;
        long bytes = (mode == DENSE ? 8L * n + 12L * k : idx.length * (12L + valueBytes))
                + k * (variant.isWeighted() ? 12L : 4L) + 64;
        if (blockUsed > 0 && blockUsed + bytes > blockBytes) processBlock(false);
        blockIdx.add(idx);
        blockVal.add(val);
        blockLen.add(b);
        blockMode.add(mode);
        blockUsed += bytes;
    }

    /** Processes the last block and writes all distances. */
    void finish() {
        if (blocksDone == 0) {
            processBlock(true);
            return;
        }
        if (!blockIdx.isEmpty()) processBlock(false);
        Parallel.forEach(tileCount(), threads, tile -> {
            double[] r1 = new double[n];
            double[] r2 = acc2 == null ? null : new double[n];
            for (int t = tile * tileRows; t < Math.min(n, (tile + 1) * tileRows); t++) {
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

    /** The block's sparse node vectors laid out contiguously and transposed, and its dense rows. */
    private static final class Layout {
        int[] idx;          // sample of each sparse entry, grouped by node
        double[] val;       // weighted: b·u; generalized: u
        double[] pw;        // generalized: b·u^α
        int[] entryNode;    // sparse node of each entry
        int[] nodeEnd;      // one past the sparse node's last entry
        double[] nodeLen;
        double[][] dense;   // dense nodes: b·u (weighted) or b (unweighted) per sample, 0 when absent
        int[] rowPtr;       // sparse entries of sample i: rowEnt[rowPtr[i] .. rowPtr[i+1])
        int[] rowEnt;
        int[] denseRowPtr;  // dense nodes holding sample i: denseRowNode/Val[denseRowPtr[i] .. denseRowPtr[i+1])
        int[] denseRowNode;
        double[] denseRowVal;
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
        blockMode.clear();
        blockUsed = 0;
        blocksDone++;
        boolean two = variant == UniFracVariant.GENERALIZED;
        Parallel.forEach(tileCount(), threads, tile -> {
            int from = tile * tileRows, to = Math.min(n, from + tileRows);
            int[] rows = new int[to - from];
            double[][] r1 = new double[rows.length][];
            double[][] r2 = new double[rows.length][];
            for (int q = 0; q < rows.length; q++) {
                int i = rowOf(from + q);
                rows[q] = i;
                r1[q] = new double[n];
                if (two) r2[q] = new double[n];
                switch (variant) {
                    case UNWEIGHTED: rowUnweighted(lay, i, r1[q]); break;
                    case GENERALIZED: rowGeneralized(lay, i, r1[q], r2[q]); break;
                    default: rowWeighted(lay, i, r1[q]); break;
                }
            }
            addDense(lay, rows, r1);
            for (int q = 0; q < rows.length; q++) {
                int i = rows[q];
                if (last) {
                    finishRow(i, r1[q], r2[q]);
                    progress.advance(n - 1 - i);
                } else {
                    int base = rowBase(i);
                    for (int j = i + 1; j < n; j++) acc1[base + j] += r1[q][j];
                    if (two) for (int j = i + 1; j < n; j++) acc2[base + j] += r2[q][j];
                }
            }
        });
    }

    /**
     * Adds the dense nodes to the tile's rows. Nodes go in groups small enough to stay in L2
     * while each row (in L1) takes the group's nodes that hold its sample four at a time, so a
     * row is loaded and stored once per four nodes. Absent nodes are skipped per row.
     */
    private void addDense(Layout l, int[] rows, double[][] r1) {
        double[][] dense = l.dense;
        int group = Math.max(4, Math.min(64, GROUP_BYTES / (8 * n)));
        int[] cursor = new int[rows.length];
        for (int q = 0; q < rows.length; q++) cursor[q] = l.denseRowPtr[rows[q]];
        double[][] sel = new double[group + 3][];
        double[] es = new double[group + 3];
        double[] zero = new double[n];
        boolean unweighted = variant == UniFracVariant.UNWEIGHTED;
        for (int g0 = 0; g0 < dense.length; g0 += group) {
            int g1 = Math.min(dense.length, g0 + group);
            for (int q = 0; q < rows.length; q++) {
                int i = rows[q];
                int m = 0;
                int c = cursor[q], end = l.denseRowPtr[i + 1];
                for (; c < end && l.denseRowNode[c] < g1; c++) {
                    sel[m] = dense[l.denseRowNode[c]];
                    es[m++] = l.denseRowVal[c];
                }
                cursor[q] = c;
                while ((m & 3) != 0) {  // pad with an absent node
                    sel[m] = zero;
                    es[m++] = 0;
                }
                double[] r = r1[q];
                for (int k = 0; k < m; k += 4) {
                    double[] a = sel[k], b = sel[k + 1], x = sel[k + 2], y = sel[k + 3];
                    if (unweighted) {
                        for (int j = i + 1; j < n; j++) r[j] += (a[j] + b[j]) + (x[j] + y[j]);
                    } else {
                        double ea = es[k], eb = es[k + 1], ex = es[k + 2], ey = es[k + 3];
                        for (int j = i + 1; j < n; j++) {
                            r[j] += (Math.min(ea, a[j]) + Math.min(eb, b[j])) + (Math.min(ex, x[j]) + Math.min(ey, y[j]));
                        }
                    }
                }
            }
        }
    }

    private Layout layout() {
        int nodes = blockIdx.size();
        int entries = 0, sparseNodes = 0, denseNodes = 0;
        for (int node = 0; node < nodes; node++) {
            if (blockMode.get(node) == DENSE) {
                denseNodes++;
            } else {
                sparseNodes++;
                entries += blockIdx.get(node).length;
            }
        }
        Layout l = new Layout();
        l.idx = new int[entries];
        l.entryNode = new int[entries];
        l.nodeEnd = new int[sparseNodes];
        l.nodeLen = new double[sparseNodes];
        l.dense = new double[denseNodes][];
        boolean weighted = variant.isWeighted();
        boolean generalized = variant == UniFracVariant.GENERALIZED;
        if (weighted) l.val = new double[entries];
        if (generalized) l.pw = new double[entries];
        int p = 0, sn = 0, dn = 0;
        for (int node = 0; node < nodes; node++) {
            int[] idx = blockIdx.get(node);
            double[] val = blockVal.get(node);
            double b = blockLen.get(node);
            if (blockMode.get(node) == DENSE) {
                double[] row = new double[n];
                for (int q = 0; q < idx.length; q++) row[idx[q]] = weighted ? b * val[q] : b;
                l.dense[dn++] = row;
                continue;
            }
            l.nodeLen[sn] = b;
            System.arraycopy(idx, 0, l.idx, p, idx.length);
            Arrays.fill(l.entryNode, p, p + idx.length, sn);
            if (generalized) {
                for (int q = 0; q < idx.length; q++) {
                    l.val[p + q] = val[q];
                    l.pw[p + q] = b * powAlpha(val[q]);
                }
            } else if (weighted) {
                for (int q = 0; q < idx.length; q++) l.val[p + q] = b * val[q];
            }
            p += idx.length;
            l.nodeEnd[sn++] = p;
        }
        l.denseRowPtr = new int[n + 1];
        int denseEntries = 0;
        for (int node = 0; node < nodes; node++) {
            if (blockMode.get(node) != DENSE) continue;
            for (int s : blockIdx.get(node)) l.denseRowPtr[s + 1]++;
            denseEntries += blockIdx.get(node).length;
        }
        for (int s = 0; s < n; s++) l.denseRowPtr[s + 1] += l.denseRowPtr[s];
        l.denseRowNode = new int[denseEntries];
        l.denseRowVal = new double[denseEntries];
        int[] dfill = Arrays.copyOf(l.denseRowPtr, n);
        for (int d = 0; d < denseNodes; d++) {
            double[] row = l.dense[d];
            for (int s = 0; s < n; s++) {
                if (row[s] == 0) continue;
                int at = dfill[s]++;
                l.denseRowNode[at] = d;
                l.denseRowVal[at] = row[s];
            }
        }
        l.rowPtr = new int[n + 1];
        for (int s : l.idx) l.rowPtr[s + 1]++;
        for (int s = 0; s < n; s++) l.rowPtr[s + 1] += l.rowPtr[s];
        int[] fill = Arrays.copyOf(l.rowPtr, n);
        l.rowEnt = new int[entries];
        for (int e = 0; e < entries; e++) l.rowEnt[fill[l.idx[e]]++] = e;
        return l;
    }

    /** T_ij += b for every sparse node (or complement) holding both i and j, j &gt; i. */
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

    /** M_ij += min(b·u_i, b·u_j) over sparse nodes holding both, j &gt; i. */
    private static void rowWeighted(Layout l, int i, double[] r) {
        int[] idx = l.idx;
        double[] val = l.val;
        for (int e = l.rowPtr[i]; e < l.rowPtr[i + 1]; e++) {
            int p = l.rowEnt[e];
            double bu = val[p];
            int end = l.nodeEnd[l.entryNode[p]];
            for (int q = p + 1; q < end; q++) r[idx[q]] += Math.min(bu, val[q]);
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

    private int tileCount() {
        return (n + tileRows - 1) / tileRows;
    }

    /**
     * Rows in the order 0, n−1, 1, n−2, ...: row i has n−1−i pairs, so consecutive positions
     * pair a long row with a short one and equal-size tiles carry similar work.
     */
    private int rowOf(int t) {
        return (t & 1) == 0 ? t >> 1 : n - 1 - (t >> 1);
    }
}
