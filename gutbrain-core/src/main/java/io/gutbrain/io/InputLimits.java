package io.gutbrain.io;

import io.gutbrain.error.InputException;

import java.util.Locale;
import java.util.function.Function;

/**
 * The one place where gutbrain bounds the work a single input file can cause, so that a
 * malformed or hostile file (a gzip "bomb", a 2 GiB line, a 5,000-level YAML nesting) ends with
 * one error line and exit 2 instead of running out of memory.
 *
 * <p>Each limit has a documented default chosen far above real data, and the ones a real data
 * set could plausibly exceed can be raised, in increasing priority, by an environment variable,
 * a Java system property, or a global CLI option (which calls {@link #set}):
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>limit</th><th>default</th><th>environment / property / option</th></tr>
 *   <tr><td>{@link #maxLineLength() line length} of a text input, in characters</td>
 *       <td>64 Mi (67,108,864)</td>
 *       <td>{@code GUTBRAIN_MAX_LINE_LENGTH} / {@code gutbrain.maxLineLength} / {@code --max-line-length}</td></tr>
 *   <tr><td>{@link #maxExpansionRatio() decompressed : compressed ratio} of a gzip file or an
 *       archive member, enforced only past the floor below</td>
 *       <td>1000</td>
 *       <td>{@code GUTBRAIN_MAX_INPUT_RATIO} / {@code gutbrain.maxInputRatio} / {@code --max-input-ratio}</td></tr>
 *   <tr><td>{@link #expansionFloorBytes() expansion floor}: decompressed bytes below which no
 *       ratio is enforced</td>
 *       <td>1 GiB</td>
 *       <td>{@code GUTBRAIN_INPUT_RATIO_FLOOR} / {@code gutbrain.inputRatioFloor}</td></tr>
 *   <tr><td>{@link #maxArchiveMemberBytes() size of one .qza member}, decompressed</td>
 *       <td>64 GiB</td>
 *       <td>{@code GUTBRAIN_MAX_MEMBER_BYTES} / {@code gutbrain.maxMemberBytes}</td></tr>
 *   <tr><td>{@link #maxNewickChars() Newick tree text}, in characters</td>
 *       <td>1 Gi (1,073,741,824)</td>
 *       <td>{@code GUTBRAIN_MAX_NEWICK_LENGTH} / {@code gutbrain.maxNewickLength}</td></tr>
 *   <tr><td>study file size ({@link #MAX_STUDY_FILE_BYTES})</td><td>1 MiB</td><td>fixed</td></tr>
 *   <tr><td>one YAML scalar ({@link #MAX_YAML_SCALAR_CHARS})</td><td>64 Ki characters</td><td>fixed</td></tr>
 *   <tr><td>YAML nesting depth ({@link #MAX_YAML_DEPTH})</td><td>64</td><td>fixed</td></tr>
 *   <tr><td>YAML aliases per document ({@link #MAX_YAML_ALIASES})</td><td>50</td><td>fixed</td></tr>
 * </table>
 *
 * <p>Why these numbers: the longest real line gutbrain reads is a sample-per-column table's
 * header (1,962 American Gut samples make a 20 KB line; 100,000 samples of 40-character ids make
 * 4 MB), so 64 Mi characters is 16 times the largest plausible line while a String of that size
 * still fits any heap. Real gzip tables compress 5-30 : 1 (the American Gut BIOM: 20 : 1), the
 * best deflate can do on repeated bytes is about 1032 : 1, so 1000 : 1 is reached only by
 * degenerate content; and the ratio is only enforced after 1 GiB of output, so a small,
 * very repetitive file (a table of zeros) always reads. A gzip bomb stops within 1 GiB of output
 * (a few seconds), a long line within its 64 Mi characters.
 *
 * <p>Values are read once per process, from the environment and system properties; {@link #set}
 * replaces them (the CLI's global options, and tests that lower a limit to stay fast).
 */
