package io.gutbrain.measures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A questionnaire scored as the sum of integer items: which metadata columns hold the items,
 * their range, which items are reverse-scored, the interpretation bands of the total, how many
 * missing items are tolerated and how the total is then prorated, and item-level flags.
 *
 * <p>Scoring one respondent (see {@link Scoring}):
 * <ol>
 *   <li>each answered item {@code x} in {@code [itemMin, itemMax]} contributes {@code x}, or
 *       {@code itemMin + itemMax - x} when reverse-scored (e.g. PSS-10: {@code 4 - x});</li>
 *   <li>with no item missing the score is the sum; with {@code 1..maxMissing} items missing and
 *       {@link Proration#MEAN} it is {@code sum * n / answered} rounded to the nearest integer,
 *       halves up (computed exactly in integers), and marked prorated; with more missing items it
 *       is missing;</li>
 *   <li>the band is the one containing the score; flags are tested on the answered items.</li>
 * </ol>
 * Rounding the prorated total keeps every score on the instrument's integer scale, so bands
 * (defined on integer totals) apply without ambiguity: an unrounded 9.6 would fall between
 * PHQ-9 "mild" (5–9) and "moderate" (10–14).
 *
 * <p>The built-in instruments are in {@link Instruments}; user-defined ones are read with
 * {@link InstrumentSpec}. Immutable; the constructor validates everything and throws an
 * {@link IllegalArgumentException} describing the first problem.
 *
 * @param name           identifier and output column prefix ({@code phq9} gives
 *                       {@code phq9_score}, ...): a letter followed by letters, digits or
 *                       {@code _}
 * @param title          human-readable name, e.g. "PHQ-9"
 * @param defaultColumns metadata column of each item in item order; may be overridden when scoring
 * @param itemMin        lowest valid item value
 * @param itemMax        highest valid item value, {@code > itemMin}
 * @param reverseItems   1-based positions of reverse-scored items
 * @param bands          interpretation bands in ascending order, contiguous and covering exactly
 *                       {@code [n * itemMin, n * itemMax]}; may be empty (no bands)
 * @param maxMissing     most missing items for which a score is still given, {@code 0..n-1}
 * @param proration      how a total with tolerated missing items is computed; {@code NONE}
 *                       requires {@code maxMissing == 0}
 * @param flags          item-level alerts
 * @param reference      the instrument's source and the source of its missing-item rule (free
 *                       text, shown in documentation and reports)
 */
