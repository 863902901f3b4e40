package io.gutbrain.cli.runs;


import io.gutbrain.result.ResultTable;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints rows for people (columns padded to line up) or for programs (TSV, the same cells
 * as {@link ResultTable#toTsv()}).
 */
final class TextTable {
    private TextTable() {}

    /** Cells longer than this are cut with "…" in aligned output (TSV keeps them whole). */
    static final int MAX_CELL = 80;

    static void print(PrintWriter out, List<String> columns, List<Object[]> rows, boolean tsv) {
        if (tsv) {
            out.print(new ResultTable("result", dedupe(columns), rows).toTsv());
            out.flush();
            return;
        }
        int n = columns.size();
        String[][] cells = new String[rows.size() + 1][n];
        for (int c = 0; c < n; c++) cells[0][c] = columns.get(c);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < n; c++) {
                Object v = rows.get(r)[c];
                String s = v == null ? "" : v instanceof Double d ? io.gutbrain.io.TextOutput.number(d) : v.toString();
                cells[r + 1][c] = s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
            }
        }
        int[] width = new int[n];
        for (String[] row : cells) for (int c = 0; c < n; c++) width[c] = Math.max(width[c], row[c].length());
        for (String[] row : cells) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < n; c++) {
                if (c > 0) sb.append("  ");
                sb.append(row[c]);
                if (c < n - 1) sb.append(" ".repeat(width[c] - row[c].length()));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }

    /** SQL results may repeat a column name; TSV headers should not. */
    private static List<String> dedupe(List<String> columns) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String c : columns) {
            String name = c == null || c.isBlank() ? "column" : c;
            String k = name;
            for (int i = 2; !seen.add(k.toLowerCase(java.util.Locale.ROOT)); i++) k = name + "_" + i;
            out.add(k);
        }
        return out;
    }
}
