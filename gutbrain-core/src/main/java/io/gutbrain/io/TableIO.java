package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import io.gutbrain.table.Rank;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One entry point for reading and writing feature tables in any supported {@link TableFormat}.
 *
 * <p>The format is recognised from the file's content, never only its name: HDF5 and zip
 * signatures, a JSON object, MetaPhlAn's {@code #mpa_v}/{@code clade_name} header, HUMAnN's
 * {@code # Gene Family}/{@code # Pathway} header; any other text is read as a delimited table
 * (QIIME classic TSV when it has the {@code #OTU ID} header). gzip is decompressed transparently.
 */
public final class TableIO {
    private TableIO() {}

    /** Options that only some formats use. */
    public static final class ReadOptions {
        private Rank metaphlanRank = Rank.SPECIES;
        private DelimitedTable.Orientation orientation = DelimitedTable.Orientation.AUTO;
        private Path taxonomy;

        public ReadOptions metaphlanRank(Rank r) { this.metaphlanRank = r; return this; }
        public ReadOptions orientation(DelimitedTable.Orientation o) { this.orientation = o; return this; }
        /** A separate taxonomy file (QIIME 2 taxonomy TSV, per-rank TSV or taxonomy .qza). */
        public ReadOptions taxonomy(Path p) { this.taxonomy = p; return this; }
        public Rank metaphlanRank() { return metaphlanRank; }
        public DelimitedTable.Orientation orientation() { return orientation; }
        public Path taxonomy() { return taxonomy; }
    }

    /** Reads a table with default options. */
    public static FeatureTable read(Path path) { return read(path, new ReadOptions()); }

    /** Reads a table, recognising its format from the content. */
    public static FeatureTable read(Path path, ReadOptions options) {
        TableFormat format = detect(path);
        FeatureTable t;
        switch (format) {
            case BIOM_JSON: t = BiomJson.read(path); break;
            case BIOM_HDF5: t = BiomHdf5.read(path); break;
            case TSV: t = ClassicTsv.read(path); break;
            case METAPHLAN: t = MetaPhlAn.read(path, options.metaphlanRank()); break;
            case HUMANN: t = Humann.read(path).unstratified(); break;
            case QZA: t = readQza(path); break;
            default: t = DelimitedTable.read(path, options.orientation(), '\0'); break;
        }
        if (options.taxonomy() != null) t = t.withTaxonomy(readTaxonomy(options.taxonomy()));
        return t;
    }

    /** Reads a taxonomy from a TSV or a FeatureData[Taxonomy] artifact. */
    public static Map<String, Lineage> readTaxonomy(Path path) {
        if (detect(path) == TableFormat.QZA) {
            try (QiimeArtifact a = QiimeArtifact.open(path)) {
                return a.readTaxonomy();
            }
        }
        return TaxonomyFile.read(path);
    }

    private static FeatureTable readQza(Path path) {
        try (QiimeArtifact a = QiimeArtifact.open(path)) {
            return a.readFeatureTable();
        }
    }

    /** Recognises the format from the first bytes of the (decompressed) content. */
    public static TableFormat detect(Path path) {
        byte[] head = TextInput.head(path, 4096);
        if (head.length == 0) {
            throw new InputException(path.toString(), "line 1", "the file is empty", "supply a non-empty table");
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') return TableFormat.BIOM_HDF5;
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return TableFormat.QZA;
        String text = new String(head, StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("\uFEFF")) trimmed = trimmed.substring(1).stripLeading();
        if (trimmed.startsWith("{")) return TableFormat.BIOM_JSON;
        String firstLine = trimmed.lines().findFirst().orElse("");
        String lower = firstLine.toLowerCase(Locale.ROOT);
        if (lower.startsWith("#mpa_v") || lower.startsWith("clade_name") || lower.startsWith("#clade_name")) return TableFormat.METAPHLAN;
        if (lower.startsWith("# gene family") || lower.startsWith("# pathway") || lower.startsWith("# gene_family")) return TableFormat.HUMANN;
        if (lower.startsWith("# constructed from biom file") || lower.startsWith("# constructed by gutbrain")
                || lower.startsWith("#otu id") || lower.startsWith("#otu_id") || lower.startsWith("#otuid")) return TableFormat.TSV;
        return TableFormat.DELIMITED;
    }

    /** Chooses an output format from a file name: {@code .biom} → HDF5, {@code .json} → BIOM JSON, else TSV. */
    public static TableFormat formatForOutput(Path path) {
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".json") || n.endsWith(".biom.json")) return TableFormat.BIOM_JSON;
        if (n.endsWith(".biom") || n.endsWith(".h5") || n.endsWith(".hdf5")) return TableFormat.BIOM_HDF5;
        return TableFormat.TSV;
    }

    /** Writes a table (atomically) in a writable format. */
    public static void write(FeatureTable table, Path path, TableFormat format) {
        switch (format) {
            case BIOM_JSON: BiomJson.write(table, path, false); break;
            case BIOM_HDF5: BiomHdf5.write(table, path); break;
            case TSV: ClassicTsv.write(table, path); break;
            default:
                throw new InputException(path.toString(), null, "gutbrain cannot write " + format.cliName(), "choose biom-json, biom-hdf5 or tsv");
        }
    }
}
