package io.gutbrain.error;

/**
 * Bad user input: a malformed file, mismatched ids, a value out of range.
 *
 * <p>Carries exactly what a researcher needs to fix the input, in the htsjdk spirit of strict
 * readers that say where the input is wrong: the file (or other source), the location inside it
 * (a 1-based line, an HDF5 path, a JSON pointer, a column), what was expected, and how to fix it.
 * The CLI prints {@link #oneLine()} and exits with status 2; it never prints a stack trace.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;
    private final String fix;

    public InputException(String source, String location, String problem, String fix) {
        this(source, location, problem, fix, null);
    }

    public InputException(String source, String location, String problem, String fix, Throwable cause) {
        super(format(source, location, problem, fix), cause);
        this.source = source;
        this.location = location;
        this.problem = problem;
        this.fix = fix;
    }

    /** Convenience for a problem at a 1-based line of a text file. */
    public static InputException atLine(String source, long line, String problem, String fix) {
        return new InputException(source, "line " + line, problem, fix);
    }

    /** The file or other source that is wrong (may be null when there is no file). */
    public String source() { return source; }

    /** Where in the source: "line 12", "/observation/matrix/data", "/rows/3/id", "column age". */
    public String location() { return location; }

    /** What is wrong, e.g. "expected a non-negative number, found '-3'". */
    public String problem() { return problem; }

    /** How to fix it, e.g. "remove or correct the value". */
    public String fix() { return fix; }

    /** The single line shown to users: {@code source:location: problem (fix: ...)}. */
    public String oneLine() { return getMessage(); }

    private static String format(String source, String location, String problem, String fix) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) sb.append(escaped(source));
        if (location != null && !location.isEmpty()) {
            if (sb.length() > 0) sb.append(':');
            sb.append(escaped(location));
        }
        if (sb.length() > 0) sb.append(": ");
        sb.append(problem == null ? "invalid input" : escaped(problem.replace('\n', ' ')));
        if (fix != null && !fix.isEmpty()) sb.append(" (fix: ").append(escaped(fix.replace('\n', ' '))).append(')');
        return sb.toString();
    }

    /**
     * The text with control characters written as escapes ({@code \n}, {@code \t}, {@code \u0000}):
     * names and ids inside a message come from the input, which may hold anything (a damaged
     * archive's member name with a line break), and the message must stay one line.
     */
    static String escaped(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != 0x7f) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            switch (c) {
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default: b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }
}
