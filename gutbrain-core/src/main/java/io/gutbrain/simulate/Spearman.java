package io.gutbrain.simulate;

import io.gutbrain.stats.Ranks;
import org.apache.commons.math3.special.Beta;

/**
 * Spearman's rank correlation with the t-approximation p-value, the test each power-analysis
 * replicate applies (kept here until a general rank-correlation test is in {@code io.gutbrain.stats}).
 *
 * <p>ρ is Pearson's correlation of the average ranks (ties share their mean rank, R's
 * {@code rank()}). The two-sided p-value treats {@code t = ρ √((n − 2) / (1 − ρ²))} as Student t
 * with n − 2 degrees of freedom, as R's {@code cor.test(method = "spearman", exact = FALSE)}
 * does; it is computed as the regularised incomplete beta {@code I_{df/(df+t²)}(df/2, 1/2)},
 * which stays accurate for very small p. |ρ| = 1 gives p = 0; fewer than 3 pairs or a constant
 * variable give NaN.
 */
final class Spearman {
    private Spearman() {}

    /** {ρ, two-sided p} for paired values (no NaN). */
    static double[] test(double[] x, double[] y) {
        int n = x.length;
        if (n != y.length) throw new IllegalArgumentException("lengths differ");
        if (n < 3) return new double[] {Double.NaN, Double.NaN};
        double rho = pearson(Ranks.average(x), Ranks.average(y));
        if (Double.isNaN(rho)) return new double[] {Double.NaN, Double.NaN};
        double df = n - 2;
        if (Math.abs(rho) >= 1) return new double[] {Math.signum(rho), 0};
        double t2 = rho * rho * df / (1 - rho * rho);
        return new double[] {rho, Beta.regularizedBeta(df / (df + t2), df / 2, 0.5)};
    }

    private static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
