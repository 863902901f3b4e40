package io.gutbrain.diversity.beta;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.io.ClassicTsv;
import io.gutbrain.table.FeatureTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Test data for beta diversity: the fixture tables and the square reference matrices. */
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

    /** A reference square matrix {@code reference/<dataset>/<name>.tsv} as rows of numbers, with its ids. */
    static Square reference(String dataset, String name) {
        Path p = resource("reference/" + dataset + "/" + name + ".tsv");
        try {
            List<String> lines = Files.readAllLines(p);
            List<String> ids = Arrays.asList(lines.get(0).split("\t", -1)).subList(1, lines.get(0).split("\t", -1).length);
            double[][] m = new double[ids.size()][];
            for (int r = 0; r < ids.size(); r++) {
                String[] cells = lines.get(r + 1).split("\t", -1);
                assertThat(cells[0]).isEqualTo(ids.get(r));
                m[r] = Arrays.stream(cells, 1, cells.length).mapToDouble(Double::parseDouble).toArray();
            }
            return new Square(ids, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A square matrix read from a reference file. */
    record Square(List<String> ids, double[][] values) { }

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
    static void assertClose(DistanceMatrix actual, Square expected, double rel) {
        assertThat(actual.ids()).isEqualTo(expected.ids());
        int n = actual.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double e = expected.values()[i][j];
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
