package io.gutbrain.association;

/**
 * How a feature looks in one group of samples, reported next to every test so that a result can
 * be judged without going back to the table (a "significant" feature present in 2 of 40 samples
 * is read differently from one present in all).
 *
 * @param label          the group (a metadata level, or {@code all} for a numeric variable)
 * @param n              samples in the group that the test used
 * @param prevalence     fraction of those samples in which the feature is non-zero
 * @param meanAbundance  mean abundance over those samples on the analysed scale (relative
 *                       abundance after total-sum scaling unless the analysis says otherwise)
 */
public record GroupSummary(String label, int n, double prevalence, double meanAbundance) {

    /** The summary of one feature's values in a group. */
    public static GroupSummary of(String label, double[] values) {
        int nz = 0;
        double sum = 0;
        for (double v : values) {
            if (v != 0) nz++;
            sum += v;
        }
        int n = values.length;
        return new GroupSummary(label, n, n == 0 ? Double.NaN : (double) nz / n, n == 0 ? Double.NaN : sum / n);
    }
}
