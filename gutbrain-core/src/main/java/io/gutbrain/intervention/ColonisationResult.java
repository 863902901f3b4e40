package io.gutbrain.intervention;


import io.gutbrain.result.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Colonisation by named taxa ({@link Colonisation#compute}).
 *
 * @param timepoint    the follow-up timepoint compared with baseline
 * @param activeArm    the active arm
 * @param referenceArm the reference arm
 * @param options      the settings used
 * @param pseudocount  the pseudocount used for the log / CLR scales
 * @param rows         one row per taxon, in the order asked for
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
     * Subjects of one arm for one taxon.
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
     * One subject's values for one taxon.
     *
     * @param subject  the subject
     * @param arm      its arm
     * @param baseline relative abundance at baseline (0..1)
     * @param value    relative abundance at the timepoint (0..1)
     * @param change   the change on the result's scale (for {@link Colonisation.Scale#LOG} the
     *                 log fold change {@code ln((value + c)/(baseline + c))})
     */
    public record Subject(String subject, String arm, double baseline, double value, double change) {}

    /**
     * One taxon.
     *
     * @param taxon     the taxon as named (a feature id or a taxon name)
     * @param matchedBy {@code feature id}, or the rank at which lineages matched ({@code genus})
     * @param features  the ids of the features summed into the taxon
     * @param change    mean change per arm and their difference with Welch interval and test
     * @param active    colonisation counts in the active arm
     * @param reference colonisation counts in the reference arm
     * @param subjects  every evaluated subject of both arms
     */
    public record Row(String taxon, String matchedBy, List<String> features, WelchEstimate change, Counts active, Counts reference,
                      List<Subject> subjects) {
        /** Copies the lists. */
        public Row {
            features = List.copyOf(features);
            subjects = List.copyOf(subjects);
        }

        /** The changes of one arm's subjects, in subject order. */
        public double[] changes(String arm) {
            return subjects.stream().filter(s -> s.arm().equals(arm)).mapToDouble(Subject::change).toArray();
        }
    }

    /**
     * Columns of {@link #write} and {@link #table}: {@code feature scale timepoint active reference
     * n_active n_reference mean_change_active mean_change_reference difference ci_lower ci_upper
     * level t df p absent_baseline_active colonised_active colonised_fraction_active
     * absent_baseline_reference colonised_reference colonised_fraction_reference matched_by
     * n_features features}; {@code feature} is the taxon as named, {@code features} the summed
     * feature ids separated by {@code ;}.
     */
    public static final List<String> COLUMNS = List.of("feature", "scale", "timepoint", "active", "reference", "n_active", "n_reference",
            "mean_change_active", "mean_change_reference", "difference", "ci_lower", "ci_upper", "level", "t", "df", "p",
            "absent_baseline_active", "colonised_active", "colonised_fraction_active",
            "absent_baseline_reference", "colonised_reference", "colonised_fraction_reference", "matched_by", "n_features", "features");

    /** Writes one line per taxon ({@link #COLUMNS}). */
    public void write(Path file) {
        Tsv.write(file, COLUMNS, rows, r -> Tsv.cells(cells(r)));
    }

    /** The rows as a report / results-store table named {@code name} ({@link #COLUMNS}). */
    public ResultTable table(String name) {
        List<Object[]> out = new ArrayList<>();
        for (Row r : rows) out.add(cells(r));
        return new ResultTable(name, COLUMNS, out);
    }

    /**
     * Writes every subject of every taxon: {@code feature subject arm baseline value change scale}
     * (baseline and value as relative abundance, change on the scale).
     */
    public void writeSubjects(Path file) {
        List<Object[]> out = new ArrayList<>();
        for (Row r : rows) {
            for (Subject s : r.subjects()) out.add(new Object[]{r.taxon(), s.subject(), s.arm(), s.baseline(), s.value(), s.change(), scaleName()});
        }
        Tsv.write(file, List.of("feature", "subject", "arm", "baseline", "value", "change", "scale"), out, Tsv::cells);
    }

    private String scaleName() { return options.scale().name().toLowerCase(Locale.ROOT); }

    private Object[] cells(Row r) {
        WelchEstimate w = r.change();
        return new Object[]{r.taxon(), scaleName(), timepoint, activeArm, referenceArm, w.nActive(), w.nReference(),
                w.meanActive(), w.meanReference(), w.difference(), w.lower(), w.upper(), options.level(), w.t(), w.df(), w.p(),
                r.active().absentAtBaseline(), r.active().colonised(), r.active().colonisedFraction(),
                r.reference().absentAtBaseline(), r.reference().colonised(), r.reference().colonisedFraction(),
                r.matchedBy(), r.features().size(), String.join(";", r.features())};
    }
}
