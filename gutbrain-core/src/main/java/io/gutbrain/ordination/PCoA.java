package io.gutbrain.ordination;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.distance.GowerMatrix;
import io.gutbrain.io.TextOutput;
import io.gutbrain.util.Parallel;

import java.nio.file.Path;
import java.util.List;

/**
 * Principal coordinate analysis (classical / metric multidimensional scaling; Gower 1966,
 * Biometrika 53:325–338), as scikit-bio's {@code pcoa} and R's {@code cmdscale}.
 *
 * <p>The Gower-centred matrix G = −½ (I − 11ᵀ/N) D² (I − 11ᵀ/N) ({@link GowerMatrix}) is
 * eigendecomposed, G = Σ λ_a v_a v_aᵀ; sample i's coordinate on axis a is v_a[i]·√λ_a for every
 * positive λ_a. A distance that is not Euclidean (Bray–Curtis, for instance) gives some negative
 * eigenvalues: they are reported, not corrected (no Lingoes/Cailliez), and have no coordinates.
 * Eigenvalues are those of cmdscale ({@code eig = TRUE}) and of scikit-bio.
 *
 * <p><b>Proportion explained</b> follows scikit-bio 0.5.8: with the exact method
 * λ_a / Σ_{λ&gt;0} λ (skbio sets negative eigenvalues to 0 before dividing by their sum); with the
 * randomized method, which never sees all eigenvalues, λ_a / tr(G) = λ_a / Σ λ (skbio's
 * {@code fsvd}). The two agree when no eigenvalue is negative; otherwise the randomized
 * proportions are larger by Σ_{λ&gt;0} λ / Σ λ. Negative eigenvalues have proportion 0.
 *
 * <p><b>Methods.</b> {@link Method#EXACT}: all eigenpairs (EJML, O(N³), N² doubles).
 * {@link Method#RANDOMIZED}: the top k axes by randomized subspace iteration (Halko et al.
 * 2011) applied implicitly to G from the condensed distances — each iteration streams the
 * N(N−1)/2 distances once, in parallel, and no N × N matrix is built; iterations stop when each
 * wanted eigenpair's residual is below 1e-10 of the largest eigenvalue, which puts the eigenvalues
 * within about 1e-12 relative of the exact ones on well-separated axes.
 * {@link Method#AUTO}: exact up to {@value #AUTO_EXACT_LIMIT} samples — EJML's dense solver takes
 * about 30 s at 2,000 samples on one core and grows as N³, the randomized method a few seconds.
 */
public final class PCoA {
    private PCoA() {}

    /** Samples above which {@link Method#AUTO} switches to the randomized method. */
    public static final int AUTO_EXACT_LIMIT = 2000;

    /** Axes computed by the randomized method when none are requested. */
    public static final int DEFAULT_AXES = 10;

    /** How the eigenvectors are found. */
    public enum Method { EXACT, RANDOMIZED, AUTO }

    /**
     * Arrays are owned by the result; do not modify them.
     *
     * @param ids                 samples, in matrix order
     * @param eigenvalues         decreasing; all N for the exact method, the k computed otherwise
     * @param proportionExplained per eigenvalue (see the class comment); 0 for negative ones
     * @param coordinates         {@code [sample][axis]} for the leading axes with positive eigenvalues
     * @param method              the method actually used (never AUTO)
     * @param denominator         what proportions are relative to: Σ of positive eigenvalues or tr(G)
     */
    public record Result(List<String> ids, double[] eigenvalues, double[] proportionExplained, double[][] coordinates,
                         Method method, double denominator) {
        /** Number of axes with coordinates. */
        public int axes() { return coordinates.length == 0 ? 0 : coordinates[0].length; }

        /** Sample coordinates: {@code sample-id, PC1 … PCk}. */
        public String coordinatesTsv() {
            StringBuilder sb = new StringBuilder("sample-id");
            for (int a = 0; a < axes(); a++) sb.append("\tPC").append(a + 1);
            sb.append('\n');
            for (int i = 0; i < ids.size(); i++) {
                sb.append(ids.get(i));
                for (int a = 0; a < axes(); a++) sb.append('\t').append(TextOutput.number(coordinates[i][a]));
                sb.append('\n');
            }
            return sb.toString();
        }

        /** One row per eigenvalue: {@code axis, eigenvalue, proportion_explained}. */
        public String eigenvaluesTsv() {
            StringBuilder sb = new StringBuilder("axis\teigenvalue\tproportion_explained\n");
            for (int a = 0; a < eigenvalues.length; a++) {
                sb.append("PC").append(a + 1).append('\t').append(TextOutput.number(eigenvalues[a])).append('\t')
                        .append(TextOutput.number(proportionExplained[a])).append('\n');
            }
            return sb.toString();
        }

        /** Writes {@link #coordinatesTsv()} atomically. */
        public void writeCoordinates(Path target) { TextOutput.write(target, coordinatesTsv()); }

        /** Writes {@link #eigenvaluesTsv()} atomically. */
        public void writeEigenvalues(Path target) { TextOutput.write(target, eigenvaluesTsv()); }
    }