public final class InputLimits {
    /** Default {@link #maxLineLength()}: 64 Mi characters. */
    public static final long DEFAULT_MAX_LINE_LENGTH = 64L << 20;
    /** Default {@link #maxExpansionRatio()}: 1000 decompressed bytes per compressed byte. */
    public static final long DEFAULT_MAX_EXPANSION_RATIO = 1000;
    /** Default {@link #expansionFloorBytes()}: 1 GiB. */
    public static final long DEFAULT_EXPANSION_FLOOR_BYTES = 1L << 30;
    /** Default {@link #maxArchiveMemberBytes()}: 64 GiB. */
    public static final long DEFAULT_MAX_ARCHIVE_MEMBER_BYTES = 64L << 30;
    /** Default {@link #maxNewickChars()}: 1 Gi characters (a Java string's practical maximum). */
    public static final long DEFAULT_MAX_NEWICK_CHARS = 1L << 30;

    /** A study file larger than this is refused before parsing: real ones are a few KB. */
    public static final long MAX_STUDY_FILE_BYTES = 1L << 20;
    /** Longest YAML scalar (a description, a path): 64 Ki characters. */
    public static final int MAX_YAML_SCALAR_CHARS = 64 << 10;
    /** Deepest YAML nesting of mappings and sequences; a study file uses 4 levels. */
    public static final int MAX_YAML_DEPTH = 64;
    /** Most YAML aliases ({@code *name}) in one document: stops "billion laughs". */
    public static final int MAX_YAML_ALIASES = 50;

    /** The current values; immutable, replaced as a whole by {@link #set}. */
    public record Values(long maxLineLength, long maxExpansionRatio, long expansionFloorBytes,
                         long maxArchiveMemberBytes, long maxNewickChars) {
        public Values {
            requirePositive("max line length", maxLineLength);
            requirePositive("max input ratio", maxExpansionRatio);
            requirePositive("input ratio floor", expansionFloorBytes);
            requirePositive("max member bytes", maxArchiveMemberBytes);
            requirePositive("max Newick length", maxNewickChars);
        }

        /** Copy with another line length. */
        public Values withMaxLineLength(long v) {
            return new Values(v, maxExpansionRatio, expansionFloorBytes, maxArchiveMemberBytes, maxNewickChars);
        }

        /** Copy with another expansion ratio and floor. */
        public Values withExpansion(long ratio, long floorBytes) {
            return new Values(maxLineLength, ratio, floorBytes, maxArchiveMemberBytes, maxNewickChars);
        }

        /** Copy with another archive member cap. */
        public Values withMaxArchiveMemberBytes(long v) {
            return new Values(maxLineLength, maxExpansionRatio, expansionFloorBytes, v, maxNewickChars);
        }

        /** Copy with another Newick cap. */
        public Values withMaxNewickChars(long v) {
            return new Values(maxLineLength, maxExpansionRatio, expansionFloorBytes, maxArchiveMemberBytes, v);
        }
    }

    /** How to raise the line limit, for messages. */
    static final String RAISE_LINE = "if the file is right, raise the limit with --max-line-length N (or GUTBRAIN_MAX_LINE_LENGTH)";
    /** How to raise the ratio limit, for messages. */
    static final String RAISE_RATIO = "if the file is right, raise the limit with --max-input-ratio N (or GUTBRAIN_MAX_INPUT_RATIO)";
    /** How to raise the member limit, for messages. */
    static final String RAISE_MEMBER = "if the archive is right, raise the limit with GUTBRAIN_MAX_MEMBER_BYTES=N";
    /** How to raise the Newick limit, for messages. */
    static final String RAISE_NEWICK = "if the tree is right, raise the limit with GUTBRAIN_MAX_NEWICK_LENGTH=N";

    /** Null until first use: read lazily so a bad variable is one error line, not a class-initialisation failure. */
    private static volatile Values current;

    private InputLimits() {}

    /** The limits in force. */
    public static Values get() {
        Values v = current;
        if (v == null) {
            v = fromEnvironment(System::getenv, System::getProperty);
            current = v;
        }
        return v;
    }

