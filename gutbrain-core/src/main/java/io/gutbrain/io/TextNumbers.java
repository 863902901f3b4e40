package io.gutbrain.io;

/**
 * Numbers in text tables: cells parsed in place (no substring per cell, no boxing) and counts
 * printed as QIIME and R print them. Parsing is {@link Decimals#parse}, correctly rounded and
 * identical to {@link Double#parseDouble} on the accepted syntax, with surrounding spaces
 * allowed; {@code NaN}, {@code Infinity}, hexadecimal and Java's {@code d}/{@code f} suffixes give NaN
 * and values beyond the double range give ±Infinity, so a reader can report each precisely.
 *
 * <p>Why not {@code Double.parseDouble(line.split("\t")[i])}: American Gut's classic table has
 * 37 million cells, almost all {@code 0}; splitting and parsing through strings dominates the
 * read time.
 */
final class TextNumbers {
    private TextNumbers() {}

    /** Parses {@code s[from, to)} ignoring surrounding spaces; NaN when it is not a plain decimal, ±Infinity on overflow. */
    static double parse(CharSequence s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') from++;
        while (to > from && s.charAt(to - 1) == ' ') to--;
        if (to - from == 1) {
            char c = s.charAt(from);
            return c >= '0' && c <= '9' ? c - '0' : Double.NaN; // most cells of a sparse table are "0"
        }
        return Decimals.parseAllowingOverflow(s, from, to);
    }

    /** Parses a whole string; see {@link #parse(CharSequence, int, int)}. */
    static double parse(String s) { return parse(s, 0, s.length()); }

    /**
     * Appends a value so that parsing it back gives the identical double: whole numbers below
     * 10<sup>15</sup> without a fraction ({@code 12}, not {@code 12.0}), as count tables are
     * written by QIIME and R; anything else as the shortest text that reads back exactly
     * ({@link Decimals#format}).
     */
    static void append(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            if (v == 0 && 1 / v < 0) sb.append("-0"); else sb.append((long) v);
        } else {
            sb.append(Decimals.format(v));
        }
    }
}