    /** Exact PCoA with coordinates on every positive axis. */
    public static Result compute(DistanceMatrix dm) {
        return compute(dm, Method.EXACT, Integer.MAX_VALUE, 1L, 0);
    }

    /**
     * PCoA by the chosen method.
     *
     * @param axes    coordinates to return (at most the number of positive eigenvalues); for the
     *                randomized method also the number of eigenpairs computed (Integer.MAX_VALUE
     *                there means {@value #DEFAULT_AXES})
     * @param seed    start block of the randomized method
     * @param threads for the randomized method's matrix products; 0 = all cores
     */
    public static Result compute(DistanceMatrix dm, Method method, int axes, long seed, int threads) {
        int n = dm.size();
        if (n < 2) throw new io.gutbrain.error.AnalysisException("PCoA", "needs at least 2 samples, the distance matrix has " + n, "give a distance matrix of 2 or more samples");
        if (axes < 1) throw new IllegalArgumentException("axes must be >= 1");
        Method m = method == Method.AUTO ? (n <= AUTO_EXACT_LIMIT ? Method.EXACT : Method.RANDOMIZED) : method;
        if (m == Method.EXACT) {
            GowerMatrix g = new GowerMatrix(dm);
            int positive = 0;
            SymmetricEigen.Pairs all = SymmetricEigen.exact(g.toSquareRowMajor(), n, Math.min(axes, n));
            double sumPositive = 0;
            for (double v : all.values()) if (v > 0) { sumPositive += v; positive++; }
            return result(dm, all, Math.min(axes, positive), sumPositive, Method.EXACT);
        }
        int k = Math.min(axes == Integer.MAX_VALUE ? DEFAULT_AXES : axes, n);
        CondensedGower op = new CondensedGower(dm, Parallel.threads(threads));
        SymmetricEigen.Pairs top = SymmetricEigen.randomized(op, k, Math.max(10, k), seed, 500, 1e-10);
        int positive = 0;
        for (double v : top.values()) if (v > 0) positive++;
        return result(dm, top, Math.min(k, positive), op.trace(), Method.RANDOMIZED);
    }

    /**
     * The full pseudo-Euclidean embedding of a distance matrix: for every eigenvalue of G with
     * |λ| above {@code sqrt(machine eps)·max(1, λ_1)} (vegan betadisper's cut), the axis
     * v·√|λ|. Axes with λ &lt; 0 are imaginary: d²_ij = Σ_real (x_ia − x_ja)² − Σ_imaginary (x_ia − x_ja)².
     *
     * @param eigenvalues the kept eigenvalues, decreasing (negative ones last)
     * @param coordinates {@code [sample][axis]}, aligned with {@code eigenvalues}
     */
    public record Embedding(double[] eigenvalues, double[][] coordinates) {}

    /** Exact eigendecomposition with all real and imaginary axes (O(N³); for betadisper-like uses). */
    public static Embedding embedding(DistanceMatrix dm) {
        int n = dm.size();
        GowerMatrix g = new GowerMatrix(dm);
        SymmetricEigen.Pairs all = SymmetricEigen.exact(g.toSquareRowMajor(), n, n);
        double tol = Math.sqrt(Math.ulp(1.0));
        double cut = Math.max(tol, tol * all.values()[0]);
        int kept = 0;
        for (double v : all.values()) if (Math.abs(v) > cut) kept++;
        double[] ev = new double[kept];
        double[][] x = new double[n][kept];
        int a = 0;
        for (int src = 0; src < n; src++) {
            double v = all.values()[src];
            if (Math.abs(v) <= cut) continue;
            ev[a] = v;
            double s = Math.sqrt(Math.abs(v));
            for (int i = 0; i < n; i++) x[i][a] = all.vectors()[src][i] * s;
            a++;
        }
        return new Embedding(ev, x);
    }

    private static Result result(DistanceMatrix dm, SymmetricEigen.Pairs pairs, int axes, double denominator, Method method) {
        int n = dm.size();
        double[] ev = pairs.values();
        double[] prop = new double[ev.length];
        for (int a = 0; a < ev.length; a++) prop[a] = ev[a] > 0 ? ev[a] / denominator : 0;
        double[][] coords = new double[n][axes];
        for (int a = 0; a < axes; a++) {
            double s = Math.sqrt(ev[a]);
            double[] v = pairs.vectors()[a];
            for (int i = 0; i < n; i++) coords[i][a] = v[i] * s;
        }
        return new Result(dm.ids(), ev, prop, coords, method, denominator);
    }

