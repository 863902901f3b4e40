package io.gutbrain.ordination;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.SplittableRandom;

/**
 * Eigenpairs of a real symmetric N × N matrix, exactly (all of them) or approximately (the top
 * few) — the numerical core of {@link PCoA} and {@link PCA}.
 *
 * <p>Eigenvalues are returned in decreasing (algebraic) order. Each eigenvector's sign is fixed so
 * that its largest-magnitude element is positive: solvers return ±v at random, and a fixed sign
 * makes results reproducible and comparable between the exact and the randomized method.
 */
final class SymmetricEigen {
    private SymmetricEigen() {}

    /**
     * Eigenvalues (decreasing) and the unit eigenvectors of the first {@code vectors.length} of
     * them ({@code vectors[a][i]} = element i of eigenvector a).
     *
     * @param iterations subspace iterations used (0 for the exact method)
     * @param residual   max over returned pairs of ‖A v − λ v‖ / |λ_1| (0 for the exact method)
     */
    record Pairs(double[] values, double[][] vectors, int iterations, double residual) {}

    /** Applies a symmetric N × N operator to a block of l vectors stored interleaved ({@code x[i·l + c]}). */
    interface Operator {
        int size();

        void apply(double[] x, int l, double[] out);
    }

    /**
     * Full decomposition with EJML's symmetric QR algorithm (O(N³) time, N² doubles).
     *
     * @param square  row-major N × N matrix; overwritten
     * @param vectors how many leading eigenvectors to return
     */
    static Pairs exact(double[] square, int n, int vectors) {
        DMatrixRMaj a = DMatrixRMaj.wrap(n, n, square);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(a)) throw new ArithmeticException("eigendecomposition did not converge");
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) { order[i] = i; raw[i] = eig.getEigenvalue(i).getReal(); }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(raw[y], raw[x]));
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = raw[order[i]];
        int k = Math.min(vectors, n);
        double[][] vec = new double[k][];
        for (int a2 = 0; a2 < k; a2++) {
            DMatrixRMaj v = eig.getEigenVector(order[a2]);
            vec[a2] = v.getData().clone();
            normalise(vec[a2]);
        }
        return new Pairs(values, vec, 0, 0);
    }

    /**
     * The {@code k} algebraically largest eigenpairs by randomized block subspace iteration with
     * Rayleigh–Ritz extraction (Halko, Martinsson &amp; Tropp 2011, SIAM Review 53:217–288,
     * algorithms 4.3/4.4 and 5.3): a Gaussian N × (k + oversample) start block (seeded), repeated
     * Q ← orth(A Q), and the eigenpairs of the small matrix QᵀAQ. It stops when every wanted
     * pair's residual ‖A v − θ v‖ is below {@code tol}·|θ_1| (eigenvalue errors are then of order
     * residual² / gap) or after {@code maxIterations}. Cost per iteration: one operator
     * application to N × l plus O(N l²).
     *
     * <p>The subspace converges to the eigenvalues of largest magnitude; a strongly negative
     * eigenvalue (a very non-Euclidean distance) therefore uses up one of the oversampling
     * columns, which is why the block is larger than k.
     */
    static Pairs randomized(Operator op, int k, int oversample, long seed, int maxIterations, double tol) {
        int n = op.size();
        int l = Math.min(n, k + oversample);
        k = Math.min(k, l);
        double[] q = new double[n * l];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < q.length; i++) q[i] = rnd.nextGaussian();
        double[] z = new double[n * l];
        op.apply(q, l, z);
        System.arraycopy(z, 0, q, 0, q.length);
        orthonormalise(q, n, l);
        double[] theta = null;
        double[][] ritz = null;
        double resid = Double.POSITIVE_INFINITY;
        int it = 0;
        while (it < maxIterations) {
            it++;
            op.apply(q, l, z);
            // B = Qᵀ Z (l × l), symmetrised against rounding
            double[] b = new double[l * l];
            for (int i = 0; i < n; i++) {
                int il = i * l;
                for (int r = 0; r < l; r++) {
                    double qr = q[il + r];
                    for (int c = 0; c < l; c++) b[r * l + c] += qr * z[il + c];
                }
            }
            for (int r = 0; r < l; r++) for (int c = r + 1; c < l; c++) { double m = 0.5 * (b[r * l + c] + b[c * l + r]); b[r * l + c] = m; b[c * l + r] = m; }
            Pairs small = exact(b, l, k);
            theta = small.values();
            // Ritz vectors V = Q S and residuals A V − θ V = Z S − θ Q S
            ritz = new double[k][n];
            resid = 0;
            double scale = Math.max(Math.abs(theta[0]), Double.MIN_NORMAL);
            for (int a = 0; a < k; a++) {
                double[] s = small.vectors()[a];
                double rr = 0;
                double[] v = ritz[a];
                for (int i = 0; i < n; i++) {
                    int il = i * l;
                    double vq = 0, vz = 0;
                    for (int c = 0; c < l; c++) { vq += q[il + c] * s[c]; vz += z[il + c] * s[c]; }
                    v[i] = vq;
                    double e = vz - theta[a] * vq;
                    rr += e * e;
                }
                resid = Math.max(resid, Math.sqrt(rr) / scale);
            }
            if (resid <= tol) break;
            System.arraycopy(z, 0, q, 0, q.length);
            orthonormalise(q, n, l);
        }
        for (double[] v : ritz) normalise(v);
        return new Pairs(java.util.Arrays.copyOf(theta, k), ritz, it, resid);
    }

    /** Modified Gram–Schmidt, twice, on the l interleaved columns of an n × l block. */
    private static void orthonormalise(double[] x, int n, int l) {
        for (int c = 0; c < l; c++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += x[i * l + p] * x[i * l + c];
                    for (int i = 0; i < n; i++) x[i * l + c] -= dot * x[i * l + p];
                }
            }
            double nn = 0;
            for (int i = 0; i < n; i++) nn += x[i * l + c] * x[i * l + c];
            double norm = Math.sqrt(nn);
            if (norm == 0) continue; // rank-deficient block: leave a zero column
            for (int i = 0; i < n; i++) x[i * l + c] /= norm;
        }
    }

    /** Scales to unit length with the largest-magnitude element positive. */
    static void normalise(double[] v) {
        double nn = 0;
        int big = 0;
        for (int i = 0; i < v.length; i++) {
            nn += v[i] * v[i];
            if (Math.abs(v[i]) > Math.abs(v[big])) big = i;
        }
        double s = Math.sqrt(nn);
        if (s == 0) return;
        if (v[big] < 0) s = -s;
        for (int i = 0; i < v.length; i++) v[i] /= s;
    }
}
