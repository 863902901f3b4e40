package io.gutbrain.cli.study;

import io.gutbrain.study.Study;
import io.gutbrain.study.StudyFile;
import io.gutbrain.study.StudyFileException;
import io.gutbrain.study.StudyProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Validates a study file without running anything. Every problem is printed on its own line with
 * its line number and how to fix it (exit 2); a valid file prints a summary (exit 0).
 */
@Command(name = "check",
        description = "Validate a study file (keys, values, files, metadata columns, questionnaire items) and print what would run.",
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
        PrintWriter out = spec.commandLine().getOut();
        out.print(study.describe());
        out.println(file + ": OK");
        out.flush();
        return 0;
    }

    /** Prints every problem of a study file on its own line, then their count; returns exit code 2. */
    static int printProblems(PrintWriter err, Path file, StudyFileException e) {
        for (StudyProblem p : e.problems()) err.println("gutbrain: error: " + file + ":" + p.withFix());
        err.println("gutbrain: " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " in " + file);
        err.flush();
        return 2;
    }
}
