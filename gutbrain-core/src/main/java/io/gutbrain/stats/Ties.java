package io.gutbrain.stats;

import java.util.Arrays;

/** Tie bookkeeping shared by the rank tests. */
final class Ties {
    private Ties() {}

    /** Σ (t³ − t) over the groups of equal values (t = group size); 0 without ties. */
    static double cubeSum(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        double sum = 0;
        int i = 0;
        while (i < s.length) {
            int j = i + 1;
            while (j < s.length && s[j] == s[i]) j++;
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }

    /** True if any two values are equal. */
    static boolean any(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        for (int i = 1; i < s.length; i++) if (s[i] == s[i - 1]) return true;
        return false;
    }

    /** R's {@code median}: the middle value, or the mean of the two middle values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) return Double.NaN;
        int h = n / 2;
        return n % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    }
}
