package io.gutbrain.cli.bench;

import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.io.AtomicOutput;
import io.gutbrain.io.BiomHdf5;
import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.Newick;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.SyntheticTables;
import io.gutbrain.tree.SyntheticTrees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Writes one seeded benchmark problem in formats every peer tool reads, so that gutbrain,
 * scikit-bio, vegan and striped UniFrac are timed on identical data: {@code table.biom} (BIOM 2.1),
 * {@code table.tsv} (features as rows), {@code tree.nwk} (random tree over the features) and
 * {@code groups.tsv} (three random groups, for PERMANOVA).
 */
@Command(name = "export",
        description = "Write a seeded synthetic benchmark problem (table, tree, groups) for side-by-side runs with peer tools.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain bench export --samples 1000 --features 5000 --density 0.1 --seed 1 --out bench-1000x5000")
public final class ExportBench implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--samples", converter = OptionTypes.BenchSize.class, description = "Range: " + OptionTypes.BenchSize.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "1000") int samples;
    @Option(names = "--features", converter = OptionTypes.BenchSize.class, description = "Range: " + OptionTypes.BenchSize.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "5000") int features;
    @Option(names = "--density", converter = OptionTypes.PositiveFraction.class, description = "Range: " + OptionTypes.PositiveFraction.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "0.1") double density;
    @Option(names = "--seed", converter = OptionTypes.Seed.class, description = "Range: " + OptionTypes.Seed.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "1") long seed;
    @Option(names = "--groups", converter = OptionTypes.BenchGroups.class, description = "Range: " + OptionTypes.BenchGroups.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "3") int groups;
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder: table.biom, table.tsv, tree.nwk, groups.tsv." + FolderOutput.OUT_RULES) Path out;
    @Mixin FolderOutput folder;

    @Override public Integer call() throws Exception {
        FeatureTable t = SyntheticTables.counts(samples, features, density, seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder g = new StringBuilder("sample-id\tgroup\n");
        for (String id : t.sampleIds()) g.append(id).append("\tG").append(rnd.nextInt(groups) + 1).append('\n');
        String groupsTsv = g.toString();
        try (OutputFolder f = folder.stage(spec, out)) {
            BiomHdf5.write(t, f.resolve("table.biom"));
            ClassicTsv.write(t, f.resolve("table.tsv"));
            Newick.write(SyntheticTrees.random(t.featureIds(), seed), f.resolve("tree.nwk"));
            AtomicOutput.write(f.resolve("groups.tsv"), o -> o.write(groupsTsv.getBytes(StandardCharsets.UTF_8)));
            f.commit();
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d samples x %d features, %,d non-zeros (density %.4f), seed %d%n",
                out, t.sampleCount(), t.featureCount(), t.nonZeroCount(), t.density(), seed);
        return 0;
    }
}
