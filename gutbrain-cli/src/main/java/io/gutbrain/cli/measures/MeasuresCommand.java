package io.gutbrain.cli.measures;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the mental-health measure programs. */
@Command(name = "measures",
        description = "Mental-health instruments (PHQ-9, GAD-7, PSS-10, HADS, BDI-II, Bristol, custom) scored from item columns.",
        subcommands = {ScoreMeasures.class},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain measures score --metadata md.tsv --instrument phq9 --out scores.tsv")
public final class MeasuresCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
