package io.gutbrain.io;

/**
 * Parsing and printing of numbers in text tables, without boxing and without creating a
 * substring per cell.
 *
 * <p>Why not {@code Double.parseDouble(line.split("\t")[i])}: American Gut's classic table has
 * 37 million cells, almost all {@code 0}; splitting and parsing through strings dominates the
 * read time. Here a cell is parsed in place from {@code [from, to)} of the line. Values whose
 * decimal significand fits in 2<sup>53</sup> and whose power of ten is at most 22 in magnitude
 * are computed as one IEEE multiplication or division of two exactly representable doubles,
 * which is correctly rounded (Clinger 1990, "How to read floating point numbers accurately",
 * PLDI); everything else falls back to {@link Double#parseDouble}, so results are always
 * identical to the JDK's.
 *
 * <p>Accepted syntax (a strict subset of Java's): optional sign, digits with an optional
 * fraction (at least one digit overall), optional exponent {@code e}/{@code E} with optional
 * sign. Surrounding spaces are ignored. {@code NaN}, {@code Infinity}, hexadecimal and Java's
 * {@code d}/{@code f} suffixes are rejected (returned as NaN) so a reader can report them.
 */
final class TextNumbers {
    private TextNumbers() {}

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final long MAX_EXACT = 1L << 53;

    /**
     * Parses {@code s[from, to)} as a decimal number.
     *
     * @return the value, or NaN when the text is not a plain decimal number (including the
     *         literal words NaN and Infinity); an out-of-range exponent gives ±Infinity
     */
    static double parse(CharSequence s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') from++;
        while (to > from && s.charAt(to - 1) == ' ') to--;
        if (from >= to) return Double.NaN;
        if (to - from == 1) {
            char c = s.charAt(from);
            return c >= '0' && c <= '9' ? c - '0' : Double.NaN;
        }
        int i = from;
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean anyDigit = false;
        boolean dropped = false; // a non-zero digit did not fit in the 18 kept
        boolean fraction = false;
        for (; i < to; i++) {
            char ch = s.charAt(i);
            if (ch == '.' && !fraction) {
                fraction = true;
                continue;
            }
            int d = ch - '0';
            if (d < 0 || d > 9) break;
            anyDigit = true;
            if (significant < 18) {
                mantissa = mantissa * 10 + d;
                if (mantissa != 0) significant++;
                if (fraction) exponent--;
            } else {
                if (!fraction) exponent++;
                if (d != 0) dropped = true;
            }
        }
        if (!anyDigit) return Double.NaN;
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                expNegative = s.charAt(i) == '-';
                i++;
            }
            int e = 0;
            boolean expDigit = false;
            for (; i < to; i++) {
                int d = s.charAt(i) - '0';
                if (d < 0 || d > 9) break;
                expDigit = true;
                e = Math.min(e * 10 + d, 1_000_000); // saturate: far beyond double range either way
            }
            if (!expDigit) return Double.NaN;
            exponent += expNegative ? -e : e;
        }
        if (i != to) return Double.NaN;
        double v;
        if (mantissa == 0) {
            v = 0.0;
        } else if (!dropped && mantissa <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
            v = exponent < 0 ? mantissa / POW10[-exponent] : mantissa * POW10[exponent];
        } else {
            // the syntax is a subset of Java's, so this cannot throw
            v = Double.parseDouble(s.subSequence(from, to).toString());
            return v; // the text keeps its own sign
        }
        return negative ? -v : v;
    }

    /** Parses a whole string; see {@link #parse(CharSequence, int, int)}. */
    static double parse(String s) { return parse(s, 0, s.length()); }

    /**
     * Appends a value so that parsing it back gives the identical double: whole numbers below
     * 10<sup>15</sup> without a fraction ({@code 12}, not {@code 12.0}), as count tables are
     * written by QIIME and R; anything else with {@link Double#toString}, which is
     * round-trip exact.
     */
    static void append(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            if (v == 0 && 1 / v < 0) sb.append("-0"); else sb.append((long) v);
        } else {
            sb.append(v);
        }
    }
}
