package io.gutbrain.diversity.alpha;

/**
 * Shannon entropy {@code shannon}: H = −Σ p_i log_b p_i with p_i = c_i / N, natural logarithm
 * by default (vegan {@code diversity(index = "shannon")}), any base b on request
 * ({@code shannon_base2} is scikit-bio's default {@code shannon(counts, base=2)}). Computed as
 * −Σ p_i ln p_i / ln b.
 *
 * <p>Edge conventions: a single taxon gives 0 (p = 1); all singletons give log_b S, the maximum
 * for S features. Zero counts contribute nothing (the limit p ln p → 0), which is automatic since
 * only non-zero counts are passed in. Accepts proportions.
 *
 * <p>Shannon, C. E. (1948) A mathematical theory of communication. <i>Bell System Technical
 * Journal</i> 27: 379–423.
 */
public final class Shannon implements AlphaMetric {
    /** Natural-log Shannon entropy (nats), named {@code shannon}. */
    public static final Shannon NATURAL = new Shannon(Math.E, "shannon");

    static final String BASE_PREFIX = "shannon_base";

    private final double lnBase;
    private final String name;

    private Shannon(double base, String name) {
        this.lnBase = Math.log(base);
        this.name = name;
    }

    /**
     * Shannon entropy in logarithm base {@code base} (2 for bits, 10 for decimal digits), named
     * {@code shannon_base<b>}.
     *
     * @throws IllegalArgumentException unless base is finite, positive and not 1
     */
    public static Shannon base(double base) {
        if (!(base > 0) || base == 1 || !Double.isFinite(base)) {
            throw new IllegalArgumentException("logarithm base must be positive and not 1: " + base);
        }
        if (base == Math.E) return NATURAL;
        String b = base == Math.rint(base) ? Long.toString((long) base) : Double.toString(base);
        return new Shannon(base, BASE_PREFIX + b);
    }

    @Override public String name() { return name; }

    @Override public double compute(double[] values, int[] features, int from, int to) {
        double h = nats(values, from, to);
        return this == NATURAL ? h : h / lnBase;
    }

    /** H in nats, −Σ p ln p; shared with {@link PielouE}. */
    static double nats(double[] v, int from, int to) {
        double n = Counts.total(v, from, to);
        double h = 0;
        for (int k = from; k < to; k++) {
            double p = v[k] / n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
