package io.gutbrain.ordination;

import io.gutbrain.io.TextOutput;
import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableArrays;
import io.gutbrain.util.Parallel;

import java.nio.file.Path;
import java.util.List;

/**
 * Principal component analysis of centred log-ratio (CLR) transformed compositions — the
 * "Aitchison PCA" of compositional microbiome data (Aitchison 1983, Biometrika 70:57–65; Gloor
 * et al. 2017, Front. Microbiol. 8:2224).
 *
 * <p>Each sample x (all F features, zeros replaced via a pseudocount c) becomes
 * clr(x)_f = ln(x_f + c) − mean_f' ln(x_f' + c); the features are then centred over samples and
 * the N × F matrix X is decomposed as X = U S Vᵀ. Scores are U S (prcomp's {@code x}), loadings
 * V ({@code rotation}), variances s²/(N−1) ({@code sdev²}) and proportion explained
 * s_a² / Σ s² (the total over all components, i.e. ‖X‖²).
 *
 * <p>Why no dense N × F copy: writing y_sf = ln(1 + x_sf / c), which is zero wherever x is, the
 * CLR matrix centred over samples is X = C_N Y C_F with the centring matrices C = I − 11ᵀ/n, so
 * only the sparse Y is touched. The smaller of the Gram matrices X Xᵀ (N × N) or Xᵀ X (F × F) is
 * built from Y's non-zeros by outer products per feature (or per sample) plus a rank-one
 * correction and double centring, and eigendecomposed ({@link SymmetricEigen}); the other side of
 * the SVD follows by one sparse product. Exact up to {@value PCoA#AUTO_EXACT_LIMIT} in the smaller
 * dimension, else randomized subspace iteration on the Gram matrix.
 */
public final class PCA {
    private PCA() {}

    /**
     * Arrays are owned by the result; do not modify them.
     *
     * @param sampleIds           rows of the scores
     * @param featureIds          rows of the loadings
     * @param variances           variance along each component, s²/(N−1), decreasing
     * @param proportionExplained s_a² / Σ s² over all components
     * @param scores              {@code [sample][component]}
     * @param loadings            {@code [feature][component]}, unit columns
     * @param pseudocount         added to every count before the logarithm
     */
    public record Result(List<String> sampleIds, List<String> featureIds, double[] variances, double[] proportionExplained,
                         double[][] scores, double[][] loadings, double pseudocount) {
        /** Number of components. */
        public int components() { return variances.length; }

        /** Sample scores: {@code sample-id, PC1 … PCk}. */
        public String scoresTsv() { return matrixTsv("sample-id", sampleIds, scores); }

        /** Feature loadings: {@code feature-id, PC1 … PCk}. */
        public String loadingsTsv() { return matrixTsv("feature-id", featureIds, loadings); }

        /** One row per component: {@code component, variance, proportion_explained}. */
        public String varianceTsv() {
            StringBuilder sb = new StringBuilder("component\tvariance\tproportion_explained\n");
            for (int a = 0; a < variances.length; a++) {
                sb.append("PC").append(a + 1).append('\t').append(TextOutput.number(variances[a])).append('\t')
                        .append(TextOutput.number(proportionExplained[a])).append('\n');
            }
            return sb.toString();
        }

        /** Writes {@link #scoresTsv()} atomically. */
        public void writeScores(Path target) { TextOutput.write(target, scoresTsv()); }

        /** Writes {@link #loadingsTsv()} atomically. */
        public void writeLoadings(Path target) { TextOutput.write(target, loadingsTsv()); }

        /** Writes {@link #varianceTsv()} atomically. */
        public void writeVariance(Path target) { TextOutput.write(target, varianceTsv()); }

        private String matrixTsv(String idHeader, List<String> ids, double[][] m) {
            StringBuilder sb = new StringBuilder(idHeader);
            for (int a = 0; a < components(); a++) sb.append("\tPC").append(a + 1);
            sb.append('\n');
            for (int i = 0; i < ids.size(); i++) {
                sb.append(ids.get(i));
                for (int a = 0; a < components(); a++) sb.append('\t').append(TextOutput.number(m[i][a]));
                sb.append('\n');
            }
            return sb.toString();
        }
    }

    /**
     * CLR-PCA of {@code table}.
     *
     * @param pseudocount added to every value (&gt; 0; 1 for counts is common, as in the project's
     *                    Aitchison distance)
     * @param components  number of components wanted (capped at the rank of X)
     * @param seed        start block of the randomized solver (unused by the exact one)
     * @param threads     for the randomized solver's products; 0 = all cores
     */
    public static Result clr(FeatureTable table, double pseudocount, int components, long seed, int threads) {
        return clr(table, pseudocount, components, seed, threads, PCoA.AUTO_EXACT_LIMIT);
    }

