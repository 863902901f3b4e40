package io.gutbrain.intervention;


import io.gutbrain.result.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.gutbrain.intervention.Tsv.num;

/**
 * Responders and remitters at one timepoint ({@link Responders#compute}).
 *
 * @param outcome      the outcome's name
 * @param timepoint    the timepoint judged
 * @param criteria     the response / remission criteria
 * @param level        confidence level of all intervals
 * @param activeArm    the active arm, or null when no comparison was asked for
 * @param referenceArm the reference arm, or null
 * @param subjects     one row per evaluated subject
 * @param arms         rates per arm, in design order
 * @param response     active − reference difference in response rate, or null
 * @param remission    active − reference difference in remission rate, or null
 * @param warnings     subjects left out (empty when none)
 */
public record ResponderResult(String outcome, String timepoint, Responders.Criteria criteria, double level,
                              String activeArm, String referenceArm, List<Subject> subjects, List<ArmRates> arms,
                              RiskDifference response, RiskDifference remission, List<String> warnings) {

    /** Copies the lists. */
    public ResponderResult {
        subjects = List.copyOf(subjects);
        arms = List.copyOf(arms);
        warnings = List.copyOf(warnings);
    }

    /**
     * One subject's classification.
     *
     * @param subject      the subject
     * @param arm          its arm
     * @param baseline     outcome at baseline (&gt; 0)
     * @param value        outcome at the timepoint
     * @param relativeDrop (baseline − value)/baseline
     * @param responder    relativeDrop ≥ the threshold
     * @param remission    value &lt; the remission cut-off (false when there is none)
     */
    public record Subject(String subject, String arm, double baseline, double value, double relativeDrop,
                          boolean responder, boolean remission) {}

    /**
     * Rates of one arm.
     *
     * @param arm       the arm
     * @param response  responders / evaluated, with Wilson interval
     * @param remission remitters / evaluated, or null without a cut-off
     */
    public record ArmRates(String arm, Proportion response, Proportion remission) {}

    /** Writes the responder table: {@code outcome timepoint subject arm baseline value relative_drop responder remission}. */
    public void writeSubjects(Path file) {
        Tsv.write(file, List.of("outcome", "timepoint", "subject", "arm", "baseline", "value", "relative_drop", "responder", "remission"),
                subjects, s -> List.of(outcome, timepoint, s.subject(), s.arm(), num(s.baseline()), num(s.value()), num(s.relativeDrop()),
                        Boolean.toString(s.responder()), criteria.hasRemission() ? Boolean.toString(s.remission()) : "NA"));
    }

    /** Columns of the per-arm rates ({@link #writeRates}, {@link #ratesTable}). */
    public static final List<String> RATE_COLUMNS = List.of("outcome", "timepoint", "measure", "arm", "events", "n", "rate", "ci_lower", "ci_upper", "level");

    /** Columns of the arm comparison ({@link #writeComparison}, {@link #comparisonTable}). */
    public static final List<String> COMPARISON_COLUMNS = List.of("outcome", "timepoint", "measure", "active", "reference", "risk_difference",
            "ci_lower", "ci_upper", "level", "nnt_kind", "nnt", "nntb_from", "nntb_to", "nnth_from", "nnth_to", "nnt_text");

    /** Writes per-arm rates: {@code outcome timepoint measure arm events n rate ci_lower ci_upper level} (measure = response or remission). */
    public void writeRates(Path file) {
        Tsv.write(file, RATE_COLUMNS, rateRows(), Tsv::cells);
    }

    /** Per-arm rates as a report / results-store table, columns {@link #RATE_COLUMNS}. */
    public ResultTable ratesTable(String name) { return new ResultTable(name, RATE_COLUMNS, rateRows()); }

    private List<Object[]> rateRows() {
        List<Object[]> rows = new ArrayList<>();
        for (String measure : List.of("response", "remission")) {
            for (ArmRates a : arms) {
                Proportion p = measure.equals("response") ? a.response() : a.remission();
                if (p != null) rows.add(new Object[]{outcome, timepoint, measure, a.arm(), (long) p.events(), (long) p.n(), p.rate(), p.lower(), p.upper(), level});
            }
        }
        return rows;
    }

    /**
     * Writes the arm comparison (nothing but the header when no arms were compared):
     * {@code outcome timepoint measure active reference risk_difference ci_lower ci_upper level
     * nnt_kind nnt nntb_from nntb_to nnth_from nnth_to nnt_text}; the NNT ranges are NA when the
     * interval holds no benefit / harm and run to Inf when it crosses "no effect"
     * ({@link NumberNeededToTreat}).
     */
    public void writeComparison(Path file) {
        Tsv.write(file, COMPARISON_COLUMNS, comparisonRows(), Tsv::cells);
    }

    /** The arm comparison as a report / results-store table, columns {@link #COMPARISON_COLUMNS}. */
    public ResultTable comparisonTable(String name) { return new ResultTable(name, COMPARISON_COLUMNS, comparisonRows()); }

    private List<Object[]> comparisonRows() {
        List<Object[]> rows = new ArrayList<>();
        for (String measure : List.of("response", "remission")) {
            RiskDifference d = measure.equals("response") ? response : remission;
            if (d == null) continue;
            NumberNeededToTreat nnt = d.numberNeededToTreat();
            double[] b = nnt.benefitRange();
            double[] h = nnt.harmRange();
            rows.add(new Object[]{outcome, timepoint, measure, activeArm, referenceArm, d.difference(), d.lower(), d.upper(), level,
                    nnt.kind().name(), nnt.value(), b == null ? null : b[0], b == null ? null : b[1], h == null ? null : h[0], h == null ? null : h[1],
                    nnt.describe()});
        }
        return rows;
    }
}
