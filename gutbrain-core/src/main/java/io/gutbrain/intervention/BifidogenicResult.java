package io.gutbrain.intervention;


import io.gutbrain.result.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bifidogenic response ({@link Bifidogenic#compute}).
 *
 * @param timepoint    the follow-up timepoint compared with baseline
 * @param activeArm    the active (prebiotic) arm
 * @param referenceArm the reference (placebo) arm
 * @param options      the settings used
 * @param pseudocount  the pseudocount used
 * @param genus        the genus row on the log scale: which features were summed, the Welch
 *                     comparison of mean log fold changes and every subject's log fold change
 * @param active       mean log fold change in the active arm with its t interval and paired t-test
 * @param reference    the same in the reference arm
 * @param responders   responder fractions per arm (Wilson) and their difference (Newcombe)
 * @param warnings     subjects left out (empty when none)
 */
public record BifidogenicResult(String timepoint, String activeArm, String referenceArm, Bifidogenic.Options options, double pseudocount,
                                ColonisationResult.Row genus, MeanEstimate active, MeanEstimate reference, RiskDifference responders,
                                List<String> warnings) {

    /** Copies the list. */
    public BifidogenicResult {
        warnings = List.copyOf(warnings);
    }

    /** Ratio of geometric-mean fold changes, active / reference: {@code exp(difference of mean log fold changes)}. */
    public double ratio() { return Math.exp(genus.change().difference()); }

    /** Lower Welch limit of {@link #ratio()}. */
    public double ratioLower() { return Math.exp(genus.change().lower()); }

    /** Upper Welch limit of {@link #ratio()}. */
    public double ratioUpper() { return Math.exp(genus.change().upper()); }

    /**
     * Columns of {@link #table} and {@link #write}: one row per arm and a last row
     * {@code active − reference}: {@code taxon features timepoint arm n mean_log_fc ci_lower
     * ci_upper fold_change fold_lower fold_upper p responder_fold responders responder_rate
     * rate_lower rate_upper}. For an arm: the mean log fold change (natural log) with its t
     * interval, its exponential (the geometric-mean fold change) and the paired t-test p; the
     * responders with the Wilson interval. For the comparison: the Welch difference, the ratio of
     * fold changes and the Welch p; the responder-rate difference with Newcombe's interval.
     */
    public static final List<String> COLUMNS = List.of("taxon", "features", "timepoint", "arm", "n", "mean_log_fc", "ci_lower", "ci_upper",
            "fold_change", "fold_lower", "fold_upper", "p", "responder_fold", "responders", "responder_rate", "rate_lower", "rate_upper");

    /** The three rows as a report / results-store table named {@code name}. */
    public ResultTable table(String name) { return new ResultTable(name, COLUMNS, rows()); }

    /** Writes the three rows ({@link #COLUMNS}) as TSV. */
    public void write(Path file) { Tsv.write(file, COLUMNS, rows(), Tsv::cells); }

    /** Writes every subject: {@code feature subject arm baseline value change scale} (change = ln fold change). */
    public void writeSubjects(Path file) {
        new ColonisationResult(timepoint, activeArm, referenceArm,
                new Colonisation.Options(Colonisation.Scale.LOG, pseudocount, 0, options.level()), pseudocount, List.of(genus), List.of())
                .writeSubjects(file);
    }

    private List<Object[]> rows() {
        String features = genus.matchedBy().equals("feature id") ? genus.taxon()
                : genus.features().size() + " " + genus.matchedBy() + " features";
        List<Object[]> out = new ArrayList<>();
        out.add(armRow(features, activeArm, active, responders.active()));
        out.add(armRow(features, referenceArm, reference, responders.reference()));
        WelchEstimate w = genus.change();
        out.add(new Object[]{genus.taxon(), features, timepoint, activeArm + " − " + referenceArm, w.nActive() + w.nReference(),
                w.difference(), w.lower(), w.upper(), ratio(), ratioLower(), ratioUpper(), w.p(), options.responderFold(),
                responders.active().events() - responders.reference().events(), responders.difference(), responders.lower(), responders.upper()});
        return out;
    }

    private Object[] armRow(String features, String arm, MeanEstimate m, Proportion r) {
        return new Object[]{genus.taxon(), features, timepoint, arm, m.n(), m.mean(), m.lower(), m.upper(),
                Math.exp(m.mean()), Math.exp(m.lower()), Math.exp(m.upper()), m.p(), options.responderFold(),
                r.events(), r.rate(), r.lower(), r.upper()};
    }
}
