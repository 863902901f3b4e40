package io.gutbrain.intervention;

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

    /** Writes per-arm rates: {@code outcome timepoint measure arm events n rate ci_lower ci_upper level} (measure = response or remission). */
    public void writeRates(Path file) {
        record Rate(String measure, String arm, Proportion p) {}
        List<Rate> rows = new ArrayList<>();
        for (ArmRates a : arms) rows.add(new Rate("response", a.arm(), a.response()));
        for (ArmRates a : arms) if (a.remission() != null) rows.add(new Rate("remission", a.arm(), a.remission()));
        Tsv.write(file, List.of("outcome", "timepoint", "measure", "arm", "events", "n", "rate", "ci_lower", "ci_upper", "level"), rows,
                r -> List.of(outcome, timepoint, r.measure(), r.arm(), Integer.toString(r.p().events()), Integer.toString(r.p().n()),
                        num(r.p().rate()), num(r.p().lower()), num(r.p().upper()), num(level)));
    }

    /**
     * Writes the arm comparison (nothing but the header when no arms were compared):
     * {@code outcome timepoint measure active reference risk_difference ci_lower ci_upper level
     * nnt_kind nnt nntb_from nntb_to nnth_from nnth_to nnt_text}; the NNT ranges are NA when the
     * interval holds no benefit / harm and run to Inf when it crosses "no effect"
     * ({@link NumberNeededToTreat}).
     */
    public void writeComparison(Path file) {
        record Comparison(String measure, RiskDifference d) {}
        List<Comparison> rows = new ArrayList<>();
        if (response != null) rows.add(new Comparison("response", response));
        if (remission != null) rows.add(new Comparison("remission", remission));
        Tsv.write(file, List.of("outcome", "timepoint", "measure", "active", "reference", "risk_difference", "ci_lower", "ci_upper", "level",
                "nnt_kind", "nnt", "nntb_from", "nntb_to", "nnth_from", "nnth_to", "nnt_text"), rows, r -> {
            RiskDifference d = r.d();
            NumberNeededToTreat nnt = d.numberNeededToTreat();
            double[] b = nnt.benefitRange();
            double[] h = nnt.harmRange();
            return List.of(outcome, timepoint, r.measure(), activeArm, referenceArm, num(d.difference()), num(d.lower()), num(d.upper()),
                    num(level), nnt.kind().name(), num(nnt.value()),
                    b == null ? "NA" : num(b[0]), b == null ? "NA" : num(b[1]),
                    h == null ? "NA" : num(h[0]), h == null ? "NA" : num(h[1]), nnt.describe());
        });
    }
}
