package io.gutbrain.measures;

import java.util.Locale;

/**
 * An item-level alert raised independently of the total, e.g. PHQ-9 item 9 (thoughts of being
 * better off dead or of self-harm) answered above 0.
 *
 * <p>The condition is tested on the value as recorded in the metadata (before any reverse
 * scoring), because that is how the item is read on the form. It is tested whenever the item is
 * answered, even when the total is missing because too many other items are missing: a safety
 * alert must not disappear with the score. A missing flagged item raises nothing; the
 * {@code <instrument>_missing} count shows that it was not answered.
 *
 * @param label      name written to the {@code <instrument>_flags} column: letters, digits,
 *                   {@code _ . -}
 * @param item       1-based position of the item within the instrument
 * @param comparison how the recorded value is compared with {@code value}
 * @param value      the threshold, inside the item range
 */
public record Flag(String label, int item, Comparison comparison, int value) {

    /** The comparison of a flag condition. */
    public enum Comparison {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");

        private final String symbol;

        Comparison(String symbol) { this.symbol = symbol; }

        /** The operator as written in a spec file, e.g. {@code >=}. */
        public String symbol() { return symbol; }

        /** Whether {@code a <op> b} holds. */
        public boolean test(int a, int b) {
            switch (this) {
                case GT: return a > b;
                case GE: return a >= b;
                case LT: return a < b;
                case LE: return a <= b;
                case EQ: return a == b;
                default: return a != b;
            }
        }

        /** The comparison written as {@code symbol}, or null when it is not one of the six operators. */
        public static Comparison parse(String symbol) {
            for (Comparison c : values()) if (c.symbol.equals(symbol)) return c;
            return null;
        }
    }

    /** Checks the label and that a comparison is given; item and value are checked by {@link Instrument}. */
    public Flag {
        Instrument.checkLabel("flag", label, "[A-Za-z0-9_.-]+");
        if (comparison == null) throw new SpecProblem("flag", "flag '" + label + "' has no comparison", "use one of > >= < <= == !=");
    }

    /** Whether a recorded item value raises this flag. */
    public boolean raisedBy(int recordedValue) { return comparison.test(recordedValue, value); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "%s: item %d %s %d", label, item, comparison.symbol, value);
    }
}
