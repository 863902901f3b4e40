package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.metadata.SampleMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test helpers for ordination and distance-matrix tests: fixtures, small matrices and metadata built in code. */
public final class StatsFixtures {
    private StatsFixtures() {}

    /** A fixture under src/test/resources. */
    public static Path resource(String name) {
        URL url = StatsFixtures.class.getClassLoader().getResource(name);
        if (url == null) throw new IllegalArgumentException("missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Expected values from a {@code dataset \t quantity \t value} fixture (written by the R and
     * Python scripts next to it), keyed {@code dataset/quantity}; "NA" becomes NaN.
     */
    public static Map<String, Double> expected(String resourceName) {
        try {
            Map<String, Double> out = new HashMap<>();
            List<String> lines = Files.readAllLines(resource(resourceName));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                out.put(f[0] + "/" + f[1], f[2].equals("NA") ? Double.NaN : Double.parseDouble(f[2]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids s0, s1, … */
    public static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add("s" + i);
        return ids;
    }

    /** Euclidean distances between the rows of {@code points}. */
    public static DistanceMatrix euclidean(List<String> ids, double[][] points) {
        int n = points.length;
        double[] c = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int a = 0; a < points[i].length; a++) { double d = points[i][a] - points[j][a]; s += d * d; }
                c[k++] = Math.sqrt(s);
            }
        }
        return DistanceMatrix.ofCondensed(ids, c);
    }

    /** Bray–Curtis distances between {@code n} random non-negative profiles whose mean depends on the group (seeded). */
    public static DistanceMatrix randomBrayCurtis(int n, int features, int[] groups, double effect, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][features];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                double shift = (f % 4 == groups[i] % 4) ? effect : 0;
                x[i][f] = Math.max(0, r.nextDouble() * 10 - 3 + shift * 5);
            }
        }
        double[] c = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double num = 0, den = 0;
                for (int f = 0; f < features; f++) { num += Math.abs(x[i][f] - x[j][f]); den += x[i][f] + x[j][f]; }
                c[k++] = den == 0 ? 0 : num / den;
            }
        }
        return DistanceMatrix.ofCondensed(ids(n), c);
    }

    /** Metadata built in code: {@code columns[c]} named {@code names[c]}, one value per id (null = missing). */
    public static SampleMetadata metadata(List<String> ids, String[] names, String[]... columns) {
        return new SampleMetadata("meta.tsv", ids, List.of(names), columns, null);
    }

    /** Group labels "g0", "g1", … from codes. */
    public static String[] labels(int[] codes) {
        String[] out = new String[codes.length];
        for (int i = 0; i < codes.length; i++) out[i] = "g" + codes[i];
        return out;
    }
}
