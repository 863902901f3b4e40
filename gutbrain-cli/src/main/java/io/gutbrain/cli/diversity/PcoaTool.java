package io.gutbrain.cli.diversity;

import io.gutbrain.cli.common.options.DataLimits;
import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.DistanceInput;
import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.ordination.PCoA;
import io.gutbrain.result.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Principal coordinates of a distance matrix; randomized subspace iteration for large N. */
@Command(name = "pcoa",
        description = "PCoA of a distance matrix: coordinates, eigenvalues, proportion explained (exact, or randomized for large N).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain diversity pcoa --distance braycurtis.tsv --axes 10 --out pcoa")
public final class PcoaTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--distance", required = true, paramLabel = "FILE") Path distance;
    @Option(names = "--method", converter = OptionTypes.PcoaMethod.class, defaultValue = "auto",
            description = "exact, randomized, or auto (exact up to " + PCoA.AUTO_EXACT_LIMIT + " samples) (default: ${DEFAULT-VALUE}).") String method;
    @Option(names = "--axes", converter = OptionTypes.Dimensions.class, defaultValue = "10", description = "Axes to report (" + OptionTypes.Dimensions.HELP + "; default: ${DEFAULT-VALUE}).") int axes;
    @Option(names = "--seed", converter = OptionTypes.Seed.class, defaultValue = "1", description = "Seed of the randomized method (" + OptionTypes.Seed.HELP + "; default: ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.", defaultValue = "0") int threads;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for coordinates.tsv, eigenvalues.tsv and provenance.json." + FolderOutput.OUT_RULES) Path out;
    @Mixin FolderOutput folder;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() throws Exception {
        PCoA.Method m;
        try {
            m = PCoA.Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--method", "unknown method '" + method + "'", "use exact, randomized or auto");
        }
        Console console = new Console(spec.commandLine().getErr(), quiet);
        Provenance prov = RunRecord.start(spec).input("distance", distance).seed(seed);
        DistanceMatrix dm = DistanceInput.read(distance);
        if (spec.commandLine().getParseResult().hasMatchedOption("--axes")) {
            DataLimits.atMost("PCoA", "--axes", axes, dm.size() - 1, "the distance matrix has " + dm.size() + " samples");
        }
        PCoA.Result r = PCoA.compute(dm, m, axes, seed, threads);
        try (OutputFolder f = folder.stage(spec, out)) {
            r.writeCoordinates(f.resolve("coordinates.tsv"));
            r.writeEigenvalues(f.resolve("eigenvalues.tsv"));
            prov.parameter("methodUsed", r.method().name()).output("coordinates", f.resolve("coordinates.tsv"), out.resolve("coordinates.tsv"))
                    .output("eigenvalues", f.resolve("eigenvalues.tsv"), out.resolve("eigenvalues.tsv"));
            prov.write(f.resolve("provenance.json"));
            f.commit();
        }
        console.info(String.format(Locale.ROOT, "PCoA (%s) of %d samples: PC1 %.1f%%, PC2 %.1f%%; wrote %s", r.method().name().toLowerCase(Locale.ROOT),
                dm.size(), 100 * r.proportionExplained()[0], r.proportionExplained().length > 1 ? 100 * r.proportionExplained()[1] : 0, out));
        return 0;
    }
}
