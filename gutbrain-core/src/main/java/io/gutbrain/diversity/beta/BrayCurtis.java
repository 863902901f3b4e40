package io.gutbrain.diversity.beta;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableArrays;

/**
 * Bray–Curtis dissimilarity on the values as given (raw counts, like vegan's {@code vegdist} and
 * scikit-bio's {@code beta_diversity("braycurtis")}):
 * <pre>  d(x, y) = Σ_f |x_f − y_f| / Σ_f (x_f + y_f)</pre>
 * Range 0 (identical) to 1 (no shared feature). Bray &amp; Curtis (1957), Ecol. Monogr. 27:325–349.
 *
 * <p><b>Computation.</b> Σ|x − y| = Σx + Σy − 2 Σ min(x, y), and min(x, y) is non-zero only on
 * shared features, so only co-occurring entries are read. On count data every term is an
 * integer and the result equals the direct formula exactly (scikit-bio gives the same bits); on
 * other data the numerator carries a rounding error of a few ulps of the denominator, so
 * pairs whose numerator falls below 1e-3 of the denominator are recomputed by the direct formula.
 *
 * <p><b>Edges.</b> Undefined (0/0) when both samples are empty: samples with no counts are left
 * out with a warning. An empty sample against a non-empty one would be 1.
 */
public final class BrayCurtis extends BetaMetric {
    /** The name accepted by {@link BetaMetric#byName}. */
    public static final String NAME = "braycurtis";

    BrayCurtis() {
        super(NAME, true);
    }

    @Override
    PairKernel prepare(FeatureTable t, BetaOptions options) {
        double[] totals = t.sampleTotals();
        int[] ptr = TableArrays.samplePointers(t);
        int[] idx = TableArrays.featureIndices(t);
        double[] v = TableArrays.values(t);
        boolean exact = exactIntegerSums(t.isIntegral(), totals);
        return new PairKernel(PairKernel.Accumulation.MIN, v) {
            @Override double distance(int i, int j, double twiceSharedMin, double unused) {
                double total = totals[i] + totals[j];
                double diff = total - twiceSharedMin;
                if (!exact && diff < EXACT_BELOW * total) diff = SparseRows.sumAbsDiff(ptr, idx, v, i, j);
                return diff / total;
            }
        };
    }
}
