package io.gutbrain.diversity.alpha;

/**
 * Berger–Parker dominance {@code berger_parker_d}: d = max_i c_i / N, the relative abundance of
 * the most abundant feature (scikit-bio {@code berger_parker_d}).
 *
 * <p>Edge conventions: a single taxon gives 1; all singletons give 1/S. Accepts proportions.
 *
 * <p>Berger, W. H. &amp; Parker, F. L. (1970) Diversity of planktonic Foraminifera in deep-sea
 * sediments. <i>Science</i> 168: 1345–1347.
 */
public final class BergerParkerD implements AlphaMetric {
    /** The metric; it has no parameters. */
    public static final BergerParkerD INSTANCE = new BergerParkerD();

    private BergerParkerD() {}

    @Override public String name() { return "berger_parker_d"; }

    @Override public double compute(double[] values, int[] features, int from, int to) {
        double max = 0;
        for (int k = from; k < to; k++) max = Math.max(max, values[k]);
        return max / Counts.total(values, from, to);
    }
}
