package io.gutbrain.measures;

import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.metadata.SampleMetadata;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores an {@link Instrument} from item-level metadata columns, one result per metadata sample.
 *
 * <p>A cell is an item answer when it is an integer within the item range, written as digits
 * with an optional sign and an optional all-zero fraction ({@code 2}, {@code 2.0}); it is
 * missing when empty or one of {@link SampleMetadata#DEFAULT_MISSING}. Anything else — text,
 * {@code 2.5}, a value outside the range — is an error naming sample and column, because a
 * mistyped answer silently dropped or summed would bias the score; with
 * {@link InvalidItems#MISSING_WITH_WARNING} such cells count as missing instead and one warning
 * lists them. See {@link Instrument} for the arithmetic.
 */
public final class Scoring {
    private Scoring() {}

    /** What to do with an item value that is not an integer in the item range. */
    public enum InvalidItems {
        /** Fail with an {@link InputException} naming the first such cell (the default). */
        ERROR,
        /** Treat such cells as missing items and report them all in one warning. */
        MISSING_WITH_WARNING
    }

    private static final Pattern INTEGER = Pattern.compile("([+-]?\\d+)(?:\\.0*)?");
    private static final int MISSING = Integer.MIN_VALUE;

    /** Scores with the instrument's default item columns; invalid item values are errors. */
    public static InstrumentScores score(SampleMetadata md, Instrument instrument) {
        return score(md, instrument, null, InvalidItems.ERROR, Warnings.collecting());
    }

    /**
     * Scores every sample of {@code md}.
     *
     * @param columns  the metadata column of each item, in item order, or null for the
     *                 instrument's default columns
     * @param invalid  what to do with values that are not integers in the item range
     * @param warnings receives the summary of cells treated as missing
     * @throws InputException if item columns are absent (all absent ones are listed), the column
     *                        list has the wrong length or repeats a column, or (with
     *                        {@link InvalidItems#ERROR}) an item value is invalid
     */
    public static InstrumentScores score(SampleMetadata md, Instrument instrument, List<String> columns,
                                         InvalidItems invalid, Warnings warnings) {
        List<String> cols = columns == null ? instrument.defaultColumns() : List.copyOf(columns);
        checkColumns(md, instrument, cols);
        int n = cols.size();
        String[][] cells = new String[n][];
        for (int j = 0; j < n; j++) cells[j] = md.textColumn(cols.get(j));
        List<String> invalidCells = new ArrayList<>();
        List<SampleScore> out = new ArrayList<>(md.size());
        int[] values = new int[n];
        for (int s = 0; s < md.size(); s++) {
            String id = md.ids().get(s);
            for (int j = 0; j < n; j++) {
                values[j] = parseItem(md, instrument, id, cols.get(j), j + 1, cells[j][s], invalid, invalidCells);
            }
            out.add(scoreOne(instrument, id, values));
        }
        if (!invalidCells.isEmpty()) {
            warnings.warn(instrument.title() + ": " + invalidCells.size() + " item value" + (invalidCells.size() == 1 ? " was" : "s were")
                    + " not an integer from " + instrument.itemMin() + " to " + instrument.itemMax() + " and counted as missing: "
                    + String.join(", ", invalidCells.subList(0, Math.min(5, invalidCells.size()))) + (invalidCells.size() > 5 ? ", ..." : "")
                    + (md.source() == null ? "" : " (in " + md.source() + ")"));
        }
        return new InstrumentScores(instrument, cols, out);
    }

    private static void checkColumns(SampleMetadata md, Instrument instrument, List<String> cols) {
        if (cols.size() != instrument.itemCount()) {
            throw new InputException(null, "item columns", instrument.title() + " has " + instrument.itemCount() + " items but "
                    + cols.size() + " column name" + (cols.size() == 1 ? " was" : "s were") + " given",
                    "give one column per item, in item order");
        }
        Set<String> seen = new HashSet<>();
        List<String> absent = new ArrayList<>();
        for (String c : cols) {
            if (!seen.add(c)) {
                throw new InputException(null, "item columns", "column '" + c + "' is given for two " + instrument.title() + " items",
                        "give each item its own column");
            }
            if (!md.hasColumn(c)) absent.add(c);
        }
        if (!absent.isEmpty()) {
            throw new InputException(md.source(), "header", instrument.title() + " needs item column" + (absent.size() == 1 ? " " : "s ")
                    + String.join(", ", absent) + ", which " + (absent.size() == 1 ? "is" : "are") + " not in the metadata",
                    "rename the metadata columns, or name the item columns explicitly");
        }
    }

    /** The item value, or {@link #MISSING}; throws or records an invalid cell. */
    private static int parseItem(SampleMetadata md, Instrument instrument, String id, String column, int item, String cell,
                                 InvalidItems invalid, List<String> invalidCells) {
        if (cell == null) return MISSING;
        String v = cell.strip();
        if (v.isEmpty() || SampleMetadata.DEFAULT_MISSING.contains(v)) return MISSING;
        Matcher m = INTEGER.matcher(v);
        if (m.matches()) {
            BigInteger x = new BigInteger(m.group(1));
            if (x.compareTo(BigInteger.valueOf(instrument.itemMin())) >= 0 && x.compareTo(BigInteger.valueOf(instrument.itemMax())) <= 0) {
                return x.intValueExact();
            }
        }
        if (invalid == InvalidItems.MISSING_WITH_WARNING) {
            invalidCells.add("sample '" + id + "' column '" + column + "' '" + cell + "'");
            return MISSING;
        }
        String kind = m.matches() ? "outside the item range" : "not an integer";
        throw new InputException(md.source(), "column '" + column + "', sample '" + id + "'",
                instrument.title() + " item " + item + " must be an integer from " + instrument.itemMin() + " to " + instrument.itemMax()
                        + ", found '" + cell + "' (" + kind + ")",
                "correct the value or leave the cell empty for a missing answer (or treat invalid values as missing)");
    }

    /** Scores one respondent; {@code values[j]} is item j+1 as recorded, or {@link #MISSING}. */
    static SampleScore scoreOne(Instrument instrument, String id, int[] values) {
        int n = values.length;
        long sum = 0;
        int answered = 0;
        List<String> flags = new ArrayList<>(0);
        for (int j = 0; j < n; j++) {
            if (values[j] == MISSING) continue;
            answered++;
            sum += instrument.isReversed(j + 1) ? instrument.itemMin() + instrument.itemMax() - values[j] : values[j];
        }
        for (Flag f : instrument.flags()) {
            int v = values[f.item() - 1];
            if (v != MISSING && f.raisedBy(v)) flags.add(f.label());
        }
        int missing = n - answered;
        OptionalInt score;
        boolean prorated = false;
        if (missing == 0) {
            score = OptionalInt.of((int) sum);
        } else if (missing <= instrument.maxMissing() && instrument.proration() == Proration.MEAN && answered > 0) {
            // round(sum * n / answered), halves up, in exact integer arithmetic (sum >= 0 is not
            // assumed: item ranges may be negative, so floorDiv keeps "halves up" for negatives too)
            score = OptionalInt.of((int) Math.floorDiv(2 * sum * n + answered, 2L * answered));
            prorated = true;
        } else {
            score = OptionalInt.empty();
        }
        Optional<String> band = score.isPresent() ? Optional.ofNullable(instrument.band(score.getAsInt())) : Optional.empty();
        return new SampleScore(id, score, band, missing, prorated, flags);
    }
}
