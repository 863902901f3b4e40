package io.gutbrain.association;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of fitting one feature: one {@link Estimate} per design column, the residual
 * standard deviation and, for mixed models, the relative covariance parameters.
 *
 * @param coefficients one per design column, in design order (intercept included)
 * @param n            samples used
 * @param sigma        residual standard deviation (REML estimate for mixed models), NaN on failure
 * @param theta        relative standard deviations σ_k/σ of the random intercepts (empty for
 *                     linear models)
 * @param reml         the REML criterion at the optimum (lme4's "REML criterion at convergence");
 *                     NaN for linear models
 * @param failure      null when the fit succeeded, else why it did not (statistics are NaN)
 */
public record ModelFit(List<Estimate> coefficients, int n, double sigma, double[] theta, double reml, String failure) {

    /**
     * One coefficient's estimate and its t test.
     *
     * @param name     design column name
     * @param estimate the coefficient
     * @param stdError its standard error
     * @param df       degrees of freedom of the t test (n − p for linear models, Satterthwaite for mixed)
     * @param t        estimate / stdError
     * @param p        two-sided p-value 2·P(T_df &gt; |t|)
     * @param ciLow    lower end of the 95% confidence interval estimate − t_{0.975, df}·stdError
     * @param ciHigh   upper end of the 95% confidence interval
     */
    public record Estimate(String name, double estimate, double stdError, double df, double t, double p, double ciLow, double ciHigh) {
        /** The t test and 95% interval from an estimate, its standard error, df and the t quantile {@code q975} for that df. */
        static Estimate of(String name, double estimate, double se, double df, double q975) {
            double t = estimate / se;
            double p = StudentT.twoSidedP(t, df);
            double q = q975;
            return new Estimate(name, estimate, se, df, t, p, estimate - q * se, estimate + q * se);
        }

        static Estimate missing(String name) {
            return new Estimate(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    public ModelFit {
        coefficients = List.copyOf(coefficients);
        theta = theta.clone();
    }

    /** A failed fit: every statistic NaN, with the reason. */
    static ModelFit failed(DesignMatrix design, int n, String reason) {
        List<Estimate> es = new ArrayList<>();
        for (String name : design.columnNames()) es.add(Estimate.missing(name));
        return new ModelFit(es, n, Double.NaN, new double[0], Double.NaN, reason);
    }

    /** True when the fit succeeded. */
    public boolean ok() { return failure == null; }

    /** The estimate for a column name, or null. */
    public Estimate coefficient(String name) {
        for (Estimate e : coefficients) if (e.name().equals(name)) return e;
        return null;
    }

    @Override public double[] theta() { return theta.clone(); }
}
