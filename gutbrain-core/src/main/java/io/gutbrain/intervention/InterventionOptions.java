package io.gutbrain.intervention;

import io.gutbrain.error.InputException;

/**
 * How {@link InterventionAnalysis#run} analyses a trial: the one options record of
 * {@code gutbrain intervention} and the study's intervention step, so both make the same
 * choices.
 *
 * @param treatment            the active arm; null = the arm that is not the control when the
 *                             trial has exactly two arms, else none (no between-arm comparisons)
 * @param control              the control arm (placebo, sham); null = the first arm other than
 *                             {@code treatment}, in the design's order
 * @param level                confidence level of every interval, in (0, 1)
 * @param responderDrop        a responder's score falls by at least this fraction of baseline, in (0, 1]
 * @param remissionBelow       remission is a score below this at follow-up; NaN = the lowest band of
 *                             the outcome's instrument (PHQ-9 and GAD-7: 5), none when it has no bands
 * @param colonisationScale    scale of the administered taxa's change
 * @param bifidogenicFold      a bifidogenic responder's Bifidobacterium rose at least this fold (&gt; 1)
 * @param distanceToBaseline   also compute the Bray–Curtis distance of each follow-up sample to
 *                             the subject's baseline (needs the feature table)
 */
public record InterventionOptions(String treatment, String control, double level, double responderDrop, double remissionBelow,
                                  Colonisation.Scale colonisationScale, double bifidogenicFold, boolean distanceToBaseline) {

    /** Validates every field; bad values are user input ({@link InputException}). */
    public InterventionOptions {
        if (!(level > 0 && level < 1)) throw new InputException(null, "level", "confidence level " + level + " is not between 0 and 1", "use e.g. 0.95");
        if (!(responderDrop > 0 && responderDrop <= 1)) {
            throw new InputException(null, "responder drop", "responder drop " + responderDrop + " is not in (0, 1]", "use e.g. 0.5 (a halving)");
        }
        if (!Double.isNaN(remissionBelow) && !(remissionBelow > 0) || Double.isInfinite(remissionBelow)) {
            throw new InputException(null, "remission", "remission cut-off " + remissionBelow + " is not a positive number", "use e.g. 5 for PHQ-9");
        }
        if (colonisationScale == null) throw new InputException(null, "colonisation scale", "no colonisation scale", "use relative, log or clr");
        if (!(bifidogenicFold > 1) || Double.isInfinite(bifidogenicFold)) {
            throw new InputException(null, "bifidogenic fold", "fold " + bifidogenicFold + " is not above 1", "use e.g. 2 (a doubling)");
        }
    }

    /**
     * No treatment or control named, 95% intervals, responders at a halving, remission from the
     * instrument's bands, relative-abundance colonisation, bifidogenic responders at two-fold, no
     * distance to baseline.
     */
    public static InterventionOptions defaults() {
        return new InterventionOptions(null, null, 0.95, Responders.Criteria.DEFAULT_DROP, Double.NaN, Colonisation.Scale.RELATIVE,
                Bifidogenic.Options.defaults().responderFold(), false);
    }

    public InterventionOptions withArms(String treatment, String control) {
        return new InterventionOptions(treatment, control, level, responderDrop, remissionBelow, colonisationScale, bifidogenicFold, distanceToBaseline);
    }

    public InterventionOptions withLevel(double level) {
        return new InterventionOptions(treatment, control, level, responderDrop, remissionBelow, colonisationScale, bifidogenicFold, distanceToBaseline);
    }

    public InterventionOptions withResponders(double drop, double remissionBelow) {
        return new InterventionOptions(treatment, control, level, drop, remissionBelow, colonisationScale, bifidogenicFold, distanceToBaseline);
    }

    public InterventionOptions withColonisationScale(Colonisation.Scale scale) {
        return new InterventionOptions(treatment, control, level, responderDrop, remissionBelow, scale, bifidogenicFold, distanceToBaseline);
    }

    public InterventionOptions withBifidogenicFold(double fold) {
        return new InterventionOptions(treatment, control, level, responderDrop, remissionBelow, colonisationScale, fold, distanceToBaseline);
    }

    public InterventionOptions withDistanceToBaseline(boolean on) {
        return new InterventionOptions(treatment, control, level, responderDrop, remissionBelow, colonisationScale, bifidogenicFold, on);
    }
}
