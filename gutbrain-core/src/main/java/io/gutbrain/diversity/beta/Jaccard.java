package io.gutbrain.diversity.beta;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableArrays;

/**
 * Jaccard distance on presence/absence:
 * <pre>  d(A, B) = 1 − |A ∩ B| / |A ∪ B| = (|A| + |B| − 2|A ∩ B|) / (|A| + |B| − |A ∩ B|)</pre>
 * where A, B are the sets of features with a non-zero value. This is vegan's
 * {@code vegdist(method = "jaccard", binary = TRUE)} (vegan computes it as 2b / (1 + b) from
 * binary Bray–Curtis b, the same number) and scikit-bio's {@code "jaccard"} on presence/absence.
 * Jaccard (1912), New Phytol. 11:37–50.
 *
 * <p><b>Computation.</b> |A| and |B| are the samples' non-zero counts; |A ∩ B| is counted on
 * shared entries only. All terms are integers, so the single division is exactly rounded.
 *
 * <p><b>Edges.</b> Undefined (0/0) when both samples are empty: samples with no counts are left
 * out with a warning.
 */
public final class Jaccard extends BetaMetric {
    /** The name accepted by {@link BetaMetric#byName}. */
    public static final String NAME = "jaccard";

    Jaccard() {
        super(NAME, true);
    }

    @Override
    PairKernel prepare(FeatureTable t, BetaOptions options) {
        int[] richness = richness(t);
        return new PairKernel(PairKernel.Accumulation.COUNT, TableArrays.values(t)) {
            @Override double distance(int i, int j, double shared, double unused) {
                double sum = richness[i] + richness[j];
                return (sum - 2 * shared) / (sum - shared);
            }
        };
    }
}
