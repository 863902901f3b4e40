package io.gutbrain.association;

import java.util.ArrayList;
import java.util.List;

/**
 * Ordinary least squares for many responses against one design, as R's {@code lm} (and
 * MaAsLin2's gaussian {@code glm}) computes it.
 *
 * <p><b>Method.</b> X = QR is factored once by Householder reflections (the same
 * decomposition R uses). For a response y, Qᵀy is formed by applying the p reflectors
 * (≈ 4·n·p flops); its first p entries c give β̂ = R⁻¹c and the rest the residual sum of squares
 * RSS = Σ_{i&gt;p} (Qᵀy)_i², which avoids the cancellation of yᵀy − cᵀc. Then σ̂² = RSS/(n − p),
 * SE(β̂_j) = σ̂·√((XᵀX)⁻¹)_jj with (XᵀX)⁻¹ = R⁻¹R⁻ᵀ precomputed, t = β̂_j/SE, two-sided p from
 * the t distribution with n − p degrees of freedom, and the 95% interval
 * β̂_j ± t_{0.975, n−p}·SE.
 *
 * <p><b>Edge cases.</b> A response with zero residual variance (a perfect fit, e.g. a constant
 * feature) cannot be tested: the fit is reported as failed with that reason rather than with
 * the meaningless t = ±∞ R would print. Non-finite responses fail likewise.
 */
public final class LinearModel implements FeatureModel {
    private final DesignMatrix design;
    private final HouseholderQr qr;
    private final double[] xtxInvDiag;
    private final int n;
    private final int p;
    private final double df;
    private final double q975;
    private final List<String> names;

    private LinearModel(DesignMatrix design) {
        this.design = design;
        this.qr = HouseholderQr.factor(design.rawColumns(), 1e-7);
        this.n = design.rows();
        this.p = design.columnCount();
        if (qr.rank != p) throw new IllegalStateException("design is rank deficient; DesignMatrix.build should have refused it");
        double[][] rinv = qr.inverseR();
        xtxInvDiag = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int k = j; k < p; k++) s += rinv[j][k] * rinv[j][k];
            xtxInvDiag[j] = s;
        }
        this.df = n - p;
        this.q975 = StudentT.quantile975(df);
        this.names = design.columnNames();
    }

    /** Factors the design once; the result fits any number of responses. */
    public static LinearModel of(DesignMatrix design) {
        if (!design.groupingFactors().isEmpty()) {
            throw new IllegalArgumentException("design has random effects; use MixedModel");
        }
        return new LinearModel(design);
    }

    @Override public DesignMatrix design() { return design; }

    /** Residual degrees of freedom n − p. */
    public double residualDf() { return df; }

    @Override
    public ModelFit fit(double[] y) {
        if (y.length != n) throw new IllegalArgumentException("response has " + y.length + " values for " + n + " design rows");
        double[] z = y.clone();
        double scale = 0;
        for (double v : z) {
            if (!Double.isFinite(v)) return ModelFit.failed(design, n, "response has a non-finite value");
            scale = Math.max(scale, Math.abs(v));
        }
        qr.applyQt(z);
        double[] beta = HouseholderQr.solveUpper(qr.r, java.util.Arrays.copyOf(z, p));
        double rss = 0;
        for (int i = p; i < n; i++) rss += z[i] * z[i];
        // a residual below rounding noise of the response is a perfect fit
        double noise = 1e-13 * scale;
        if (rss <= noise * noise * n) {
            return ModelFit.failed(design, n, "zero residual variance (the model fits this feature exactly, e.g. it is constant)");
        }
        double sigma2 = rss / df;
        List<ModelFit.Estimate> es = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            es.add(ModelFit.Estimate.of(names.get(j), beta[j], Math.sqrt(sigma2 * xtxInvDiag[j]), df, q975));
        }
        return new ModelFit(es, n, Math.sqrt(sigma2), new double[0], Double.NaN, null);
    }
}