    /** Replaces the limits in force (CLI global options; tests restore the previous value). */
    public static void set(Values v) { current = v; }

    /** The defaults, ignoring environment and properties. */
    public static Values defaults() {
        return new Values(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_EXPANSION_RATIO, DEFAULT_EXPANSION_FLOOR_BYTES,
                DEFAULT_MAX_ARCHIVE_MEMBER_BYTES, DEFAULT_MAX_NEWICK_CHARS);
    }

    /** Longest line of a text input, in characters. */
    public static long maxLineLength() { return get().maxLineLength; }

    /** Largest decompressed : compressed ratio accepted once {@link #expansionFloorBytes()} is exceeded. */
    public static long maxExpansionRatio() { return get().maxExpansionRatio; }

    /** Decompressed size below which the ratio is not checked. */
    public static long expansionFloorBytes() { return get().expansionFloorBytes; }

    /** Largest decompressed size of one archive member. */
    public static long maxArchiveMemberBytes() { return get().maxArchiveMemberBytes; }

    /** Longest Newick text, in characters. */
    public static long maxNewickChars() { return get().maxNewickChars; }

    /** The limits given by the environment and system properties (or the defaults), ignoring {@link #set}. */
    public static Values fromEnvironment() {
        return fromEnvironment(System::getenv, System::getProperty);
    }

    /**
     * Reads the limits from environment variables, then system properties (properties win).
     *
     * @throws InputException naming the variable when a value is not a positive whole number
     */
    static Values fromEnvironment(Function<String, String> env, Function<String, String> props) {
        return new Values(
                read(env, props, "GUTBRAIN_MAX_LINE_LENGTH", "gutbrain.maxLineLength", DEFAULT_MAX_LINE_LENGTH),
                read(env, props, "GUTBRAIN_MAX_INPUT_RATIO", "gutbrain.maxInputRatio", DEFAULT_MAX_EXPANSION_RATIO),
                read(env, props, "GUTBRAIN_INPUT_RATIO_FLOOR", "gutbrain.inputRatioFloor", DEFAULT_EXPANSION_FLOOR_BYTES),
                read(env, props, "GUTBRAIN_MAX_MEMBER_BYTES", "gutbrain.maxMemberBytes", DEFAULT_MAX_ARCHIVE_MEMBER_BYTES),
                read(env, props, "GUTBRAIN_MAX_NEWICK_LENGTH", "gutbrain.maxNewickLength", DEFAULT_MAX_NEWICK_CHARS));
    }

    private static long read(Function<String, String> env, Function<String, String> props, String var, String prop, long dflt) {
        String name = prop;
        String v = props.apply(prop);
        if (v == null) {
            name = var;
            v = env.apply(var);
        }
        if (v == null || v.isBlank()) return dflt;
        long parsed;
        try {
            parsed = parseSize(v);
        } catch (NumberFormatException e) {
            parsed = -1;
        }
        if (parsed <= 0) {
            throw new InputException(name, null, "'" + v + "' is not a positive whole number",
                    "set it to a number such as 134217728, or 128M / 2G, or unset it for the default " + dflt);
        }
        return parsed;
    }

    /** Parses a positive size: digits with an optional K, M, G or T suffix (binary multiples). */
    public static long parseSize(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace("_", "");
        if (t.endsWith("IB")) t = t.substring(0, t.length() - 2);
        else if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) t = t.substring(0, t.length() - 1);
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K': shift = 10; break;
                case 'M': shift = 20; break;
                case 'G': shift = 30; break;
                case 'T': shift = 40; break;
                default: break;
            }
        }
        if (shift > 0) t = t.substring(0, t.length() - 1);
        long n = Long.parseLong(t);
        if (n <= 0 || n > (Long.MAX_VALUE >> shift)) throw new NumberFormatException(text);
        return n << shift;
    }

    private static void requirePositive(String what, long v) {
        if (v <= 0) throw new IllegalArgumentException(what + " must be positive: " + v);
    }

    /** "67,108,864", for messages. */
    static String format(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
