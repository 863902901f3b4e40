package io.gutbrain.cli.common.options;

import picocli.CommandLine.ITypeConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * A finite decimal option between {@code min} and {@code max}, each end open or closed. NaN and
 * infinities are always refused. Subclasses only name the bounds and the fix (see {@link OptionTypes}).
 */
public abstract class RealRange implements ITypeConverter<Double>, ValidatedOption {
    private final double min;
    private final boolean minOpen;
    private final double max;
    private final boolean maxOpen;
    private final String fix;

    /**
     * @param min     lower bound, or {@code -Infinity} for none
     * @param minOpen true when {@code min} itself is refused
     * @param max     upper bound, or {@code Infinity} for none
     * @param maxOpen true when {@code max} itself is refused
     * @param fix     advice shown after "fix:"
     */
    protected RealRange(double min, boolean minOpen, double max, boolean maxOpen, String fix) {
        this.min = min;
        this.minOpen = minOpen;
        this.max = max;
        this.maxOpen = maxOpen;
        this.fix = fix;
    }

    @Override public Double convert(String raw) {
        double v;
        try {
            v = Double.parseDouble(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw new OptionValueException("expected " + expected() + ", found '" + raw + "'", fix);
        }
        if (!accepts(v)) throw new OptionValueException("expected " + expected() + ", found '" + raw + "'", fix);
        return v;
    }

    boolean accepts(double v) {
        if (!Double.isFinite(v)) return false;
        boolean aboveMin = minOpen ? v > min : v >= min;
        boolean belowMax = maxOpen ? v < max : v <= max;
        return aboveMin && belowMax;
    }

    @Override public String expected() {
        boolean lower = Double.isFinite(min), upper = Double.isFinite(max);
        if (lower && upper && !minOpen && !maxOpen) return "a number from " + num(min) + " to " + num(max);
        String low = lower ? (minOpen ? "above " : "at least ") + num(min) : null;
        String high = upper ? (maxOpen ? "below " : "at most ") + num(max) : null;
        if (low != null && high != null) return "a number " + low + " and " + high;
        if (low != null) return minOpen ? "a number " + low : "a number of " + low;
        if (high != null) return maxOpen ? "a number " + high : "a number of " + high;
        return "a finite number";
    }

    @Override public List<String> invalidExamples() {
        List<String> out = new ArrayList<>(List.of("abc", "NaN", "Infinity", ""));
        if (Double.isFinite(min)) out.add(num(minOpen ? min : min - Math.max(1e-3, Math.abs(min) * 1e-3)));
        if (Double.isFinite(max)) out.add(num(maxOpen ? max : max + Math.max(1e-3, Math.abs(max) * 1e-3)));
        return out;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
