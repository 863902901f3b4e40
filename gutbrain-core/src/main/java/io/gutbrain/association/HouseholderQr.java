package io.gutbrain.association;

import java.util.ArrayList;
import java.util.List;

/**
 * Householder QR decomposition of a tall matrix with R's "limited pivoting": columns are taken
 * in their given order and a column whose part orthogonal to the columns already taken is
 * smaller than {@code tol} times its own norm is set aside as aliased (linearly dependent on
 * earlier columns), exactly the rule of LINPACK {@code dqrdc2} that R's {@code lm} uses (with
 * {@code tol = 1e-7}). Aliased columns therefore are always the later ones in model order,
 * which is what a researcher expects to be told ("x3 is a combination of x1 and x2").
 *
 * <p>Storage is column-major ({@code cols[j][i]}) so each reflector works on contiguous
 * memory. {@link #applyQt} applies Qᵀ in place in about 4·n·rank flops, which is how the linear
 * model fits each feature without forming Q.
 */
final class HouseholderQr {
    final int n;
    final int rank;
    /** Householder vectors of the kept columns, each of length n (entries above the diagonal are 0). */
    private final double[][] v;
    private final double[] tau;
    /** Upper-triangular R of the kept columns, r[i][j] for i ≤ j < rank. */
    final double[][] r;
    /** Original indices of the kept columns, in order. */
    final int[] kept;
    /** Original indices of the aliased columns, in order. */
    final int[] aliased;
    /** For each aliased column, its coefficients on the kept columns (length rank). */
    final double[][] aliasCoefficients;

    private HouseholderQr(int n, int rank, double[][] v, double[] tau, double[][] r, int[] kept, int[] aliased, double[][] aliasCoef) {
        this.n = n;
        this.rank = rank;
        this.v = v;
        this.tau = tau;
        this.r = r;
        this.kept = kept;
        this.aliased = aliased;
        this.aliasCoefficients = aliasCoef;
    }

    /**
     * Factors the n × p matrix given as columns.
     *
     * @param columns {@code columns[j]} is column j (length n); not modified
     * @param tol     relative tolerance for declaring a column aliased (R uses 1e-7)
     */
    static HouseholderQr factor(double[][] columns, double tol) {
        int p = columns.length;
        int n = p == 0 ? 0 : columns[0].length;
        double[][] v = new double[Math.min(n, p)][];
        double[] tau = new double[Math.min(n, p)];
        double[][] rcols = new double[p][];   // projections of every column onto the kept basis
        List<Integer> kept = new ArrayList<>();
        List<Integer> aliased = new ArrayList<>();
        List<double[]> aliasProj = new ArrayList<>();
        int k = 0;
        for (int j = 0; j < p; j++) {
            double[] x = columns[j].clone();
            double orig = norm(x, 0);
            for (int i = 0; i < k; i++) reflect(v[i], tau[i], i, x);
            double tail = norm(x, k);
            if (k >= n || orig == 0 || tail <= tol * orig) {
                aliased.add(j);
                aliasProj.add(java.util.Arrays.copyOf(x, k));
                continue;
            }
            double alpha = x[k] > 0 ? -tail : tail;
            double[] vk = new double[n];
            System.arraycopy(x, k, vk, k, n - k);
            vk[k] -= alpha;
            double vv = 0;
            for (int i = k; i < n; i++) vv += vk[i] * vk[i];
            v[k] = vk;
            tau[k] = 2.0 / vv;
            double[] rc = java.util.Arrays.copyOf(x, k + 1);
            rc[k] = alpha;
            rcols[kept.size()] = rc;
            kept.add(j);
            k++;
        }
        double[][] r = new double[k][k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i <= j; i++) r[i][j] = rcols[j][i];
        }
        double[][] aliasCoef = new double[aliased.size()][];
        for (int a = 0; a < aliased.size(); a++) {
            double[] proj = aliasProj.get(a);
            aliasCoef[a] = solveUpper(r, java.util.Arrays.copyOf(proj, k));
        }
        return new HouseholderQr(n, k, java.util.Arrays.copyOf(v, k), java.util.Arrays.copyOf(tau, k), r,
                kept.stream().mapToInt(Integer::intValue).toArray(), aliased.stream().mapToInt(Integer::intValue).toArray(), aliasCoef);
    }

    /** Replaces y by Qᵀy (length n): the first {@link #rank} entries are the "effects", the rest residual coordinates. */
    void applyQt(double[] y) {
        for (int i = 0; i < rank; i++) reflect(v[i], tau[i], i, y);
    }

    /** Solves R b = c for b (R upper triangular, c length rank); c is not modified. */
    static double[] solveUpper(double[][] r, double[] c) {
        int k = c.length;
        double[] b = c.clone();
        for (int i = k - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < k; j++) s -= r[i][j] * b[j];
            b[i] = s / r[i][i];
        }
        return b;
    }

    /** The inverse of the upper-triangular R (upper triangular). */
    double[][] inverseR() {
        double[][] inv = new double[rank][rank];
        for (int j = 0; j < rank; j++) {
            double[] e = new double[rank];
            e[j] = 1;
            double[] col = solveUpper(r, e);
            for (int i = 0; i <= j; i++) inv[i][j] = col[i];
        }
        return inv;
    }

    private static void reflect(double[] vk, double t, int k, double[] x) {
        double s = 0;
        for (int i = k; i < x.length; i++) s += vk[i] * x[i];
        s *= t;
        if (s == 0) return;
        for (int i = k; i < x.length; i++) x[i] -= s * vk[i];
    }

    private static double norm(double[] x, int from) {
        // scaled to avoid overflow/underflow on extreme covariates
        double scale = 0;
        for (int i = from; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
        if (scale == 0) return 0;
        double s = 0;
        for (int i = from; i < x.length; i++) {
            double z = x[i] / scale;
            s += z * z;
        }
        return scale * Math.sqrt(s);
    }
}
