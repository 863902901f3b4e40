package io.gutbrain.measures;

/**
 * A named score range of an instrument, both ends inclusive, e.g. PHQ-9 "moderate" = 10..14.
 *
 * <p>Bands are the published interpretation ranges of a total score; they turn a score into a
 * category that can be tabulated or used as a grouping variable. They are defined on integer
 * totals, which is why prorated totals are rounded before banding (see {@link Instrument}).
 *
 * @param label the category name written to the {@code <instrument>_band} column; no tab,
 *              line break or semicolon
 * @param min   lowest score in the band (inclusive)
 * @param max   highest score in the band (inclusive), {@code >= min}
 */
public record Band(String label, int min, int max) {

    /** Checks the label and the order of the ends. */
    public Band {
        Instrument.checkLabel("band", label, "[^\\t\\r\\n;]+");
        if (max < min) {
            throw new SpecProblem("band", "band '" + label + "' ends (" + max + ") below its start (" + min + ")",
                    "write the band as 'label, min, max' with min <= max");
        }
    }

    /** Whether {@code score} lies in this band. */
    public boolean contains(int score) { return score >= min && score <= max; }
}
