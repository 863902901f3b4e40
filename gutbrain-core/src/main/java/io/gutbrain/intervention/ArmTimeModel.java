package io.gutbrain.intervention;

import io.gutbrain.association.DesignMatrix;
import io.gutbrain.association.MixedModel;
import io.gutbrain.association.ModelFit;
import io.gutbrain.association.ModelSpec;
import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arm × time effect of an intervention by a linear mixed model, the standard analysis of a
 * randomised trial with repeated visits (Fitzmaurice, Laird &amp; Ware, <i>Applied Longitudinal
 * Analysis</i>, 2nd ed. 2011, ch. 5):
 * <pre>outcome ~ arm + time + arm:time + (1 | subject)</pre>
 * fitted by REML with a random intercept per subject ({@link MixedModel}, as lme4's
 * {@code lmer}). Degrees of freedom of each coefficient's t test are <b>Satterthwaite's, computed
 * as lmerTest does</b> (Kuznetsova et al. 2017, J. Stat. Softw. 82(13)) — not Kenward–Roger
 * (pbkrtest), which also adjusts the standard errors and gives slightly different df in small
 * unbalanced trials. p = 2·P(T_df &gt; |t|) and the 95% interval is estimate ± t_{0.975, df}·SE.
 *
 * <p><b>Coding.</b> Arm and time are both categorical with treatment coding: the reference arm
 * (placebo, control) and the baseline visit are the reference levels. Time is categorical even
 * when the visits are numbers, so no linear trend is imposed. Then
 * <ul>
 *   <li>{@code (Intercept)} is the reference arm's mean at baseline;</li>
 *   <li>{@code arm<A>} is arm A's baseline difference from the reference arm (near zero in a
 *       randomised trial);</li>
 *   <li>{@code time<T>} is the reference arm's mean change from baseline to visit T;</li>
 *   <li>{@code arm<A>:time<T>} is the <em>difference in change from baseline between arm A and the
 *       reference arm at visit T</em> — the treatment effect.</li>
 * </ul>
 * Coefficient names are R's ({@code armLGG:time2}). Visit levels other than baseline follow R's
 * text order of the labels (the row order of the output; the meaning of each row does not
 * depend on it).
 *
 * <p><b>Samples.</b> Every sample of a recipient's timeline that has an outcome value enters,
 * including subjects with a single visit: unlike paired change-from-baseline analyses, the mixed
 * model uses incomplete subjects (they inform the baseline and arm means under missing at
 * random). Donor samples are not part of any timeline and never enter. With a single arm (no
 * arm column) the model is {@code outcome ~ time + (1 | subject)}.
 */
public final class ArmTimeModel {
    /** Column names of the model's metadata, so coefficients are named as in R ({@code armLGG:time2}). */
    static final String ARM = "arm";
    static final String TIME = "time";
    static final String SUBJECT = "subject";

    private ArmTimeModel() {}

    /**
     * The fitted model.
     *
     * @param outcome       the outcome's name
     * @param referenceArm  the reference arm, or null for a single-arm design
     * @param baseline      the baseline visit (reference time level)
     * @param samples       samples used
     * @param subjects      subjects with at least one used sample
     * @param fit           the REML fit: coefficients with SE, Satterthwaite df, t, p, 95% CI, σ and θ
     */
    public record Result(String outcome, String referenceArm, String baseline, int samples, int subjects, ModelFit fit) {
        /** The fixed-effect rows in model order. */
        public List<ModelFit.Estimate> rows() { return fit.coefficients(); }

        /** Only the arm:time interaction rows (the treatment effects). */
        public List<ModelFit.Estimate> interactions() {
            return fit.coefficients().stream().filter(e -> e.name().contains(":")).toList();
        }

        /** Writes the table: term, estimate, se, df, t, p, ci_low, ci_high (one line per coefficient). */
        public void write(Path target) {
            Tsv.write(target, List.of("outcome", "term", "estimate", "se", "df", "t", "p", "ci_low", "ci_high"), rows(),
                    e -> List.of(outcome, e.name(), Tsv.num(e.estimate()), Tsv.num(e.stdError()), Tsv.num(e.df()),
                            Tsv.num(e.t()), Tsv.num(e.p()), Tsv.num(e.ciLow()), Tsv.num(e.ciHigh())));
        }
    }

    /**
     * Fits {@code outcome ~ arm * time + (1 | subject)} with the first arm of the design as
     * reference.
     */
    public static Result fit(TrialDesign design, Outcome outcome) {
        return fit(design, outcome, design.arms().get(0));
    }

    /**
     * Fits {@code outcome ~ arm * time + (1 | subject)}.
     *
     * @param referenceArm the control arm; ignored for a single-arm design
     * @throws InputException when the reference arm does not exist, fewer than two subjects or
     *                        visits have outcome values, or the model cannot be estimated (for
     *                        example an arm observed at only one visit: the message names the
     *                        collinear columns)
     */
    public static Result fit(TrialDesign design, Outcome outcome, String referenceArm) {
        boolean arms = design.arms().size() > 1;
        if (arms) design.requireArm(referenceArm);
        List<String> ids = new ArrayList<>();
        List<String> armCol = new ArrayList<>();
        List<String> timeCol = new ArrayList<>();
        List<String> subjectCol = new ArrayList<>();
        for (String subject : design.subjects()) {
            design.samplesOf(subject).forEach((time, sample) -> {
                if (Double.isNaN(outcome.value(sample))) return;
                ids.add(sample);
                armCol.add(design.arm(subject));
                timeCol.add(time);
                subjectCol.add(subject);
            });
        }
        long subjects = subjectCol.stream().distinct().count();
        if (subjects < 2 || !timeCol.contains(design.baseline())) {
            throw new InputException(design.source(), "outcome '" + outcome.name() + "'",
                    "the arm x time model needs outcome values of at least 2 subjects including baseline samples; found "
                            + ids.size() + " samples of " + subjects + " subjects",
                    "check that the outcome covers the trial's samples");
        }
        String[][] values = {armCol.toArray(String[]::new), timeCol.toArray(String[]::new), subjectCol.toArray(String[]::new)};
        SampleMetadata.ColumnType cat = SampleMetadata.ColumnType.CATEGORICAL;
        SampleMetadata md = new SampleMetadata(design.source(), ids, List.of(ARM, TIME, SUBJECT), values,
                new SampleMetadata.ColumnType[] {cat, cat, cat});
        ModelSpec spec = (arms ? ModelSpec.fixed(ARM, TIME, ARM + ":" + TIME).withReference(ARM, referenceArm) : ModelSpec.fixed(TIME))
                .withReference(TIME, design.baseline()).withRandom(SUBJECT);
        DesignMatrix x = DesignMatrix.build(md, spec);
        double[] y = new double[x.rows()];
        for (int i = 0; i < y.length; i++) y[i] = outcome.value(x.sampleIds().get(i));
        ModelFit fit = MixedModel.of(x).fit(y);
        if (!fit.ok()) {
            throw new InputException(design.source(), "outcome '" + outcome.name() + "'", "the arm x time mixed model could not be fitted: " + fit.failure(),
                    "check the outcome values (a constant outcome cannot be modelled)");
        }
        return new Result(outcome.name(), arms ? referenceArm : null, design.baseline(), y.length, (int) subjects, fit);
    }
}
