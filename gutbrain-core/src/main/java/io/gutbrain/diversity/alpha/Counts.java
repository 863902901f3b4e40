package io.gutbrain.diversity.alpha;

/**
 * Sums over one sample's run of non-zero abundances that several metrics share, so each
 * metric's kernel reads as its formula.
 */
final class Counts {
    private Counts() {}

    /** N = Σ c_i, the sample's depth. */
    static double total(double[] v, int from, int to) {
        double n = 0;
        for (int k = from; k < to; k++) n += v[k];
        return n;
    }

    /** Number of features whose count equals {@code c} exactly (F1 for c = 1, F2 for c = 2). */
    static int withCount(double[] v, int from, int to, double c) {
        int n = 0;
        for (int k = from; k < to; k++) if (v[k] == c) n++;
        return n;
    }

    /** Σ p_i² with p_i = c_i / N: Simpson's dominance, the probability two draws with replacement match. */
    static double dominance(double[] v, int from, int to) {
        double n = total(v, from, to);
        double d = 0;
        for (int k = from; k < to; k++) {
            double p = v[k] / n;
            d += p * p;
        }
        return d;
    }
}
