package io.gutbrain.util;

import java.util.Arrays;

/** Sample quantiles and spread as R's {@code quantile} (type 7), {@code IQR} and {@code sd}. */
public final class Quantiles {
    private Quantiles() {}

    /**
     * R's default quantile (Hyndman &amp; Fan 1996 type 7): with h = 1 + (n − 1)p, lo = ⌊h⌋,
     * hi = ⌈h⌉, the value x_(lo) + (h − lo)(x_(hi) − x_(lo)), evaluated as R does —
     * (1 − w)·x_(lo) + w·x_(hi), and only when x_(hi) differs from x_(lo).
     *
     * @param sorted the data in ascending order, non-empty, no NaN
     */
    public static double type7(double[] sorted, double p) {
        int n = sorted.length;
        double index = 1 + Math.max(n - 1, 0) * p;
        int lo = (int) Math.floor(index), hi = (int) Math.ceil(index);
        double q = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != q) {
            double h = index - lo;
            q = (1 - h) * q + h * sorted[hi - 1];
        }
        return q;
    }

    /** Type-7 quantile of unsorted data (sorts a copy). */
    public static double type7Unsorted(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        return type7(s, p);
    }

    /** Sample standard deviation with denominator n − 1 (two-pass). */
    public static double sd(double[] x) {
        int n = x.length;
        double m = 0;
        for (double v : x) m += v;
        m /= n;
        double ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (n - 1));
    }

    /** Arithmetic mean. */
    public static double mean(double[] x) {
        double m = 0;
        for (double v : x) m += v;
        return m / x.length;
    }
}
