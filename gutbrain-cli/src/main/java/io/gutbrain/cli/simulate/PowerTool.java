package io.gutbrain.cli.simulate;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.error.InputException;
import io.gutbrain.result.Provenance;
import io.gutbrain.simulate.PowerAnalysis;
import io.gutbrain.simulate.SimulationParameters;
import io.gutbrain.simulate.SimulationSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Power by simulation: the fraction of simulated cohorts in which the planted taxon effect is detected (see {@link PowerAnalysis}). */
@Command(name = "power",
        description = "Power by simulation: at each N, simulate many cohorts with a planted taxon effect and test Spearman(taxon CLR, PHQ-9).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain simulate power --effect -0.3 --n 50,100,200 --replicates 200 --seed 1 --out power.tsv")
public final class PowerTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--effect", converter = OptionTypes.Effect.class, required = true, description = "β of the target taxon: latent severity SDs per SD of its CLR (" + OptionTypes.Effect.HELP + "; sign only sets the direction).")
    double effect;
    @Option(names = "--taxon", defaultValue = "Coprococcus", description = "Target taxon: feature id or its unambiguous start (default: ${DEFAULT-VALUE}).")
    String taxon;
    @Option(names = "--n", converter = OptionTypes.Subjects.class, required = true, split = ",", paramLabel = "N,N,...", description = "Sample sizes, e.g. 50,100,200 (" + OptionTypes.Subjects.HELP + ").") List<Integer> sizes;
    @Option(names = "--replicates", converter = OptionTypes.Replicates.class, defaultValue = "200", description = "Simulated cohorts per sample size (" + OptionTypes.Replicates.HELP + "; default: ${DEFAULT-VALUE}).") int replicates;
    @Option(names = "--alpha", converter = OptionTypes.Probability.class, defaultValue = "0.05", description = "Significance level (" + OptionTypes.Probability.HELP + "; default: ${DEFAULT-VALUE}).") double alpha;
    @Option(names = "--seed", converter = OptionTypes.Seed.class, defaultValue = "1", description = "Random seed (" + OptionTypes.Seed.HELP + "; default: ${DEFAULT-VALUE}); results do not depend on --threads.") long seed;
    @Option(names = "--missing-rate", converter = OptionTypes.MissingRate.class, defaultValue = "0.02", description = "Probability that a questionnaire item is unanswered (" + OptionTypes.MissingRate.HELP + "; default: ${DEFAULT-VALUE}).")
    double missingRate;
    @Option(names = "--out", defaultValue = "power.tsv", paramLabel = "TSV", description = "Power per N (default: ${DEFAULT-VALUE}).") Path out;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, defaultValue = "0", description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.") int threads;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Mixin SourceOptions source;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        int[] ns = sizes.stream().mapToInt(Integer::intValue).toArray();
        if (ns.length == 0) throw new InputException(null, "--n", "no sample sizes given", "write e.g. --n 50,100,200");
        SimulationParameters base = SimulationParameters.defaults().withSeed(seed).withMissingRate(missingRate);
        SimulationSource src = source.load();
        PowerAnalysis.Result r;
        try (Progress p = console.progress("power", (long) ns.length * replicates)) {
            r = PowerAnalysis.run(src, base, taxon, effect, ns, replicates, alpha, threads, p);
        }
        r.write(out);
        Provenance prov = RunRecord.start(spec).seed(seed).parameter("taxon_tested", r.taxon())
                .parameter("source_name", src.name()).parameter("sourceCountsSha256", src.countsSha256()).parameter("simulated", true);
        RunRecord.finishSidecar(prov, "power", out);
        if (!quiet) spec.commandLine().getOut().print(r.toText());
        console.info("wrote " + out + " (power estimated on SIMULATED cohorts)");
        return 0;
    }
}
