package io.gutbrain.io;

import io.gutbrain.error.InputException;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a tab- or comma-separated text file one record at a time and splits it into fields
 * by scanning for the delimiter, keeping field boundaries as offsets into the line instead of
 * creating a string per cell ({@code String.split} on a 2,000-column line costs an array,
 * a regex check and 2,000 strings). Numeric cells are parsed in place by {@link TextNumbers}.
 *
 * <p>Every record knows its 1-based line number, and the error helpers build
 * {@link InputException}s that name the file, the line and the column, which is how all text
 * readers in this package report bad input.
 *
 * <p>With quoting enabled, a field that <em>starts</em> with {@code "} is an RFC 4180 quoted
 * field: {@code ""} inside it is a literal quote, and delimiters and line breaks inside it are
 * data (the record then spans several physical lines and is reported at the line where it
 * starts). A quote elsewhere in a field is an ordinary character, so {@code 5'6"} stays as
 * written. Lines starting with {@code #} are comments or headers, never continued: an
 * unbalanced quote on such a line is taken literally.
 */
final class DelimitedReader implements Closeable {
    private final BufferedReader in;
    private final String source;
    private final char delimiter;
    private final boolean quotes;
    private long physicalLine;
    private long line;
    private String text;
    private int count;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private String[] unquoted = new String[64]; // only meaningful while anyQuoted
    private boolean anyQuoted;

    private DelimitedReader(BufferedReader in, String source, char delimiter, boolean quotes) {
        this.in = in;
        this.source = source;
        this.delimiter = delimiter;
        this.quotes = quotes;
    }

    /**
     * Opens a (possibly gzipped) file.
     *
     * @param delimiter the field separator; {@code '\0'} to choose with {@link #sniffDelimiter}
     * @param quotes    whether RFC 4180 quoted fields are recognised
     */
    static DelimitedReader open(Path path, char delimiter, boolean quotes) {
        char d = delimiter == '\0' ? sniffDelimiter(path) : delimiter;
        return new DelimitedReader(TextInput.reader(path), TextInput.name(path), d, quotes);
    }

    /**
     * Reads from an open reader (an archive member); the delimiter must be given. Lines are
     * bounded as for files when the reader comes from {@link TextInput#reader(java.io.InputStream, String)}.
     *
     * @param source name used in messages, e.g. {@code archive.qza!/uuid/data/taxonomy.tsv}
     */
    static DelimitedReader of(BufferedReader in, String source, char delimiter, boolean quotes) {
        return new DelimitedReader(in, source, delimiter, quotes);
    }

    /**
     * The delimiter of a file whose delimiter was not given: comma for a {@code .csv} name, tab
     * for {@code .tsv}, {@code .txt} or {@code .tab} (a trailing {@code .gz} is ignored);
     * otherwise tab if any of the first 20 non-blank lines contains a tab, else comma. A CSV file
     * practically never contains tabs, and a TSV file with two or more columns always does.
     */
    static char sniffDelimiter(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        if (name.endsWith(".csv")) return ',';
        if (name.endsWith(".tsv") || name.endsWith(".txt") || name.endsWith(".tab")) return '\t';
        String head = new String(TextInput.head(path, 1 << 16), StandardCharsets.UTF_8);
        int seen = 0;
        for (String l : head.split("\r?\n|\r")) {
            if (l.isBlank()) continue;
            if (l.indexOf('\t') >= 0) return '\t';
            if (++seen == 20) break;
        }
        return ',';
    }

    /** The file name used in messages. */
    String source() { return source; }

    /** The delimiter in use. */
    char delimiter() { return delimiter; }

    /**
     * Advances to the next record.
     *
     * @return false at the end of the file
     */
    boolean next() {
        String l = readPhysical();
        if (l == null) {
            text = null;
            count = 0;
            return false;
        }
        line = physicalLine;
        text = l;
        split();
        return true;
    }

    private String readPhysical() {
        try {
            String l = in.readLine();
            if (l != null) physicalLine++;
            return l;
        } catch (IOException e) {
            throw new InputException(source, "line " + (physicalLine + 1), "cannot read: " + e.getMessage(), "check the file is complete and not corrupt", e);
        }
    }

    /** 1-based line number where the current record starts. */
    long line() { return line; }

    /** The current record's raw text. */
    String text() { return text; }

    /** True when the current record is empty or only whitespace. */
    boolean isBlank() { return text.isBlank(); }

    /** True when the current record starts with {@code #} (a comment or a QIIME-style header). */
    boolean isHashLine() { return !text.isEmpty() && text.charAt(0) == '#'; }

    /** Number of fields in the current record. */
    int size() { return count; }

    /** Field {@code i} as written (quotes removed), not trimmed. */
    String raw(int i) {
        if (anyQuoted && unquoted[i] != null) return unquoted[i];
        return text.substring(starts[i], ends[i]);
    }

    /** Field {@code i} with surrounding whitespace removed; the empty string beyond the last field. */
    String cell(int i) {
        if (i >= count) return "";
        return raw(i).strip();
    }

    /**
     * Field {@code i} as a non-negative finite abundance.
     *
     * @param column the column's name for the error message
     * @throws InputException naming line and column when the cell is not a number, is negative,
     *                        NaN or infinite
     */
    double abundance(int i, String column) {
        int a = starts[i];
        if (ends[i] - a == 1 && !anyQuoted) { // most cells of a count table are a single digit
            int d = text.charAt(a) - '0';
            if (d >= 0 && d <= 9) return d;
        }
        double v = anyQuoted && unquoted[i] != null
                ? TextNumbers.parse(unquoted[i])
                : TextNumbers.parse(text, starts[i], ends[i]);
        // zero or a plausible value; NaN, infinities, negatives and corrupt magnitudes (Corruption) fall through
        if ((v >= Corruption.MIN_PLAUSIBLE && v <= Corruption.MAX_PLAUSIBLE) || v == 0) return v;
        String cell = cell(i);
        String problem;
        if (v > 0 && v < Double.POSITIVE_INFINITY) {
            throw errorAt(column, Corruption.implausible("'" + cell + "'", v, false),
                    "correct the value; if the table was converted or copied, re-export it from the original");
        }
        if (cell.isEmpty()) {
            problem = "empty cell where a number was expected";
        } else if (v < 0) {
            problem = "negative abundance '" + cell + "'; abundances must be >= 0";
        } else if (v == Double.POSITIVE_INFINITY || isNonFiniteWord(cell)) {
            problem = "'" + cell + "' is not a finite number; abundances must be finite";
        } else {
            problem = "expected a number, found '" + cell + "'";
        }
        throw errorAt(column, problem, "correct the value; write absent features as 0");
    }

    private static boolean isNonFiniteWord(String cell) {
        String t = cell.toLowerCase(Locale.ROOT).replace("+", "").replace("-", "");
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    /**
     * Fails unless the current record has exactly {@code expected} fields.
     *
     * @param headerLine the header's line, named in the message
     */
    void requireFields(int expected, long headerLine) {
        if (count == expected) return;
        throw error("found " + count + " field" + (count == 1 ? "" : "s") + " but the header (line " + headerLine + ") has " + expected,
                "give every row one value per header column; check for missing or extra " + delimiterName() + "s");
    }

    /** "tab" or the delimiter character, for messages. */
    String delimiterName() {
        return delimiter == '\t' ? "tab" : delimiter == ',' ? "comma" : "'" + delimiter + "'";
    }

    /** An error at the current record's line. */
    InputException error(String problem, String fix) {
        return InputException.atLine(source, line, problem, fix);
    }

    /** An error at the current record's line and a named column. */
    InputException errorAt(String column, String problem, String fix) {
        return new InputException(source, "line " + line + ", column '" + column + "'", problem, fix);
    }

    /** An error at the current record's line and a 1-based field position. */
    InputException errorAtField(int i, String problem, String fix) {
        return new InputException(source, "line " + line + ", field " + (i + 1), problem, fix);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // reading is finished; nothing useful to report
        }
    }

    // ------------------------------------------------------------------ splitting

    private void split() {
        count = 0;
        anyQuoted = false;
        String t = text;
        if (!quotes || t.indexOf('"') < 0 || (isHashLine() && oddQuotes(t))) {
            for (int pos = 0; pos >= 0; ) pos = addPlain(pos);
            return;
        }
        splitQuoted();
    }

    /** Adds the unquoted field starting at {@code pos}; returns where the next field starts, or -1 at the end of the record. */
    private int addPlain(int pos) {
        int d = text.indexOf(delimiter, pos);
        if (d < 0) {
            add(pos, text.length(), null);
            return -1;
        }
        add(pos, d, null);
        return d + 1;
    }

    private static boolean oddQuotes(String t) {
        int n = 0;
        for (int i = t.indexOf('"'); i >= 0; i = t.indexOf('"', i + 1)) n++;
        return (n & 1) == 1;
    }

    /**
     * Splits a record with quoted fields. A quoted field may continue on the following physical
     * lines; those are appended to one growing buffer (linear in the record's length) and the
     * record is refused once it passes {@link InputLimits#maxLineLength()} characters, so an
     * unclosed quote cannot make the reader swallow the rest of a huge file.
     */
    private void splitQuoted() {
        CharSequence t = text;
        StringBuilder grown = null;
        long maxRecord = InputLimits.maxLineLength();
        int pos = 0;
        while (true) {
            if (pos < t.length() && t.charAt(pos) == '"') {
                StringBuilder sb = new StringBuilder();
                int i = pos + 1;
                while (true) {
                    if (i >= t.length()) {
                        String more = readPhysical();
                        if (more == null) {
                            throw error("quoted field opened here is never closed", "add the closing \" or remove the opening one");
                        }
                        if (grown == null) grown = new StringBuilder(text);
                        if (grown.length() + 1L + more.length() > maxRecord) {
                            throw error("quoted field opened here runs on for more than " + InputLimits.format(maxRecord)
                                    + " characters (to line " + physicalLine + ")",
                                    "add the missing closing \"; " + InputLimits.RAISE_LINE);
                        }
                        grown.append('\n').append(more); // the line break is data, copied below
                        t = grown;
                        continue;
                    }
                    char c = t.charAt(i);
                    if (c == '"') {
                        if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(c);
                    i++;
                }
                while (i < t.length() && t.charAt(i) == ' ') i++;
                if (i < t.length() && t.charAt(i) != delimiter) {
                    if (grown != null) text = grown.toString();
                    throw errorAtField(count, "unexpected text after a closing quote",
                            "write a quote inside a quoted field as \"\", or separate the fields with a " + delimiterName());
                }
                add(pos, i, sb.toString());
                if (i >= t.length()) break;
                pos = i + 1;
            } else {
                if (grown == null) {
                    pos = addPlain(pos);
                } else {
                    int d = pos;
                    while (d < t.length() && t.charAt(d) != delimiter) d++;
                    add(pos, d, null);
                    pos = d < t.length() ? d + 1 : -1;
                }
                if (pos < 0) break;
            }
        }
        if (grown != null) text = grown.toString();
    }

    private void add(int start, int end, String unquotedValue) {
        if (count == starts.length) {
            int cap = count * 2;
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            unquoted = Arrays.copyOf(unquoted, cap);
        }
        starts[count] = start;
        ends[count] = end;
        if (unquotedValue != null && !anyQuoted) {
            anyQuoted = true;
            Arrays.fill(unquoted, 0, count, null);
        }
        if (anyQuoted) unquoted[count] = unquotedValue;
        count++;
    }
}
