package io.gutbrain.intervention;

import java.util.SplittableRandom;

/**
 * Seeded multinomial draws for simulated recipients: {@code depth} reads, each assigned to a
 * feature by inverting the cumulative distribution ({@link SplittableRandom}, whose sequence is
 * fixed by its seed on every JVM).
 */
final class Multinomial {
    private Multinomial() {}

    /** Counts per feature of {@code depth} reads drawn from the probabilities {@code p} (need not sum to 1). */
    static double[] draw(double[] p, int depth, long seed) {
        double[] cum = new double[p.length];
        double t = 0;
        for (int i = 0; i < p.length; i++) { t += p[i]; cum[i] = t; }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] counts = new double[p.length];
        for (int r = 0; r < depth; r++) {
            double u = rng.nextDouble() * t;
            int lo = 0, hi = p.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] > u) hi = mid; else lo = mid + 1;
            }
            counts[lo]++;
        }
        return counts;
    }
}
