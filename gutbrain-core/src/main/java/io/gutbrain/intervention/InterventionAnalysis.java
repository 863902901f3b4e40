package io.gutbrain.intervention;

import io.gutbrain.diversity.beta.BetaDiversity;
import io.gutbrain.diversity.beta.BetaMetric;
import io.gutbrain.diversity.beta.BrayCurtis;
import io.gutbrain.measures.Instrument;

import java.util.ArrayList;
import java.util.List;

/**
 * One intervention trial analysed the same way by {@code gutbrain intervention} and the study's
 * intervention step: which arm is the control and which the active one, the responder rule,
 * and which comparisons run are decided here, once.
 *
 * <p>For every outcome: change from baseline per arm and visit ({@link ChangeFromBaseline}) and
 * the arm × time linear mixed model against the control ({@link ArmTimeModel}). For a score
 * outcome, responders and remission at the last visit ({@link Responders}). With an active arm:
 * colonisation by the administered taxa ({@link Colonisation}) and, when asked, the bifidogenic
 * response ({@link Bifidogenic}), both from baseline to the last visit.
 */
public final class InterventionAnalysis {
    private InterventionAnalysis() {}

    /** The arms compared: the control, and the active arm (null when the trial has no two arms to compare). */
    public record Arms(String control, String active) {}

    /**
     * The control and active arms of {@code design} under {@code options} (the names given there
     * must be arms of the design; faces check that first, in their own terms).
     */
    public static Arms arms(TrialDesign design, InterventionOptions options) {
        List<String> arms = design.arms();
        String treatment = options.treatment();
        String control = options.control() != null ? options.control()
                : arms.stream().filter(a -> !a.equals(treatment)).findFirst().orElse(arms.get(0));
        String active = treatment != null ? treatment
                : arms.size() == 2 ? arms.get(arms.get(0).equals(control) ? 1 : 0) : null;
        return new Arms(control, active);
    }

    /** The last visit, to which responders, colonisation and the bifidogenic response are measured. */
    public static String lastVisit(TrialDesign design) {
        return design.followUps().get(design.followUps().size() - 1);
    }

    /**
     * The remission cut-off: the option when set, else one above the top of the instrument's
     * lowest band (PHQ-9 and GAD-7 below 5, HADS below 8, BDI-II below 14); NaN = no remission.
     */
    public static double remissionBelow(InterventionOptions options, Instrument instrument) {
        if (!Double.isNaN(options.remissionBelow())) return options.remissionBelow();
        return instrument == null || instrument.bands().isEmpty() ? Double.NaN : instrument.bands().get(0).max() + 1;
    }

    /** Runs every analysis the data and options ask for; see the class comment. */
    public static InterventionResult run(TrialData data, InterventionOptions options) {
        TrialDesign design = data.design();
        Arms arms = arms(design, options);
        String last = lastVisit(design);
        List<InterventionResult.OutcomeResult> outcomes = new ArrayList<>();
        for (Outcome y : data.outcomes()) {
            outcomes.add(new InterventionResult.OutcomeResult(y, ChangeFromBaseline.compute(design, y, options.level()),
                    ArmTimeModel.fit(design, y, arms.control())));
        }
        ResponderResult responders = null;
        if (data.instrument() != null) {
            Responders.Criteria criteria = new Responders.Criteria(options.responderDrop(), remissionBelow(options, data.instrument()));
            responders = Responders.compute(design, data.outcomes().get(0), last, criteria, arms.active(),
                    arms.active() == null ? null : arms.control(), options.level());
        }
        ColonisationResult colonisation = null;
        if (!data.administered().isEmpty() && arms.active() != null) {
            colonisation = Colonisation.computeGroups(design, data.table(), data.administered(), last, arms.active(), arms.control(),
                    new Colonisation.Options(options.colonisationScale(), Double.NaN, 0, options.level()));
        }
        BifidogenicResult bifidogenic = null;
        if (data.bifidobacterium() != null && arms.active() != null) {
            bifidogenic = Bifidogenic.compute(design, data.table(), data.bifidobacterium(), last, arms.active(), arms.control(),
                    new Bifidogenic.Options(Double.NaN, options.bifidogenicFold(), options.level()));
        }
        BaselineDistances distances = null;
        if (options.distanceToBaseline() && data.table() != null) {
            distances = ChangeFromBaseline.distanceToBaseline(design,
                    BetaDiversity.compute(data.table(), BetaMetric.byName(BrayCurtis.NAME)).distances(), options.level());
        }
        return new InterventionResult(arms, last, outcomes, responders, colonisation, bifidogenic, distances);
    }
}
