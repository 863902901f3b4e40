package io.gutbrain.cli.study;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.Version;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.study.Study;
import io.gutbrain.study.StudyFile;
import io.gutbrain.study.StudyFileException;
import io.gutbrain.study.StudyInputs;
import io.gutbrain.study.StudyValidation;
import io.gutbrain.study.StudyPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Runs a whole study from its study file: QC, questionnaire scoring, rarefaction, alpha and beta
 * diversity, association, then one self-contained HTML report and the results database. Steps
 * are cached, so a re-run after changing only the association settings reuses the diversity
 * results. A bad study file or input is reported (every problem that {@code study check} finds, exit 2)
 * before anything is computed or written.
 */
@Command(name = "run",
        description = "Run a study file end to end: QC, measures, rarefaction, alpha/beta diversity, association; writes an HTML report and results.duckdb (steps cached).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain study run study.yaml --out results")
public final class RunStudy implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "The study file.") Path file;
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder: report/, results.duckdb, .cache/ (default: 'results' next to the study file). "
            + "A rerun works in the same folder; a folder gutbrain did not write is refused (see --force).")
    Path out;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, defaultValue = "0", description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.") int threads;
    @Mixin FolderOutput folder;
    @Option(names = {"-q", "--quiet"}, description = "No progress bars or step lines.") boolean quiet;
    @Option(names = "--log-json", description = "Log one JSON object per step event (start, finish with seconds and cached) on standard error.")
    boolean logJson;

    @Override public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StudyInputs inputs;
        try {
            // every check of 'study check', on the real inputs, before the output folder is touched
            inputs = StudyValidation.require(StudyFile.read(file));
        } catch (StudyFileException e) {
            return StudyCheckTool.printProblems(err, file, e);
        }
        Path dir = out != null ? out : file.toAbsolutePath().getParent().resolve("results");
        folder.claim(spec, dir);
        // the report folder is replaced at the end: refuse (or, with --force, clear) a foreign one before hours of work
        Path report = dir.resolve(StudyPipeline.REPORT_DIR);
        if (folder.force) OutputFolder.discardIfRefused(report);
        else OutputFolder.checkReplaceable(report);
        String command = RunRecord.commandLine(spec);
        StudyPipeline.Result r = run(inputs, dir, command, threads, new Console(err, quiet), err, logJson);
        spec.commandLine().getOut().println(r.report());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Runs the pipeline with terminal progress (or JSON events) and a closing summary line; shared with the demo. */
    public static StudyPipeline.Result run(Study study, Path dir, String command, int threads, Console console, PrintWriter err, boolean logJson) {
        return run(StudyValidation.require(study), dir, command, threads, console, err, logJson);
    }

    /** As {@link #run(Study, Path, String, int, Console, PrintWriter, boolean)} for inputs already read and checked. */
    public static StudyPipeline.Result run(StudyInputs inputs, Path dir, String command, int threads, Console console, PrintWriter err, boolean logJson) {
        Study study = inputs.study();
        long t0 = System.nanoTime();
        StudyPipeline.Result r = StudyPipeline.run(inputs, dir, new StudyPipeline.Options(Version.get(), command, threads),
                new StepLog(console, err, logJson));
        long cached = r.steps().stream().filter(s -> s.cached()).count();
        if (!logJson) {
            console.info(String.format(Locale.ROOT, "study %s finished in %.1fs (%d of %d steps from the cache); report: %s",
                    study.name(), (System.nanoTime() - t0) / 1e9, cached, r.steps().size(), r.report()));
        }
        return r;
    }
}
