package io.gutbrain.cli.diversity;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.diversity.Rarefaction;
import io.gutbrain.diversity.RarefactionCurve;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.result.Provenance;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.io.TreeIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Alpha diversity against sequencing depth: mean and 95% interval over repeated draws. */
@Command(name = "curve",
        description = "Rarefaction curves: alpha diversity vs depth, mean and 95%% interval over repeated seeded draws.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain diversity curve --table table.biom --metrics observed_features,shannon --max-depth 20000 --steps 10 --iterations 10 --out curve.tsv")
public final class RarefactionCurveTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--table", required = true, paramLabel = "FILE") Path table;
    @Option(names = "--tree", paramLabel = "NEWICK") Path tree;
    @Option(names = "--metrics", defaultValue = "observed_features,shannon") String metrics;
    @Option(names = "--depths", converter = OptionTypes.Depth.class, split = ",", paramLabel = "D", description = "Depths to evaluate, comma-separated (each " + OptionTypes.Depth.HELP + "); or use --max-depth and --steps.") long[] depths;
    @Option(names = "--max-depth", converter = OptionTypes.Depth.class, description = "Largest depth (" + OptionTypes.Depth.HELP + "; default: the median sample depth).") Long maxDepth;
    @Option(names = "--steps", converter = OptionTypes.CurveSteps.class, defaultValue = "10", description = "Number of evenly spaced depths up to --max-depth (" + OptionTypes.CurveSteps.HELP + "; default: ${DEFAULT-VALUE}).") int steps;
    @Option(names = "--iterations", converter = OptionTypes.Iterations.class, defaultValue = "10", description = "Draws per depth (" + OptionTypes.Iterations.HELP + "; default: ${DEFAULT-VALUE}).") int iterations;
    @Option(names = "--seed", converter = OptionTypes.Seed.class, description = "Random seed (" + OptionTypes.Seed.HELP + "; default: ${DEFAULT-VALUE}); results do not depend on --threads.", defaultValue = "1") long seed;
    @Option(names = "--out", required = true, paramLabel = "TSV") Path out;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.", defaultValue = "0") int threads;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Mixin TableInput input;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        Provenance prov = RunRecord.start(spec).input("table", table).seed(seed);
        FeatureTable t = input.load(table, console.warnings());
        PhyloTree phylo = tree == null ? null : TreeIO.read(tree);
        if (tree != null) prov.input("tree", tree);
        long[] d = depths != null ? depths : evenDepths(t);
        List<AlphaMetric> list = AlphaMetric.byNames(metrics);
        RarefactionCurve c;
        try (Progress p = console.progress("rarefaction curves", (long) t.sampleCount() * d.length)) {
            c = Rarefaction.curve(t, list, phylo, d, iterations, seed, threads, p);
        }
        c.warnings().forEach(console::warn);
        c.write(out);
        prov.parameter("depths_used", Arrays.toString(d)).parameter("metrics_computed", c.metricNames());
        RunRecord.finishSidecar(prov, "rarefaction curves", out);
        console.info(String.format(Locale.ROOT, "wrote %s: %d samples x %d depths x %d metrics", out, t.sampleCount(), d.length, c.metricNames().size()));
        return 0;
    }

    private long[] evenDepths(FeatureTable t) {
        double[] totals = t.sampleTotals();
        Arrays.sort(totals);
        long max = maxDepth != null ? maxDepth : (long) totals[totals.length / 2];
        if (max < 1) { // only the default can get here: --max-depth itself is at least 1
            throw new io.gutbrain.error.AnalysisException("rarefaction curve", "the median sample depth is " + max + " reads, so there is no depth to draw at",
                    "give --max-depth or --depths, or drop empty samples with gutbrain table filter --min-depth 1");
        }
        long[] d = Arrays.stream(java.util.stream.LongStream.rangeClosed(1, steps).map(i -> Math.max(1, Math.round(max * (double) i / steps))).toArray())
                .distinct().toArray();
        return d;
    }
}
