package io.gutbrain.association;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Linear mixed model with one or more random intercepts (crossed or nested grouping factors),
 * fitted by REML as lme4's {@code lmer}, with Satterthwaite degrees of freedom for every
 * fixed-effect t test exactly as lmerTest computes them.
 *
 * <p><b>Model.</b> y = Xβ + Σ_k Z_k b_k + ε with b_k ~ N(0, σ²θ_k² I) and ε ~ N(0, σ² I); the θ_k
 * are the relative standard deviations (lme4's "theta" for random intercepts).
 *
 * <p><b>REML criterion</b> (Bates et al. 2015, J. Stat. Softw. 67(1), eq. 42), profiled over β and
 * σ: d(θ) = log|L_θ|² + log|R_X|² + (n − p)·(1 + log(2π·r²(θ)/(n − p))), where L_θ L_θᵀ = ΛZᵀZΛ + I,
 * R_XᵀR_X = XᵀX − XᵀZΛ(ΛZᵀZΛ + I)⁻¹ΛZᵀX and r² is the penalised residual sum of squares. All three
 * come from one Cholesky factorisation of the augmented cross-product matrix
 * [ΛZ Xy]ᵀ[ΛZ Xy] + diag(I_q, 0, 0) (its last diagonal entry squared is r²), so after the
 * per-design cross-products are formed a deviance evaluation never touches the n samples.
 * The grouping factor with the most levels is eliminated first: its block ΛZ₁ᵀZ₁Λ + I is
 * diagonal (θ₁²·n_g + 1), so only the remaining factors, X and y form a small dense system
 * (for HMP2: 5 sites + 8 fixed effects + 1, after eliminating 130 subjects).
 *
 * <p><b>Optimisation.</b> θ ≥ 0, started at 1 like lme4. One factor: Brent's method on a
 * bracket found by doubling; several: Powell's BOBYQA (bound-constrained, derivative-free,
 * as lme4's default). A θ_k within 1e-4 of zero is set to exactly zero when that does not
 * increase the criterion (lme4's boundary check). The optimum is then polished by Newton steps
 * on the free θ_k with Richardson-extrapolated difference derivatives until the step is below
 * 1e-8 (relative) or the predicted gain is far below the criterion's rounding noise, so
 * estimates are those of the exact REML optimum (as far as double precision determines it). Note that lme4's default optimiser
 * stops about 1e-6 from the optimum in θ; where a t statistic is large this moves R's p-values in
 * their fifth or sixth significant digit (p changes relatively by about t² times the relative
 * change of t).
 *
 * <p><b>Satterthwaite degrees of freedom</b> (lmerTest, Kuznetsova et al. 2017, J. Stat. Softw.
 * 82(13); {@code contest1D}): with the variance parameters φ = (θ₁ … θ_K, σ), the deviance
 * D(φ) = log|L_θ|² + log|R_X|² + r²(θ)/σ² + (n − p)·log(2πσ²) (REML, σ not profiled), A = 2·H⁺ where
 * H is the Hessian of D at φ̂ and H⁺ its inverse on the eigenvalues above 1e-8, and
 * C(φ) = σ²(R_XᵀR_X)⁻¹ the covariance of β̂: for coefficient j, with g = ∂C_jj/∂φ,
 * df_j = 2·C_jj² / (gᵀAg). H and g are computed by Richardson extrapolation with numDeriv's steps
 * ({@link Richardson}), as lmerTest does. p = 2·P(T_df &gt; |t|).
 *
 * <p>Thread-safe: the design cross-products are shared read-only, each {@link #fit} allocates
 * its own small workspace.
 */
public final class MixedModel implements FeatureModel {
    private final DesignMatrix design;
    private final int n;
    private final int p;
    private final int k;                 // number of grouping factors
    private final int[] factorOrder;     // factorOrder[f] = index into design.groupingFactors() of the f-th factor (largest first)
    private final int[][] levelOf;       // per ordered factor, level of each row
    private final int q1;                // levels of the largest factor
    private final int qr;                // levels of all other factors
    private final int[] restOffset;      // offset of ordered factor f (f >= 1) in the rest index space
    private final int[] restFactor;      // ordered factor of each rest index
    private final int m;                 // size of the dense system: qr + p + 1
    private final double[] count1;       // n_g for the largest factor
    private final double[][] xsum1;      // X column sums per level of the largest factor
    private final int[][] restIdx1;      // rest indices co-occurring with each level of the largest factor
    private final double[][] restCnt1;   // their counts
    private final double[] restCross;    // qr x qr counts Z_rᵀZ_r (row-major)
    private final double[] restX;        // qr x p sums of X per rest level
    private final double[] xtx;          // p x p
    private final double[][] x;          // design columns
    private final boolean intercept;
    private final List<String> names;

    private MixedModel(DesignMatrix design) {
        this.design = design;
        this.n = design.rows();
        this.p = design.columnCount();
        List<DesignMatrix.GroupingFactor> gf = design.groupingFactors();
        this.k = gf.size();
        Integer[] ord = new Integer[k];
        for (int i = 0; i < k; i++) ord[i] = i;
        // largest factor first (stable), as lme4 orders its random-effect terms
        Arrays.sort(ord, Comparator.comparingInt((Integer i) -> -gf.get(i).levelCount()));
        factorOrder = Arrays.stream(ord).mapToInt(Integer::intValue).toArray();
        levelOf = new int[k][];
        for (int f = 0; f < k; f++) levelOf[f] = gf.get(factorOrder[f]).levelOfRow();
        q1 = gf.get(factorOrder[0]).levelCount();
        restOffset = new int[k];
        int off = 0;
        for (int f = 1; f < k; f++) {
            restOffset[f] = off;
            off += gf.get(factorOrder[f]).levelCount();
        }
        qr = off;
        restFactor = new int[qr];
        for (int f = 1; f < k; f++) {
            for (int l = 0; l < gf.get(factorOrder[f]).levelCount(); l++) restFactor[restOffset[f] + l] = f;
        }
        m = qr + p + 1;
        x = design.rawColumns();
        intercept = design.hasIntercept();
        names = design.columnNames();

        count1 = new double[q1];
        xsum1 = new double[q1][p];
        List<Map<Integer, Double>> co = new ArrayList<>();
        for (int g = 0; g < q1; g++) co.add(new HashMap<>());
        restCross = new double[qr * qr];
        restX = new double[qr * p];
        xtx = new double[p * p];
        int[] restOfRow = new int[k];
        for (int i = 0; i < n; i++) {
            int g = levelOf[0][i];
            count1[g]++;
            for (int j = 0; j < p; j++) xsum1[g][j] += x[j][i];
            for (int f = 1; f < k; f++) {
                restOfRow[f] = restOffset[f] + levelOf[f][i];
                co.get(g).merge(restOfRow[f], 1.0, Double::sum);
            }
            for (int f = 1; f < k; f++) {
                int a = restOfRow[f];
                for (int f2 = 1; f2 < k; f2++) restCross[a * qr + restOfRow[f2]] += 1;
                for (int j = 0; j < p; j++) restX[a * p + j] += x[j][i];
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += x[a][i] * x[b][i];
                xtx[a * p + b] = s;
                xtx[b * p + a] = s;
            }
        }
        restIdx1 = new int[q1][];
        restCnt1 = new double[q1][];
        for (int g = 0; g < q1; g++) {
            Map<Integer, Double> mp = co.get(g);
            int[] idx = mp.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            restIdx1[g] = idx;
            restCnt1[g] = new double[idx.length];
            for (int t = 0; t < idx.length; t++) restCnt1[g][t] = mp.get(idx[t]);
        }
    }

    /** Prepares the design's cross-products once; the result fits any number of responses. */
    public static MixedModel of(DesignMatrix design) {
        if (design.groupingFactors().isEmpty()) throw new IllegalArgumentException("design has no random effects; use LinearModel");
        return new MixedModel(design);
    }

    @Override public DesignMatrix design() { return design; }

    // ------------------------------------------------------------------ per-response state

    /** Sufficient statistics of one response and a Cholesky workspace. */
    private final class Response {
        final double yty;
        final double[] xty = new double[p];
        final double[] ysum1 = new double[q1];
        final double[] ysumRest = new double[qr];
        final double shift;
        final double[] s = new double[m * m];
        double ldL2;
        double ldRX2;
        double r2;

        Response(double[] y) {
            // centring y (the intercept absorbs the shift) keeps r² from cancelling in yᵀy
            double mean = 0;
            for (double v : y) mean += v;
            mean /= n;
            shift = intercept ? mean : 0.0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double v = y[i] - shift;
                yy += v * v;
                ysum1[levelOf[0][i]] += v;
                for (int f = 1; f < k; f++) ysumRest[restOffset[f] + levelOf[f][i]] += v;
            }
            for (int j = 0; j < p; j++) {
                double t = 0;
                double[] xj = x[j];
                for (int i = 0; i < n; i++) t += xj[i] * (y[i] - shift);
                xty[j] = t;
            }
            yty = yy;
        }

        /** Factors the augmented system at θ; false when it is not positive definite. */
        boolean factor(double[] theta) {
            Arrays.fill(s, 0);
            int yi = m - 1;
            for (int a = 0; a < qr; a++) {
                double ta = theta[restFactor[a]];
                for (int b = 0; b <= a; b++) s[a * m + b] = ta * theta[restFactor[b]] * restCross[a * qr + b];
                s[a * m + a] += 1;
                for (int j = 0; j < p; j++) s[(qr + j) * m + a] = ta * restX[a * p + j];
                s[yi * m + a] = ta * ysumRest[a];
            }
            for (int j = 0; j < p; j++) {
                for (int l = 0; l <= j; l++) s[(qr + j) * m + qr + l] = xtx[j * p + l];
                s[yi * m + qr + j] = xty[j];
            }
            s[yi * m + yi] = yty;
            double t1 = theta[0];
            double t1sq = t1 * t1;
            double ld1 = 0;
            double prod = 1;
            double[] tail = new double[p + 1];
            for (int g = 0; g < q1; g++) {
                double d = t1sq * count1[g] + 1;
                // log of a running product, flushed before it can overflow: one log per ~30 levels
                prod *= d;
                if (prod > 1e280) { ld1 += Math.log(prod); prod = 1; }
                double w = t1sq / d;
                double[] xs = xsum1[g];
                System.arraycopy(xs, 0, tail, 0, p);
                tail[p] = ysum1[g];
                for (int j = 0; j <= p; j++) {
                    double wj = w * tail[j];
                    int row = (qr + j) * m + qr;
                    for (int l = 0; l <= j; l++) s[row + l] -= wj * tail[l];
                }
                int[] ri = restIdx1[g];
                double[] rc = restCnt1[g];
                for (int u = 0; u < ri.length; u++) {
                    int a = ri[u];
                    double va = theta[restFactor[a]] * rc[u];
                    double wa = w * va;
                    for (int j = 0; j <= p; j++) s[(qr + j) * m + a] -= wa * tail[j];
                    for (int u2 = 0; u2 < ri.length; u2++) {
                        int b = ri[u2];
                        if (b > a) continue;
                        s[a * m + b] -= wa * theta[restFactor[b]] * rc[u2];
                    }
                }
            }
            ld1 += Math.log(prod);
            // dense Cholesky, lower triangle in place
            for (int j = 0; j < m; j++) {
                double dsum = s[j * m + j];
                for (int l = 0; l < j; l++) dsum -= s[j * m + l] * s[j * m + l];
                if (!(dsum > 0)) {
                    if (j == m - 1 && dsum > -1e-300) { s[j * m + j] = 0; break; }
                    return false;
                }
                double djj = Math.sqrt(dsum);
                s[j * m + j] = djj;
                for (int i = j + 1; i < m; i++) {
                    double v = s[i * m + j];
                    for (int l = 0; l < j; l++) v -= s[i * m + l] * s[j * m + l];
                    s[i * m + j] = v / djj;
                }
            }
            double ld = ld1;
            for (int a = 0; a < qr; a++) ld += 2 * Math.log(s[a * m + a]);
            double ldx = 0;
            for (int j = 0; j < p; j++) ldx += 2 * Math.log(s[(qr + j) * m + qr + j]);
            ldL2 = ld;
            ldRX2 = ldx;
            double last = s[yi * m + yi];
            r2 = last * last;
            return true;
        }

        /** Profiled REML criterion at θ (+∞ where undefined). */
        double reml(double[] theta) {
            if (!factor(theta) || !(r2 > 0)) return Double.POSITIVE_INFINITY;
            double nmp = n - p;
            return ldL2 + ldRX2 + nmp * (1 + Math.log(2 * Math.PI * r2 / nmp));
        }

        /** lmerTest's REML deviance as a function of (θ, σ). */
        double devianceVarpar(double[] varpar) {
            double sigma = varpar[k];
            if (!factor(Arrays.copyOf(varpar, k))) return Double.NaN;
            double s2 = sigma * sigma;
            return ldL2 + ldRX2 + r2 / s2 + (n - p) * Math.log(2 * Math.PI * s2);
        }

        /** Lower-triangular inverse of the fixed-effects factor L_X (R_Xᵀ) after {@link #factor}. */
        double[] lxInverse() {
            double[] inv = new double[p * p];
            for (int c = 0; c < p; c++) {
                for (int i = c; i < p; i++) {
                    double v = i == c ? 1 : 0;
                    for (int l = c; l < i; l++) v -= s[(qr + i) * m + qr + l] * inv[l * p + c];
                    inv[i * p + c] = v / s[(qr + i) * m + qr + i];
                }
            }
            return inv;
        }

        /** Diagonal of σ²(R_XᵀR_X)⁻¹ at (θ, σ). */
        double[] covBetaDiagonal(double[] varpar) {
            factor(Arrays.copyOf(varpar, k));
            double[] inv = lxInverse();
            double s2 = varpar[k] * varpar[k];
            double[] d = new double[p];
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int i = j; i < p; i++) sum += inv[i * p + j] * inv[i * p + j];
                d[j] = s2 * sum;
            }
            return d;
        }

        /** β̂ at the θ of the last {@link #factor}: solves L_Xᵀβ = l_y. */
        double[] beta() {
            double[] b = new double[p];
            for (int i = p - 1; i >= 0; i--) {
                double v = s[(m - 1) * m + qr + i];
                for (int l = i + 1; l < p; l++) v -= s[(qr + l) * m + qr + i] * b[l];
                b[i] = v / s[(qr + i) * m + qr + i];
            }
            return b;
        }
    }

    // ------------------------------------------------------------------ fitting

    @Override
    public ModelFit fit(double[] y) {
        return fit(y, null);
    }

    /**
     * Fits at given relative standard deviations instead of the REML optimum (for checking the
     * fixed-effect and Satterthwaite computations against lmerTest at identical θ).
     *
     * @param theta θ per grouping factor, in {@link DesignMatrix#groupingFactors()} order
     */
    ModelFit fitAtTheta(double[] y, double[] theta) {
        double[] t = new double[k];
        for (int f = 0; f < k; f++) t[f] = theta[factorOrder[f]];
        return fit(y, t);
    }

    private ModelFit fit(double[] y, double[] fixedTheta) {
        if (y.length != n) throw new IllegalArgumentException("response has " + y.length + " values for " + n + " design rows");
        double scale = 0;
        for (double v : y) {
            if (!Double.isFinite(v)) return ModelFit.failed(design, n, "response has a non-finite value");
            scale = Math.max(scale, Math.abs(v));
        }
        Response r = new Response(y);
        if (!r.factor(new double[k]) || r.r2 <= Math.pow(1e-13 * scale, 2) * n) {
            return ModelFit.failed(design, n, "zero residual variance (the fixed effects fit this feature exactly, e.g. it is constant)");
        }
        double[] theta;
        if (fixedTheta != null) {
            theta = fixedTheta.clone();
        } else {
            try {
                theta = optimise(r);
            } catch (RuntimeException e) {
                return ModelFit.failed(design, n, "REML optimisation failed: " + e.getMessage());
            }
        }
        double reml = r.reml(theta);
        if (!Double.isFinite(reml)) return ModelFit.failed(design, n, "REML criterion is not finite at the optimum");
        double[] beta = r.beta();
        double sigma = Math.sqrt(r.r2 / (n - p));
        if (!(sigma > 0)) return ModelFit.failed(design, n, "zero residual variance");
        double[] varpar = Arrays.copyOf(theta, k + 1);
        varpar[k] = sigma;

        double[][] h = Richardson.hessian(r::devianceVarpar, varpar);
        double[][] a = pseudoInverseTimes2(h);
        double[][] jac = Richardson.jacobian(r::covBetaDiagonal, varpar);
        double[] cov = r.covBetaDiagonal(varpar);
        if (intercept) beta[0] += r.shift;

        List<ModelFit.Estimate> es = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            double denom = 0;
            for (int i = 0; i <= k; i++) for (int l = 0; l <= k; l++) denom += jac[i][j] * a[i][l] * jac[l][j];
            double df = 2 * cov[j] * cov[j] / denom;
            es.add(ModelFit.Estimate.of(names.get(j), beta[j], Math.sqrt(cov[j]), df, StudentT.quantile975(df)));
        }
        double[] thetaOut = new double[k];
        for (int f = 0; f < k; f++) thetaOut[factorOrder[f]] = theta[f];
        return new ModelFit(es, n, sigma, thetaOut, reml, null);
    }

    /** 2·H⁺ with H⁺ the inverse of H restricted to its eigenvalues above 1e-8 (lmerTest's rule). */
    private static double[][] pseudoInverseTimes2(double[][] h) {
        int d = h.length;
        RealMatrix hm = new Array2DRowRealMatrix(h, true);
        EigenDecomposition eig = new EigenDecomposition(hm);
        double[] ev = eig.getRealEigenvalues();
        double[][] out = new double[d][d];
        for (int e = 0; e < d; e++) {
            if (!(ev[e] > 1e-8)) continue;
            double[] v = eig.getEigenvector(e).toArray();
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) out[i][j] += 2 * v[i] * v[j] / ev[e];
        }
        return out;
    }

    private double[] optimise(Response r) {
        double[] theta;
        if (k == 1) {
            theta = new double[] {brent(r)};
        } else {
            BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * k + 1, 0.5, 1e-5);
            double[] lower = new double[k];
            double[] upper = new double[k];
            double[] start = new double[k];
            Arrays.fill(upper, 1e6);
            Arrays.fill(start, 1.0);
            PointValuePair pv = opt.optimize(new MaxEval(100_000), new ObjectiveFunction(r::reml), GoalType.MINIMIZE,
                    new InitialGuess(start), new SimpleBounds(lower, upper));
            theta = pv.getPoint();
        }
        return polish(r, theta);
    }

    private double brent(Response r) {
        double[] t = new double[1];
        java.util.function.DoubleUnaryOperator f = v -> { t[0] = v; return r.reml(t); };
        double hi = 1;
        double fPrev = f.applyAsDouble(1);
        while (hi < 1e6) {
            double fNext = f.applyAsDouble(2 * hi);
            if (fNext > fPrev) break;
            hi *= 2;
            fPrev = fNext;
        }
        BrentOptimizer b = new BrentOptimizer(1e-12, 1e-14);
        UnivariatePointValuePair pv = b.optimize(new MaxEval(10_000), new UnivariateObjectiveFunction(f::applyAsDouble), GoalType.MINIMIZE,
                new SearchInterval(0, 2 * hi, Math.min(1, hi)));
        return pv.getPoint();
    }

    /**
     * Boundary check and Newton polishing of the REML optimum: θ_k below 1e-4 go to 0 when that does
     * not increase the criterion; the free θ_k then take Newton steps on Richardson-extrapolated
     * finite-difference derivatives (with step halving) until converged.
     */
    private double[] polish(Response r, double[] start) {
        double[] theta = start.clone();
        for (int i = 0; i < k; i++) if (theta[i] < 0) theta[i] = 0;
        double fcur = r.reml(theta);
        for (int i = 0; i < k; i++) {
            if (theta[i] > 0 && theta[i] < 1e-4) {
                double[] t0 = theta.clone();
                t0[i] = 0;
                double f0 = r.reml(t0);
                if (f0 <= fcur) { theta = t0; fcur = f0; }
            }
        }
        double[][] hs = null;
        int[] hsFree = null;
        for (int iter = 0; iter < 20; iter++) {
            int[] free = freeCoordinates(r, theta, fcur);
            if (free.length == 0) break;
            int nf = free.length;
            double[] g = gradient(r, theta, free);
            // the Hessian changes little near the optimum: refresh it only when the free set changes or every third step
            if (hs == null || !Arrays.equals(free, hsFree) || iter % 3 == 0) {
                hs = hessian(r, theta, free, fcur);
                hsFree = free;
            }
            double[] step = newtonStep(g, hs);
            double predicted = 0; // the quadratic model's predicted decrease
            for (int u = 0; u < nf; u++) {
                predicted -= g[u] * step[u];
                for (int w = 0; w < nf; w++) predicted -= 0.5 * step[u] * hs[u][w] * step[w];
            }
            double rel = 0;
            for (int u = 0; u < nf; u++) rel = Math.max(rel, Math.abs(step[u]) / Math.max(1e-3, theta[free[u]]));
            // converged: a step below 1e-8 relative, or a predicted gain far below the criterion's rounding noise
            if (rel < 1e-8 || predicted < 1e-17 * (Math.abs(fcur) + 1)) break;
            double[] cand = theta.clone();
            double lambda = 1;
            double fnew = Double.POSITIVE_INFINITY;
            for (int half = 0; half < 30; half++) {
                for (int u = 0; u < nf; u++) cand[free[u]] = Math.max(0, theta[free[u]] + lambda * step[u]);
                fnew = r.reml(cand);
                if (fnew <= fcur + 1e-12 * Math.abs(fcur)) break;
                lambda /= 2;
            }
            if (!(fnew <= fcur + 1e-12 * Math.abs(fcur))) break;
            double maxStep = 0;
            for (int u = 0; u < nf; u++) maxStep = Math.max(maxStep, Math.abs(cand[free[u]] - theta[free[u]]) / Math.max(1e-3, theta[free[u]]));
            theta = cand;
            fcur = fnew;
            if (maxStep < 1e-10) break;
        }
        r.factor(theta);
        return theta;
    }

    /** Coordinates not pinned at zero; a zero coordinate is freed again when moving off the bound lowers the criterion. */
    private int[] freeCoordinates(Response r, double[] theta, double fcur) {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (theta[i] > 0) { free.add(i); continue; }
            double[] t = theta.clone();
            t[i] = 1e-3;
            if (r.reml(t) < fcur - 1e-10 * Math.abs(fcur)) { theta[i] = 1e-3; free.add(i); }
        }
        return free.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double step(double theta) { return 1e-2 * Math.max(theta, 1e-2); }

    /** Gradient on the free coordinates: central differences at h and h/2, Richardson-combined (error O(h⁴)). */
    private static double[] gradient(Response r, double[] theta, int[] free) {
        double[] g = new double[free.length];
        for (int u = 0; u < free.length; u++) {
            double h = step(theta[free[u]]);
            g[u] = (4 * central(r, theta, free[u], h / 2) - central(r, theta, free[u], h)) / 3;
        }
        return g;
    }

    /** Hessian on the free coordinates by second differences with steps 10·h (accuracy matters less here). */
    private static double[][] hessian(Response r, double[] theta, int[] free, double f0) {
        int nf = free.length;
        double[][] hs = new double[nf][nf];
        double[] hh = new double[nf];
        for (int u = 0; u < nf; u++) {
            int i = free[u];
            hh[u] = 10 * step(theta[i]);
            double[] t = theta.clone();
            t[i] = theta[i] + hh[u];
            double fp = r.reml(t);
            t[i] = theta[i] - hh[u];
            double fm = r.reml(t);
            hs[u][u] = (fp - 2 * f0 + fm) / (hh[u] * hh[u]);
        }
        for (int u = 0; u < nf; u++) {
            for (int w = 0; w < u; w++) {
                double[] t = theta.clone();
                t[free[u]] += hh[u];
                t[free[w]] += hh[w];
                double fpp = r.reml(t);
                t[free[u]] = theta[free[u]] - hh[u];
                t[free[w]] = theta[free[w]] - hh[w];
                double fmm = r.reml(t);
                hs[u][w] = hs[w][u] = (fpp - 2 * f0 + fmm - hs[u][u] * hh[u] * hh[u] - hs[w][w] * hh[w] * hh[w]) / (2 * hh[u] * hh[w]);
            }
        }
        return hs;
    }

    private static double central(Response r, double[] theta, int i, double h) {
        double[] t = theta.clone();
        t[i] = theta[i] + h;
        double a = r.reml(t);
        t[i] = theta[i] - h;
        double b = r.reml(t);
        return (a - b) / (2 * h);
    }

    /** Solves H s = −g; when H is not positive definite, shifts it (Levenberg) until it is. */
    private static double[] newtonStep(double[] g, double[][] h) {
        int d = g.length;
        double shift = 0;
        double diagMax = 0;
        for (int i = 0; i < d; i++) diagMax = Math.max(diagMax, Math.abs(h[i][i]));
        for (int attempt = 0; attempt < 60; attempt++) {
            double[][] l = new double[d][d];
            boolean ok = true;
            for (int j = 0; j < d && ok; j++) {
                double s = h[j][j] + shift;
                for (int t = 0; t < j; t++) s -= l[j][t] * l[j][t];
                if (!(s > 0)) { ok = false; break; }
                l[j][j] = Math.sqrt(s);
                for (int i = j + 1; i < d; i++) {
                    double v = h[i][j];
                    for (int t = 0; t < j; t++) v -= l[i][t] * l[j][t];
                    l[i][j] = v / l[j][j];
                }
            }
            if (ok) {
                double[] z = new double[d];
                for (int i = 0; i < d; i++) {
                    double v = -g[i];
                    for (int t = 0; t < i; t++) v -= l[i][t] * z[t];
                    z[i] = v / l[i][i];
                }
                double[] s = new double[d];
                for (int i = d - 1; i >= 0; i--) {
                    double v = z[i];
                    for (int t = i + 1; t < d; t++) v -= l[t][i] * s[t];
                    s[i] = v / l[i][i];
                }
                return s;
            }
            shift = shift == 0 ? Math.max(1e-8, 1e-6 * diagMax) : shift * 4;
        }
        double[] s = new double[d];
        for (int i = 0; i < d; i++) s[i] = -g[i] * 1e-3;
        return s;
    }
}
