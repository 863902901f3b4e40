package io.gutbrain.intervention;

import io.gutbrain.diversity.ValueFormat;
import io.gutbrain.io.AtomicOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The one way results of this package become text: a header and one tab-separated line per
 * record, written atomically ({@link AtomicOutput}), numbers in full precision with {@code NA}
 * for undefined values and {@code Inf}/{@code -Inf} for infinite ones (as R writes and reads
 * them; pandas reads both).
 */
final class Tsv {
    private Tsv() {}

    /** Writes {@code header}, then {@code cells(row)} for every row. */
    static <T> void write(Path target, List<String> header, List<T> rows, Function<T, List<String>> cells) {
        AtomicOutput.write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(String.join("\t", header));
            w.write('\n');
            for (T row : rows) {
                List<String> c = cells.apply(row);
                if (c.size() != header.size()) throw new IllegalStateException(c.size() + " cells for " + header.size() + " columns");
                w.write(String.join("\t", c));
                w.write('\n');
            }
            w.flush();
        });
    }

    /** A number as text: {@link ValueFormat#format} plus {@code Inf}/{@code -Inf}. */
    static String num(double v) {
        if (v == Double.POSITIVE_INFINITY) return "Inf";
        if (v == Double.NEGATIVE_INFINITY) return "-Inf";
        return ValueFormat.format(v);
    }

    /**
     * Typed cells as text: doubles by {@link #num}, other numbers and booleans by
     * {@code toString}, null as {@code NA}; so that a result's {@link io.gutbrain.result.ResultTable}
     * and its TSV file come from the same cells.
     */
    static List<String> cells(Object[] row) {
        List<String> out = new java.util.ArrayList<>(row.length);
        for (Object c : row) {
            if (c == null) out.add("NA");
            else if (c instanceof Double d) out.add(num(d));
            else out.add(c.toString());
        }
        return out;
    }

    /** Text, {@code NA} for null. */
    static String text(String s) { return s == null ? "NA" : s; }
}
