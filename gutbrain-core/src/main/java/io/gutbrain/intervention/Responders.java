package io.gutbrain.intervention;

import io.gutbrain.diversity.ValueFormat;
import io.gutbrain.error.InputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Response and remission at one timepoint, for outcomes where lower is better (symptom scores
 * such as PHQ-9 or GAD-7).
 *
 * <ul>
 *   <li><b>Responder</b>: relative drop from baseline {@code (baseline − value)/baseline} at
 *       least the threshold (default 0.5, the usual "50% reduction" criterion). Undefined, and the
 *       subject not evaluable, when the baseline is 0 or negative.</li>
 *   <li><b>Remission</b>: value strictly below a cut-off (e.g. PHQ-9 &lt; 5); optional.</li>
 * </ul>
 * Evaluated subjects are the paired subjects with an outcome value at baseline and at the chosen
 * timepoint (complete-case, not intention-to-treat: subjects without the follow-up value are
 * left out and counted in a warning rather than counted as non-responders).
 *
 * <p>Per arm: the rates with Wilson intervals ({@link Proportion}). Between an active and a
 * reference arm: the risk difference with Newcombe's interval ({@link RiskDifference}) and the
 * number needed to treat ({@link NumberNeededToTreat}).
 */
public final class Responders {
    private Responders() {}

    /**
     * The response and remission criteria.
     *
     * @param minRelativeDrop responder when {@code (baseline − value)/baseline ≥ minRelativeDrop} (in (0, 1])
     * @param remissionBelow  remission when {@code value < remissionBelow}; NaN for no remission analysis
     */
    public record Criteria(double minRelativeDrop, double remissionBelow) {
        /** The usual 50% reduction. */
        public static final double DEFAULT_DROP = 0.5;

        /** Checks the threshold. */
        public Criteria {
            if (!(minRelativeDrop > 0 && minRelativeDrop <= 1)) {
                throw new InputException(null, "responder threshold", "relative drop must be in (0, 1], got " + minRelativeDrop,
                        "give a fraction such as 0.5 for a 50% reduction");
            }
        }

        /** 50% drop, with remission below the given cut-off (NaN for none). */
        public static Criteria halving(double remissionBelow) { return new Criteria(DEFAULT_DROP, remissionBelow); }

        /** Whether a remission cut-off is set. */
        public boolean hasRemission() { return !Double.isNaN(remissionBelow); }
    }

    /**
     * Classifies every evaluable subject at {@code timepoint} and, when both arms are given,
     * compares them.
     *
     * @param activeArm    the treated arm, or null for rates only
     * @param referenceArm the control arm (placebo, sham), or null for rates only
     * @param level        confidence level (0..1)
     * @throws InputException for an unknown timepoint or arm, the baseline as timepoint, or only one of the two arms given
     */
    public static ResponderResult compute(TrialDesign design, Outcome outcome, String timepoint, Criteria criteria,
                                          String activeArm, String referenceArm, double level) {
        MeanEstimate.checkLevel(level);
        design.requireTimepoint(timepoint);
        if (timepoint.equals(design.baseline())) {
            throw new InputException(design.source(), "timepoint '" + timepoint + "'", "response is judged after baseline, not at it",
                    "choose one of: " + String.join(", ", design.followUps()));
        }
        if ((activeArm == null) != (referenceArm == null)) {
            throw new InputException(design.source(), "arms", "give both an active and a reference arm, or neither",
                    "arms are: " + String.join(", ", design.arms()));
        }
        if (activeArm != null) {
            design.requireArm(activeArm);
            design.requireArm(referenceArm);
        }
        List<ResponderResult.Subject> rows = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        List<String> nonPositive = new ArrayList<>();
        for (String subject : design.pairedSubjects()) {
            String s = design.sample(subject, timepoint);
            double b = outcome.value(design.baselineSample(subject));
            double v = s == null ? Double.NaN : outcome.value(s);
            if (Double.isNaN(b) || Double.isNaN(v)) {
                incomplete.add(subject);
                continue;
            }
            if (b <= 0) {
                nonPositive.add(subject);
                continue;
            }
            double drop = (b - v) / b;
            boolean remission = criteria.hasRemission() && v < criteria.remissionBelow();
            rows.add(new ResponderResult.Subject(subject, design.arm(subject), b, v, drop, drop >= criteria.minRelativeDrop(), remission));
        }
        List<ResponderResult.ArmRates> rates = new ArrayList<>();
        for (String arm : design.arms()) {
            int n = 0, resp = 0, rem = 0;
            for (ResponderResult.Subject r : rows) {
                if (!r.arm().equals(arm)) continue;
                n++;
                if (r.responder()) resp++;
                if (r.remission()) rem++;
            }
            rates.add(new ResponderResult.ArmRates(arm, Proportion.wilson(resp, n, level),
                    criteria.hasRemission() ? Proportion.wilson(rem, n, level) : null));
        }
        RiskDifference response = null, remission = null;
        if (activeArm != null) {
            ResponderResult.ArmRates a = find(rates, activeArm), r = find(rates, referenceArm);
            response = RiskDifference.newcombe(a.response().events(), a.response().n(), r.response().events(), r.response().n(), level);
            if (criteria.hasRemission()) {
                remission = RiskDifference.newcombe(a.remission().events(), a.remission().n(), r.remission().events(), r.remission().n(), level);
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!incomplete.isEmpty()) {
            warnings.add(incomplete.size() + " subject(s) without a value of '" + outcome.name() + "' at baseline or at '" + timepoint
                    + "' left out (complete-case): " + ValueFormat.firstFew(incomplete));
        }
        if (!nonPositive.isEmpty()) {
            warnings.add(nonPositive.size() + " subject(s) with a baseline of 0 or less left out (relative drop undefined): "
                    + ValueFormat.firstFew(nonPositive));
        }
        return new ResponderResult(outcome.name(), timepoint, criteria, level, activeArm, referenceArm, rows, rates, response, remission, warnings);
    }

    private static ResponderResult.ArmRates find(List<ResponderResult.ArmRates> rates, String arm) {
        for (ResponderResult.ArmRates r : rates) if (r.arm().equals(arm)) return r;
        throw new IllegalStateException("no arm " + arm);
    }
}
