package io.gutbrain.cli.diversity;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.diversity.Rarefaction;
import io.gutbrain.diversity.Rarefied;
import io.gutbrain.io.TableIO;
import io.gutbrain.result.Provenance;
import io.gutbrain.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Subsampling without replacement to an even depth, seeded; shallower samples are dropped and listed. */
@Command(name = "rarefy",
        description = "Subsample every sample without replacement to one depth (seeded); samples below it are dropped and listed.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain diversity rarefy --table table.biom --depth 10000 --seed 1 --out rarefied.biom")
public final class RarefyTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--table", required = true, paramLabel = "FILE") Path table;
    @Option(names = "--depth", converter = OptionTypes.Depth.class, required = true, description = "Reads per sample after rarefaction (" + OptionTypes.Depth.HELP + ").") long depth;
    @Option(names = "--seed", converter = OptionTypes.Seed.class, defaultValue = "1", description = "Random seed (" + OptionTypes.Seed.HELP + "; default: ${DEFAULT-VALUE}); results do not depend on --threads.") long seed;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output table (.biom = HDF5, .json = BIOM JSON, else TSV).") Path out;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.", defaultValue = "0") int threads;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Mixin TableInput input;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        Provenance prov = RunRecord.start(spec).input("table", table).seed(seed);
        FeatureTable t = input.load(table, console.warnings());
        Rarefied r;
        try (Progress p = console.progress("rarefying", t.sampleCount())) {
            r = Rarefaction.rarefy(t, depth, seed, threads, p);
        }
        r.warnings().forEach(console::warn);
        TableIO.write(r.table(), out, TableIO.formatForOutput(out));
        prov.parameter("droppedSamples", r.droppedSamples());
        RunRecord.finishSidecar(prov, "rarefied table", out);
        console.info(String.format(Locale.ROOT, "wrote %s: %d samples at depth %d (%d dropped)", out, r.table().sampleCount(), depth, r.droppedSamples().size()));
        return 0;
    }
}
