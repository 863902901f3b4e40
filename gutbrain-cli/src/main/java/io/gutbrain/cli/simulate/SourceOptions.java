package io.gutbrain.cli.simulate;

import io.gutbrain.cli.common.BundledData;
import io.gutbrain.error.InputException;
import io.gutbrain.simulate.SimulationSource;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the real profiles of a simulation come from: the bundled atlas1006 data by default, or
 * the user's own table and metadata (a picocli mixin).
 */
public final class SourceOptions {
    @Option(names = "--source-table", paramLabel = "FILE",
            description = "Real profiles to draw subjects from (default: the bundled atlas1006 HITChip data, Lahti et al. 2014).")
    Path table;

    @Option(names = "--source-metadata", paramLabel = "FILE",
            description = "Metadata of --source-table (age, sex, bmi or bmi_group, subject); optional.")
    Path metadata;

    /** Reads the chosen source; the bundled one is unpacked to a temporary folder and read from there. */
    public SimulationSource load() {
        if (table != null) {
            String name = table.getFileName().toString();
            return SimulationSource.read(name, "user data: " + table, table, metadata);
        }
        if (metadata != null) {
            throw new InputException(null, "--source-metadata", "given without --source-table", "give both, or neither to use the bundled atlas1006 data");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("gutbrain-atlas1006");
            BundledData.extract(List.of("atlas1006/counts.tsv", "atlas1006/metadata.tsv"), tmp);
            return SimulationSource.read("atlas1006", SimulationSource.ATLAS1006_CITATION,
                    tmp.resolve("atlas1006/counts.tsv"), tmp.resolve("atlas1006/metadata.tsv"));
        } catch (IOException e) {
            throw new InputException(null, null, "cannot unpack the bundled atlas1006 data: " + e.getMessage(), "make the temporary folder writable (java.io.tmpdir)");
        } finally {
            if (tmp != null) delete(tmp);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
