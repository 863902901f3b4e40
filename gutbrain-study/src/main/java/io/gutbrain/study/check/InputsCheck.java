package io.gutbrain.study.check;

import io.gutbrain.error.Messages;
import io.gutbrain.study.StudyCheck;
import io.gutbrain.study.StudyInputs;
import io.gutbrain.study.StudyProblem;
import io.gutbrain.tree.TreeOps;

import java.util.List;

/**
 * The inputs fit together beyond being readable (which {@link io.gutbrain.study.StudyValidation}
 * checks while reading them): every feature kept after QC is a tip of {@code inputs.tree}, as
 * Faith PD and UniFrac require. A tree that is given is checked even when no metric uses it: a
 * tree of another table is a mistake either way.
 */
public final class InputsCheck implements StudyCheck {
    @Override public List<StudyProblem> validate(StudyInputs in) {
        if (in.tree() == null || in.kept() == null) return List.of();
        List<String> missing = TreeOps.missingTips(in.tree(), in.kept().featureIds());
        if (missing.isEmpty()) return List.of();
        return List.of(new StudyProblem(in.line("inputs.tree"), "'inputs.tree': " + missing.size() + " of the " + in.kept().featureCount()
                + " features kept after QC are not tips of the tree " + in.study().inputs().tree().getFileName() + ": " + Messages.firstFew(missing),
                "give the tree built for this table (its tips are the table's feature ids)"));
    }
}
