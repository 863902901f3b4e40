package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.metadata.SampleMetadata.ColumnType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sample metadata sheets: QIIME 2 metadata TSV, QIIME 1 mapping files and CSV, following the
 * QIIME 2 metadata rules (docs.qiime2.org, "Metadata in QIIME 2"):
 *
 * <ul>
 *   <li>The header is the first line that is neither blank nor a comment. Lines starting with
 *       {@code #} are comments, except a header whose first cell is one of QIIME 2's
 *       case-sensitive {@code #} id names.</li>
 *   <li>The first column holds the ids and must be named as QIIME 2 accepts: case-insensitively
 *       {@code id}, {@code sampleid}, {@code sample id}, {@code sample-id}, {@code featureid},
 *       {@code feature id}, {@code feature-id}; case-sensitively {@code #SampleID},
 *       {@code #Sample ID}, {@code #OTUID}, {@code #OTU ID}, {@code sample_name}.</li>
 *   <li>A {@code #q2:types} line directly below the header declares columns {@code numeric} or
 *       {@code categorical} (an empty cell means "infer"); other {@code #q2:} directives are
 *       treated as comments. Undeclared columns are numeric when every non-missing value is a
 *       finite number.</li>
 *   <li>Every cell is trimmed of surrounding whitespace; cells in
 *       {@link SampleMetadata#DEFAULT_MISSING} ({@code NA}, {@code no_data}, empty, ...) are
 *       missing.</li>
 *   <li>A row with fewer cells than the header is an error; extra cells are accepted only when
 *       empty (trailing delimiters left by spreadsheets). Empty and duplicate ids and column
 *       names are errors.</li>
 *   <li>RFC 4180 quoted cells are understood in both TSV and CSV.</li>
 * </ul>
 *
 * Every error names the file and the 1-based line, and the column where one is involved.
 */
public final class MetadataFile {
    private MetadataFile() {}

    private static final Set<String> ID_HEADERS_ANY_CASE = Set.of("id", "sampleid", "sample id", "sample-id", "featureid", "feature id", "feature-id");
    private static final Set<String> ID_HEADERS_EXACT = Set.of("#SampleID", "#Sample ID", "#OTUID", "#OTU ID", "sample_name");
    private static final String TYPES_DIRECTIVE = "#q2:types";

    /** Reads a metadata file, choosing comma for {@code .csv} names and tab otherwise (see {@link DelimitedTable#read(Path, DelimitedTable.Orientation, char)}). */
    public static SampleMetadata read(Path path) {
        return read(path, '\0');
    }

    /**
     * Reads a metadata file.
     *
     * @param delimiter the field separator, or {@code '\0'} to choose it from the name or content
     * @throws InputException naming file, line and column for a missing id column, ragged rows,
     *                        empty or duplicate ids or column names, bad {@code #q2:types}, or no rows
     */
    public static SampleMetadata read(Path path, char delimiter) {
        try (DelimitedReader r = DelimitedReader.open(path, delimiter, true)) {
            TextTables.findHeader(r, ID_HEADERS_EXACT::contains, null);
            long headerLine = r.line();
            String idHeader = r.cell(0);
            if (!isIdHeader(idHeader)) {
                throw r.errorAtField(0, "the first column '" + idHeader + "' is not an id column",
                        "make the sample ids the first column and name it sample-id (QIIME 2 also accepts id, sampleid, #SampleID, sample_name, ...)");
            }
            int width = r.size();
            while (width > 1 && r.cell(width - 1).isEmpty()) width--; // trailing delimiters
            List<String> columns = new ArrayList<>(width - 1);
            Map<String, Integer> columnAt = new HashMap<>();
            for (int i = 1; i < width; i++) {
                String name = r.cell(i);
                if (name.isEmpty()) throw r.errorAtField(i, "empty column name", "give every column a name");
                Integer prev = columnAt.putIfAbsent(name, i);
                if (prev != null) {
                    throw r.error("duplicate column name '" + name + "' in fields " + (prev + 1) + " and " + (i + 1), "rename one of the columns");
                }
                columns.add(name);
            }
            int nc = columns.size();
            ColumnType[] declared = new ColumnType[nc];
            List<String> ids = new ArrayList<>();
            List<String[]> rows = new ArrayList<>();
            Map<String, Long> idLine = new HashMap<>();
            boolean first = true;
            while (r.next()) {
                if (r.isBlank()) continue;
                boolean directlyBelowHeader = first;
                first = false;
                if (r.isHashLine()) {
                    if (r.cell(0).equalsIgnoreCase(TYPES_DIRECTIVE)) {
                        if (!directlyBelowHeader) {
                            throw r.error("#q2:types must be the line directly below the header (line " + headerLine + ")", "move the #q2:types line up");
                        }
                        readTypes(r, columns, width, declared, headerLine);
                    }
                    continue;
                }
                checkWidth(r, width, headerLine);
                String id = r.cell(0);
                if (id.isEmpty()) throw r.errorAtField(0, "empty sample id", "give every row an id in the first column");
                int bad = IdCharacters.firstForbidden(id);
                if (bad >= 0) throw r.errorAtField(0, IdCharacters.problem("sample", id, bad), IdCharacters.FIX);
                Long prev = idLine.putIfAbsent(id, r.line());
                if (prev != null) throw r.error("duplicate sample id '" + id + "' (first on line " + prev + ")", "give every sample a unique id");
                String[] row = new String[nc];
                for (int c = 0; c < nc; c++) {
                    String v = r.cell(c + 1);
                    if (SampleMetadata.DEFAULT_MISSING.contains(v)) continue;
                    if (declared[c] == ColumnType.NUMERIC && !Double.isFinite(TextNumbers.parse(v))) {
                        throw r.errorAt(columns.get(c), "column declared numeric by #q2:types holds '" + v + "'",
                                "correct the value, leave it empty for missing, or declare the column categorical");
                    }
                    row[c] = v;
                }
                ids.add(id);
                rows.add(row);
            }
            if (ids.isEmpty()) {
                throw InputException.atLine(r.source(), headerLine, "the header is not followed by any sample rows", "add one row per sample");
            }
            String[][] values = new String[nc][ids.size()];
            for (int s = 0; s < ids.size(); s++) {
                String[] row = rows.get(s);
                for (int c = 0; c < nc; c++) values[c][s] = row[c];
            }
            return new SampleMetadata(r.source(), ids, columns, values, declared);
        }
    }

    /**
     * Writes metadata as a QIIME 2 metadata TSV, atomically: each comment line (after
     * {@code "# "}), the header {@code sample-id} plus the columns, a {@code #q2:types} line
     * declaring every column's type (so that, say, an all-missing numeric column stays numeric),
     * then one row per sample with an empty cell for a missing value. {@link #read(Path)} gives
     * back the same ids, columns, types and values.
     *
     * @param comments lines written first, e.g. a note that the data are simulated; one line each
     * @throws InputException when an id, column name or value holds a tab or line break, or an id
     *                        starts with {@code #} (it would be read as a comment)
     */
    public static void write(SampleMetadata md, Path path, List<String> comments) {
        String target = path.toString();
        List<String> columns = md.columns();
        String[][] cells = new String[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            checkCell(target, "header", columns.get(c));
            cells[c] = md.textColumn(columns.get(c));
            for (int r = 0; r < md.size(); r++) {
                if (cells[c][r] != null) checkCell(target, "column '" + columns.get(c) + "', sample '" + md.ids().get(r) + "'", cells[c][r]);
            }
        }
        for (String id : md.ids()) {
            checkCell(target, "sample ids", id);
            if (id.startsWith("#")) throw new InputException(target, "sample id '" + id + "'", "starts with '#', which marks a comment line", "rename the sample");
        }
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            if (c.contains("\n") || c.contains("\r")) throw new IllegalArgumentException("a comment must be one line");
            sb.append("# ").append(c).append('\n');
        }
        sb.append("sample-id");
        for (String c : columns) sb.append('\t').append(c);
        sb.append("\n#q2:types");
        for (ColumnType t : md.types()) sb.append('\t').append(t == ColumnType.NUMERIC ? "numeric" : "categorical");
        sb.append('\n');
        for (int r = 0; r < md.size(); r++) {
            sb.append(md.ids().get(r));
            for (String[] col : cells) sb.append('\t').append(col[r] == null ? "" : col[r]);
            sb.append('\n');
        }
        TextOutput.write(path, sb.toString());
    }

    private static void checkCell(String target, String location, String v) {
        if (v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            throw new InputException(target, location, "'" + v.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                    + "' holds a tab or line break, which a TSV cell cannot", "remove tabs and line breaks");
        }
    }

    /** Whether a header cell names QIIME 2's id column. */
    static boolean isIdHeader(String cell) {
        return ID_HEADERS_EXACT.contains(cell) || ID_HEADERS_ANY_CASE.contains(cell.toLowerCase(Locale.ROOT));
    }

    private static void readTypes(DelimitedReader r, List<String> columns, int width, ColumnType[] declared, long headerLine) {
        checkExtraCells(r, width, headerLine);
        for (int c = 0; c < columns.size(); c++) {
            String t = r.cell(c + 1).toLowerCase(Locale.ROOT);
            switch (t) {
                case "numeric": declared[c] = ColumnType.NUMERIC; break;
                case "categorical": declared[c] = ColumnType.CATEGORICAL; break;
                case "": declared[c] = null; break;
                default:
                    throw r.errorAt(columns.get(c), "unknown column type '" + r.cell(c + 1) + "' in #q2:types",
                            "use 'numeric' or 'categorical'");
            }
        }
    }

    private static void checkWidth(DelimitedReader r, int width, long headerLine) {
        if (r.size() < width) {
            throw r.error("found " + r.size() + " field" + (r.size() == 1 ? "" : "s") + " but the header (line " + headerLine + ") has " + width,
                    "give every row one cell per column (an empty cell for a missing value)");
        }
        checkExtraCells(r, width, headerLine);
    }

    private static void checkExtraCells(DelimitedReader r, int width, long headerLine) {
        for (int i = width; i < r.size(); i++) {
            if (!r.cell(i).isEmpty()) {
                throw r.error("found " + r.size() + " fields but the header (line " + headerLine + ") has " + width
                        + "; field " + (i + 1) + " holds '" + r.cell(i) + "'", "remove the extra cells or add a column name for them");
            }
        }
    }
}
