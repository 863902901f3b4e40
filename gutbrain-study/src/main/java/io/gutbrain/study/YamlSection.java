package io.gutbrain.study;

import io.gutbrain.util.NearestName;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One YAML mapping of a study file, read leniently: every problem (a key that is unknown or
 * given twice, a value of the wrong kind or out of range) is reported to a collector with its
 * line and reading goes on, so that all problems of a file are found in one pass. Values are
 * read from the composed node tree of snakeyaml-engine, which keeps the position (mark) of every
 * node; scalars are taken as text and typed here, so that {@code min_depth: 1e3} and
 * {@code min_depth: "1000"} mean the same and errors say what was expected.
 */
final class YamlSection {

    /** A scalar value with its 1-based line. */
    record Scalar(String value, long line) {}

    /** A key of this mapping: its 1-based line and its value node. */
    record Entry(String key, long line, Node value) {}

    /** Receives a problem: (line, message, fix) through {@link #problem}. */
    interface Problems {
        void add(long line, String message, String fix);
    }

    private final String path;
    private final long line;
    private final Problems problems;
    private final BiConsumer<String, Long> lines;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * @param node     the mapping node, or null / a null scalar for an empty section
     * @param path     the dotted path of the section ("" for the top level), for messages
     * @param line     the line of the section's key, for problems about missing keys
     * @param problems receives every problem
     * @param lines    receives the line of every key by its dotted path
     */
    YamlSection(Node node, String path, long line, Problems problems, BiConsumer<String, Long> lines) {
        this.path = path;
        this.line = line;
        this.problems = problems;
        this.lines = lines;
        if (node == null || isNull(node)) return;
        if (!(node instanceof MappingNode)) {
            problems.add(line(node), (path.isEmpty() ? "the study file" : "'" + path + "'") + " must be a mapping of 'key: value' lines, found "
                    + kind(node), "write one 'key: value' per line, indented below '" + (path.isEmpty() ? "..." : lastPart(path)) + ":'");
            return;
        }
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode)) {
                problems.add(line(k), "a key in " + where() + " is " + kind(k) + ", not a name", "write keys as plain names");
                continue;
            }
            String key = ((ScalarNode) k).getValue();
            Entry prev = entries.get(key);
            if (prev != null) {
                problems.add(line(k), "key '" + key + "' in " + where() + " is given twice (first on line " + prev.line + ")", "keep one of them");
                continue;
            }
            entries.put(key, new Entry(key, line(k), t.getValueNode()));
            lines.accept(qualify(key), line(k));
        }
    }

    /** 1-based line of a node (0 when the parser kept no mark). */
    static long line(Node n) {
        return n.getStartMark().map(m -> (long) m.getLine() + 1).orElse(0L);
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode && n.getTag().equals(Tag.NULL);
    }

    private static String kind(Node n) {
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof MappingNode) return "a mapping";
        return "the value '" + ((ScalarNode) n).getValue() + "'";
    }

    private static String lastPart(String p) {
        int dot = p.lastIndexOf('.');
        return dot < 0 ? p : p.substring(dot + 1);
    }

    /** Reports a problem found by a caller (e.g. a {@link ConfigKey} reading a value). */
    void problem(long line, String message, String fix) { problems.add(line, message, fix); }

    /** The dotted path of one of this section's keys. */
    String qualify(String key) { return path.isEmpty() ? key : path + "." + key; }

    /** "design", or "the top level". */
    String where() { return path.isEmpty() ? "the top level" : "'" + path + "'"; }

    String path() { return path; }

    long line() { return line; }

    /** Whether the key is present (with any value, also an empty one). */
    boolean has(String key) { return entries.containsKey(key); }

    /** The key's entry, or null. */
    Entry entry(String key) { return entries.get(key); }

    /** The line of a key, or the section's line when absent. */
    long lineOf(String key) {
        Entry e = entries.get(key);
        return e == null ? line : e.line;
    }

    /** Reports every key not in {@code allowed}, suggesting the nearest allowed key. */
    void allowOnly(String... allowed) {
        List<String> ok = Arrays.asList(allowed);
        for (Entry e : entries.values()) {
            if (ok.contains(e.key)) continue;
            problems.add(e.line, "unknown key '" + e.key + "'" + (path.isEmpty() ? "" : " in '" + path + "'") + NearestName.hint(e.key, ok),
                    "use one of: " + String.join(", ", ok));
        }
    }

    /** Reports a missing required key at the section's line. */
    void missing(String key, String fix) {
        problems.add(line, (path.isEmpty() ? "the study file has no '" + key + "'" : "'" + path + "' has no '" + key + "'"), fix);
    }

    /** A child section, or null when the key is absent. An empty value gives an empty section. */
    YamlSection section(String key) {
        Entry e = entries.get(key);
        return e == null ? null : new YamlSection(e.value, qualify(key), e.line, problems, lines);
    }

    /**
     * The key's single value, or null when absent or empty (reported when {@code required}); a
     * list or mapping is reported as the wrong kind.
     */
    Scalar scalar(String key, boolean required, String fix) {
        Entry e = entries.get(key);
        if (e == null || isNull(e.value)) {
            if (required) {
                if (e == null) missing(key, fix);
                else problems.add(e.line, "'" + qualify(key) + "' has no value", fix);
            }
            return null;
        }
        if (!(e.value instanceof ScalarNode)) {
            problems.add(e.line, "'" + qualify(key) + "' must be a single value, found " + kind(e.value), fix);
            return null;
        }
        return new Scalar(((ScalarNode) e.value).getValue().strip(), line(e.value));
    }

    /** The key's single value without reporting anything, or null when absent, empty or not a single value. */
    String peek(String key) {
        Entry e = entries.get(key);
        return e == null || isNull(e.value) || !(e.value instanceof ScalarNode) ? null : ((ScalarNode) e.value).getValue().strip();
    }

    /** The key's text, or null when absent or empty. */
    String text(String key, boolean required, String fix) {
        Scalar s = scalar(key, required, fix);
        return s == null ? null : s.value;
    }

    /**
     * A whole number in {@code [min, max]}, or {@code dflt} when absent. Accepts {@code 1000},
     * {@code 1_000} and integral decimals such as {@code 1e3}.
     */
    long integer(String key, long dflt, long min, long max) {
        Scalar s = scalar(key, false, "write a whole number");
        if (s == null) return dflt;
        Long v = parseInteger(s.value);
        if (v == null) {
            problems.add(s.line, "'" + qualify(key) + "' must be a whole number, found '" + s.value + "'", "write a whole number from " + min + " to " + max);
            return dflt;
        }
        if (v < min || v > max) {
            problems.add(s.line, "'" + qualify(key) + "' must be from " + min + " to " + max + ", found " + v, "choose a value in that range");
            return dflt;
        }
        return v;
    }

    static Long parseInteger(String text) {
        String t = text.replace("_", "");
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            Double d = parseNumber(t);
            return d != null && d == Math.rint(d) && Math.abs(d) < 9.0e15 ? Long.valueOf(d.longValue()) : null;
        }
    }

    static Double parseNumber(String text) {
        try {
            double d = Double.parseDouble(text.replace("_", ""));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number in {@code [min, max]} (or {@code (min, max]} when {@code minExclusive}), or {@code dflt} when absent. */
    double number(String key, double dflt, double min, double max, boolean minExclusive) {
        Scalar s = scalar(key, false, "write a number");
        if (s == null) return dflt;
        return checkedNumber(key, s, dflt, min, max, minExclusive);
    }

    /** As {@link #number} for a scalar already read (e.g. one that may also be a word). */
    double checkedNumber(String key, Scalar s, double dflt, double min, double max, boolean minExclusive) {
        Double v = parseNumber(s.value);
        String range = (minExclusive ? "above " + fmt(min) + " and up to " : "from " + fmt(min) + " to ") + fmt(max);
        if (v == null) {
            problems.add(s.line, "'" + qualify(key) + "' must be a number, found '" + s.value + "'", "write a number " + range);
            return dflt;
        }
        if (v < min || v > max || (minExclusive && v == min)) {
            problems.add(s.line, "'" + qualify(key) + "' must be " + range + ", found " + s.value, "choose a value in that range");
            return dflt;
        }
        return v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** {@code true}/{@code false} (also {@code yes}/{@code no}), or {@code dflt} when absent. */
    boolean bool(String key, boolean dflt) {
        Scalar s = scalar(key, false, "write true or false");
        if (s == null) return dflt;
        switch (s.value.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": return true;
            case "false": case "no": return false;
            default:
                problems.add(s.line, "'" + qualify(key) + "' must be true or false, found '" + s.value + "'", "write true or false");
                return dflt;
        }
    }

    /** One of an enum's constants, written in any case, or {@code dflt} when absent. */
    <E extends Enum<E>> E choice(String key, Class<E> type, E dflt) {
        Scalar s = scalar(key, false, null);
        if (s == null) return dflt;
        return choice(key, s, type, dflt);
    }

    /** As {@link #choice(String, Class, Enum)} for a scalar already read. */
    <E extends Enum<E>> E choice(String key, Scalar s, Class<E> type, E dflt) {
        List<String> labels = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s.value)) return e;
            labels.add(e.name().toLowerCase(Locale.ROOT));
        }
        problems.add(s.line, "'" + qualify(key) + "' has unknown value '" + s.value + "'" + NearestName.hint(s.value, labels),
                "use one of: " + String.join(", ", labels));
        return dflt;
    }

    /**
     * A list of single values, or null when absent or empty. A single value is taken as a list
     * of one ({@code covariates: age}); a mapping or a list of lists is reported.
     */
    List<Scalar> list(String key) {
        Entry e = entries.get(key);
        if (e == null || isNull(e.value)) return null;
        List<Scalar> out = new ArrayList<>();
        if (e.value instanceof ScalarNode) {
            out.add(new Scalar(((ScalarNode) e.value).getValue().strip(), line(e.value)));
            return out;
        }
        if (!(e.value instanceof SequenceNode)) {
            problems.add(e.line, "'" + qualify(key) + "' must be a list, found " + kind(e.value), "write a list such as [a, b] or one '- item' per line");
            return null;
        }
        for (Node n : ((SequenceNode) e.value).getValue()) {
            if (n instanceof ScalarNode && !isNull(n)) {
                out.add(new Scalar(((ScalarNode) n).getValue().strip(), line(n)));
            } else {
                problems.add(line(n), "'" + qualify(key) + "' must list single values, found " + (isNull(n) ? "an empty item" : kind(n)),
                        "write a list such as [a, b]");
            }
        }
        return out;
    }

    /** The key's value as a list of mapping nodes (for {@code measures}), or null when absent or empty. */
    List<Node> sequence(String key) {
        Entry e = entries.get(key);
        if (e == null || isNull(e.value)) return null;
        if (!(e.value instanceof SequenceNode)) {
            problems.add(e.line, "'" + qualify(key) + "' must be a list, found " + kind(e.value), "start each entry with '- '");
            return null;
        }
        return ((SequenceNode) e.value).getValue();
    }
}
