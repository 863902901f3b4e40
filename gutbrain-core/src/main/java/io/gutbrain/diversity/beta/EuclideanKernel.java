package io.gutbrain.diversity.beta;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableArrays;

/**
 * Euclidean distance between per-sample vectors of the form {@code a_i = z_i·1 + s_i}: a sparse
 * part {@code s_i} (stored on the sample's non-zero features) plus, for centred log-ratio
 * vectors, a constant {@code z_i} on every feature. Shared by Euclidean, Hellinger, Aitchison and
 * robust Aitchison.
 *
 * <p>Plain ({@code centred = false}, z = 0): d² = ‖s_i‖² + ‖s_j‖² − 2 s_i·s_j.
 * <br>Centred (z_i = −S_i / F with S_i = Σ_f s_if, so that a_i sums to zero, as a CLR vector
 * does): d² = ‖s_i − s_j‖² − (S_i − S_j)² / F.
 *
 * <p>Only s_i·s_j needs the pair; it is a sum over shared features. When d² is below
 * {@link BetaMetric#EXACT_BELOW} of ‖s_i‖² + ‖s_j‖² the subtraction would cancel digits, so the
 * pair is recomputed as Σ_f (a_if − a_jf)² by merging the two rows (the F − |union| features
 * where both are zero contribute (z_i − z_j)² each).
 */
final class EuclideanKernel extends PairKernel {
    private final int[] ptr;
    private final int[] idx;
    private final double[] sq;
    private final double[] sums;  // null when not centred
    private final int nFeatures;
    private final boolean exact;

    /**
     * @param values per-entry vector values s (aligned with the table's CSR arrays)
     * @param centred whether each vector also carries the constant z_i = −S_i / F (CLR)
     */
    EuclideanKernel(FeatureTable t, double[] values, boolean centred) {
        super(Accumulation.DOT, values);
        this.ptr = TableArrays.samplePointers(t);
        this.idx = TableArrays.featureIndices(t);
        this.nFeatures = t.featureCount();
        this.sq = BetaMetric.squaredNorms(t, values);
        // Raw counts: every product and sum is an exact integer, so no cancellation can occur.
        this.exact = !centred && values == TableArrays.values(t) && BetaMetric.exactIntegerSums(t.isIntegral(), sq);
        if (centred) {
            sums = new double[t.sampleCount()];
            for (int s = 0; s < sums.length; s++) {
                double sum = 0;
                for (int k = ptr[s]; k < ptr[s + 1]; k++) sum += values[k];
                sums[s] = sum;
            }
        } else {
            sums = null;
        }
    }

    @Override
    double distance(int i, int j, double dot, double unused) {
        double scale = sq[i] + sq[j];
        double d2 = scale - 2 * dot;
        double shift = 0;
        if (sums != null) {
            double ds = sums[i] - sums[j];
            d2 -= ds * ds / nFeatures;
            shift = -ds / nFeatures;  // z_i − z_j
        }
        if (!exact && d2 < BetaMetric.EXACT_BELOW * scale) d2 = SparseRows.sumSquaredDiff(ptr, idx, values, i, j, shift, nFeatures);
        return Math.sqrt(d2);
    }
}
