package io.gutbrain.cli.bench;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.BundledData;
import io.gutbrain.io.BiomHdf5;
import io.gutbrain.io.TableIO;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.SyntheticTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Load time and heap per non-zero for the American Gut BIOM JSON and a seeded synthetic BIOM
 * HDF5 table. The peer side (Python's {@code biom.load_table} on the same files) is run by
 * {@code bench/load.sh}, which calls this command and prints the ratio.
 */
@Command(name = "load",
        description = "Time and heap of loading American Gut (BIOM JSON) and a seeded 3,000 x 10,000 BIOM HDF5 table.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain bench load --repeat 5 --keep-files bench-data")
public final class LoadBench implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--biom-json", paramLabel = "FILE", description = "BIOM JSON to load (default: the bundled American Gut 2014 table).")
    Path biomJson;

    @Option(names = "--samples", converter = OptionTypes.BenchSize.class, description = "Range: " + OptionTypes.BenchSize.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "3000") int samples;
    @Option(names = "--features", converter = OptionTypes.BenchSize.class, description = "Range: " + OptionTypes.BenchSize.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "10000") int features;
    @Option(names = "--density", converter = OptionTypes.PositiveFraction.class, defaultValue = "0.1", description = "Fraction of non-zero cells in the synthetic table (" + OptionTypes.PositiveFraction.HELP + "; default: ${DEFAULT-VALUE}).") double density;
    @Option(names = "--seed", converter = OptionTypes.Seed.class, description = "Range: " + OptionTypes.Seed.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "1") long seed;
    @Option(names = "--repeat", converter = OptionTypes.Repeats.class, description = "Range: " + OptionTypes.Repeats.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "5") int repeat;
    @Option(names = "--warmup", converter = OptionTypes.Warmups.class, description = "Range: " + OptionTypes.Warmups.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "2") int warmup;
    @Option(names = "--keep-files", paramLabel = "DIR", description = "Write the benchmark inputs here and keep them (for the peer tool).") Path keep;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("gutbrain-bench");
        Path json = biomJson;
        if (json == null) {
            BundledData.extractTo(dir.resolve("bundled"));
            json = dir.resolve("bundled/american-gut-2014/AG_100nt_even10k.biom.gz");
        }
        Path h5 = dir.resolve(String.format(Locale.ROOT, "synthetic_%dx%d_seed%d.biom", samples, features, seed));
        if (!Files.exists(h5)) BiomHdf5.write(SyntheticTables.counts(samples, features, density, seed), h5);

        out.printf(Locale.ROOT, "%-48s %10s %12s %10s %12s %10s%n", "file", "non-zeros", "median (s)", "min (s)", "heap (MB)", "bytes/nnz");
        for (Path p : new Path[]{json, h5}) {
            final Path file = p;
            FeatureTable probe = TableIO.read(file);
            Measure.Timing timing = Measure.time(warmup, repeat, () -> TableIO.read(file));
            long heap = Measure.retainedBytes(() -> TableIO.read(file));
            out.printf(Locale.ROOT, "%-48s %,10d %12.3f %10.3f %12.1f %10.1f%n", file.getFileName(), probe.nonZeroCount(),
                    timing.median(), timing.min(), heap / 1e6, heap / (double) probe.nonZeroCount());
        }
        String gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).collect(java.util.stream.Collectors.joining(", "));
        out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", max heap: " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB, GC: " + gc + " (G1 rounds arrays over half a region up to whole regions; ParallelGC shows the objects' own size)");
        if (keep == null) {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        out.flush();
        return 0;
    }
}
