package io.gutbrain.result;

import io.gutbrain.io.TextOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A result in plain tabular form — a name, column names and rows of cells — the one shape in
 * which analyses hand results to the report ({@link HtmlReport.Section#table}) and to the
 * results store ({@link ResultsStore#writeTable}). Cells are {@link Number}s, {@link Boolean}s,
 * {@link String}s or null (missing).
 *
 * @param name    lower-case letters, digits and {@code _}, starting with a letter (it becomes a
 *                file name and an SQL table name)
 * @param columns distinct, non-blank column names
 * @param rows    each row has one cell per column
 */
public record ResultTable(String name, List<String> columns, List<Object[]> rows) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** A table with one row per element of {@code items}, its cells given by {@code cells}. */
    public static <T> ResultTable of(String name, List<String> columns, List<T> items, java.util.function.Function<T, Object[]> cells) {
        List<Object[]> rows = new ArrayList<>(items.size());
        for (T item : items) rows.add(cells.apply(item));
        return new ResultTable(name, columns, rows);
    }

    /** Validates name, columns and row widths and copies the lists. */
    public ResultTable {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("table name must be 1-63 lower-case letters, digits or '_', starting with a letter: " + name);
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("table " + name + " has no columns");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String c : columns) {
            if (c == null || c.isBlank()) throw new IllegalArgumentException("table " + name + " has a blank column name");
            if (!seen.add(c.toLowerCase(java.util.Locale.ROOT))) throw new IllegalArgumentException("table " + name + " repeats column " + c);
        }
        List<Object[]> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = Objects.requireNonNull(rows.get(r), "row");
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("table " + name + " row " + (r + 1) + " has " + row.length + " cells, expected " + columns.size());
            }
            for (Object cell : row) {
                if (cell != null && !(cell instanceof Number) && !(cell instanceof Boolean) && !(cell instanceof String)) {
                    throw new IllegalArgumentException("table " + name + " row " + (r + 1) + ": cells must be numbers, booleans, strings or null, got " + cell.getClass().getName());
                }
            }
            copy.add(row.clone());
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }

    /** Number of rows. */
    public int rowCount() { return rows.size(); }

    /**
     * The table as TSV with a header line: numbers in their shortest exact form
     * ({@link TextOutput#number}), missing cells and NaN as {@code NA}, tabs and line breaks
     * inside text replaced by spaces (TSV cannot quote them).
     */
    public String toTsv() {
        StringBuilder sb = new StringBuilder();
        appendLine(sb, columns.toArray());
        for (Object[] row : rows) appendLine(sb, row);
        return sb.toString();
    }

    /**
     * One cell as TSV text (null and NaN as {@code NA}); public so that the HTML report and the
     * results store write a cell exactly as the TSV does.
     */
    public static String tsvCell(Object cell) {
        if (cell == null) return "NA";
        if (cell instanceof Double || cell instanceof Float) return TextOutput.number(((Number) cell).doubleValue());
        if (cell instanceof Number || cell instanceof Boolean) return cell.toString();
        return ((String) cell).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static void appendLine(StringBuilder sb, Object[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append('\t');
            sb.append(tsvCell(cells[i]));
        }
        sb.append('\n');
    }
}
