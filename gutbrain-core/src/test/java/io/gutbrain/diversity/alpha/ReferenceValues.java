package io.gutbrain.diversity.alpha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Test resources and the reference tables of /work/shared/reference (copied under {@code reference/}). */
final class ReferenceValues {
    private ReferenceValues() {}

    /** A test resource as a path. */
    static Path resource(String name) {
        try {
            var url = ReferenceValues.class.getClassLoader().getResource(name);
            assertThat(url).as("test resource " + name).isNotNull();
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A reference TSV ({@code sample-id} then one column per metric) as column → sample → value;
     * R's {@code NA} becomes NaN.
     */
    static Map<String, Map<String, Double>> read(String name) {
        try {
            List<String> lines = Files.readAllLines(resource(name));
            String[] header = lines.get(0).split("\t");
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            for (int c = 1; c < header.length; c++) out.put(header[c], new LinkedHashMap<>());
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] cells = line.split("\t");
                for (int c = 1; c < header.length; c++) {
                    out.get(header[c]).put(cells[0], cells[c].equals("NA") ? Double.NaN : Double.parseDouble(cells[c]));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Relative difference within {@code tol}; NaN must meet NaN (the reference's NA). */
    static void assertClose(double actual, double expected, double tol, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what + " (reference NA)").isNaN();
        } else {
            assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs reference " + expected)
                    .isLessThanOrEqualTo(tol * Math.abs(expected) + 1e-15);
        }
    }
}
