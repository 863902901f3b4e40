package io.gutbrain.io;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

import java.io.StringReader;
import java.util.Optional;

/**
 * The one way gutbrain loads YAML: snakeyaml-engine with bounded settings, so that a hostile
 * file is refused at once with one line instead of a stack overflow or a minute of parsing.
 *
 * <ul>
 *   <li>at most {@link InputLimits#MAX_YAML_ALIASES} aliases per document, recursive keys
 *       refused (no "billion laughs");</li>
 *   <li>at most {@link InputLimits#MAX_STUDY_FILE_BYTES} code points in all (callers refuse a
 *       larger file before reading it);</li>
 *   <li>nesting of mappings and sequences at most {@link InputLimits#MAX_YAML_DEPTH} deep and no
 *       scalar longer than {@link InputLimits#MAX_YAML_SCALAR_CHARS} characters. snakeyaml-engine
 *       3.2 has no depth setting and composes nodes recursively, so both are checked on the
 *       event stream (which the parser produces without recursion) before composing.</li>
 * </ul>
 */
public final class SafeYaml {
    private SafeYaml() {}

    /** Builds the exception for a refused document: 1-based line (0 if unknown), problem, fix. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException at(long line, String problem, String fix);
    }

    /** The load settings every YAML reader uses; {@code label} names the file in snakeyaml messages. */
    public static LoadSettings settings(String label) {
        return LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(true) // duplicates are reported by gutbrain with both lines
                .setUseMarks(true)
                .setMaxAliasesForCollections(InputLimits.MAX_YAML_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit((int) InputLimits.MAX_STUDY_FILE_BYTES + 1)
                .build();
    }

    /**
     * Checks the document's shape on the event stream, then composes its node tree.
     * snakeyaml's own syntax errors ({@code YamlEngineException}) propagate to the caller.
     *
     * @return the root node, empty for an empty document
     * @throws RuntimeException made by {@code refuse} for too deep a nesting, too long a scalar
     */
    public static Optional<Node> compose(String label, String text, Refusal refuse) {
        LoadSettings settings = settings(label);
        checkShape(settings, text, refuse);
        try {
            return new Compose(settings).composeReader(new StringReader(text));
        } catch (StackOverflowError e) { // not expected after checkShape; kept so it can never print 1,000 lines
            throw refuse.at(0, "YAML nesting is too deep to read", "flatten the structure; a study file needs 4 levels");
        }
    }

    private static void checkShape(LoadSettings settings, String text, Refusal refuse) {
        int depth = 0;
        Mark[] opened = new Mark[InputLimits.MAX_YAML_DEPTH + 1];
        for (Event e : new Parse(settings).parseReader(new StringReader(text))) {
            switch (e.getEventId()) {
                case MappingStart:
                case SequenceStart:
                    if (depth == InputLimits.MAX_YAML_DEPTH) {
                        // opened[0] is the document's top-level mapping; the nesting proper starts below it
                        long line = lineOf(opened[1] != null ? opened[1] : e.getStartMark().orElse(null));
                        throw refuse.at(lineOf(e.getStartMark().orElse(null)), "YAML nesting deeper than "
                                + InputLimits.MAX_YAML_DEPTH + " levels (the nesting starts on line " + line + ")",
                                "flatten the structure; a study file needs at most 4 levels");
                    }
                    opened[depth++] = e.getStartMark().orElse(null);
                    break;
                case MappingEnd:
                case SequenceEnd:
                    depth--;
                    break;
                case Scalar:
                    int length = ((ScalarEvent) e).getValue().length();
                    if (length > InputLimits.MAX_YAML_SCALAR_CHARS) {
                        throw refuse.at(lineOf(e.getStartMark().orElse(null)), "a value of " + InputLimits.format(length)
                                + " characters; at most " + InputLimits.format(InputLimits.MAX_YAML_SCALAR_CHARS) + " are allowed",
                                "shorten it, or keep long text in a separate file and give its path");
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private static long lineOf(Mark m) {
        return m == null ? 0 : m.getLine() + 1L;
    }
}
