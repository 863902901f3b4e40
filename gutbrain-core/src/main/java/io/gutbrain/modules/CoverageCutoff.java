package io.gutbrain.modules;

import java.util.Arrays;

/**
 * Learns a module coverage cut-off from the data, by Omixer-RPM's rule (Darzi et al. 2016;
 * {@code --coverage -1}): among all (sample, module) pairs with coverage above 0, take the
 * distinct coverage values in decreasing order c<sub>0</sub> &gt; c<sub>1</sub> &gt; … with
 * n<sub>i</sub> pairs at c<sub>i</sub>. Lowering the cut-off from c<sub>i-1</sub> to c<sub>i</sub>
 * recruits n<sub>i</sub> more pairs; the cut-off is c<sub>j-1</sub> for the j ≥ 1 that recruits
 * the most (the last such j on ties, i.e. the lower coverage), so it stops just before the
 * largest jump in accepted modules. With a single distinct value that value is the cut-off.
 */
public final class CoverageCutoff {
    private CoverageCutoff() {}

    /**
     * The learned cut-off.
     *
     * @param coverages coverage values of all (sample, module) pairs; values ≤ 0 are ignored
     * @return the cut-off, or 1 when no pair has positive coverage (nothing can be called)
     */
    public static double learn(double[] coverages) {
        double[] c = Arrays.stream(coverages).filter(v -> v > 0).sorted().toArray();
        if (c.length == 0) return 1.0;
        // distinct values in decreasing order with their counts
        double[] value = new double[c.length];
        int[] count = new int[c.length];
        int k = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            if (k > 0 && value[k - 1] == c[i]) count[k - 1]++;
            else { value[k] = c[i]; count[k] = 1; k++; }
        }
        double cutoff = value[0];
        if (k > 1) {
            int best = count[1];
            for (int j = 2; j < k; j++) {
                if (count[j] >= best) {
                    best = count[j];
                    cutoff = value[j - 1];
                }
            }
        }
        return cutoff;
    }
}
