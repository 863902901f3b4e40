package io.gutbrain.association;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Numerical derivatives by Richardson extrapolation of central differences, following the
 * algorithm of R's numDeriv package (Gilbert &amp; Varadhan; {@code genD} for Hessians,
 * {@code jacobian(method = "Richardson")} for Jacobians), because lmerTest computes its
 * Satterthwaite degrees of freedom with exactly these and the degrees of freedom are reproduced
 * to many digits only with the same step sizes.
 *
 * <p>Steps: h₀ᵢ = |d·xᵢ| + eps·[|xᵢ| &lt; zeroTol], halved r − 1 times (v = 2); the r central
 * differences are combined by repeated Richardson extrapolation
 * Aₖ ← (4ᵐ·Aₖ₊₁ − Aₖ)/(4ᵐ − 1), m = 1 … r − 1, so the O(h²) error terms cancel. numDeriv's
 * defaults are eps = 1e-4, zeroTol = √(machine ε / 7e-7), r = 4; d = 0.1 for Hessians and
 * 1e-4 for Jacobians.
 */
final class Richardson {
    private Richardson() {}

    static final double EPS = 1e-4;
    static final double ZERO_TOL = Math.sqrt(Math.ulp(1.0) / 7e-7);
    static final int R = 4;

    private static double[] steps(double[] x, double d) {
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) h[i] = Math.abs(d * x[i]) + (Math.abs(x[i]) < ZERO_TOL ? EPS : 0.0);
        return h;
    }

    private static double extrapolate(double[] a) {
        for (int m = 1; m < a.length; m++) {
            double f = Math.pow(4, m);
            for (int k = 0; k < a.length - m; k++) a[k] = (a[k + 1] * f - a[k]) / (f - 1);
        }
        return a[0];
    }

    /**
     * Hessian of a scalar function as numDeriv's {@code hessian} (via {@code genD}, d = 0.1):
     * diagonal from (f(x+h) − 2f(x) + f(x−h))/h², off-diagonal from
     * (f(x+hᵢ+hⱼ) − 2f(x) + f(x−hᵢ−hⱼ) − Hᵢᵢhᵢ² − Hⱼⱼhⱼ²)/(2hᵢhⱼ), each extrapolated.
     */
    static double[][] hessian(ToDoubleFunction<double[]> f, double[] x) {
        int n = x.length;
        double[] h0 = steps(x, 0.1);
        double f0 = f.applyAsDouble(x);
        double[] hdiag = new double[n];
        for (int i = 0; i < n; i++) {
            double[] hh = new double[R];
            double h = h0[i];
            for (int k = 0; k < R; k++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[i] += h;
                xm[i] -= h;
                hh[k] = (f.applyAsDouble(xp) - 2 * f0 + f.applyAsDouble(xm)) / (h * h);
                h /= 2;
            }
            hdiag[i] = extrapolate(hh);
        }
        double[][] hess = new double[n][n];
        for (int i = 0; i < n; i++) {
            hess[i][i] = hdiag[i];
            for (int j = 0; j < i; j++) {
                double[] a = new double[R];
                double hi = h0[i];
                double hj = h0[j];
                for (int k = 0; k < R; k++) {
                    double[] xp = x.clone();
                    double[] xm = x.clone();
                    xp[i] += hi;
                    xp[j] += hj;
                    xm[i] -= hi;
                    xm[j] -= hj;
                    a[k] = (f.applyAsDouble(xp) - 2 * f0 + f.applyAsDouble(xm) - hdiag[i] * hi * hi - hdiag[j] * hj * hj) / (2 * hi * hj);
                    hi /= 2;
                    hj /= 2;
                }
                hess[i][j] = hess[j][i] = extrapolate(a);
            }
        }
        return hess;
    }

    /**
     * Jacobian of a vector function as numDeriv's {@code jacobian(method = "Richardson")}
     * (d = 1e-4): {@code result[i][c]} is ∂f_c/∂x_i.
     */
    static double[][] jacobian(Function<double[], double[]> f, double[] x) {
        int n = x.length;
        double[] h0 = steps(x, 1e-4);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[][] a = null;
            double h = h0[i];
            for (int k = 0; k < R; k++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[i] += h;
                xm[i] -= h;
                double[] fp = f.apply(xp);
                double[] fm = f.apply(xm);
                if (a == null) a = new double[fp.length][R];
                for (int c = 0; c < fp.length; c++) a[c][k] = (fp[c] - fm[c]) / (2 * h);
                h /= 2;
            }
            out[i] = new double[a.length];
            for (int c = 0; c < a.length; c++) out[i][c] = extrapolate(a[c]);
        }
        return out;
    }
}
