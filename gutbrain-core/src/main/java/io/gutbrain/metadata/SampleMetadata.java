package io.gutbrain.metadata;

import io.gutbrain.error.InputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per-sample metadata: one row per sample id, typed columns.
 *
 * <p>Columns are {@link ColumnType#NUMERIC} when every non-missing value parses as a finite
 * number (or when declared so by a QIIME 2 {@code #q2:types} row), otherwise
 * {@link ColumnType#CATEGORICAL}. Missing values are {@code null} in {@link #text} and
 * {@code NaN} in {@link #numeric}. Immutable.
 */
public final class SampleMetadata {

    /** How a column's values are interpreted. */
    public enum ColumnType { NUMERIC, CATEGORICAL }

    /** Tokens read as "missing" in any column (QIIME 2 itself only uses the empty cell). */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "N/A", "na", "nan", "NaN", "no_data", "null", "None");

    private final String source;
    private final List<String> ids;
    private final Map<String, Integer> idIndex;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex;
    private final ColumnType[] types;
    private final String[][] values;   // [column][row], null = missing
    private final double[][] numbers;  // [column][row] for NUMERIC columns, else null

    /**
     * @param source   the file name (for error messages); may be null
     * @param ids      sample ids, unique
     * @param columns  column names, unique, not including the id column
     * @param values   [column][row] raw cell text, null for missing
     * @param declared declared types per column or null entries for "infer"; array may be null
     */
    public SampleMetadata(String source, List<String> ids, List<String> columns, String[][] values, ColumnType[] declared) {
        this.source = source;
        this.ids = List.copyOf(ids);
        this.columns = List.copyOf(columns);
        this.idIndex = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            if (idIndex.put(ids.get(i), i) != null) {
                throw new InputException(source, "sample id '" + ids.get(i) + "'", "duplicate sample id", "give every sample a unique id");
            }
        }
        this.columnIndex = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            if (columnIndex.put(columns.get(c), c) != null) {
                throw new InputException(source, "header", "duplicate column name '" + columns.get(c) + "'", "rename one of the columns");
            }
        }
        this.values = values;
        this.types = new ColumnType[columns.size()];
        this.numbers = new double[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            ColumnType want = declared == null ? null : declared[c];
            double[] parsed = tryParseNumeric(values[c]);
            if (parsed == null && want == ColumnType.NUMERIC && allMissing(values[c])) {
                parsed = new double[values[c].length]; // declared numeric, nothing recorded yet
                java.util.Arrays.fill(parsed, Double.NaN);
            }
            if (want == ColumnType.NUMERIC && parsed == null) {
                int bad = firstNonNumeric(values[c]);
                throw new InputException(source, "column '" + columns.get(c) + "', sample '" + ids.get(bad) + "'",
                        "declared numeric but found '" + values[c][bad] + "'", "correct the value or declare the column categorical");
            }
            if (want == ColumnType.CATEGORICAL || parsed == null) {
                types[c] = ColumnType.CATEGORICAL;
            } else {
                types[c] = ColumnType.NUMERIC;
                numbers[c] = parsed;
            }
        }
    }

    private static double[] tryParseNumeric(String[] col) {
        double[] out = new double[col.length];
        boolean any = false;
        for (int i = 0; i < col.length; i++) {
            if (col[i] == null) { out[i] = Double.NaN; continue; }
            try {
                double d = Double.parseDouble(col[i]);
                if (!Double.isFinite(d)) return null;
                out[i] = d;
                any = true;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return any ? out : null;
    }

    private static boolean allMissing(String[] col) {
        for (String v : col) if (v != null) return false;
        return true;
    }

    private static int firstNonNumeric(String[] col) {
        for (int i = 0; i < col.length; i++) {
            if (col[i] == null) continue;
            try { if (!Double.isFinite(Double.parseDouble(col[i]))) return i; } catch (NumberFormatException e) { return i; }
        }
        return 0;
    }

    public String source() { return source; }
    public List<String> ids() { return ids; }
    public int size() { return ids.size(); }
    public List<String> columns() { return columns; }
    public boolean hasColumn(String name) { return columnIndex.containsKey(name); }
    public boolean hasSample(String id) { return idIndex.containsKey(id); }

    /** Row index of a sample id, or -1. */
    public int indexOf(String id) { Integer i = idIndex.get(id); return i == null ? -1 : i; }

    public ColumnType type(String column) { return types[col(column)]; }

    /** Cell text, null when missing. */
    public String text(String column, String sampleId) {
        int r = indexOf(sampleId);
        return r < 0 ? null : values[col(column)][r];
    }

    /** A whole column as text in row order (null = missing); a copy. */
    public String[] textColumn(String column) { return values[col(column)].clone(); }

    /** A numeric column in row order (NaN = missing); a copy. Fails with a clear message if categorical. */
    public double[] numericColumn(String column) {
        int c = col(column);
        if (types[c] != ColumnType.NUMERIC) {
            throw new InputException(source, "column '" + column + "'", "expected a numeric column but it holds text values such as '"
                    + firstText(values[c]) + "'", "choose a numeric column or correct the values");
        }
        return numbers[c].clone();
    }

    /** Numeric value for one sample (NaN when missing or the sample is unknown). */
    public double number(String column, String sampleId) {
        int c = col(column);
        int r = indexOf(sampleId);
        if (r < 0 || numbers[c] == null) return Double.NaN;
        return numbers[c][r];
    }

    /** Distinct non-missing levels of a column in first-seen order. */
    public List<String> levels(String column) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String v : values[col(column)]) if (v != null && seen.add(v)) out.add(v);
        return out;
    }

    /** Metadata restricted to the given ids, in that order; unknown ids get all-missing rows. */
    public SampleMetadata select(List<String> sampleIds) {
        String[][] sub = new String[columns.size()][sampleIds.size()];
        for (int r = 0; r < sampleIds.size(); r++) {
            int src = indexOf(sampleIds.get(r));
            if (src < 0) continue;
            for (int c = 0; c < columns.size(); c++) sub[c][r] = values[c][src];
        }
        return new SampleMetadata(source, sampleIds, columns, sub, types.clone());
    }

    /** Declared/inferred types, aligned with {@link #columns()}; a copy. */
    public ColumnType[] types() { return types.clone(); }

    private int col(String column) {
        Integer c = columnIndex.get(column);
        if (c == null) {
            throw new InputException(source, "column '" + column + "'", "no such metadata column",
                    "use one of: " + abbreviate(columns));
        }
        return c;
    }

    private static String firstText(String[] col) {
        for (String v : col) if (v != null) return v;
        return "";
    }

    private static String abbreviate(List<String> names) {
        if (names.size() <= 12) return String.join(", ", names);
        return String.join(", ", names.subList(0, 12)) + ", ... (" + names.size() + " columns)";
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "SampleMetadata[%d samples x %d columns]", ids.size(), columns.size());
    }

    /** Unmodifiable map view of one row (column -> text, null for missing). */
    public Map<String, String> row(String sampleId) {
        int r = indexOf(sampleId);
        Map<String, String> m = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) m.put(columns.get(c), r < 0 ? null : values[c][r]);
        return Collections.unmodifiableMap(m);
    }
}
