package io.gutbrain.study;

import java.util.List;
import java.util.Locale;

/**
 * One key of a step's configuration section, declared once: its name, type and range, default,
 * a one-line doc and an example value. {@link StepSchema} reads it from the study file (problems
 * with their lines), writes it into {@code study init}'s template and into
 * {@code docs/study-file.md}.
 *
 * @param <T> the value's Java type (Integer, Double, Boolean, String)
 */
public final class ConfigKey<T> {
    /** Reads the key from a section; absent → the default. Problems go to the section's collector. */
    interface Reader<T> {
        T read(YamlSection s, ConfigKey<T> key);
    }

    private final String name;
    private final String type;
    private final T dflt;
    private final String doc;
    private final String example;
    private final Reader<T> reader;

    private ConfigKey(String name, String type, T dflt, String doc, String example, Reader<T> reader) {
        this.name = name;
        this.type = type;
        this.dflt = dflt;
        this.doc = doc;
        this.example = example;
        this.reader = reader;
    }

    /** A whole number in {@code [min, max]}. */
    public static ConfigKey<Integer> integer(String name, int dflt, int min, int max, String doc) {
        return new ConfigKey<>(name, "whole number, " + min + " to " + max, dflt, doc, Integer.toString(dflt),
                (s, k) -> (int) s.integer(k.name, k.dflt, min, max));
    }

    /** A number in {@code [min, max]}. */
    public static ConfigKey<Double> number(String name, double dflt, double min, double max, String doc) {
        return new ConfigKey<>(name, "number, " + plain(min) + " to " + plain(max), dflt, doc, plain(dflt),
                (s, k) -> s.number(k.name, k.dflt, min, max, false));
    }

    /** {@code true} / {@code false} (also yes / no). */
    public static ConfigKey<Boolean> bool(String name, boolean dflt, String doc) {
        return new ConfigKey<>(name, "true or false", dflt, doc, Boolean.toString(dflt), (s, k) -> s.bool(k.name, k.dflt));
    }

    /** One of {@code labels} (read in any case, kept in lower case). */
    public static ConfigKey<String> choice(String name, String dflt, List<String> labels, String doc) {
        List<String> ok = List.copyOf(labels);
        if (!ok.contains(dflt)) throw new IllegalArgumentException("default " + dflt + " is not one of " + ok);
        return new ConfigKey<>(name, String.join(" | ", ok), dflt, doc, dflt, (s, k) -> {
            YamlSection.Scalar v = s.scalar(k.name, false, null);
            if (v == null) return k.dflt;
            String t = v.value().toLowerCase(Locale.ROOT);
            if (ok.contains(t)) return t;
            s.problem(v.line(), "'" + s.qualify(k.name) + "' has unknown value '" + v.value() + "'" + io.gutbrain.util.NearestName.hint(t, ok),
                    "use one of: " + String.join(", ", ok));
            return k.dflt;
        });
    }

    /** The same key with another example value for the docs and the template. */
    public ConfigKey<T> example(String yamlValue) { return new ConfigKey<>(name, type, dflt, doc, yamlValue, reader); }

    public String name() { return name; }

    /** The type and range as people read it ("whole number, 1 to 13"). */
    public String type() { return type; }

    public T defaultValue() { return dflt; }

    public String doc() { return doc; }

    /** The example value as written in YAML. */
    public String exampleValue() { return example; }

    T read(YamlSection s) { return reader.read(s, this); }

    private static String plain(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }
}
