package io.gutbrain.cli.diversity;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the diversity programs. */
@Command(name = "diversity",
        description = "Alpha and beta diversity, rarefaction and ordination (the same numbers as vegan / scikit-bio).",
        subcommands = {AlphaDiversityTool.class, BetaDiversityTool.class, RarefyTool.class, RarefactionCurveTool.class, PcoaTool.class, PcaTool.class},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain diversity alpha --table table.biom --metrics shannon,chao1 --out alpha.tsv")
public final class DiversityCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
