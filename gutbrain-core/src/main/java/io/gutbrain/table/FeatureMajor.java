package io.gutbrain.table;

/**
 * The transposed (features-as-rows, CSC) layout of a {@link FeatureTable}: for feature {@code f}
 * its non-zero samples are at positions {@code [pointers()[f], pointers()[f+1])}, sample indices
 * ascending. Built in O(nnz) by a counting pass; 12 bytes per non-zero. Immutable: its arrays
 * reach the hot kernels through {@link TableArrays} only.
 */
public final class FeatureMajor {
    private final int[] ptr;
    private final int[] sampleIdx;
    private final double[] vals;

    private FeatureMajor(int[] ptr, int[] sampleIdx, double[] vals) {
        this.ptr = ptr;
        this.sampleIdx = sampleIdx;
        this.vals = vals;
    }

    static FeatureMajor of(FeatureTable t) {
        int nf = t.featureCount();
        int ns = t.sampleCount();
        int[] sp = t.rawSamplePointers();
        int[] fi = t.rawFeatureIndices();
        double[] v = t.rawValues();
        int[] ptr = new int[nf + 1];
        for (int f : fi) ptr[f + 1]++;
        for (int f = 0; f < nf; f++) ptr[f + 1] += ptr[f];
        int[] fill = java.util.Arrays.copyOf(ptr, nf);
        int[] si = new int[fi.length];
        double[] vv = new double[fi.length];
        for (int s = 0; s < ns; s++) {
            for (int k = sp[s]; k < sp[s + 1]; k++) {
                int p = fill[fi[k]]++;
                si[p] = s;
                vv[p] = v[k];
            }
        }
        return new FeatureMajor(ptr, si, vv);
    }

    public int featureStart(int f) { return ptr[f]; }
    public int featureEnd(int f) { return ptr[f + 1]; }
    public int sampleAt(int k) { return sampleIdx[k]; }
    public double valueAt(int k) { return vals[k]; }
    // the arrays themselves reach the kernels through TableArrays only
    int[] pointers() { return ptr; }
    int[] sampleIndices() { return sampleIdx; }
    double[] values() { return vals; }
}