    /**
     * G·X computed from the condensed distances without forming G: G X = −½ C A C X with
     * A = D² and C = I − 11ᵀ/N. Row blocks of the upper triangle run in parallel, each adding its
     * symmetric contributions into a private accumulator that is summed at the end, so each
     * distance is read once per product.
     */
    static final class CondensedGower implements SymmetricEigen.Operator {
        private final DistanceMatrix dm;
        private final int n;
        private final int threads;
        private final int[] chunkStart;
        private final double trace;

        CondensedGower(DistanceMatrix dm, int threads) {
            this.dm = dm;
            this.n = dm.size();
            this.threads = threads;
            int chunks = Math.max(1, Math.min(n, threads * 2));
            chunkStart = new int[chunks + 1];
            // equal numbers of pairs per chunk: row i has n-1-i pairs
            long total = (long) n * (n - 1) / 2, acc = 0;
            int c = 1;
            for (int i = 0; i < n && c < chunks; i++) {
                acc += n - 1 - i;
                if (acc >= total * c / chunks) chunkStart[c++] = i + 1;
            }
            while (c <= chunks) chunkStart[c++] = n;
            double t = 0;
            double[] d = dm.condensedDoubles();
            float[] f = dm.condensedFloats();
            int m = d != null ? d.length : f.length;
            for (int k = 0; k < m; k++) { double x = d != null ? d[k] : f[k]; t += x * x; }
            trace = t / n;
        }

        /** tr(G) = Σ_{i<j} d²_ij / N = the sum of all eigenvalues. */
        double trace() { return trace; }

        @Override public int size() { return n; }

        @Override public void apply(double[] x, int l, double[] out) {
            // column-major copy of the centred block: column c is w[c·n .. c·n + n)
            double[] w = new double[n * l];
            for (int i = 0; i < n; i++) for (int c = 0; c < l; c++) w[c * n + i] = x[i * l + c];
            centreColumnMajor(w, l);
            int chunks = chunkStart.length - 1;
            double[][] partial = new double[chunks][];
            Parallel.forEach(chunks, threads, c -> {
                double[] acc = new double[n * l];
                double[] arow = new double[n];
                for (int i = chunkStart[c]; i < chunkStart[c + 1]; i++) {
                    int len = squaredRow(i, arow);
                    for (int cc = 0; cc < l; cc++) {
                        int base = cc * n + i + 1;
                        double wi = w[cc * n + i];
                        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                        int t = 0;
                        for (; t + 3 < len; t += 4) {
                            double a0 = arow[t], a1 = arow[t + 1], a2 = arow[t + 2], a3 = arow[t + 3];
                            s0 += a0 * w[base + t];
                            s1 += a1 * w[base + t + 1];
                            s2 += a2 * w[base + t + 2];
                            s3 += a3 * w[base + t + 3];
                            acc[base + t] += a0 * wi;
                            acc[base + t + 1] += a1 * wi;
                            acc[base + t + 2] += a2 * wi;
                            acc[base + t + 3] += a3 * wi;
                        }
                        for (; t < len; t++) {
                            s0 += arow[t] * w[base + t];
                            acc[base + t] += arow[t] * wi;
                        }
                        acc[cc * n + i] += (s0 + s1) + (s2 + s3);
                    }
                }
                partial[c] = acc;
            });
            double[] sum = partial[0];
            for (int p = 1; p < chunks; p++) for (int i = 0; i < sum.length; i++) sum[i] += partial[p][i];
            centreColumnMajor(sum, l);
            for (int i = 0; i < n; i++) for (int c = 0; c < l; c++) out[i * l + c] = -0.5 * sum[c * n + i];
        }

        /** Squared distances d²(i, j) for j = i+1 … N−1 into {@code row[0 ..)}; returns their number. */
        private int squaredRow(int i, double[] row) {
            int len = n - 1 - i;
            if (len == 0) return 0;
            int k = DistanceMatrix.condensedIndex(n, i, i + 1);
            double[] d = dm.condensedDoubles();
            if (d != null) {
                for (int t = 0; t < len; t++) { double v = d[k + t]; row[t] = v * v; }
            } else {
                float[] f = dm.condensedFloats();
                for (int t = 0; t < len; t++) { double v = f[k + t]; row[t] = v * v; }
            }
            return len;
        }

        private void centreColumnMajor(double[] x, int l) {
            for (int c = 0; c < l; c++) {
                double mean = 0;
                for (int i = 0; i < n; i++) mean += x[c * n + i];
                mean /= n;
                for (int i = 0; i < n; i++) x[c * n + i] -= mean;
            }
        }
    }
}
