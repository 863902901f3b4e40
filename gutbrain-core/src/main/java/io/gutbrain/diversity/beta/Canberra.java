package io.gutbrain.diversity.beta;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableArrays;

/**
 * Canberra distance exactly as vegan's {@code vegdist(method = "canberra")}, scaled to 0..1 by
 * the number of features that are not zero in both samples:
 * <pre>  d(x, y) = (1 / NZ) Σ_{f: x_f + y_f &gt; 0} |x_f − y_f| / (x_f + y_f),   NZ = |A ∪ B|</pre>
 * Double zeros neither add a term nor count in NZ (unlike R's {@code dist(method = "canberra")},
 * which rescales instead). Lance &amp; Williams (1966), Aust. Comput. J. 1:15–20; vegan's scaling
 * as documented in {@code ?vegdist}.
 *
 * <p><b>Computation.</b> A feature present in only one sample contributes exactly 1, so with
 * |A|, |B| the non-zero counts and c = |A ∩ B|:
 * <pre>  d = (|A| + |B| − 2c + Σ_{A ∩ B} |x − y| / (x + y)) / (|A| + |B| − c)</pre>
 * which needs only the shared entries.
 *
 * <p><b>Edges.</b> Undefined (NZ = 0; vegan returns NA) when both samples are empty: samples
 * with no counts are left out with a warning.
 */
public final class Canberra extends BetaMetric {
    /** The name accepted by {@link BetaMetric#byName}. */
    public static final String NAME = "canberra";

    Canberra() {
        super(NAME, true);
    }

    @Override
    PairKernel prepare(FeatureTable t, BetaOptions options) {
        int[] richness = richness(t);
        return new PairKernel(PairKernel.Accumulation.CANBERRA, TableArrays.values(t)) {
            @Override double distance(int i, int j, double sharedTerms, double shared) {
                double sum = richness[i] + richness[j];
                return (sum - 2 * shared + sharedTerms) / (sum - shared);
            }
        };
    }
}
