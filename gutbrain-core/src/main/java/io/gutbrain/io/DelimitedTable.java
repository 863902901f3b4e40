package io.gutbrain.io;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain delimited (TSV or CSV) abundance tables in either orientation, as written by R
 * ({@code write.table}, {@code write.csv}), pandas, Excel or MaAsLin2's examples.
 *
 * <p><b>Layout.</b> A header line, then one row per feature (or per sample); the first column
 * holds the row ids, every other column is one sample (or feature). Values must be finite,
 * non-negative numbers; zeros are not stored. With features as rows, a last column named
 * {@code taxonomy}, {@code Taxonomy} or {@code Consensus Lineage} is read as the features'
 * lineages ({@link Lineage#parse}).
 *
 * <p><b>Header.</b> Blank lines are skipped. A line starting with {@code #} is the header when its
 * first cell is a known id-column name (one of those listed under {@link Orientation#AUTO}, e.g.
 * {@code #OTU ID} or {@code #SampleID}), otherwise a comment; the first line not starting with
 * {@code #} is the header. After the header every non-blank line is a data row.
 *
 * <p><b>Quoting.</b> RFC 4180 quoted fields ({@code "a, b"}, {@code "say ""hi"""}) are
 * understood with either delimiter. Ids are trimmed of surrounding whitespace.
 *
 * <p>Errors name the file, the 1-based line and the column: ragged rows, non-numeric,
 * negative, NaN or infinite values, empty or duplicate ids, a table without rows or columns.
 */
public final class DelimitedTable {
    private DelimitedTable() {}

    /** Which way round the table is. */
    public enum Orientation {
        /** One row per feature, one column per sample (QIIME, biom-convert, phyloseq exports). */
        FEATURES_AS_ROWS,
        /** One row per sample, one column per feature (MaAsLin2, R data frames, scikit-learn). */
        SAMPLES_AS_ROWS,
        /**
         * Decided by the header's first cell, compared case-insensitively ignoring {@code #},
         * spaces, {@code -}, {@code _} and {@code .}: samples are rows when it is
         * {@code sample-id}, {@code SampleID}, {@code #SampleID}, {@code sample}, {@code samples},
         * {@code sample_name} or {@code ID} (MaAsLin2's convention); features are rows for anything
         * else, including {@code #OTU ID}, {@code feature-id} and an empty cell (the QIIME
         * convention, and R's {@code write.table} of a features × samples matrix).
         */
        AUTO
    }

    /** Reads a table with automatic orientation and delimiter; see {@link #read(Path, Orientation, char)}. */
    public static FeatureTable read(Path path) {
        return read(path, Orientation.AUTO, '\0');
    }

    /**
     * Reads a delimited abundance table.
     *
     * @param orientation which way round the table is, or {@link Orientation#AUTO}
     * @param delimiter   the field separator, or {@code '\0'} to choose it: comma for a
     *                    {@code .csv} name, tab for {@code .tsv}/{@code .txt}/{@code .tab}, otherwise tab
     *                    if the first lines contain a tab, else comma
     * @return the table, with lineages when a taxonomy column is present
     * @throws io.gutbrain.error.InputException on malformed input, naming file, line and column
     */
    public static FeatureTable read(Path path, Orientation orientation, char delimiter) {
        try (DelimitedReader r = DelimitedReader.open(path, delimiter, true)) {
            TextTables.findHeader(r, cell -> isKnownIdHeader(TextTables.normalize(cell)), null);
            boolean samplesAsRows = orientation == Orientation.SAMPLES_AS_ROWS
                    || (orientation == Orientation.AUTO && TextTables.SAMPLE_ID_HEADERS.contains(TextTables.normalize(r.cell(0))));
            return samplesAsRows ? samplesAsRows(r) : featuresAsRows(r);
        }
    }

    private static boolean isKnownIdHeader(String normalized) {
        return TextTables.FEATURE_ID_HEADERS.contains(normalized) || TextTables.SAMPLE_ID_HEADERS.contains(normalized);
    }

    /** Reads the rows after the header {@code r} is on, as features × samples with an optional taxonomy column. */
    static FeatureTable featuresAsRows(DelimitedReader r) {
        int n = r.size();
        boolean taxonomy = n >= 2 && TextTables.TAXONOMY_HEADERS.contains(TextTables.normalize(r.cell(n - 1)));
        int valueEnd = taxonomy ? n - 1 : n;
        long headerLine = r.line();
        List<String> samples = TextTables.headerIds(r, 1, valueEnd, "sample");
        SparseRows rows = new SparseRows(r.source(), "feature", headerLine);
        List<Lineage> lineages = taxonomy ? new ArrayList<>() : null;
        while (r.next()) {
            if (r.isBlank()) continue;
            r.requireFields(n, headerLine);
            rows.parse(r, 1, samples);
            rows.keep(r.cell(0), r);
            if (taxonomy) lineages.add(Lineage.parse(r.cell(n - 1)));
        }
        FeatureTable t = rows.toTable(samples, false, false);
        return taxonomy ? t.withTaxonomy(lineages.toArray(new Lineage[0])) : t;
    }

    private static FeatureTable samplesAsRows(DelimitedReader r) {
        int n = r.size();
        long headerLine = r.line();
        List<String> features = TextTables.headerIds(r, 1, n, "feature");
        SparseRows rows = new SparseRows(r.source(), "sample", headerLine);
        while (r.next()) {
            if (r.isBlank()) continue;
            r.requireFields(n, headerLine);
            rows.parse(r, 1, features);
            rows.keep(r.cell(0), r);
        }
        return rows.toTable(features, true, false);
    }
}
