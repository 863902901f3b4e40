package io.gutbrain.cli.common.options;

import picocli.CommandLine.ITypeConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A whole-number option from {@code min} to {@code max} (both inclusive). Subclasses only name
 * the bounds and the fix, so that each range is written once (see {@link OptionTypes}).
 */
public abstract class IntRange implements ITypeConverter<Integer>, ValidatedOption {
    private final int min;
    private final int max;
    private final String fix;

    /**
     * @param min smallest value accepted
     * @param max largest value accepted
     * @param fix advice shown after "fix:", e.g. "e.g. --threads 4, or 0 for all cores"
     */
    protected IntRange(int min, int max, String fix) {
        this.min = min;
        this.max = max;
        this.fix = fix;
    }

    public int min() { return min; }

    public int max() { return max; }

    @Override public Integer convert(String raw) {
        String s = raw == null ? "" : raw.strip().replace("_", "");
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new OptionValueException("expected " + expected() + ", found '" + raw + "'", fix);
        }
        if (v < min || v > max) throw new OptionValueException("expected " + expected() + ", found '" + raw + "'", fix);
        return (int) v;
    }

    @Override public String expected() {
        return max == Integer.MAX_VALUE
                ? String.format(Locale.ROOT, "a whole number of at least %d", min)
                : String.format(Locale.ROOT, "a whole number from %d to %d", min, max);
    }

    @Override public List<String> invalidExamples() {
        List<String> out = new ArrayList<>(List.of("abc", "1.5", ""));
        if (min > Integer.MIN_VALUE) out.add(Long.toString(min - 1L));
        if (max < Integer.MAX_VALUE) out.add(Long.toString(max + 1L));
        out.add("99999999999999999999");
        return out;
    }
}
