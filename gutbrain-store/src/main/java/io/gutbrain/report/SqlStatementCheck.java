package io.gutbrain.report;

import java.util.Locale;
import java.util.Set;

/**
 * A cheap lexical check that a user's SQL text is one query, run before DuckDB sees it.
 *
 * <p>It is the first of two guards of {@link ResultsStore#userQuery}: the store's read-only,
 * locked-down connection is the real one (no file access, no extensions, no setting changes).
 * This check adds what those settings do not cover: DuckDB executes every statement of a
 * multi-statement text, and {@code COPY … TO} may write the store's own write-ahead log file,
 * which the file-access setting allows. So the text must be exactly one statement whose first
 * keyword starts a query: {@code SELECT}, {@code WITH}, {@code FROM}, {@code VALUES},
 * {@code TABLE}, {@code SHOW}, {@code DESCRIBE}, {@code SUMMARIZE}, {@code PIVOT},
 * {@code UNPIVOT}, {@code EXPLAIN [ANALYZE]} of a query, or one of the reading pragmas
 * ({@code PRAGMA table_info}, {@code show_tables}, ...). Strings ({@code '…'}, {@code E'…'},
 * {@code $tag$…$tag$}), quoted names and comments (nested {@code /* *}{@code /}) are skipped,
 * so a {@code ;} inside them is not a statement break.
 */
final class SqlStatementCheck {
    private SqlStatementCheck() {}

    private static final Set<String> QUERY_KEYWORDS = Set.of("select", "with", "from", "values", "table", "show", "describe", "desc",
            "summarize", "pivot", "unpivot", "explain");
    private static final Set<String> READING_PRAGMAS = Set.of("table_info", "show_tables", "show_tables_expanded", "database_size",
            "storage_info", "version", "platform", "show");

    /**
     * Why the text is not allowed, or null when it is one query.
     * The reason names what was found, e.g. "COPY is not a query" or "2 statements".
     */
    static String refusal(String sql) {
        Scanner s = new Scanner(sql);
        String first = s.nextWord();
        if (first == null) return "the text holds no statement";
        String reason = refusalOfStatement(first, s);
        if (reason != null) return reason;
        if (!s.restIsEmpty()) return "only one statement is allowed per call, and the text holds more than one";
        return null;
    }

    /**
     * The statement of an accepted text without what follows it (its ';', trailing comments),
     * to be used as a subquery.
     */
    static String statementText(String sql) {
        Scanner s = new Scanner(sql);
        while (s.nextWord() != null) { /* walk to the end of the first statement */ }
        return sql.substring(0, Math.min(sql.length(), s.i));
    }

    private static String refusalOfStatement(String first, Scanner s) {
        String kw = first.toLowerCase(Locale.ROOT);
        if (kw.equals("explain")) {
            String next = s.nextWord();
            if (next != null && next.equalsIgnoreCase("analyze")) next = s.nextWord();
            if (next == null) return "EXPLAIN needs a query";
            return refusalOfStatement(next, s);
        }
        if (kw.equals("pragma")) {
            String name = s.nextWord();
            if (name != null && READING_PRAGMAS.contains(name.toLowerCase(Locale.ROOT))) return null;
            return "PRAGMA " + (name == null ? "" : name) + " is not one of the reading pragmas (" + String.join(", ", sorted(READING_PRAGMAS)) + ")";
        }
        if (QUERY_KEYWORDS.contains(kw)) return null;
        return first.toUpperCase(Locale.ROOT) + " is not a query";
    }

    private static java.util.List<String> sorted(Set<String> s) { return s.stream().sorted().toList(); }

    /** Walks the text, skipping strings, quoted names and comments. */
    private static final class Scanner {
        private final String t;
        private int i;
        private boolean ended; // a top-level ';' was passed

        Scanner(String text) { t = text; }

        /** The next bare word of the current statement (letters, digits, '_'), or null at its end. */
        String nextWord() {
            while (i < t.length()) {
                if (skipQuotedOrComment()) continue;
                char c = t.charAt(i);
                if (c == ';') {
                    ended = true;
                    return null;
                }
                if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_')) i++;
                    // E'...' is a string with escapes, not a word
                    if (i - start == 1 && (c == 'e' || c == 'E') && i < t.length() && t.charAt(i) == '\'') {
                        skipString(true);
                        continue;
                    }
                    return t.substring(start, i);
                }
                i++;
            }
            return null;
        }

        /** True when nothing but blanks, comments and ';' follows the first statement. */
        boolean restIsEmpty() {
            while (i < t.length() && !ended) {
                if (skipQuotedOrComment()) continue;
                if (t.charAt(i) == ';') ended = true;
                i++;
            }
            while (i < t.length()) {
                if (skipComment()) continue;
                char c = t.charAt(i);
                if (c != ';' && !Character.isWhitespace(c)) return false;
                i++;
            }
            return true;
        }

        private boolean skipQuotedOrComment() {
            if (skipComment()) return true;
            char c = t.charAt(i);
            boolean wordStart = i == 0 || !(Character.isLetterOrDigit(t.charAt(i - 1)) || t.charAt(i - 1) == '_');
            if ((c == 'e' || c == 'E') && wordStart && i + 1 < t.length() && t.charAt(i + 1) == '\'') {
                i++;
                skipString(true); // E'...': backslash escapes
                return true;
            }
            if (c == '\'') {
                skipString(false);
                return true;
            }
            if (c == '"') {
                i = closing(i + 1, "\"", true);
                return true;
            }
            if (c == '$') {
                int j = i + 1;
                while (j < t.length() && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) j++;
                boolean tagStartsWithDigit = j > i + 1 && Character.isDigit(t.charAt(i + 1));
                if (j < t.length() && t.charAt(j) == '$' && !tagStartsWithDigit) {
                    String tag = t.substring(i, j + 1);
                    int end = t.indexOf(tag, j + 1);
                    i = end < 0 ? t.length() : end + tag.length();
                    return true;
                }
            }
            return false;
        }

        private boolean skipComment() {
            if (t.startsWith("--", i)) {
                int nl = t.indexOf('\n', i);
                i = nl < 0 ? t.length() : nl + 1;
                return true;
            }
            if (t.startsWith("/*", i)) {
                int depth = 0;
                while (i < t.length()) {
                    if (t.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (t.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) break;
                    } else {
                        i++;
                    }
                }
                return true;
            }
            return false;
        }

        /** Skips a '…' string starting at i ('' is a quote; with escapes, \x is one character). */
        private void skipString(boolean escapes) {
            int j = i + 1;
            while (j < t.length()) {
                char c = t.charAt(j);
                if (escapes && c == '\\') {
                    j += 2;
                } else if (c == '\'') {
                    if (j + 1 < t.length() && t.charAt(j + 1) == '\'') j += 2;
                    else break;
                } else {
                    j++;
                }
            }
            i = Math.min(t.length(), j + 1);
        }

        /** The index after the closing quote, where a doubled quote stands for itself. */
        private int closing(int from, String quote, boolean doubled) {
            int j = from;
            while (j < t.length()) {
                int k = t.indexOf(quote, j);
                if (k < 0) return t.length();
                if (doubled && t.startsWith(quote + quote, k)) {
                    j = k + 2;
                    continue;
                }
                return k + 1;
            }
            return t.length();
        }
    }
}
