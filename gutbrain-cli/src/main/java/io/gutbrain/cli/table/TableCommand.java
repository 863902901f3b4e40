package io.gutbrain.cli.table;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the feature-table programs. */
@Command(name = "table",
        description = "Inspect, convert, filter, collapse and merge feature tables.",
        subcommands = {SummarizeTable.class, ConvertTable.class, FilterTable.class, CollapseTable.class, MergeTables.class},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain table summarize table.biom")
public final class TableCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
