package io.gutbrain.diversity.beta;

/**
 * Exact per-pair sums by merging two sorted sparse rows, O(nnz_i + nnz_j). The fast kernels
 * derive |x − y| and (a − b)² sums from sums of min(x, y) and a·b, which cancel when two samples
 * are nearly identical (the result is a small difference of large numbers); they call these
 * direct forms for such pairs so every distance keeps full relative precision.
 */
final class SparseRows {
    private SparseRows() {}

    /** Σ_f |v_if − v_jf| over the union of the rows' features. */
    static double sumAbsDiff(int[] ptr, int[] idx, double[] v, int i, int j) {
        int a = ptr[i], ae = ptr[i + 1], b = ptr[j], be = ptr[j + 1];
        double sum = 0;
        while (a < ae && b < be) {
            int fa = idx[a], fb = idx[b];
            if (fa == fb) sum += Math.abs(v[a++] - v[b++]);
            else if (fa < fb) sum += v[a++];
            else sum += v[b++];
        }
        while (a < ae) sum += v[a++];
        while (b < be) sum += v[b++];
        return sum;
    }

    /**
     * Σ_f (shift + v_if − v_jf)² over all {@code nFeatures} features, where v is zero off the
     * stored entries: the squared Euclidean distance of two rows that are each a sparse vector
     * plus a constant (their constants differ by {@code shift}; 0 for plain sparse rows).
     */
    static double sumSquaredDiff(int[] ptr, int[] idx, double[] v, int i, int j, double shift, int nFeatures) {
        int a = ptr[i], ae = ptr[i + 1], b = ptr[j], be = ptr[j + 1];
        double sum = 0;
        int union = 0;
        while (a < ae || b < be) {
            int fa = a < ae ? idx[a] : Integer.MAX_VALUE;
            int fb = b < be ? idx[b] : Integer.MAX_VALUE;
            double d;
            if (fa == fb) d = shift + v[a++] - v[b++];
            else if (fa < fb) d = shift + v[a++];
            else d = shift - v[b++];
            sum += d * d;
            union++;
        }
        return sum + (double) (nFeatures - union) * shift * shift;
    }
}
