package io.gutbrain.study.check;

import io.gutbrain.error.InputException;
import io.gutbrain.intervention.Bifidogenic;
import io.gutbrain.intervention.TrialDesign;
import io.gutbrain.study.Analyses;
import io.gutbrain.study.Study;
import io.gutbrain.study.StudyCheck;
import io.gutbrain.study.StudyInputs;
import io.gutbrain.study.StudyProblem;
import io.gutbrain.table.TaxonGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * The intervention analysis: the trial design reads from the metadata (subjects, visits, the
 * baseline, arms, donors), the treatment and control are arms of participants with a visit,
 * every administered taxon ({@code analyses.intervention.taxa}) resolves against the table kept
 * after QC ({@link TaxonGroup}), and a bifidogenic response has two arms to compare and a
 * Bifidobacterium to follow. These are the same tests, with the same messages, as the step's.
 */
public final class InterventionCheck implements StudyCheck {
    private static final String KEY = "analyses.intervention";

    @Override public List<StudyProblem> validate(StudyInputs in) {
        Analyses.Intervention iv = in.study().analyses().intervention();
        Study.Design d = in.study().design();
        if (iv == null || in.metadata() == null) return List.of();
        List<StudyProblem> out = new ArrayList<>();
        boolean table = in.kept() != null && in.kept().sampleCount() >= QcCheck.MIN_SAMPLES; // else QC's problem says why
        if (table) {
            for (String taxon : iv.taxa()) resolve(in, taxon, "taxa", out);
        }
        if (d.subject() == null || d.time() == null) return out; // reported by the study reader
        TrialDesign trial;
        try {
            trial = TrialDesign.from(in.metadata(), d.subject(), d.time(), iv.arm(), iv.baseline(), iv.donor());
        } catch (InputException e) {
            out.add(StudyProblem.of(in.line(KEY), "'" + KEY + "': the trial cannot be read from the metadata", e,
                    "correct the subject, time, arm or donor columns, or the baseline"));
            return out;
        }
        boolean armsOk = arm(in, trial, iv.control(), "control", out) & arm(in, trial, iv.treatment(), "treatment", out);
        if (iv.bifidogenic() && armsOk) {
            String control = iv.control() != null ? iv.control()
                    : trial.arms().stream().filter(a -> !a.equals(iv.treatment())).findFirst().orElse(trial.arms().get(0));
            String active = iv.treatment() != null ? iv.treatment()
                    : trial.arms().size() == 2 ? trial.arms().get(trial.arms().get(0).equals(control) ? 1 : 0) : null;
            if (active == null) {
                out.add(new StudyProblem(in.line(KEY + ".bifidogenic"), "the bifidogenic response compares two arms, but the trial has "
                        + trial.arms().size() + " (" + String.join(", ", trial.arms()) + ")", "name the prebiotic arm with 'analyses.intervention.treatment'"));
            }
        }
        if (iv.bifidogenic() && table) resolve(in, Bifidogenic.GENUS, "bifidogenic", out);
        return out;
    }

    /** Whether an arm that is given is an arm of the trial (a problem when not). */
    private static boolean arm(StudyInputs in, TrialDesign trial, String arm, String key, List<StudyProblem> out) {
        if (arm == null || trial.arms().contains(arm)) return true;
        out.add(new StudyProblem(in.line(KEY + "." + key), "'" + KEY + "." + key + "': '" + arm + "' is not an arm of any participant with a time value (arms: "
                + String.join(", ", trial.arms()) + ")", "use one of: " + String.join(", ", trial.arms())));
        return false;
    }

    private static void resolve(StudyInputs in, String taxon, String key, List<StudyProblem> out) {
        try {
            TaxonGroup.resolve(in.kept(), taxon);
        } catch (InputException e) {
            out.add(new StudyProblem(in.line(KEY + "." + key), "'" + KEY + "." + key + "': " + e.location() + ": " + e.problem(), e.fix()));
        }
    }
}
