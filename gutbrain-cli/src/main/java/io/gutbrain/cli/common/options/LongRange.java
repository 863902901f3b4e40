package io.gutbrain.cli.common.options;

import picocli.CommandLine.ITypeConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A whole-number option of type {@code long} from {@code min} to {@code max} (both inclusive); see {@link IntRange}. */
public abstract class LongRange implements ITypeConverter<Long>, ValidatedOption {
    private final long min;
    private final long max;
    private final String fix;

    protected LongRange(long min, long max, String fix) {
        this.min = min;
        this.max = max;
        this.fix = fix;
    }

    @Override public Long convert(String raw) {
        String s = raw == null ? "" : raw.strip().replace("_", "");
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new OptionValueException("expected " + expected() + ", found '" + raw + "'", fix);
        }
        if (v < min || v > max) throw new OptionValueException("expected " + expected() + ", found '" + raw + "'", fix);
        return v;
    }

    @Override public String expected() {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) return "a whole number";
        return max == Long.MAX_VALUE
                ? String.format(Locale.ROOT, "a whole number of at least %d", min)
                : String.format(Locale.ROOT, "a whole number from %d to %d", min, max);
    }

    @Override public List<String> invalidExamples() {
        List<String> out = new ArrayList<>(List.of("abc", "1.5", "", "99999999999999999999"));
        if (min > Long.MIN_VALUE) out.add(Long.toString(min - 1L));
        if (max < Long.MAX_VALUE) out.add(Long.toString(max + 1L));
        return out;
    }
}
