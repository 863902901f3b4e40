package io.gutbrain.cli;

import io.gutbrain.cli.association.AssociateTool;
import io.gutbrain.cli.intervention.EngraftmentTool;
import io.gutbrain.cli.intervention.InterventionTool;
import io.gutbrain.cli.bench.BenchCommand;
import io.gutbrain.cli.common.Version;
import io.gutbrain.cli.common.options.UsageErrors;
import io.gutbrain.cli.diversity.DiversityCommand;
import io.gutbrain.cli.measures.MeasuresCommand;
import io.gutbrain.cli.modules.ModulesCommand;
import io.gutbrain.cli.simulate.SimulateCommand;
import io.gutbrain.cli.runs.RunsCommand;
import io.gutbrain.cli.stats.StatsCommand;
import io.gutbrain.cli.study.StudyCommand;
import io.gutbrain.cli.table.TableCommand;
import io.gutbrain.error.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code gutbrain} command. Each program is one class in a package named after its domain
 * (GATK/Picard style); this class only wires them together and turns errors into exit codes:
 * 0 success, 1 internal error (a bug: please report), 2 bad input or bad arguments.
 */
@Command(name = "gutbrain",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = "Gut-brain axis microbiome analysis: load, validate and analyse microbiome tables with mental-health data.",
        subcommands = {
                TableCommand.class,
                MeasuresCommand.class,
                DiversityCommand.class,
                StatsCommand.class,
                AssociateTool.class,
                InterventionTool.class,
                EngraftmentTool.class,
                ModulesCommand.class,
                StudyCommand.class,
                SimulateCommand.class,
                RunsCommand.class,
                DemoCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class,
        },
        footerHeading = "%nExample:%n",
        footer = "  gutbrain table summarize table.biom --metadata metadata.tsv")
public final class GutbrainMain implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    // Global input limits (io.gutbrain.io.InputLimits), accepted before or after any subcommand.
    @CommandLine.Option(names = "--max-line-length", scope = CommandLine.ScopeType.INHERIT, paramLabel = "N",
            converter = io.gutbrain.cli.common.options.OptionTypes.InputSize.class,
            description = "Longest line accepted in a text input, in characters (default 64M = 67,108,864; K/M/G suffixes allowed).")
    Long maxLineLength;

    @CommandLine.Option(names = "--max-input-ratio", scope = CommandLine.ScopeType.INHERIT, paramLabel = "N",
            converter = io.gutbrain.cli.common.options.OptionTypes.InputSize.class,
            description = "Largest decompressed:compressed ratio of a gzip file or .qza member once it passes 1 GiB (default 1000).")
    Long maxInputRatio;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured command line (also used by tests). */
    public static CommandLine commandLine() {
        GutbrainMain main = new GutbrainMain();
        CommandLine cl = new CommandLine(main);
        cl.setExecutionStrategy(pr -> InputLimitOptions.apply(pr, main.maxLineLength, main.maxInputRatio, new CommandLine.RunLast()));
        cl.setExecutionExceptionHandler(GutbrainMain::handleExecutionException);
        cl.setParameterExceptionHandler(GutbrainMain::handleParameterException);
        return cl;
    }

    public static void main(String[] args) {
        int code;
        CommandLine cl = commandLine();
        try {
            code = cl.execute(args);
            cl.getOut().flush();
            cl.getErr().flush();
        } catch (OutOfMemoryError e) {
            System.err.println("gutbrain: error: out of memory (fix: raise the heap, e.g. GUTBRAIN_JAVA_OPTS=-Xmx16g ./gutbrain ...)");
            code = 1;
        }
        System.exit(code);
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        Throwable t = ex;
        while (!(t instanceof InputException) && t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (t instanceof InputException) {
            err.println("gutbrain: error: " + ((InputException) t).oneLine());
            err.flush();
            return 2;
        }
        err.println("gutbrain: internal error: " + ex + " (this is a bug; please report it with the command you ran;"
                + " set GUTBRAIN_DEBUG=1 for details)");
        if (System.getenv("GUTBRAIN_DEBUG") != null) ex.printStackTrace(err);
        err.flush();
        return 1;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("gutbrain: error: " + UsageErrors.oneLine(ex));
        err.flush();
        return 2;
    }
}
