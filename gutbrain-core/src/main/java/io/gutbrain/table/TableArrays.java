package io.gutbrain.table;

/**
 * Zero-copy read access to the arrays inside a {@link FeatureTable} (sample-major, CSR) and its
 * {@link FeatureMajor} view (feature-major, CSC), for the benchmarked kernels only: beta and
 * alpha diversity, rarefaction, PCA, the BIOM writers and the simulator. Everyone else reads a
 * table through {@link FeatureTable}'s methods, which never hand out these arrays, so the table
 * stays immutable.
 *
 * <p>The arrays are shared, not copied (a copy would cost 12 bytes per non-zero on every call,
 * which the kernels cannot afford on large tables): callers must never write to them. The
 * architecture test ({@code CoreLayeringTest}) fails when a class outside the kernel packages
 * imports this class.
 */
public final class TableArrays {
    private TableArrays() {}

    /** Sample {@code s}'s entries are at positions {@code [ptr[s], ptr[s+1])}; length samples + 1. Do not modify. */
    public static int[] samplePointers(FeatureTable t) { return t.rawSamplePointers(); }

    /** Feature index of each entry, ascending within a sample; length non-zeros. Do not modify. */
    public static int[] featureIndices(FeatureTable t) { return t.rawFeatureIndices(); }

    /** Value of each entry; length non-zeros. Do not modify. */
    public static double[] values(FeatureTable t) { return t.rawValues(); }

    /** Feature {@code f}'s entries are at {@code [ptr[f], ptr[f+1])} of the feature-major view; length features + 1. Do not modify. */
    public static int[] featurePointers(FeatureMajor fm) { return fm.pointers(); }

    /** Sample index of each feature-major entry, ascending within a feature. Do not modify. */
    public static int[] sampleIndices(FeatureMajor fm) { return fm.sampleIndices(); }

    /** Value of each feature-major entry. Do not modify. */
    public static double[] values(FeatureMajor fm) { return fm.values(); }
}
