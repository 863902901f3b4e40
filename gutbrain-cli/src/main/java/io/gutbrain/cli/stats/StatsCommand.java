package io.gutbrain.cli.stats;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the tests on distance matrices. */
@Command(name = "stats",
        description = "Tests on distance matrices: PERMANOVA, PERMDISP, ANOSIM, Mantel, pairwise PERMANOVA.",
        subcommands = {PermanovaTool.class, PermdispTool.class, AnosimTool.class, MantelTool.class, PairwisePermanovaTool.class},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain stats permanova --distance dm.tsv --metadata md.tsv --formula group --permutations 999 --seed 1 --out permanova.tsv")
public final class StatsCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
