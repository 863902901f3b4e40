package io.gutbrain.intervention;

import java.nio.file.Path;
import java.util.List;

import static io.gutbrain.intervention.Tsv.num;

/**
 * Colonisation by named features ({@link Colonisation#compute}).
 *
 * @param timepoint    the follow-up timepoint compared with baseline
 * @param activeArm    the active arm
 * @param referenceArm the reference arm
 * @param options      the settings used
 * @param pseudocount  the pseudocount used for the log / CLR scales
 * @param rows         one row per feature, in the order asked for
 * @param warnings     subjects left out (empty when none)
 */
public record ColonisationResult(String timepoint, String activeArm, String referenceArm, Colonisation.Options options,
                                 double pseudocount, List<Row> rows, List<String> warnings) {

    /** Copies the lists. */
    public ColonisationResult {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /**
     * Subjects of one arm for one feature.
     *
     * @param n                evaluated subjects
     * @param absentAtBaseline of those, absent at baseline
     * @param colonised        of those, present at the timepoint
     */
    public record Counts(int n, int absentAtBaseline, int colonised) {
        /** colonised / n (NaN when n is 0). */
        public double colonisedFraction() { return n == 0 ? Double.NaN : (double) colonised / n; }
    }

    /**
     * One feature.
     *
     * @param feature   the feature id
     * @param change    mean change per arm and their difference with Welch interval and test
     * @param active    colonisation counts in the active arm
     * @param reference colonisation counts in the reference arm
     */
    public record Row(String feature, WelchEstimate change, Counts active, Counts reference) {}

    /**
     * Writes {@code feature scale timepoint active reference n_active n_reference
     * mean_change_active mean_change_reference difference ci_lower ci_upper level t df p
     * absent_baseline_active colonised_active colonised_fraction_active absent_baseline_reference
     * colonised_reference colonised_fraction_reference}.
     */
    public void write(Path file) {
        Tsv.write(file, List.of("feature", "scale", "timepoint", "active", "reference", "n_active", "n_reference",
                        "mean_change_active", "mean_change_reference", "difference", "ci_lower", "ci_upper", "level", "t", "df", "p",
                        "absent_baseline_active", "colonised_active", "colonised_fraction_active",
                        "absent_baseline_reference", "colonised_reference", "colonised_fraction_reference"),
                rows, r -> {
                    WelchEstimate w = r.change();
                    return List.of(r.feature(), options.scale().name().toLowerCase(java.util.Locale.ROOT), timepoint, activeArm, referenceArm,
                            Integer.toString(w.nActive()), Integer.toString(w.nReference()), num(w.meanActive()), num(w.meanReference()),
                            num(w.difference()), num(w.lower()), num(w.upper()), num(options.level()), num(w.t()), num(w.df()), num(w.p()),
                            Integer.toString(r.active().absentAtBaseline()), Integer.toString(r.active().colonised()),
                            num(r.active().colonisedFraction()),
                            Integer.toString(r.reference().absentAtBaseline()), Integer.toString(r.reference().colonised()),
                            num(r.reference().colonisedFraction()));
                });
    }
}
