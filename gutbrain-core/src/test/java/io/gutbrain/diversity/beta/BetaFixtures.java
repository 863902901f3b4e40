package io.gutbrain.diversity.beta;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.DistanceMatrixFormat;
import io.gutbrain.table.FeatureTable;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Test data for beta diversity: the fixture tables and the reference distance matrices. */
final class BetaFixtures {
    private BetaFixtures() {}

    /** The count table of a reference dataset (synthetic-s50, peerj32 or dietswap). */
    static FeatureTable table(String dataset) {
        String file = switch (dataset) {
            case "synthetic-s50" -> "synthetic-s50/s50.tsv";
            case "peerj32", "dietswap" -> "microbiome-interventions/" + dataset + "/counts.tsv";
            default -> throw new IllegalArgumentException(dataset);
        };
        return ClassicTsv.read(resource(file));
    }

    /** The reference matrix {@code reference/<dataset>/<name>.tsv}. */
    static DistanceMatrix reference(String dataset, String name) {
        return DistanceMatrixFormat.read(resource("reference/" + dataset + "/" + name + ".tsv"));
    }

    static Path resource(String name) {
        URL url = BetaFixtures.class.getClassLoader().getResource(name);
        if (url == null) throw new IllegalArgumentException("missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts every entry of {@code actual} is within {@code rel} relative of {@code expected}. */
    static void assertClose(DistanceMatrix actual, DistanceMatrix expected, double rel) {
        assertThat(actual.ids()).isEqualTo(expected.ids());
        int n = actual.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double e = expected.get(i, j);
                assertClose(actual.get(i, j), e, rel, actual.ids().get(i) + " vs " + actual.ids().get(j));
            }
        }
    }

    /**
     * |actual − expected| ≤ rel·|expected|, or ≤ 1e-15 when expected is below that (vegan sets
     * distances under 1e-15 to zero).
     */
    static void assertClose(double actual, double expected, double rel, String what) {
        double tol = Math.max(rel * Math.abs(expected), 1e-15);
        assertThat(Math.abs(actual - expected)).as("%s: %s expected %s", what, actual, expected).isLessThanOrEqualTo(tol);
    }
}
