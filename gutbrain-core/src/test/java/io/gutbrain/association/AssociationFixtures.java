package io.gutbrain.association;

import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.stats.StatsFixtures;
import io.gutbrain.table.FeatureTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixture loading and tolerance checks for the association tests. */
public final class AssociationFixtures {
    private AssociationFixtures() {}

    /** A file under src/test/resources. */
    public static Path resource(String name) {
        return StatsFixtures.resource(name);
    }

    /** Counts of one microbiome-interventions data set. */
    public static FeatureTable counts(String dataset) {
        return ClassicTsv.read(resource("microbiome-interventions/" + dataset + "/counts.tsv"));
    }

    /** Metadata of one microbiome-interventions data set. */
    public static SampleMetadata metadata(String dataset) {
        return MetadataFile.read(resource("microbiome-interventions/" + dataset + "/metadata.tsv"));
    }

    /** A header-first TSV as rows keyed by the first column, each row a column → text map. */
    public static Map<String, Map<String, String>> table(String resourceName) {
        try {
            List<String> lines = Files.readAllLines(resource(resourceName));
            String[] header = lines.get(0).split("\t", -1);
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) row.put(header[i], f[i]);
                out.put(f[0], row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture cell as a double ("NA" → NaN). */
    public static double num(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null) throw new IllegalArgumentException("no column " + column);
        return v.equals("NA") ? Double.NaN : Double.parseDouble(v);
    }

    /**
     * Asserts |actual − expected| ≤ rel·max(|actual|, |expected|), or both NaN. Returns a list of
     * mismatch descriptions instead of failing at the first, so a test can report them all.
     */
    public static void close(List<String> problems, String what, double actual, double expected, double rel) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) return;
        if (actual == expected) return;
        double scale = Math.max(Math.abs(actual), Math.abs(expected));
        if (!(Math.abs(actual - expected) <= rel * scale)) {
            problems.add(what + ": expected " + expected + " but was " + actual + " (rel. diff "
                    + (Math.abs(actual - expected) / scale) + ")");
        }
    }

    /** Fails listing every collected problem. */
    public static void assertNone(List<String> problems) {
        assertThat(problems).as(problems.size() + " mismatches").isEmpty();
    }

    /** A fresh problem list. */
    public static List<String> problems() { return new ArrayList<>(); }
}
