package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows of a dense text table as sparse rows while the file is read, so that a
 * mostly-zero table never exists densely in memory: each row's non-zero cells are appended to
 * two growing arrays (column index, value), which is directly the CSR layout of
 * {@link FeatureTable} when rows are samples, and its transpose when rows are features.
 *
 * <p>A row is parsed first ({@link #parse}) and then either kept under an id ({@link #keep},
 * which rejects empty and duplicate ids naming both lines) or dropped ({@link #discard}), so
 * readers that filter rows (MetaPhlAn ranks, HUMAnN unassigned rows) still validate every value.
 */
final class SparseRows {
    private final String source;
    private final String kind;
    private final long headerLine;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Long> lineOf = new HashMap<>();
    private int[] ptr = new int[256];
    private int[] idx = new int[1 << 12];
    private double[] val = new double[1 << 12];
    private int nnz;
    private int pending;

    /**
     * @param kind       what a row is: "feature" or "sample" (for messages)
     * @param headerLine line of the header, named when the table has no rows
     */
    SparseRows(String source, String kind, long headerLine) {
        this.source = source;
        this.kind = kind;
        this.headerLine = headerLine;
    }

    /** Parses cells {@code [firstCell, firstCell + columns.size())} of the current record as a pending row. */
    void parse(DelimitedReader r, int firstCell, List<String> columns) {
        int p = nnz;
        for (int c = 0, n = columns.size(); c < n; c++) {
            double v = r.abundance(firstCell + c, columns.get(c));
            if (v == 0) continue;
            if (p == idx.length) {
                int cap = idx.length * 2;
                idx = Arrays.copyOf(idx, cap);
                val = Arrays.copyOf(val, cap);
            }
            idx[p] = c;
            val[p] = v;
            p++;
        }
        pending = p;
    }

    /** Keeps the pending row under {@code id}; fails on an empty id or one already kept. */
    void keep(String id, DelimitedReader r) {
        if (id.isEmpty()) throw r.errorAtField(0, "empty " + kind + " id", "give every row a non-empty id in the first column");
        int bad = IdCharacters.firstForbidden(id);
        if (bad >= 0) throw r.errorAtField(0, IdCharacters.problem(kind, id, bad), IdCharacters.FIX);
        Long prev = lineOf.putIfAbsent(id, r.line());
        if (prev != null) {
            throw r.error("duplicate " + kind + " id '" + id + "' (first on line " + prev + ")", "make " + kind + " ids unique");
        }
        ids.add(id);
        nnz = pending;
        if (ids.size() == ptr.length) ptr = Arrays.copyOf(ptr, ptr.length * 2);
        ptr[ids.size()] = nnz;
    }

    /** Drops the pending row. */
    void discard() { pending = nnz; }

    /** Number of rows kept. */
    int size() { return ids.size(); }

    /**
     * The kept rows as a table.
     *
     * @param columns        the column ids (already checked unique)
     * @param rowsAreSamples true when rows are samples, false when rows are features
     * @param allowEmpty     whether zero rows is acceptable (else an error naming the header line)
     */
    FeatureTable toTable(List<String> columns, boolean rowsAreSamples, boolean allowEmpty) {
        if (ids.isEmpty() && !allowEmpty) {
            throw InputException.atLine(source, headerLine, "the header is not followed by any " + kind + " rows",
                    "add the data rows, or check that this is the right file");
        }
        int n = ids.size();
        int[] p = Arrays.copyOf(ptr, n + 1);
        int[] ix = Arrays.copyOf(idx, nnz);
        double[] v = Arrays.copyOf(val, nnz);
        // rows are the CSR "samples" of this table; features-as-rows input is transposed (O(nnz))
        FeatureTable t = FeatureTable.fromSampleMajor(source, ids, columns, p, ix, v);
        return rowsAreSamples ? t : t.transpose();
    }
}
