package io.gutbrain.io;

import io.gutbrain.error.InputException;

import java.util.Arrays;

/**
 * Turns coordinate entries (sample, feature, value) into {@link io.gutbrain.table.FeatureTable}'s
 * sample-major layout, for the BIOM readers: BIOM JSON lists entries by observation, and an HDF5
 * file may only carry the observation-major matrix, so both need a transposition.
 *
 * <p>A stable counting sort by sample, O(nnz), then a per-sample sort only when a run is not
 * already ascending by feature (it is for every file written by biom-format). Entries keep their
 * original position so that a repeated cell can be reported where it occurs in the file. Zero
 * values take part in the repeat check (a cell given twice is wrong whatever its value) and are
 * then dropped, because {@code FeatureTable} does not store zeros. Callers check index ranges and
 * value validity first.
 */
final class CooToCsr {
    private CooToCsr() {}

    /** Builds the exception for a cell given twice, at entry positions {@code first < repeat}. */
    @FunctionalInterface
    interface Repeat {
        InputException at(int first, int repeat);
    }

    /** Sample pointers (length samples + 1), feature indices and values, without zeros. */
    record Csr(int[] pointers, int[] indices, double[] values) {}

    /**
     * @param samples number of samples (CSR rows)
     * @param sample  sample index per entry, in range
     * @param feature feature index per entry, in range
     * @param value   value per entry, finite and non-negative
     * @param n       number of entries used in the arrays
     * @param repeat  builds the error for a repeated (sample, feature) pair
     */
    static Csr build(int samples, int[] sample, int[] feature, double[] value, int n, Repeat repeat) {
        int[] ptr = new int[samples + 1];
        for (int k = 0; k < n; k++) ptr[sample[k] + 1]++;
        for (int s = 0; s < samples; s++) ptr[s + 1] += ptr[s];
        int[] fill = Arrays.copyOf(ptr, samples);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[fill[sample[k]]++] = k;

        int[] outPtr = new int[samples + 1];
        int[] idx = new int[n];
        double[] val = new double[n];
        int out = 0;
        for (int s = 0; s < samples; s++) {
            int a = ptr[s];
            int b = ptr[s + 1];
            if (!ascending(feature, order, a, b)) sortRun(feature, order, a, b);
            for (int p = a; p < b; p++) {
                int k = order[p];
                if (p > a && feature[order[p - 1]] == feature[k]) throw repeat.at(order[p - 1], k);
                if (value[k] != 0) {
                    idx[out] = feature[k];
                    val[out] = value[k];
                    out++;
                }
            }
            outPtr[s + 1] = out;
        }
        return new Csr(outPtr, out == n ? idx : Arrays.copyOf(idx, out), out == n ? val : Arrays.copyOf(val, out));
    }

    private static boolean ascending(int[] feature, int[] order, int from, int to) {
        for (int p = from + 1; p < to; p++) if (feature[order[p]] < feature[order[p - 1]]) return false;
        return true;
    }

    /** Sorts positions by (feature, original position) so repeats end up adjacent, first one first. */
    private static void sortRun(int[] feature, int[] order, int from, int to) {
        long[] packed = new long[to - from];
        for (int p = from; p < to; p++) packed[p - from] = ((long) feature[order[p]] << 32) | order[p];
        Arrays.sort(packed);
        for (int p = from; p < to; p++) order[p] = (int) (packed[p - from] & 0xffffffffL);
    }
}
