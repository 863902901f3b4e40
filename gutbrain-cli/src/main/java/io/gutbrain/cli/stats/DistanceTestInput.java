package io.gutbrain.cli.stats;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.DistanceInput;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.result.Provenance;
import io.gutbrain.stats.PermutationOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the permutation tests: the matrix, metadata, permutations, seed, strata, output. */
public final class DistanceTestInput {
    @Option(names = "--distance", required = true, paramLabel = "FILE", description = "Distance matrix (square TSV or DistanceMatrix .qza).")
    Path distance;

    @Option(names = "--metadata", paramLabel = "FILE", description = "Sample metadata (QIIME 2 TSV or CSV).")
    Path metadata;

    @Option(names = "--permutations", converter = OptionTypes.Permutations.class, defaultValue = "999", description = "Permutations (" + OptionTypes.Permutations.HELP + "; default: ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--seed", converter = OptionTypes.Seed.class, defaultValue = "1", description = "Random seed (" + OptionTypes.Seed.HELP + "; default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--strata", paramLabel = "COLUMN", description = "Permute only within levels of this column (e.g. subject, for repeated measures).")
    String strata;

    @Option(names = "--threads", converter = OptionTypes.Threads.class, defaultValue = "0", description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.")
    int threads;

    @Option(names = "--out", required = true, paramLabel = "TSV", description = "Result table.")
    Path out;

    @Option(names = {"-q", "--quiet"}) boolean quiet;

    DistanceMatrix matrix() { return DistanceInput.read(distance); }

    SampleMetadata metadata() {
        if (metadata == null) {
            throw new io.gutbrain.error.InputException(null, "--metadata", "this test groups samples by a metadata column", "add --metadata FILE");
        }
        return MetadataFile.read(metadata);
    }

    Console console(CommandSpec spec) { return new Console(spec.commandLine().getErr(), quiet); }

    PermutationOptions options(Progress progress) {
        return new PermutationOptions(permutations, seed, threads, strata, progress);
    }

    Provenance provenance(CommandSpec spec) {
        Provenance p = RunRecord.start(spec).input("distance", distance).seed(seed);
        if (metadata != null) p.input("metadata", metadata);
        return p;
    }
}
