package io.gutbrain.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Small helpers for the text tables that results are written as: numbers in a form every reader
 * (R, pandas, spreadsheets) parses back exactly, and whole-file atomic writes.
 */
public final class TextOutput {
    private TextOutput() {}

    /**
     * A number as the shortest decimal that reads back as the same double ({@link Double#toString}),
     * "NA" for NaN (R's and pandas' default missing token), "Inf"/"-Inf" for infinities.
     */
    public static String number(double x) {
        if (Double.isNaN(x)) return "NA";
        if (Double.isInfinite(x)) return x > 0 ? "Inf" : "-Inf";
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        return Double.toString(x);
    }

    /** Writes {@code text} as UTF-8 through {@link AtomicOutput}. */
    public static void write(Path target, String text) {
        AtomicOutput.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
