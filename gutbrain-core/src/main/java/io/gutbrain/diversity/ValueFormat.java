package io.gutbrain.diversity;

import java.util.List;

/**
 * How diversity results and messages are written to text: numbers in full precision, readable by
 * R and pandas alike; id lists short enough for one line.
 */
public final class ValueFormat {
    private ValueFormat() {}

    /**
     * {@code NA} for NaN (an undefined metric, as R writes it; pandas reads it as NaN), whole
     * numbers without a decimal point ({@code 19}, not {@code 19.0}), everything else as the
     * shortest decimal that reads back to the same double ({@link Double#toString(double)}).
     */
    public static String format(double v) {
        if (Double.isNaN(v)) return "NA";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** Up to five ids, quoted and comma-separated, with {@code " ..."} when there are more. */
    public static String firstFew(List<String> ids) {
        return io.gutbrain.error.Messages.firstFew(ids);
    }
}
