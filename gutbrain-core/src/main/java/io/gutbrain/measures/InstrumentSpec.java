package io.gutbrain.measures;

import io.gutbrain.error.InputException;
import io.gutbrain.io.TextInput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes user-defined instruments in a small {@code key: value} text format, one
 * instrument per file, so that a study's own questionnaire can be scored like the built-ins
 * without code and without a YAML dependency:
 *
 * <pre>
 * # a 4-item symptom scale
 * name: gi_symptoms                 # output column prefix (letter, then letters/digits/_)
 * title: GI symptoms                # optional, defaults to name
 * items: gi_1..gi_4                 # item columns in order; "a, b, c" or "prefix1..prefix4"
 * item-range: 1, 7                  # lowest and highest possible answer
 * reverse: 2                        # optional; item positions or column names
 * band: low, 4, 10                  # optional, repeated: label, min, max (inclusive)
 * band: moderate, 11, 19
 * band: high, 20, 28
 * max-missing: 1                    # optional, default 0
 * proration: mean                   # mean | none; optional, default none
 * flag: severe_pain when gi_3 &gt;= 6  # optional, repeated: label when item op value
 * reference: where the rules come from   # optional free text
 * </pre>
 *
 * A {@code #} at the start of a line or after a space starts a comment; blank lines are ignored.
 * Keys are exact; {@code band} and {@code flag} may repeat, the others may not. Bands must be in
 * ascending order, contiguous, and cover every possible total ({@code n * min .. n * max});
 * flag operators are {@code > >= < <= == !=}. Every problem is an {@link InputException} naming
 * the file, the line and the key.
 */
public final class InstrumentSpec {
    private InstrumentSpec() {}

    private static final Set<String> KEYS = Set.of("name", "title", "items", "item-range", "reverse", "band", "max-missing", "proration", "flag", "reference");
    private static final Set<String> REPEATABLE = Set.of("band", "flag");
    private static final Pattern RANGE = Pattern.compile("(.*?)(\\d{1,9})\\s*\\.\\.\\s*(.*?)(\\d{1,9})");
    private static final Pattern FLAG = Pattern.compile("(\\S+)\\s+when\\s+(\\S+?)\\s*(>=|<=|==|!=|>|<)\\s*([+-]?\\d+)");
    private static final Pattern INT = Pattern.compile("[+-]?\\d{1,9}");
    private static final int MAX_ITEMS = 10_000;

    /** Reads an instrument definition file (gzip is decompressed transparently). */
    public static Instrument read(Path path) {
        try (BufferedReader r = TextInput.reader(path)) {
            return parse(TextInput.name(path), r);
        } catch (IOException e) {
            throw new InputException(TextInput.name(path), null, "cannot read: " + e.getMessage(), "check the file", e);
        }
    }

    /** Parses an instrument definition from text; {@code source} names it in error messages. */
    public static Instrument parse(String source, String text) {
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            return parse(source, r);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
    }

    private static Instrument parse(String source, BufferedReader r) throws IOException {
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        String raw;
        long lineNo = 0;
        while ((raw = r.readLine()) != null) {
            lineNo++;
            String line = stripComment(raw).strip();
            if (line.isEmpty()) continue;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw InputException.atLine(source, lineNo, "expected 'key: value', found '" + line + "'",
                        "write one 'key: value' per line; keys are " + String.join(", ", new TreeSet<>(KEYS)));
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!KEYS.contains(key)) {
                throw InputException.atLine(source, lineNo, "unknown key '" + key + "'", "use one of " + String.join(", ", new TreeSet<>(KEYS)));
            }
            if (value.isEmpty()) throw InputException.atLine(source, lineNo, "key '" + key + "' has no value", "give a value after the colon or remove the line");
            List<Entry> list = entries.computeIfAbsent(key, k -> new ArrayList<>());
            if (!list.isEmpty() && !REPEATABLE.contains(key)) {
                throw InputException.atLine(source, lineNo, "key '" + key + "' given again (first on line " + list.get(0).line + ")", "give '" + key + "' once");
            }
            list.add(new Entry(lineNo, key, value));
        }
        return build(source, entries);
    }

    private static Instrument build(String source, Map<String, List<Entry>> entries) {
        Entry nameE = required(source, entries, "name");
        Entry itemsE = required(source, entries, "items");
        Entry rangeE = required(source, entries, "item-range");
        List<String> items = items(source, itemsE);
        int[] range = ints(source, rangeE, 2, "two integers 'min, max', e.g. '0, 3'");
        Set<Integer> reverse = new TreeSet<>();
        Entry reverseE = single(entries, "reverse");
        if (reverseE != null) {
            for (String t : reverseE.value.split(",")) {
                int pos = item(source, reverseE, t.strip(), items);
                if (!reverse.add(pos)) throw reverseE.error(source, "item " + pos + " is listed twice", "list each reverse item once");
            }
        }
        int maxMissing = 0;
        Entry mmE = single(entries, "max-missing");
        if (mmE != null) maxMissing = ints(source, mmE, 1, "a whole number of items, e.g. '1'")[0];
        Proration proration = Proration.NONE;
        Entry prE = single(entries, "proration");
        if (prE != null) {
            switch (prE.value.toLowerCase(Locale.ROOT)) {
                case "mean": proration = Proration.MEAN; break;
                case "none": proration = Proration.NONE; break;
                default: throw prE.error(source, "unknown proration rule '" + prE.value + "'", "use 'mean' (mean of answered items × number of items) or 'none'");
            }
        }
        Map<String, Long> lineOf = new LinkedHashMap<>();
        for (List<Entry> list : entries.values()) lineOf.put(list.get(0).key, list.get(0).line);
        try {
            List<Band> bands = new ArrayList<>();
            for (Entry e : entries.getOrDefault("band", List.of())) bands.add(band(source, e));
            List<Flag> flags = new ArrayList<>();
            for (Entry e : entries.getOrDefault("flag", List.of())) flags.add(flag(source, e, items));
            Entry titleE = single(entries, "title");
            Entry refE = single(entries, "reference");
            return new Instrument(nameE.value, titleE == null ? null : titleE.value, items, range[0], range[1], reverse, bands,
                    maxMissing, proration, flags, refE == null ? null : refE.value);
        } catch (SpecProblem p) {
            Long line = lineOf.get(p.key());
            String problem = "key '" + p.key() + "': " + p.getMessage();
            if (line == null) throw new InputException(source, "key '" + p.key() + "'", problem, p.fix());
            throw InputException.atLine(source, line, problem, p.fix());
        }
    }

    private static Band band(String source, Entry e) {
        String[] parts = e.value.split(",");
        if (parts.length < 3) throw e.error(source, "expected 'label, min, max', found '" + e.value + "'", "write e.g. 'band: mild, 5, 9'");
        String label = String.join(",", java.util.Arrays.copyOfRange(parts, 0, parts.length - 2)).strip();
        int min = integer(source, e, parts[parts.length - 2].strip(), "the band's min");
        int max = integer(source, e, parts[parts.length - 1].strip(), "the band's max");
        try {
            return new Band(label, min, max);
        } catch (SpecProblem p) {
            throw e.error(source, p.getMessage(), p.fix());
        }
    }

    private static Flag flag(String source, Entry e, List<String> items) {
        Matcher m = FLAG.matcher(e.value);
        if (!m.matches()) {
            throw e.error(source, "expected 'label when item op value', found '" + e.value + "'",
                    "write e.g. 'flag: item9_positive when phq9_9 > 0'; op is one of > >= < <= == !=");
        }
        int pos = item(source, e, m.group(2), items);
        int value = integer(source, e, m.group(4), "the flag's value");
        try {
            return new Flag(m.group(1), pos, Flag.Comparison.parse(m.group(3)), value);
        } catch (SpecProblem p) {
            throw e.error(source, p.getMessage(), p.fix());
        }
    }

    private static List<String> items(String source, Entry e) {
        Set<String> out = new LinkedHashSet<>();
        for (String token : e.value.split(",")) {
            String t = token.strip();
            if (t.isEmpty()) throw e.error(source, "empty item name in '" + e.value + "'", "separate item column names by single commas");
            Matcher m = RANGE.matcher(t);
            List<String> names = new ArrayList<>();
            if (t.contains("..")) {
                if (!m.matches() || !m.group(1).equals(m.group(3))) {
                    throw e.error(source, "cannot expand '" + t + "'", "write a numbered range as 'prefix1..prefix9' with the same prefix on both sides");
                }
                long from = Long.parseLong(m.group(2));
                long to = Long.parseLong(m.group(4));
                if (to < from || to - from >= MAX_ITEMS) {
                    throw e.error(source, "range '" + t + "' does not run upwards or is too long", "write the lower number first");
                }
                for (long i = from; i <= to; i++) names.add(m.group(1) + i);
            } else {
                names.add(t);
            }
            for (String name : names) {
                if (!out.add(name)) throw e.error(source, "item column '" + name + "' is listed twice", "list each item column once");
            }
            if (out.size() > MAX_ITEMS) throw e.error(source, "more than " + MAX_ITEMS + " items", "split the instrument");
        }
        return new ArrayList<>(out);
    }

    /** A 1-based item position given as a number or as one of the item column names. */
    private static int item(String source, Entry e, String token, List<String> items) {
        int byName = items.indexOf(token);
        if (byName >= 0) return byName + 1;
        if (INT.matcher(token).matches()) {
            int pos = Integer.parseInt(token);
            if (pos >= 1 && pos <= items.size()) return pos;
            throw e.error(source, "item " + pos + " is not one of items 1.." + items.size(), "refer to an item by its position 1.." + items.size() + " or its column name");
        }
        throw e.error(source, "'" + token + "' is neither an item position nor one of the item columns", "refer to an item by its position 1.." + items.size() + " or its column name");
    }

    private static int[] ints(String source, Entry e, int count, String expected) {
        String[] parts = e.value.split(",");
        if (parts.length != count) throw e.error(source, "expected " + expected + ", found '" + e.value + "'", "write " + expected);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = integer(source, e, parts[i].strip(), expected);
        return out;
    }

    private static int integer(String source, Entry e, String token, String what) {
        if (!INT.matcher(token).matches()) throw e.error(source, "expected an integer for " + what + ", found '" + token + "'", "write a whole number");
        return Integer.parseInt(token);
    }

    private static Entry required(String source, Map<String, List<Entry>> entries, String key) {
        Entry e = single(entries, key);
        if (e == null) throw new InputException(source, "key '" + key + "'", "required key '" + key + "' is missing", "add a line '" + key + ": ...'");
        return e;
    }

    private static Entry single(Map<String, List<Entry>> entries, String key) {
        List<Entry> list = entries.get(key);
        return list == null ? null : list.get(0);
    }

    /** Removes a comment: '#' at the start of the line or after whitespace. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return line.substring(0, i);
        }
        return line;
    }

    /**
     * The definition of {@code instrument} in the spec format, e.g. to start a variant of a
     * built-in instrument; {@link #parse} of the result gives an equal instrument as long as the
     * title and reference contain no {@code " #"} (which would start a comment).
     */
    public static String format(Instrument instrument) {
        StringBuilder sb = new StringBuilder();
        sb.append("name: ").append(instrument.name()).append('\n');
        sb.append("title: ").append(instrument.title()).append('\n');
        sb.append("items: ").append(String.join(", ", instrument.defaultColumns())).append('\n');
        sb.append("item-range: ").append(instrument.itemMin()).append(", ").append(instrument.itemMax()).append('\n');
        if (!instrument.reverseItems().isEmpty()) {
            List<String> r = new ArrayList<>();
            for (int i : new TreeSet<>(instrument.reverseItems())) r.add(Integer.toString(i));
            sb.append("reverse: ").append(String.join(", ", r)).append('\n');
        }
        for (Band b : instrument.bands()) sb.append("band: ").append(b.label()).append(", ").append(b.min()).append(", ").append(b.max()).append('\n');
        sb.append("max-missing: ").append(instrument.maxMissing()).append('\n');
        sb.append("proration: ").append(instrument.proration().name().toLowerCase(Locale.ROOT)).append('\n');
        for (Flag f : instrument.flags()) {
            sb.append("flag: ").append(f.label()).append(" when ").append(instrument.defaultColumns().get(f.item() - 1))
                    .append(' ').append(f.comparison().symbol()).append(' ').append(f.value()).append('\n');
        }
        if (!instrument.reference().isEmpty()) sb.append("reference: ").append(instrument.reference()).append('\n');
        return sb.toString();
    }

    /** One {@code key: value} line. */
    private record Entry(long line, String key, String value) {
        InputException error(String source, String problem, String fix) {
            return InputException.atLine(source, line, "key '" + key + "': " + problem, fix);
        }
    }
}
