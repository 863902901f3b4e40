package io.gutbrain.cli.runs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the programs that read a study's results store ({@code results.duckdb}). */
@Command(name = "runs",
        description = "Inspect the runs recorded in a study's results store: list, show, export a result table, query with SQL.",
        subcommands = {ListRuns.class, ShowRun.class, ExportTable.class, SqlQuery.class},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain runs list --study my-study")
public final class RunsCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
