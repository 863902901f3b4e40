package io.gutbrain.cli.common.options;

import io.gutbrain.util.NearestName;
import picocli.CommandLine.ITypeConverter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An option whose value is one of a fixed set of names (a method, a scale, a rank), checked at
 * parse time: case does not matter and {@code _} equals {@code -}. The value is passed on as
 * given (stripped), so the command's own parsing is unchanged; a name outside the set is one
 * line with the names and "did you mean". Subclasses name the set, usually from a core enum.
 */
public abstract class Choice implements ITypeConverter<String>, ValidatedOption {
    private final List<String> names;

    protected Choice(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** The names of an enum's constants, lower case with {@code -} for {@code _} ({@code TWO_SIDED} is {@code two-sided}). */
    protected static List<String> namesOf(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }

    /** The accepted names, as listed in errors. */
    public List<String> names() { return names; }

    /** Whether {@code value} (stripped) is accepted; by default one of {@link #names()}. */
    protected boolean accepts(String value) {
        String v = normalize(value);
        return names.stream().anyMatch(n -> normalize(n).equals(v));
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override public String convert(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (!v.isEmpty() && accepts(v)) return v;
        String suggestion = NearestName.suggest(v, names, UsageErrors.maxEdits(v));
        throw new OptionValueException("expected " + expected() + ", found '" + raw + "'",
                (suggestion != null ? "did you mean '" + suggestion + "'? " : "") + "use " + listed());
    }

    /** "a, b or c". */
    private String listed() {
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    @Override public String expected() { return "one of " + String.join(", ", names); }

    @Override public List<String> invalidExamples() { return List.of("nosuch", ""); }
}
