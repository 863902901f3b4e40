package io.gutbrain.study;

import java.util.List;

/**
 * One part of a study checked on its real, loaded inputs before anything is computed: what the
 * matching step would refuse half-way (an unknown taxon, a depth that keeps no sample, a group
 * with one level) is found here instead, with the study-file line to fix. A check never computes
 * results and must be cheap next to its step (counting, resolving names, comparing ids).
 *
 * <p>Each analysis step contributes its own check, so that a step and what is checked for it live
 * together; {@link StudyValidation#CHECKS} lists them in step order.
 */
@FunctionalInterface
public interface StudyCheck {

    /**
     * The problems of this part of the study; empty when it can run (also when the study does not
     * use it, or when an input it needs could not be read, which was reported already).
     */
    List<StudyProblem> validate(StudyInputs inputs);

    /** Facts worth telling before a run that are not problems, e.g. how many samples a rarefaction depth leaves out. */
    default List<String> notes(StudyInputs inputs) { return List.of(); }
}
