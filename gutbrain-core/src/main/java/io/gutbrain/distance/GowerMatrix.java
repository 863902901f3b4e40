package io.gutbrain.distance;

/**
 * Gower's double-centred matrix of a distance matrix, G = −½ (I − 11ᵀ/N) D² (I − 11ᵀ/N)
 * (Gower 1966, Biometrika 53:325–338): element-wise
 * {@code G_ij = −½ (d²_ij − r_i − r_j + m)} with r_i the mean of row i of D² and m the grand
 * mean. It is the inner-product matrix of the points whose Euclidean distances are D (when D is
 * Euclidean), so PCoA is its eigendecomposition and PERMANOVA's sums of squares are traces of
 * its projections; tr(G) = Σ_{i<j} d²_ij / N.
 *
 * <p>Stored as the packed upper triangle including the diagonal (N(N+1)/2 doubles): row i holds
 * G_ii, G_i,i+1 … G_i,N−1 contiguously.
 */
public final class GowerMatrix {
    private final int n;
    private final double[] g;
    private final double trace;

    /** Centres {@code dm} (O(N²) time, N(N+1)/2 doubles). */
    public GowerMatrix(DistanceMatrix dm) {
        this.n = dm.size();
        long len = (long) n * (n + 1) / 2;
        if (len > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(n + " samples are too many for a packed Gower matrix");
        double[] rowMean = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = dm.get(i, j);
                double a = d * d;
                rowMean[i] += a;
                rowMean[j] += a;
            }
        }
        double grand = 0;
        for (int i = 0; i < n; i++) { rowMean[i] /= n; grand += rowMean[i]; }
        grand /= n;
        g = new double[(int) len];
        int k = 0;
        double tr = 0;
        for (int i = 0; i < n; i++) {
            double gi = -0.5 * (-2 * rowMean[i] + grand);
            g[k++] = gi;
            tr += gi;
            for (int j = i + 1; j < n; j++) {
                double d = dm.get(i, j);
                g[k++] = -0.5 * (d * d - rowMean[i] - rowMean[j] + grand);
            }
        }
        trace = tr;
    }

    public int size() { return n; }

    /** tr(G): the total sum of squares of PERMANOVA, the sum of all PCoA eigenvalues. */
    public double trace() { return trace; }

    /** Element (i, j). */
    public double get(int i, int j) {
        if (i > j) { int t = i; i = j; j = t; }
        return g[(int) ((long) i * n - (long) i * (i - 1) / 2 + (j - i))];
    }

    /** A full square copy, row-major (N² doubles), for dense eigensolvers. */
    public double[] toSquareRowMajor() {
        double[] out = new double[n * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = g[k++];
                out[i * n + j] = v;
                out[j * n + i] = v;
            }
        }
        return out;
    }

    /**
     * {@code quad[c] = u_cᵀ G u_c} for {@code p} vectors stored interleaved,
     * {@code u[i·p + c]} = element i of vector c. One pass over G for all p vectors.
     *
     * @param s scratch of length p
     */
    public void quadraticForms(double[] u, int p, double[] s, double[] quad) {
        java.util.Arrays.fill(quad, 0, p, 0.0);
        int k = 0;
        for (int i = 0; i < n; i++) {
            int ip = i * p;
            double gii = g[k++];
            for (int c = 0; c < p; c++) s[c] = 0.5 * gii * u[ip + c];
            if (p == 1) {
                double acc = s[0];
                for (int j = i + 1; j < n; j++) acc += g[k++] * u[j];
                s[0] = acc;
            } else {
                for (int j = i + 1; j < n; j++) {
                    double gij = g[k++];
                    int jp = j * p;
                    for (int c = 0; c < p; c++) s[c] += gij * u[jp + c];
                }
            }
            for (int c = 0; c < p; c++) quad[c] += u[ip + c] * s[c];
        }
        for (int c = 0; c < p; c++) quad[c] *= 2;
    }
}