public record Instrument(String name, String title, List<String> defaultColumns, int itemMin, int itemMax,
                         Set<Integer> reverseItems, List<Band> bands, int maxMissing, Proration proration,
                         List<Flag> flags, String reference) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** Validates the definition; see the class description for the rules. */
    public Instrument {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SpecProblem("name", "instrument name '" + name + "' is not a valid column prefix",
                    "start with a letter and use only letters, digits and '_'");
        }
        title = title == null || title.isBlank() ? name : title.strip();
        reference = reference == null ? "" : reference.strip();
        defaultColumns = List.copyOf(defaultColumns);
        reverseItems = Set.copyOf(new TreeSet<>(reverseItems));
        bands = List.copyOf(bands);
        flags = List.copyOf(flags);
        if (proration == null) throw new SpecProblem("proration", "no proration rule", "use 'mean' or 'none'");
        int n = defaultColumns.size();
        if (n == 0) throw new SpecProblem("items", "the instrument has no items", "list the item columns");
        Set<String> seen = new HashSet<>();
        for (String c : defaultColumns) {
            if (c == null || c.isBlank()) throw new SpecProblem("items", "empty item column name", "name every item column");
            if (!seen.add(c)) throw new SpecProblem("items", "item column '" + c + "' is listed twice", "list each item column once");
        }
        if (itemMax <= itemMin) {
            throw new SpecProblem("item-range", "item range " + itemMin + ".." + itemMax + " is empty or a single value",
                    "give the lowest and highest possible answer, lowest first");
        }
        for (int r : reverseItems) {
            if (r < 1 || r > n) throw new SpecProblem("reverse", "reverse item " + r + " is not one of items 1.." + n, "refer to items 1.." + n);
        }
        checkBands(bands, n * itemMin, n * itemMax);
        if (maxMissing < 0 || maxMissing >= n) {
            throw new SpecProblem("max-missing", "max-missing " + maxMissing + " must be from 0 to " + (n - 1) + " (the instrument has " + n + " items)",
                    "tolerate fewer missing items; at least one item must be answered");
        }
        if (maxMissing > 0 && proration == Proration.NONE) {
            throw new SpecProblem("max-missing", "max-missing " + maxMissing + " with proration 'none': a sum over fewer items is not comparable",
                    "set 'proration: mean' or 'max-missing: 0'");
        }
        Set<String> flagLabels = new HashSet<>();
        for (Flag f : flags) {
            if (f.item() < 1 || f.item() > n) throw new SpecProblem("flag", "flag '" + f.label() + "' refers to item " + f.item() + ", not one of 1.." + n, "refer to an item of the instrument");
            if (f.value() < itemMin || f.value() > itemMax) {
                throw new SpecProblem("flag", "flag '" + f.label() + "' compares with " + f.value() + ", outside the item range " + itemMin + ".." + itemMax,
                        "compare with a possible answer");
            }
            if (!flagLabels.add(f.label())) throw new SpecProblem("flag", "flag label '" + f.label() + "' is used twice", "give every flag its own label");
        }
    }

    private static void checkBands(List<Band> bands, int lo, int hi) {
        if (bands.isEmpty()) return;
        Set<String> labels = new HashSet<>();
        int expect = lo;
        for (Band b : bands) {
            if (!labels.add(b.label())) throw new SpecProblem("band", "band label '" + b.label() + "' is used twice", "give every band its own label");
            if (b.min() != expect) {
                String what = b.min() > expect ? "scores " + expect + ".." + (b.min() - 1) + " are in no band"
                        : "band '" + b.label() + "' starts at " + b.min() + " but " + (b.min() < lo ? "the lowest possible score is " + lo : "the previous band ends at " + (expect - 1));
                throw new SpecProblem("band", what, "list the bands in ascending order so that each starts one above the previous end, from " + lo + " to " + hi);
            }
            expect = b.max() + 1;
        }
        if (expect - 1 != hi) {
            String what = expect - 1 < hi ? "scores " + expect + ".." + hi + " are in no band" : "the last band ends at " + (expect - 1) + " but the highest possible score is " + hi;
            throw new SpecProblem("band", what, "make the last band end at the highest possible score " + hi);
        }
    }

    static void checkLabel(String key, String label, String regex) {
        if (label == null || label.isBlank() || !label.matches(regex) || !label.equals(label.strip())) {
            throw new SpecProblem(key, key + " label '" + label + "' is empty or has characters not allowed in it",
                    "band labels may not contain tabs, line breaks or ';'; flag labels use letters, digits and _ . -");
        }
    }

    /** Number of items. */
    public int itemCount() { return defaultColumns.size(); }

    /** Lowest possible total, {@code n * itemMin}. */
    public int minScore() { return itemCount() * itemMin; }

    /** Highest possible total, {@code n * itemMax}. */
    public int maxScore() { return itemCount() * itemMax; }

    /** Whether the 1-based item {@code item} is reverse-scored. */
    public boolean isReversed(int item) { return reverseItems.contains(item); }

    /** The band containing {@code score}, or null when the instrument has no bands or the score is out of range. */
    public String band(int score) {
        for (Band b : bands) if (b.contains(score)) return b.label();
        return null;
    }

    /** Band labels in ascending order. */
    public List<String> bandLabels() {
        List<String> out = new ArrayList<>(bands.size());
        for (Band b : bands) out.add(b.label());
        return out;
    }

    /**
     * The same instrument with a different missing-item tolerance, e.g. the HADS "half rule"
     * ({@code withMaxMissing(3)}, Bell et al. 2016) instead of the default of one item.
     *
     * @throws IllegalArgumentException if {@code maxMissing} is outside {@code 0..n-1} or the
     *                                  instrument has no proration and {@code maxMissing > 0}
     */
    public Instrument withMaxMissing(int maxMissing) {
        return new Instrument(name, title, defaultColumns, itemMin, itemMax, reverseItems, bands, maxMissing, proration, flags, reference);
    }
}
