package io.gutbrain.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of one step ({@code analyses.<step>}) as data: its keys ({@link ConfigKey})
 * and how the values and the {@link StudyFacts} become the configuration record. From it come
 * the study reader's parsing and validation (every problem with its line), the block of
 * {@code study init}'s template and the step's part of {@code docs/study-file.md}.
 *
 * <p>Two activations: {@link #whenPresent} (the section turns the step on, as for the existing
 * analyses) and {@link #onByDefault} (the step runs with its defaults when the section is absent;
 * {@code enabled: false} turns it off).
 *
 * @param <C> the configuration record
 */
public final class StepSchema<C extends Record> {
    /** The key that turns a default-on step off. */
    public static final String ENABLED = "enabled";

    /** Builds the configuration record from the parsed values and the rest of the study. */
    @FunctionalInterface
    public interface Factory<C> {
        C build(Values values, StudyFacts study);
    }

    /** Parsed values by key. */
    public static final class Values {
        private final Map<String, Object> values = new HashMap<>();

        /** The value of a key of this schema (its default when the key was absent or wrong). */
        @SuppressWarnings("unchecked")
        public <T> T get(ConfigKey<T> key) {
            if (!values.containsKey(key.name())) throw new IllegalArgumentException("key " + key.name() + " is not in this schema");
            return (T) values.get(key.name());
        }
    }

    private final boolean onByDefault;
    private final String activation;
    private final List<ConfigKey<?>> keys;
    private final Factory<C> factory;

    private StepSchema(boolean onByDefault, String activation, List<ConfigKey<?>> keys, Factory<C> factory) {
        this.onByDefault = onByDefault;
        this.activation = activation;
        this.keys = List.copyOf(keys);
        this.factory = factory;
        for (ConfigKey<?> k : keys) if (k.name().equals(ENABLED)) throw new IllegalArgumentException("'enabled' is reserved");
    }

    /** A step that runs only when its section is present (even empty). */
    public static <C extends Record> StepSchema<C> whenPresent(List<ConfigKey<?>> keys, Factory<C> factory) {
        return new StepSchema<>(false, "runs when its section is present (even empty)", keys, factory);
    }

    /** A step that runs with its defaults unless {@code enabled: false}; {@code when} says what it needs ("" for nothing). */
    public static <C extends Record> StepSchema<C> onByDefault(List<ConfigKey<?>> keys, Factory<C> factory) {
        return new StepSchema<>(true, "is on by default; `enabled: false` turns it off", keys, factory);
    }

    public boolean isOnByDefault() { return onByDefault; }

    public List<ConfigKey<?>> keys() { return keys; }

    /**
     * Reads the section (null when absent): the configuration, or null when the step does not run.
     * Problems (unknown keys, wrong kinds, out-of-range values) go to the section's collector with
     * their lines, and the default is used for that key so reading goes on.
     */
    C read(YamlSection s, StudyFacts study) {
        Values v = new Values();
        if (s == null) {
            if (!onByDefault) return null;
            for (ConfigKey<?> k : keys) v.values.put(k.name(), k.defaultValue());
            return factory.build(v, study);
        }
        List<String> allowed = new ArrayList<>();
        if (onByDefault) allowed.add(ENABLED);
        for (ConfigKey<?> k : keys) allowed.add(k.name());
        s.allowOnly(allowed.toArray(String[]::new));
        boolean enabled = !onByDefault || s.bool(ENABLED, true);
        for (ConfigKey<?> k : keys) v.values.put(k.name(), k.read(s));
        return enabled ? factory.build(v, study) : null;
    }

    /** The configuration with every key at its default (for tests and tools). */
    C defaults(StudyFacts study) {
        Values v = new Values();
        for (ConfigKey<?> k : keys) v.values.put(k.name(), k.defaultValue());
        return factory.build(v, study);
    }

    /** The commented block of {@code study init}'s template, indented under {@code analyses:}. */
    String template(Step<?, ?> step) { return template(step, !onByDefault); }

    private String template(Step<?, ?> step, boolean commentedOut) {
        StringBuilder y = new StringBuilder();
        String c = commentedOut ? "# " : "";
        line(y, "  " + c + step.name() + ":", step.summary() + (onByDefault ? " (on by default)" : ""));
        for (ConfigKey<?> k : keys) line(y, "  " + c + "  " + k.name() + ": " + k.exampleValue(), k.doc() + " (" + k.type() + ")");
        return y.toString();
    }

    /** The step's part of {@code docs/study-file.md} (Markdown). */
    String markdown(Step<?, ?> step) {
        StringBuilder m = new StringBuilder();
        m.append("### `analyses.").append(step.name()).append("`: ").append(step.title().toLowerCase(java.util.Locale.ROOT)).append("\n\n");
        m.append(step.summary()).append(". The step ").append(activation).append(".\n\n");
        m.append("| key | type | default | meaning |\n|---|---|---|---|\n");
        if (onByDefault) m.append("| `enabled` | true or false | true | false turns the step off |\n");
        for (ConfigKey<?> k : keys) {
            m.append("| `").append(k.name()).append("` | ").append(k.type().replace("|", "\\|")).append(" | ").append(k.defaultValue()).append(" | ").append(k.doc()).append(" |\n");
        }
        m.append("\n```yaml\nanalyses:\n").append(template(step, false)).append("```\n");
        return m.toString();
    }

    private static void line(StringBuilder y, String text, String comment) {
        y.append(text);
        for (int i = text.length(); i < 39; i++) y.append(' ');
        y.append(" # ").append(comment).append('\n');
    }
}
