package io.gutbrain.stats;

import java.util.Arrays;

/**
 * A sample sorted into runs of equal values — the form the rank tests rank from. Ranking by
 * merging sorted runs costs O(runs) per evaluation instead of a sort, which matters when a
 * test statistic is evaluated dozens of times at shifted data (the Hodges–Lehmann root finding)
 * and when feature vectors are mostly zeros: the zeros are counted into one run and only the
 * non-zero values are sorted.
 */
final class SortedRuns {
    final double[] values;  // ascending, distinct
    final int[] counts;     // multiplicity of each value
    final int size;         // number of runs
    final int total;        // number of observations

    private SortedRuns(double[] values, int[] counts, int size, int total) {
        this.values = values;
        this.counts = counts;
        this.size = size;
        this.total = total;
    }

    /** The runs of {@code x} (finite values; −0 and 0 are one value). */
    static SortedRuns of(double[] x) {
        double[] nz = new double[x.length];
        int k = 0, zeros = 0;
        for (double v : x) {
            if (v == 0) zeros++; else nz[k++] = v;
        }
        Arrays.sort(nz, 0, k);
        double[] values = new double[k + 1];
        int[] counts = new int[k + 1];
        int size = 0, i = 0;
        while (i < k && nz[i] < 0) {
            int j = i + 1;
            while (j < k && nz[j] == nz[i]) j++;
            values[size] = nz[i]; counts[size++] = j - i;
            i = j;
        }
        if (zeros > 0) { values[size] = 0; counts[size++] = zeros; }
        while (i < k) {
            int j = i + 1;
            while (j < k && nz[j] == nz[i]) j++;
            values[size] = nz[i]; counts[size++] = j - i;
            i = j;
        }
        return new SortedRuns(values, counts, size, x.length);
    }

    double min() { return values[0]; }

    double max() { return values[size - 1]; }

    /**
     * Ranks the pooled samples — the first shifted down by {@code shift} (x − shift, computed per
     * value as R does), the others as they are — with average ranks for ties, and writes each
     * sample's rank sum into {@code sums}. Returns Σ(t³ − t) over the tie groups. Values of the
     * first sample that become equal after the shift are tied, as they are in R.
     */
    static double rankSums(SortedRuns[] samples, double shift, double[] sums) {
        int g = samples.length;
        int[] pos = new int[g];
        int[] taken = new int[g];
        Arrays.fill(sums, 0);
        double used = 0, ties = 0;
        while (true) {
            double cur = Double.POSITIVE_INFINITY;
            boolean any = false;
            for (int a = 0; a < g; a++) {
                if (pos[a] < samples[a].size) {
                    double v = value(samples, a, pos[a], shift);
                    if (!any || v < cur) cur = v;
                    any = true;
                }
            }
            if (!any) break;
            int t = 0;
            for (int a = 0; a < g; a++) {
                int c = 0;
                SortedRuns s = samples[a];
                while (pos[a] < s.size && value(samples, a, pos[a], shift) == cur) c += s.counts[pos[a]++];
                taken[a] = c;
                t += c;
            }
            double average = used + (t + 1) / 2.0;
            for (int a = 0; a < g; a++) sums[a] += taken[a] * average;
            double dt = t;
            ties += dt * dt * dt - dt;
            used += t;
        }
        return ties;
    }

    private static double value(SortedRuns[] samples, int sample, int run, double shift) {
        double v = samples[sample].values[run];
        return sample == 0 ? v - shift : v;
    }
}
