package io.gutbrain.study;

import io.gutbrain.metadata.SampleMetadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model with which one variable of interest is tested against every feature, following the
 * {@link DesignKind}:
 * <ul>
 *   <li>with repeated measures the subject is a random intercept, added when
 *       {@code design.random_effects} does not list it;</li>
 *   <li>in a trial, the arm is tested as {@code arm + time + arm:time} (time categorical,
 *       baseline as reference, control arm as reference) and the {@code arm:time} coefficients —
 *       the differences in change from baseline — are the tested term; a covariate that is the
 *       time column is not added a second time;</li>
 *   <li>otherwise the variable with the covariates, as before.</li>
 * </ul>
 *
 * @param fixed      fixed-effect terms (MaAsLin2/LinDA syntax, interactions {@code a:b})
 * @param random     random-intercept grouping columns
 * @param tested     the term whose rows are reported ({@code v}, or {@code arm:time} in a trial)
 * @param references reference level per categorical column
 * @param metadata   the metadata to fit on (time made categorical in a trial)
 * @param notes      what was added or changed relative to the study file, for the report
 */
record AssociationDesign(List<String> fixed, List<String> random, String tested, Map<String, String> references,
                         SampleMetadata metadata, List<String> notes) {

    static AssociationDesign of(DesignKind kind, Study.Design d, SampleMetadata md, String v) {
        List<String> notes = new ArrayList<>();
        List<String> random = new ArrayList<>(d.randomEffects());
        if (kind.isRepeated() && !random.contains(kind.subject())) {
            random.add(kind.subject());
            notes.add("Subjects contribute several samples, so (1 | " + kind.subject() + ") was added to the model as a random intercept"
                    + " (design.random_effects did not list it).");
        }
        Map<String, String> refs = new LinkedHashMap<>();
        if (d.group() != null && d.reference() != null) refs.put(d.group(), d.reference());
        List<String> fixed = new ArrayList<>();
        if (kind.isTrial() && v.equals(kind.arm())) {
            String arm = kind.arm(), time = kind.time();
            fixed.add(arm);
            fixed.add(time);
            fixed.add(arm + ":" + time);
            for (Study.Variable c : d.covariates()) if (!fixed.contains(c.column())) fixed.add(c.column());
            refs.put(arm, kind.control());
            refs.put(time, kind.baseline());
            notes.add("Trial: " + arm + " is tested by the " + arm + ":" + time + " interaction of " + String.join(" + ", fixed)
                    + " (" + time + " categorical, reference " + kind.baseline() + "; " + arm + " reference " + kind.control()
                    + "); each " + arm + ":" + time + " coefficient is the difference in change from baseline against " + kind.control() + ".");
            return new AssociationDesign(fixed, random, arm + ":" + time, refs, DesignMetadata.categorical(md, time), notes);
        }
        fixed.add(v);
        for (Study.Variable c : d.covariates()) if (!c.column().equals(v)) fixed.add(c.column());
        return new AssociationDesign(fixed, random, v, refs, md, notes);
    }
}
