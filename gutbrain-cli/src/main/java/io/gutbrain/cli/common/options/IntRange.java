package io.gutbrain.cli.common.options;

import picocli.CommandLine.ITypeConverter;

import java.util.List;

/**
 * A whole-number option from {@code min} to {@code max} (both inclusive). Subclasses only name
 * the bounds and the fix, so that each range is written once (see {@link OptionTypes}). Parsing
 * and messages are {@link LongRange}'s, bounded by {@code int}.
 */
public abstract class IntRange implements ITypeConverter<Integer>, ValidatedOption {
    private final int min;
    private final int max;
    private final LongRange range;

    /**
     * @param min smallest value accepted
     * @param max largest value accepted
     * @param fix advice shown after "fix:", e.g. "e.g. --threads 4, or 0 for all cores"
     */
    protected IntRange(int min, int max, String fix) {
        this.min = min;
        this.max = max;
        this.range = new LongRange(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE, fix) {};
    }

    public int min() { return min; }

    public int max() { return max; }

    @Override public Integer convert(String raw) { return Math.toIntExact(range.convert(raw)); }

    @Override public String expected() { return range.expected(); }

    @Override public List<String> invalidExamples() { return range.invalidExamples(); }
}
