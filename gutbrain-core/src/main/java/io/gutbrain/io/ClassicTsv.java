package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The QIIME "classic" OTU table, as written by {@code biom convert --to-tsv} and QIIME 1:
 *
 * <pre>
 * # Constructed from biom file
 * #OTU ID	S1	S2	taxonomy
 * OTU_1	12	0	k__Bacteria; p__Firmicutes
 * </pre>
 *
 * Features are rows, samples are columns. Comment lines starting with {@code #} may precede the
 * header; the header's first cell must be an OTU/feature id column name: {@code #OTU ID},
 * {@code OTU ID}, {@code #OTUID}, {@code feature-id}, {@code #feature-id}, {@code FeatureID}
 * (compared ignoring case, {@code #}, spaces, hyphens and underscores). An optional last column
 * {@code taxonomy}, {@code Taxonomy} or {@code Consensus Lineage} holds each feature's lineage.
 * Fields are separated by tabs and taken literally (no quote processing, unlike
 * {@link DelimitedTable}). After the header every non-blank line is a data row, so a feature id
 * may start with {@code #}.
 */
public final class ClassicTsv {
    private ClassicTsv() {}

    /**
     * Reads a classic TSV table (gzip is decompressed transparently).
     *
     * @throws InputException naming the file and 1-based line (and column) for a missing header,
     *                        ragged rows, bad values, empty or duplicate ids, or an empty table
     */
    public static FeatureTable read(Path path) {
        try (DelimitedReader r = DelimitedReader.open(path, '\t', false)) {
            TextTables.findHeader(r, cell -> TextTables.FEATURE_ID_HEADERS.contains(TextTables.normalize(cell)), null);
            if (!TextTables.FEATURE_ID_HEADERS.contains(TextTables.normalize(r.cell(0)))) {
                throw r.error("missing header: expected a line starting '#OTU ID<tab>' followed by the sample ids, found '"
                        + abbreviate(r.text()) + "'", "add a header line '#OTU ID<tab>sample1<tab>sample2...' before the data");
            }
            return DelimitedTable.featuresAsRows(r);
        }
    }

    /**
     * Writes a table in classic TSV form, atomically. The first line is
     * {@code # Constructed by gutbrain}, then the {@code #OTU ID} header; whole numbers are written
     * without a fraction and others with {@link Double#toString} precision, so that
     * {@link #read} gives back a table with {@link FeatureTable#sameData} (lineages compare by
     * their per-rank names; a missing lineage is read back as an unassigned one). A
     * {@code taxonomy} column is written when the table has lineages, each as its original text.
     *
     * @throws InputException when an id contains a tab or line break or has surrounding
     *                        whitespace, which the format cannot carry faithfully
     */
    public static void write(FeatureTable table, Path path) {
        write(table, path, "Constructed by gutbrain");
    }

    /**
     * As {@link #write(FeatureTable, Path)} with another first comment line, e.g. one that marks
     * the table as simulated; {@code comment} is written after {@code "# "} and must be one line.
     */
    public static void write(FeatureTable table, Path path, String comment) {
        if (comment.contains("\n") || comment.contains("\r")) throw new IllegalArgumentException("the comment must be one line");
        String target = path.toString();
        List<String> samples = table.sampleIds();
        List<String> features = table.featureIds();
        for (String s : samples) checkId(target, "sample", s);
        for (String f : features) checkId(target, "feature", f);
        boolean taxonomy = table.hasTaxonomy();
        String[] lineageText = taxonomy ? new String[features.size()] : null;
        for (int f = 0; taxonomy && f < lineageText.length; f++) lineageText[f] = lineageCell(target, features.get(f), table.lineage(f));
        FeatureMajor fm = table.byFeature();
        AtomicOutput.write(path, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder(1 << 16);
            sb.append("# ").append(comment).append("\n#OTU ID");
            for (String s : samples) sb.append('\t').append(s);
            if (taxonomy) sb.append("\ttaxonomy");
            sb.append('\n');
            int ns = samples.size();
            for (int f = 0; f < features.size(); f++) {
                sb.append(features.get(f));
                int k = fm.featureStart(f);
                int end = fm.featureEnd(f);
                for (int s = 0; s < ns; s++) {
                    sb.append('\t');
                    if (k < end && fm.sampleAt(k) == s) {
                        TextNumbers.append(sb, fm.valueAt(k));
                        k++;
                    } else {
                        sb.append('0');
                    }
                }
                if (taxonomy) sb.append('\t').append(lineageText[f]);
                sb.append('\n');
                if (sb.length() >= 1 << 15) {
                    w.append(sb);
                    sb.setLength(0);
                }
            }
            w.append(sb);
            w.flush();
        });
    }

    private static String lineageCell(String target, String feature, Lineage l) {
        if (l == null) return "";
        String text = l.original().isEmpty() ? l.toString() : l.original();
        if (hasBreak(text)) text = l.toString();
        if (hasBreak(text)) {
            throw new InputException(target, "feature '" + feature + "'", "its lineage contains a tab or line break",
                    "remove tabs and line breaks from the taxonomy");
        }
        return text;
    }

    private static void checkId(String target, String kind, String id) {
        if (hasBreak(id)) {
            throw new InputException(target, kind + " id '" + id.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "'",
                    "contains a tab or line break, which a TSV file cannot hold", "rename the " + kind);
        }
        if (!id.equals(id.strip())) {
            throw new InputException(target, kind + " id '" + id + "'", "has leading or trailing whitespace, which readers drop",
                    "rename the " + kind + " without surrounding spaces");
        }
    }

    private static boolean hasBreak(String s) {
        return s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    private static String abbreviate(String s) {
        String t = s.replace("\t", "<tab>");
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }
}
