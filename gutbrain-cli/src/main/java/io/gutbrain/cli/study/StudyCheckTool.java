package io.gutbrain.cli.study;

import io.gutbrain.study.Study;
import io.gutbrain.study.StudyFile;
import io.gutbrain.study.StudyFileException;
import io.gutbrain.study.StudyProblem;
import io.gutbrain.study.StudyValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Validates a study without running anything: the study file itself ({@link StudyFile}), then its
 * real inputs, every step's check ({@link StudyValidation}): the files are tables of the right
 * kind, ids overlap, taxon names resolve, columns have enough values, the depths keep samples.
 * Every problem is printed on its own line with its study-file line and how to fix it, then their
 * count (exit 2); a study that passes prints a summary and notes (exit 0): exactly when
 * {@code gutbrain study run} would start computing.
 */
@Command(name = "check",
        description = "Validate a study file and its inputs (keys, values, files and their kind, metadata columns and their values, questionnaire items, "
                + "taxon names, QC and rarefaction depths) and print what would run.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain study check study.yaml")
public final class StudyCheckTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "The study file.") Path file;

    @Override public Integer call() {
        Study study;
        try {
            study = StudyFile.read(file);
        } catch (StudyFileException e) {
            return printProblems(spec.commandLine().getErr(), file, e);
        }
        StudyValidation.Outcome checked = StudyValidation.check(study);
        if (!checked.ok()) return printProblems(spec.commandLine().getErr(), file, checked.problems());
        PrintWriter out = spec.commandLine().getOut();
        out.print(study.describe());
        for (String note : checked.notes()) out.println("  note      " + note);
        out.println(file + ": OK");
        out.flush();
        return 0;
    }

    /** Prints every problem of a study file on its own line, then their count; returns exit code 2. */
    static int printProblems(PrintWriter err, Path file, StudyFileException e) {
        return printProblems(err, file, e.problems());
    }

    /** Prints the problems on their own lines, then their count; returns exit code 2. */
    static int printProblems(PrintWriter err, Path file, List<StudyProblem> problems) {
        for (StudyProblem p : problems) err.println("gutbrain: error: " + file + ":" + p.withFix());
        err.println("gutbrain: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + file);
        err.flush();
        return 2;
    }
}
