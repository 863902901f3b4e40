package io.gutbrain.intervention;

import java.util.List;

/**
 * What {@link InterventionAnalysis#run} found; each part is null when it was not asked for or
 * does not apply (responders without a score outcome, colonisation and the bifidogenic response
 * without an active arm, distances without the option).
 *
 * @param arms         the control and active arm the analysis used
 * @param lastVisit    the visit responders, colonisation and the bifidogenic response are measured at
 * @param outcomes     per outcome, in the order given: change from baseline and the arm × time model
 */
public record InterventionResult(InterventionAnalysis.Arms arms, String lastVisit, List<OutcomeResult> outcomes,
                                 ResponderResult responders, ColonisationResult colonisation, BifidogenicResult bifidogenic,
                                 BaselineDistances distances) {
    public InterventionResult {
        outcomes = List.copyOf(outcomes);
    }

    /** One outcome's change from baseline and arm × time model. */
    public record OutcomeResult(Outcome outcome, ChangeResult change, ArmTimeModel.Result model) {}

    /** The primary outcome's results (the first given). */
    public OutcomeResult primary() { return outcomes.get(0); }
}
