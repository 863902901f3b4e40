package io.gutbrain.diversity.unifrac;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.io.BiomHdf5;
import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.DistanceMatrixFormat;
import io.gutbrain.io.Newick;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.tree.PhyloTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic-s50 table (50 samples × 200 features) and its 200-tip tree against striped
 * UniFrac ({@code ssu}, Debian unifrac-tools 1.2, default precision, generalized with α = 0.5) and
 * scikit-bio 0.5.8, from {@code src/test/resources/reference/synthetic-s50/} (see the README
 * there). ssu writes single-precision values, and it differs from scikit-bio by up to 2e-7, so
 * both are compared at 1e-6 relative. The tree's root has no length, so scikit-bio's habit of
 * counting the root branch does not matter here.
 */
class UniFracReferenceTest {
    private static Path resource(String name) {
        try {
            return Path.of(UniFracReferenceTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "unweighted-unifrac, 0, unweighted_unifrac_ssu.tsv",
            "weighted-unifrac, 0, weighted_unnormalized_unifrac_ssu.tsv",
            "weighted-normalized-unifrac, 0, weighted_normalized_unifrac_ssu.tsv",
            "generalized-unifrac, 0.5, generalized_unifrac_ssu.tsv",
            "unweighted-unifrac, 0, unweighted_unifrac_skbio.tsv",
            "weighted-normalized-unifrac, 0, weighted_unifrac_normalized_skbio.tsv",
    })
    void matchesPeerTools(String variant, double alpha, String reference) {
        FeatureTable table = ClassicTsv.read(resource("synthetic-s50/s50.tsv"));
        PhyloTree tree = Newick.read(resource("synthetic-s50/s50.nwk"));
        DistanceMatrix want = DistanceMatrixFormat.read(resource("reference/synthetic-s50/" + reference));
        for (int threads : new int[]{1, 2}) {
            for (boolean single : new boolean[]{false, true}) {
                UniFracResult r = UniFrac.compute(table, tree, UniFracVariant.fromCliName(variant), alpha, threads, single, null);
                assertThat(r.excludedSamples()).isEmpty();
                assertClose(r.distances(), want, single ? 2e-6 : 1e-6);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"unweighted-unifrac", "generalized-unifrac"})
    void biomInputGivesTheSameDistances(String variant) {
        UniFracVariant v = UniFracVariant.fromCliName(variant);
        PhyloTree tree = Newick.read(resource("synthetic-s50/s50.nwk"));
        double[] fromTsv = UniFrac.compute(ClassicTsv.read(resource("synthetic-s50/s50.tsv")), tree, v, 0.5, 1, false, null)
                .distances().condensedDoubles();
        double[] fromBiom = UniFrac.compute(BiomHdf5.read(resource("synthetic-s50/s50.biom")), tree, v, 0.5, 1, false, null)
                .distances().condensedDoubles();
        assertThat(fromBiom).containsExactly(fromTsv);
    }

    /** Every pair of {@code want}'s samples agrees to {@code rel} relative (1e-12 absolute near 0). */
    private static void assertClose(DistanceMatrix got, DistanceMatrix want, double rel) {
        assertThat(got.ids()).containsExactlyInAnyOrderElementsOf(want.ids());
        for (int i = 0; i < want.size(); i++) {
            int gi = got.indexOf(want.ids().get(i));
            for (int j = i + 1; j < want.size(); j++) {
                double w = want.get(i, j);
                double g = got.get(gi, got.indexOf(want.ids().get(j)));
                assertThat(Math.abs(g - w)).as("%s vs %s: %s, want %s", want.ids().get(i), want.ids().get(j), g, w)
                        .isLessThanOrEqualTo(Math.max(rel * Math.abs(w), 1e-12));
            }
        }
    }
}
