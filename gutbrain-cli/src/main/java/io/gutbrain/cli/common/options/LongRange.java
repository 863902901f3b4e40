package io.gutbrain.cli.common.options;

import picocli.CommandLine.ITypeConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A whole-number option of type {@code long} from {@code min} to {@code max} (both inclusive); see {@link IntRange}. */
public abstract class LongRange implements ITypeConverter<Long>, ValidatedOption {
    private final long min;
    private final long max;
    private final long floor;
    private final long ceiling;
    private final String fix;

    protected LongRange(long min, long max, String fix) {
        this(min, max, Long.MIN_VALUE, Long.MAX_VALUE, fix);
    }

    /** With the bounds of the Java type ({@code floor}, {@code ceiling}), so that a range open at one end says so. */
    LongRange(long min, long max, long floor, long ceiling, String fix) {
        this.min = min;
        this.max = max;
        this.floor = floor;
        this.ceiling = ceiling;
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
        if (min == floor && max == ceiling) return "a whole number";
        return max == ceiling
                ? String.format(Locale.ROOT, "a whole number of at least %d", min)
                : String.format(Locale.ROOT, "a whole number from %d to %d", min, max);
    }

    @Override public List<String> invalidExamples() {
        List<String> out = new ArrayList<>(List.of("abc", "1.5", "", "99999999999999999999"));
        if (min > floor) out.add(Long.toString(min - 1L));
        if (max < ceiling) out.add(Long.toString(max + 1L));
        return out;
    }
}