    /** As {@link #clr(FeatureTable, double, int, long, int)} with the exact/randomized switch at {@code exactLimit} (for tests). */
    static Result clr(FeatureTable table, double pseudocount, int components, long seed, int threads, int exactLimit) {
        if (!(pseudocount > 0) || Double.isInfinite(pseudocount)) throw new IllegalArgumentException("pseudocount must be a positive number");
        if (components < 1) throw new IllegalArgumentException("components must be >= 1");
        int ns = table.sampleCount(), nf = table.featureCount();
        if (ns < 2 || nf < 2) {
            throw new io.gutbrain.error.AnalysisException("PCA", "needs at least 2 samples and 2 features, the table has " + ns + " sample(s) and " + nf + " feature(s)",
                    "give a table of 2 or more samples and features (check filters that removed them)");
        }
        boolean bySample = ns <= nf; // Gram over the smaller dimension
        int m = bySample ? ns : nf;
        if ((long) m * m > Integer.MAX_VALUE - 8) {
            throw new io.gutbrain.error.AnalysisException("PCA", "needs a " + m + " x " + m + " Gram matrix, more than one Java array holds",
                    "filter the table (e.g. gutbrain table filter --min-prevalence) to fewer samples or features");
        }
        double[] gram;
        if (bySample) {
            FeatureMajor fm = table.byFeature();
            gram = gram(TableArrays.featurePointers(fm), TableArrays.sampleIndices(fm), TableArrays.values(fm), nf, ns, pseudocount);
        } else {
            gram = gram(TableArrays.samplePointers(table), TableArrays.featureIndices(table), TableArrays.values(table), ns, nf, pseudocount);
        }
        double trace = 0;
        for (int i = 0; i < m; i++) trace += gram[i * m + i];
        int k = Math.min(components, Math.min(ns - 1, nf - 1));
        SymmetricEigen.Pairs pairs;
        if (m <= exactLimit) {
            pairs = SymmetricEigen.exact(gram, m, k);
        } else {
            double[] g = gram;
            int t = Parallel.threads(threads);
            pairs = SymmetricEigen.randomized(new SymmetricEigen.Operator() {
                @Override public int size() { return m; }
                @Override public void apply(double[] x, int l, double[] out) {
                    Parallel.forEach(m, t, i -> {
                        for (int c = 0; c < l; c++) {
                            double s = 0;
                            for (int j = 0; j < m; j++) s += g[i * m + j] * x[j * l + c];
                            out[i * l + c] = s;
                        }
                    });
                }
            }, k, Math.max(10, k), seed, 500, 1e-10);
        }
        // drop numerically null components (rank of X below k)
        int kept = 0;
        while (kept < k && pairs.values()[kept] > 1e-12 * Math.max(pairs.values()[0], Double.MIN_NORMAL)) kept++;
        double[] variances = new double[kept];
        double[] prop = new double[kept];
        double[][] scores = new double[ns][kept];
        double[][] loadings = new double[nf][kept];
        for (int a = 0; a < kept; a++) {
            double lambda = pairs.values()[a];
            double s = Math.sqrt(lambda);
            variances[a] = lambda / (ns - 1);
            prop[a] = lambda / trace;
            double[] v = pairs.vectors()[a];
            if (bySample) { // v = u: scores U S, loadings Xᵀ u / s
                double[] ld = multiplyTransposed(table, v, pseudocount);
                for (int i = 0; i < ns; i++) scores[i][a] = v[i] * s;
                for (int f = 0; f < nf; f++) loadings[f][a] = ld[f] / s;
            } else { // v = loading: scores X v
                double[] sc = multiply(table, v, pseudocount);
                for (int i = 0; i < ns; i++) scores[i][a] = sc[i];
                for (int f = 0; f < nf; f++) loadings[f][a] = v[f];
            }
        }
        return new Result(table.sampleIds(), table.featureIds(), variances, prop, scores, loadings, pseudocount);
    }

    /**
     * Gram matrix C_a Z C_b Zᵀ C_a (m × m, row-major) of the sparse matrix Z (rows = the m
     * "output" items, columns = the other dimension of size {@code other}), given Z column by
     * column: list L holds rows {@code idx[ptr[L] .. ptr[L+1])} with raw values transformed to
     * ln(1 + x/c).
     */
    private static double[] gram(int[] ptr, int[] idx, double[] raw, int lists, int m, double c) {
        double[] g = new double[m * m];
        double[] rowSum = new double[m];
        double[] y = new double[raw.length];
        for (int a = 0; a < y.length; a++) y[a] = Math.log1p(raw[a] / c);
        for (int list = 0; list < lists; list++) {
            int from = ptr[list], to = ptr[list + 1];
            for (int a = from; a < to; a++) {
                int i = idx[a];
                double yi = y[a];
                rowSum[i] += yi;
                int row = i * m;
                for (int b = a; b < to; b++) g[row + idx[b]] += yi * y[b];
            }
        }
        // idx ascending within a list, so only i <= j was filled: mirror, subtract the rank-one
        // column-centring term, then double-centre
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double v = g[i * m + j] - rowSum[i] * rowSum[j] / lists;
                g[i * m + j] = v;
                g[j * m + i] = v;
            }
        }
        double[] mean = new double[m];
        double grand = 0;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) s += g[i * m + j];
            mean[i] = s / m;
            grand += mean[i];
        }
        grand /= m;
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) g[i * m + j] += grand - mean[i] - mean[j];
        return g;
    }

    /** X v = C_N Y C_F v for a feature-space vector v (length F). */
    private static double[] multiply(FeatureTable t, double[] v, double c) {
        double[] w = centred(v);
        int ns = t.sampleCount();
        double[] out = new double[ns];
        for (int s = 0; s < ns; s++) {
            double acc = 0;
            for (int k = t.sampleStart(s); k < t.sampleEnd(s); k++) acc += Math.log1p(t.valueAt(k) / c) * w[t.indexAt(k)];
            out[s] = acc;
        }
        return centred(out);
    }

    /** Xᵀ u = C_F Yᵀ C_N u for a sample-space vector u (length N). */
    private static double[] multiplyTransposed(FeatureTable t, double[] u, double c) {
        double[] w = centred(u);
        double[] out = new double[t.featureCount()];
        for (int s = 0; s < t.sampleCount(); s++) {
            for (int k = t.sampleStart(s); k < t.sampleEnd(s); k++) out[t.indexAt(k)] += Math.log1p(t.valueAt(k) / c) * w[s];
        }
        return centred(out);
    }

    private static double[] centred(double[] x) {
        double m = 0;
        for (double v : x) m += v;
        m /= x.length;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i] - m;
        return out;
    }
}
