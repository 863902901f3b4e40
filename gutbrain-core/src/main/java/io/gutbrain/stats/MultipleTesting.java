package io.gutbrain.stats;

/** Corrections of p-values for multiple testing. */
public final class MultipleTesting {
    private MultipleTesting() {}

    /**
     * Benjamini–Hochberg adjusted p-values (q-values; Benjamini &amp; Hochberg 1995, JRSS B
     * 57:289–300), identical to R's {@code p.adjust(p, method = "BH")}: with the m non-missing
     * p-values in decreasing order, q_(i) = min_{k ≥ i} min(1, m/k · p_(k)) — a running minimum
     * from the largest p downwards, so that q keeps the order of p. NaN inputs stay NaN and do
     * not count in m (R's handling of NA).
     */
    public static double[] benjaminiHochberg(double[] p) {
        int m = 0;
        for (double v : p) if (!Double.isNaN(v)) m++;
        Integer[] order = new Integer[m];
        int k = 0;
        for (int i = 0; i < p.length; i++) if (!Double.isNaN(p[i])) order[k++] = i;
        // decreasing p; ties keep input order like R's order(p, decreasing = TRUE)
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double[] q = new double[p.length];
        java.util.Arrays.fill(q, Double.NaN);
        double running = Double.POSITIVE_INFINITY;
        for (int r = 0; r < m; r++) {
            int rankAscending = m - r; // 1-based rank of this p in increasing order
            double v = Math.min(1.0, (double) m / rankAscending * p[order[r]]);
            running = Math.min(running, v);
            q[order[r]] = running;
        }
        return q;
    }
}
