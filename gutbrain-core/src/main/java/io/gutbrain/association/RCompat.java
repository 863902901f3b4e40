package io.gutbrain.association;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * R conventions that R-based tools bake into their output and that must be reproduced for
 * results to compare equal: syntactic names ({@code make.names}) and the way
 * {@code write.table} prints doubles.
 */
public final class RCompat {
    private RCompat() {}

    private static final Set<String> RESERVED = Set.of("if", "else", "repeat", "while", "function", "for", "next", "break",
            "TRUE", "FALSE", "NULL", "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "NA_complex_", "in");

    /**
     * R's {@code make.names(name)}: a name that is not syntactically valid gets an {@code X} prefix
     * when it does not start with a letter or with a dot not followed by a digit, every
     * character other than a letter, digit, {@code .} or {@code _} becomes {@code .}, and a
     * reserved word gets a trailing dot. So {@code "Faecalibacterium prausnitzii"} becomes
     * {@code "Faecalibacterium.prausnitzii"} and {@code "16S"} becomes {@code "X16S"}. Letters
     * and digits are Unicode letters and digits (R in a UTF-8 locale).
     */
    public static String makeName(String name) {
        if (name == null) return "NA.";
        String s = name;
        boolean prefix;
        if (s.isEmpty()) {
            prefix = true;
        } else {
            int c0 = s.codePointAt(0);
            if (c0 == '.') prefix = s.length() > 1 && Character.isDigit(s.codePointAt(1));
            else prefix = !Character.isLetter(c0);
        }
        StringBuilder sb = new StringBuilder(s.length() + 2);
        if (prefix) sb.append('X');
        s.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') sb.appendCodePoint(c);
            else sb.append('.');
        });
        String out = sb.toString();
        if (RESERVED.contains(out)) out = out + ".";
        return out;
    }

    /**
     * {@code make.names(names, unique = TRUE)} as {@code data.frame()} applies it to column
     * names: {@link #makeName} on each, then R's {@code make.unique}: the second and later
     * occurrences of a name get {@code .1}, {@code .2}, … (skipping suffixes already taken).
     */
    public static List<String> makeNamesUnique(List<String> names) {
        List<String> base = new ArrayList<>(names.size());
        for (String n : names) base.add(makeName(n));
        Set<String> taken = new HashSet<>(base);
        Set<String> seen = new HashSet<>();
        java.util.Map<String, Integer> counter = new java.util.HashMap<>();
        List<String> out = new ArrayList<>(base.size());
        for (String b : base) {
            if (seen.add(b)) {
                out.add(b);
                continue;
            }
            int c = counter.getOrDefault(b, 0);
            String cand;
            do {
                c++;
                cand = b + "." + c;
            } while (taken.contains(cand));
            counter.put(b, c);
            taken.add(cand);
            out.add(cand);
        }
        return out;
    }

    /**
     * A double as R's {@code write.table} prints it: at most 15 significant digits (trailing
     * zeros dropped), in fixed notation unless scientific notation is narrower (R's
     * {@code formatReal} with {@code scipen = 0}; ties go to fixed), exponents with at least two
     * digits ({@code 9.36082637074625e-35}, {@code 0.000179849183333378}). NaN prints as
     * {@code NA}, infinities as {@code Inf} / {@code -Inf}.
     */
    public static String formatNumber(double x) {
        if (Double.isNaN(x)) return "NA";
        if (Double.isInfinite(x)) return x > 0 ? "Inf" : "-Inf";
        if (x == 0) return "0";
        BigDecimal bd = new BigDecimal(x).round(new MathContext(15, RoundingMode.HALF_EVEN));
        BigDecimal stripped = bd.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int nsig = digits.length();
        int e10 = nsig - 1 - stripped.scale();
        boolean neg = x < 0;
        int rgt = Math.max(0, nsig - e10 - 1);
        int fixedWidth = (neg ? 1 : 0) + (e10 >= 0 ? e10 + 1 : 1) + (rgt > 0 ? rgt + 1 : 0);
        int sciWidth = (neg ? 1 : 0) + (nsig > 1 ? nsig + 1 : 1) + (Math.abs(e10) >= 100 ? 5 : 4);
        if (fixedWidth <= sciWidth) {
            // R prints fixed notation with sprintf("%.*f") of the double itself, so integers
            // beyond 15 digits keep all their digits
            return new BigDecimal(x).setScale(rgt, RoundingMode.HALF_EVEN).toPlainString();
        }
        StringBuilder sb = new StringBuilder();
        if (neg) sb.append('-');
        sb.append(digits.charAt(0));
        if (nsig > 1) sb.append('.').append(digits, 1, nsig);
        sb.append('e').append(e10 < 0 ? '-' : '+');
        int ae = Math.abs(e10);
        if (ae < 10) sb.append('0');
        sb.append(ae);
        return sb.toString();
    }
}
