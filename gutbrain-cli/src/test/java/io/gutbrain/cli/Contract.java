package io.gutbrain.cli;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reliability contract for bad input, checked on one command-line run (docs/reliability.md):
 * exit 0, or exit 2 with exactly one error line that names a file or an option and says how to
 * fix it; never an internal error, a stack trace or a Java error name; and after a refusal no
 * file or folder left behind (outputs, temporary files, staging folders).
 */
final class Contract {
    private Contract() {}

    /** What in standard error betrays a crash rather than a refusal. */
    static final List<String> CRASH_SIGNS = List.of("internal error", "Exception", "\tat ", "Error:", "StackOverflow", "OutOfMemory");

    /**
     * Returns null when {@code r} keeps the contract, otherwise what broke it.
     *
     * @param names   file names (or option names) of which the error line must mention one
     * @param before  the working folder's listing before the run
     * @param after   its listing after the run
     */
    static String violation(CliRun r, Collection<String> names, Set<String> before, Set<String> after) {
        return violation(r, names, before, after, false);
    }

    /**
     * As {@link #violation(CliRun, Collection, Set, Set)}; with {@code everyProblem} (a validator
     * such as {@code study check} that lists every problem it finds) several error lines are
     * allowed, each held to the same rules, followed by one {@code gutbrain: N problem(s) in FILE}.
     */
    static String violation(CliRun r, Collection<String> names, Set<String> before, Set<String> after, boolean everyProblem) {
        for (String sign : CRASH_SIGNS) {
            if (r.err().contains(sign)) return "crash sign '" + sign.strip() + "' in stderr: " + firstLines(r.err());
        }
        if (r.exitCode() == 0) return null;
        if (r.exitCode() != 2) return "exit " + r.exitCode() + ": " + firstLines(r.err());
        List<String> errors = r.errLines().stream().filter(l -> l.startsWith("gutbrain: error: ")).toList();
        List<String> other = r.errLines().stream()
                .filter(l -> !l.startsWith("gutbrain: error: ") && !l.startsWith("gutbrain: warning: ") && !l.startsWith("gutbrain: note: "))
                .filter(l -> !(everyProblem && l.matches("gutbrain: \\d+ problems? in .*")))
                .toList();
        if (errors.isEmpty() || (errors.size() > 1 && !everyProblem)) return errors.size() + " error lines: " + firstLines(r.err());
        if (!other.isEmpty()) return "stray stderr lines besides the error: " + other;
        for (String line : errors) {
            if (line.length() > 2000) return "error line of " + line.length() + " characters";
            if (!line.contains("fix:")) return "error without a fix: " + line;
            if (names.stream().noneMatch(line::contains) && !line.contains("--")) return "error names no file or option: " + line;
        }
        String line = errors.get(0);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        if (!added.isEmpty()) return "left behind after exit 2: " + added + " (" + line + ")";
        return null;
    }

    private static String firstLines(String s) {
        return s.lines().limit(3).reduce((a, b) -> a + " / " + b).orElse("(empty)");
    }
}
