package io.gutbrain.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the benchmarks (performance is measured here, never in unit tests). */
@Command(name = "bench",
        description = "Benchmarks: time and memory of gutbrain's kernels on real and seeded synthetic data.",
        subcommands = {LoadBench.class, ExportBench.class, KernelsBench.class},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain bench load --repeat 5")
public final class BenchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
