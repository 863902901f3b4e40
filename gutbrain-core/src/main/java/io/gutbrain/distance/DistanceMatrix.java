package io.gutbrain.distance;

import io.gutbrain.error.InputException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A symmetric N × N distance matrix with a zero diagonal, stored as its condensed upper triangle
 * (N(N−1)/2 entries): 4·N² bytes in double precision, 2·N² in single precision.
 *
 * <p>Entry (i, j), i &lt; j, is at {@code i·N − i(i+1)/2 + (j − i − 1)}, the same order as
 * SciPy's {@code squareform}. Immutable once built.
 */
public final class DistanceMatrix {
    private final List<String> ids;
    private final double[] d;  // exactly one of d, f is non-null
    private final float[] f;
    private final int n;
    private volatile Map<String, Integer> index;

    private DistanceMatrix(List<String> ids, double[] d, float[] f) {
        this.ids = List.copyOf(ids);
        this.n = ids.size();
        this.d = d;
        this.f = f;
        long expected = (long) n * (n - 1) / 2;
        long have = d != null ? d.length : f.length;
        if (have != expected) throw new IllegalArgumentException("condensed length " + have + " for " + n + " ids");
    }

    /** Wraps a condensed double array (not copied). */
    public static DistanceMatrix ofCondensed(List<String> ids, double[] condensed) {
        return new DistanceMatrix(ids, condensed, null);
    }

    /** Wraps a condensed float array (not copied): half the memory, ~7 significant digits. */
    public static DistanceMatrix ofCondensed(List<String> ids, float[] condensed) {
        return new DistanceMatrix(ids, null, condensed);
    }

    /** An all-zero matrix to be filled with {@link #condensedDoubles()} by a kernel. */
    public static DistanceMatrix zeros(List<String> ids, boolean singlePrecision) {
        long m = (long) ids.size() * (ids.size() - 1) / 2;
        if (m > Integer.MAX_VALUE - 8) {
            throw new InputException(null, null, ids.size() + " samples need " + m + " pairwise entries, more than one Java array holds",
                    "split the table or compute distances in blocks");
        }
        return singlePrecision ? new DistanceMatrix(ids, null, new float[(int) m]) : new DistanceMatrix(ids, new double[(int) m], null);
    }

    /**
     * Builds from a full square matrix, checking it is symmetric (to a relative 1e-9) with a zero
     * diagonal, and non-negative.
     */
    public static DistanceMatrix ofSquare(String source, List<String> ids, double[][] square) {
        int n = ids.size();
        double[] c = new double[n * (n - 1) / 2];
        for (int i = 0; i < n; i++) {
            if (square[i].length != n) {
                throw new InputException(source, "row '" + ids.get(i) + "'", "row has " + square[i].length + " values, expected " + n, "make the matrix square");
            }
            if (square[i][i] != 0) {
                throw new InputException(source, "row '" + ids.get(i) + "'", "diagonal is " + square[i][i] + ", expected 0", "a distance matrix has zeros on its diagonal");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double a = square[i][j], b = square[j][i];
                if (!Double.isFinite(a) || a < 0) {
                    throw new InputException(source, "row '" + ids.get(i) + "', column '" + ids.get(j) + "'", "distance " + a + " is not a finite non-negative number", "correct the value");
                }
                if (!symmetricPair(a, b)) {
                    throw new InputException(source, "rows '" + ids.get(i) + "' and '" + ids.get(j) + "'", "matrix is not symmetric (" + a + " vs " + b + ")", "supply a symmetric distance matrix");
                }
                c[condensedIndex(n, i, j)] = a;
            }
        }
        return new DistanceMatrix(ids, c, null);
    }

    /**
     * Whether two mirrored entries (i, j) and (j, i) agree well enough to call the matrix
     * symmetric: within a relative 1e-9 or an absolute 1e-12, which absorbs the last-digit
     * differences of text written by other tools without hiding real asymmetry.
     */
    public static boolean symmetricPair(double a, double b) {
        double diff = Math.abs(a - b);
        return diff <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) || diff <= 1e-12;
    }

    public static int condensedIndex(int n, int i, int j) {
        if (i > j) { int t = i; i = j; j = t; }
        return (int) ((long) i * n - (long) i * (i + 1) / 2 + (j - i - 1));
    }

    public int size() { return n; }
    public List<String> ids() { return ids; }
    public boolean isSinglePrecision() { return f != null; }

    public int indexOf(String id) {
        Map<String, Integer> m = index;
        if (m == null) {
            m = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) m.put(ids.get(i), i);
            index = m;
        }
        Integer i = m.get(id);
        return i == null ? -1 : i;
    }

    public double get(int i, int j) {
        if (i == j) return 0.0;
        int k = condensedIndex(n, i, j);
        return d != null ? d[k] : f[k];
    }

    /** The condensed double array for kernels that fill or read it (null in single precision). */
    public double[] condensedDoubles() { return d; }

    /** The condensed float array (null in double precision). */
    public float[] condensedFloats() { return f; }

    /** A full square copy (allocates N² doubles). */
    public double[][] toSquare() {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) { double v = get(i, j); m[i][j] = v; m[j][i] = v; }
        return m;
    }

    /** The sub-matrix for the given ids, in that order. */
    public DistanceMatrix select(List<String> keep) {
        int m = keep.size();
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = indexOf(keep.get(i));
            if (idx[i] < 0) throw new InputException(null, null, "id '" + keep.get(i) + "' is not in the distance matrix", "check the ids");
        }
        double[] c = new double[m * (m - 1) / 2];
        for (int i = 0; i < m; i++) for (int j = i + 1; j < m; j++) c[condensedIndex(m, i, j)] = get(idx[i], idx[j]);
        return new DistanceMatrix(keep, c, null);
    }
}
