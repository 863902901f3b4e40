package io.gutbrain.stats;

import java.util.Arrays;

/** Ranks with ties, for the rank-based statistics (ANOSIM, Spearman's Mantel). */
public final class Ranks {
    private Ranks() {}

    /**
     * 1-based ranks with tied values given the mean of the ranks they span (R's
     * {@code rank(ties.method = "average")}), so the ranks always sum to M(M+1)/2. O(M log M)
     * on primitive arrays: the values are sorted once and each one's block of equal values is
     * found by binary search. Values must not be NaN.
     */
    public static double[] average(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v)) throw new IllegalArgumentException("NaN at position " + i);
            int lo = lowerBound(sorted, v);
            int hi = upperBound(sorted, v); // exclusive
            r[i] = (lo + hi + 1) / 2.0; // mean of 1-based ranks lo+1 .. hi
        }
        return r;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
