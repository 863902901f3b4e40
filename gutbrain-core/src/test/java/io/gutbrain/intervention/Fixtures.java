package io.gutbrain.intervention;

import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixture access for the intervention tests: paths, the bundled studies, and R reference tables. */
final class Fixtures {
    private Fixtures() {}

    static Path resource(String name) {
        URL url = Fixtures.class.getClassLoader().getResource(name);
        if (url == null) throw new IllegalArgumentException("missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static FeatureTable counts(String study) {
        return ClassicTsv.read(resource("microbiome-interventions/" + study + "/counts.tsv"));
    }

    static SampleMetadata metadata(String study) {
        return MetadataFile.read(resource("microbiome-interventions/" + study + "/metadata.tsv"));
    }

    /** A reference TSV under reference/intervention/ as rows of column → text. */
    static List<Map<String, String>> reference(String file) {
        try {
            List<String> lines = Files.readAllLines(resource("reference/intervention/" + file), StandardCharsets.UTF_8);
            String[] header = lines.get(0).split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) continue;
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) row.put(header[i], cells[i]);
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    /** Writes a small metadata sheet in a temporary directory and reads it back. */
    static SampleMetadata sheet(Path dir, String content) {
        try {
            Path p = Files.writeString(dir.resolve("metadata.tsv"), content, StandardCharsets.UTF_8);
            return MetadataFile.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a written file. */
    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
