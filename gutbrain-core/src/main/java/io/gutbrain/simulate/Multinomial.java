package io.gutbrain.simulate;

import java.util.SplittableRandom;

/**
 * Multinomial draws of sequencing reads, for simulated samples: each of {@code depth} reads is
 * assigned to a feature by inverting the cumulative distribution with one uniform from a
 * {@link SplittableRandom} (whose sequence is fixed by its seed on every JVM), so a seeded draw
 * is reproducible everywhere. O(depth · log features).
 */
public final class Multinomial {
    private Multinomial() {}

    /**
     * Counts per feature of {@code depth} reads drawn from the weights {@code p} (non-negative;
     * they need not sum to 1). A zero-weight feature is never drawn.
     */
    public static double[] draw(double[] p, int depth, SplittableRandom r) {
        double[] cum = new double[p.length];
        double c = 0;
        for (int f = 0; f < p.length; f++) cum[f] = c += p[f];
        double[] counts = new double[p.length];
        for (int k = 0; k < depth; k++) {
            double u = r.nextDouble() * c;
            int lo = 0, hi = p.length - 1;
            // first feature whose cumulative weight exceeds u: a zero-weight feature shares its
            // cumulative value with the one before it and so is never chosen
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] > u) hi = mid; else lo = mid + 1;
            }
            counts[lo]++;
        }
        return counts;
    }
}
