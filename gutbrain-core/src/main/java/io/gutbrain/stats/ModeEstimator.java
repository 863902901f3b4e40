package io.gutbrain.stats;

import io.gutbrain.util.Quantiles;
import java.util.Arrays;

/**
 * The mode of a continuous sample by Fukunaga &amp; Hostetler's (1975) mean shift with a Gaussian
 * kernel, as the R package modeest computes it for {@code mlv(x, method = "meanshift",
 * kernel = "gaussian")} — the estimator LinDA uses for its bias correction.
 *
 * <p>Start at the shorth (the mean of the shortest half of the sample, Andrews et al. 1972); with
 * bandwidth h = {@link #bandwidthNrd0} repeat m ← Σ xᵢ K((xᵢ − m)/h) / Σ K((xᵢ − m)/h) until
 * |m_new/m − 1| &lt; √ε (the accepted value is the one before the last update, as in modeest) or
 * 1000 steps.
 */
public final class ModeEstimator {
    private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));
    private static final int MAX_ITER = 1000;

    private ModeEstimator() {}

    /** The mean-shift mode of {@code x} (at least 2 values, all finite). */
    public static double meanShift(double[] x) {
        if (x.length < 2) throw new IllegalArgumentException("need at least 2 values to estimate a mode");
        double bw = bandwidthNrd0(x);
        double par = shorth(x);
        for (int j = 0; j < MAX_ITER; j++) {
            double num = 0, den = 0;
            for (double v : x) {
                double z = (v - par) / bw;
                double k = Math.exp(-0.5 * z * z); // the normal density's constant cancels
                num += v * k;
                den += k;
            }
            double m = num / den;
            if (Double.isNaN(m)) throw new IllegalStateException("kernel weights vanished in the mean shift");
            if (Math.abs(m / par - 1) < TOLERANCE) break;
            par = m;
        }
        return par;
    }

    /**
     * The shorth: the mean of the k + 1 = ⌈n/2⌉ consecutive order statistics spanning the
     * shortest range; when several windows are equally short, the one starting at the (truncated)
     * mean of their starting positions (modeest's {@code tie.action = "mean"}).
     */
    public static double shorth(double[] x) {
        int n = x.length;
        int k = (int) Math.ceil(n / 2.0) - 1;
        double[] y = x.clone();
        Arrays.sort(y);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + k < n; i++) best = Math.min(best, y[i + k] - y[i]);
        double sumStart = 0;
        int count = 0;
        for (int i = 0; i + k < n; i++) {
            if (y[i + k] - y[i] == best) { sumStart += i + 1; count++; }
        }
        int start = (int) Math.floor(sumStart / count) - 1; // 1-based mean position, truncated as R indexing does
        double s = 0;
        for (int i = start; i <= start + k; i++) s += y[i];
        return s / (k + 1);
    }

    /**
     * Silverman's rule of thumb as R's {@code bw.nrd0}: 0.9 · min(sd, IQR/1.34) · n^(−1/5), falling
     * back to sd, then |x₁|, then 1 when the spread is zero.
     */
    public static double bandwidthNrd0(double[] x) {
        double hi = Quantiles.sd(x);
        double[] s = x.clone();
        Arrays.sort(s);
        double lo = Math.min(hi, (Quantiles.type7(s, 0.75) - Quantiles.type7(s, 0.25)) / 1.34);
        if (!(lo != 0)) {
            lo = hi;
            if (!(lo != 0)) lo = Math.abs(x[0]);
            if (!(lo != 0)) lo = 1;
        }
        return 0.9 * lo * Math.pow(x.length, -0.2);
    }
}
