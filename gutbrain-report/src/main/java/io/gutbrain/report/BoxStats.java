package io.gutbrain.report;

import java.util.Arrays;

/**
 * The five numbers of a box plot as ggplot2's {@code geom_boxplot} draws them: quartiles by R's
 * default type-7 quantile (Hyndman and Fan 1996: h = (n − 1)p, linear interpolation between the
 * order statistics around h), whiskers at the most extreme observations within 1.5 × IQR of the
 * quartiles (Tukey 1977).
 */
record BoxStats(double q1, double median, double q3, double whiskerLow, double whiskerHigh) {

    /** Box numbers of finite, non-empty {@code values}. */
    static BoxStats of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double q1 = quantile7(v, 0.25), med = quantile7(v, 0.5), q3 = quantile7(v, 0.75);
        double iqr = q3 - q1, lo = q1 - 1.5 * iqr, hi = q3 + 1.5 * iqr;
        double wl = q1, wh = q3;
        for (double x : v) if (x >= lo) { wl = Math.min(x, q1); break; }
        for (int i = v.length - 1; i >= 0; i--) if (v[i] <= hi) { wh = Math.max(v[i], q3); break; }
        return new BoxStats(q1, med, q3, wl, wh);
    }

    /** Type-7 quantile of sorted {@code v}. */
    static double quantile7(double[] v, double p) {
        double h = (v.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }
}
