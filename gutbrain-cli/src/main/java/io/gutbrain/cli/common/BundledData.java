package io.gutbrain.cli.common;

import io.gutbrain.error.InputException;
import io.gutbrain.io.AtomicOutput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The example data sets shipped inside the jar (see resources/io/gutbrain/demo/README.md). */
public final class BundledData {
    private BundledData() {}

    private static final String ROOT = "/io/gutbrain/demo/";

    /** Every bundled file, relative to the demo root. */
    public static final List<String> FILES = List.of(
            "README.md",
            "peerj32/counts.tsv", "peerj32/metadata.tsv", "peerj32/taxonomy.tsv", "peerj32/LICENSE",
            "dietswap/counts.tsv", "dietswap/metadata.tsv", "dietswap/taxonomy.tsv", "dietswap/LICENSE",
            "atlas1006/counts.tsv", "atlas1006/metadata.tsv", "atlas1006/LICENSE",
            "american-gut-2014/AG_100nt_even10k.biom.gz", "american-gut-2014/AG_100nt_even10k.txt.gz", "american-gut-2014/LICENSE",
            "synthetic-s50/s50.biom", "synthetic-s50/s50.tsv", "synthetic-s50/s50.nwk", "synthetic-s50/s50.meta.tsv");

    /** Copies the bundled files into {@code dir} (skipping files already there with the same size). */
    public static Path extractTo(Path dir) {
        return extract(FILES, dir);
    }

    /** Copies some of the bundled files (paths relative to the demo root, from {@link #FILES}) into {@code dir}. */
    public static Path extract(List<String> files, Path dir) {
        try {
            for (String f : files) {
                Path target = dir.resolve(f);
                try (InputStream in = BundledData.class.getResourceAsStream(ROOT + f)) {
                    if (in == null) throw new IllegalStateException("bundled file missing from the jar: " + f);
                    byte[] bytes = in.readAllBytes();
                    if (Files.isRegularFile(target) && Files.size(target) == bytes.length) continue;
                    AtomicOutput.write(target, o -> o.write(bytes));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new InputException(dir.toString(), null, "cannot write the example data: " + e.getMessage(), "choose a writable --out folder");
        }
    }
}
