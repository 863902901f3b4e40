package io.gutbrain.study.check;

import io.gutbrain.error.InputException;
import io.gutbrain.error.Messages;
import io.gutbrain.modules.ModuleSet;
import io.gutbrain.study.Analyses;
import io.gutbrain.study.StudyCheck;
import io.gutbrain.study.StudyInputs;
import io.gutbrain.study.StudyProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Module profiling: the module file ({@code analyses.modules.set}) reads, and some samples kept
 * after QC have a column in the KO table (whether the KO table is one was checked while reading
 * it). Kept samples without a KO column are a note: they are not profiled.
 */
public final class ModulesCheck implements StudyCheck {
    @Override public List<StudyProblem> validate(StudyInputs in) {
        Analyses.Modules m = in.study().analyses().modules();
        if (m == null) return List.of();
        List<StudyProblem> out = new ArrayList<>();
        if (m.set() != null) {
            try {
                ModuleSet.read(m.set());
            } catch (InputException e) {
                out.add(StudyProblem.of(in.line("analyses.modules.set"), "'analyses.modules.set' is not a module file gutbrain can read", e,
                        "write 'builtin' for the gut-brain modules, or correct the module file (see docs/modules.md)"));
            }
        }
        if (in.ko() != null && in.kept() != null && in.kept().sampleCount() > 0 && profiled(in).isEmpty()) {
            out.add(new StudyProblem(in.line("inputs.ko_table"), "none of the " + in.ko().community().sampleCount() + " samples of the KO table "
                    + in.study().inputs().koTable().getFileName() + " is among the " + in.kept().sampleCount() + " samples kept after QC (e.g. "
                    + Messages.firstFew(in.ko().community().sampleIds()) + " vs " + Messages.firstFew(in.kept().sampleIds()) + ")",
                    "give a KO table whose sample ids are those of the metadata"));
        }
        return out;
    }

    @Override public List<String> notes(StudyInputs in) {
        if (in.study().analyses().modules() == null || in.ko() == null || in.kept() == null) return List.of();
        int profiled = profiled(in).size();
        int kept = in.kept().sampleCount();
        if (profiled == 0 || profiled == kept) return List.of();
        return List.of((kept - profiled) + " of the " + kept + " samples kept after QC have no column in the KO table and are not profiled");
    }

    private static List<String> profiled(StudyInputs in) {
        List<String> keep = new ArrayList<>();
        for (String id : in.kept().sampleIds()) if (in.ko().community().sampleIndex(id) >= 0) keep.add(id);
        return keep;
    }
}
