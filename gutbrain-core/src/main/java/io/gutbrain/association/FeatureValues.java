package io.gutbrain.association;

import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;

import java.util.Arrays;

/**
 * Dense per-feature value vectors over a chosen list of samples, read from the table's
 * feature-major (CSC) view so that a per-feature test touches only that feature's non-zeros plus
 * one fill of zeros — no dense samples × features copy of the table is ever made.
 */
public final class FeatureValues {
    private final FeatureMajor byFeature;
    private final int[] positionOf; // table sample index -> position in the selection, or -1
    private final int size;

    /**
     * @param table   the table (already on the scale to analyse, e.g. TSS proportions)
     * @param samples table sample indices, in the order the vectors should have (no repeats)
     */
    public FeatureValues(FeatureTable table, int[] samples) {
        this.byFeature = table.byFeature();
        this.positionOf = new int[table.sampleCount()];
        Arrays.fill(positionOf, -1);
        for (int i = 0; i < samples.length; i++) positionOf[samples[i]] = i;
        this.size = samples.length;
    }

    /** Number of samples in the selection. */
    public int size() { return size; }

    /** The feature's values at the selected samples, in selection order (a new array). */
    public double[] values(int feature) {
        double[] out = new double[size];
        for (int k = byFeature.featureStart(feature); k < byFeature.featureEnd(feature); k++) {
            int p = positionOf[byFeature.sampleAt(k)];
            if (p >= 0) out[p] = byFeature.valueAt(k);
        }
        return out;
    }

    /** Elements of {@code v} at positions {@code idx}. */
    public static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }

    /** Number of non-zero values. */
    public static int nonZero(double[] v) {
        int n = 0;
        for (double x : v) if (x != 0) n++;
        return n;
    }
}
