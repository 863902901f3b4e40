package io.gutbrain.diversity.beta;

import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entry of every metric against established tools on three real/synthetic datasets, to a
 * relative 1e-9. Reference files: vegan 2.6-4 and R (copied from the shared reference set,
 * see test resources README) and, where that set has none, files made by
 * {@code reference/make_beta_reference.R} (vegan) and {@code reference/make_beta_reference.py}
 * (scikit-bio) in the test resources.
 */
class BetaReferenceTest {
    private static final double REL = 1e-9;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String ds : List.of("synthetic-s50", "peerj32", "dietswap")) {
            out.add(Arguments.of(ds, "braycurtis", "braycurtis_vegan", BetaOptions.defaults()));
            out.add(Arguments.of(ds, "jaccard", "jaccard_binary_vegan", BetaOptions.defaults()));
            out.add(Arguments.of(ds, "canberra", "canberra_vegan", BetaOptions.defaults()));
            out.add(Arguments.of(ds, "aitchison", "aitchison_pseudocount1_R", BetaOptions.defaults().withPseudocount(1)));
            out.add(Arguments.of(ds, "aitchison", "aitchison_multiplicative_skbio", BetaOptions.defaults().withMultiplicativeReplacement(Double.NaN)));
            out.add(Arguments.of(ds, "euclidean", "euclidean_vegan", BetaOptions.defaults()));
            out.add(Arguments.of(ds, "hellinger", "hellinger_vegan", BetaOptions.defaults()));
            out.add(Arguments.of(ds, "robust-aitchison", "robust_aitchison_vegan", BetaOptions.defaults()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} vs {2}")
    @MethodSource("cases")
    void matchesReferenceEverywhere(String dataset, String metric, String reference, BetaOptions options) {
        FeatureTable t = BetaFixtures.table(dataset);
        BetaResult r = BetaDiversity.compute(t, BetaMetric.byName(metric), options, n -> { });
        assertThat(r.excluded()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        BetaFixtures.assertClose(r.distances(), BetaFixtures.reference(dataset, reference), REL);
    }

    @ParameterizedTest(name = "{0} {1} single precision")
    @MethodSource("cases")
    void singlePrecisionWithin1e6(String dataset, String metric, String reference, BetaOptions options) {
        FeatureTable t = BetaFixtures.table(dataset);
        BetaResult r = BetaDiversity.compute(t, BetaMetric.byName(metric), options.withSinglePrecision(true), n -> { });
        assertThat(r.distances().isSinglePrecision()).isTrue();
        BetaFixtures.assertClose(r.distances(), BetaFixtures.reference(dataset, reference), 1e-6);
    }
}
