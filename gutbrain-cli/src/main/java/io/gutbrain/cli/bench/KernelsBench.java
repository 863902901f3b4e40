package io.gutbrain.cli.bench;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.diversity.alpha.AlphaDiversity;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.diversity.beta.BetaDiversity;
import io.gutbrain.diversity.beta.BetaMetric;
import io.gutbrain.diversity.beta.BetaOptions;
import io.gutbrain.diversity.unifrac.UniFrac;
import io.gutbrain.diversity.unifrac.UniFracVariant;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.Newick;
import io.gutbrain.io.TableIO;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.stats.Permanova;
import io.gutbrain.stats.PermutationOptions;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.util.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Times gutbrain's diversity kernels on a problem written by {@code bench export}, excluding file
 * loading (as the peer scripts in {@code bench/} do): the first call in this JVM (what a
 * command-line run pays, JIT warm-up included) and the best of the repeats.
 */
@Command(name = "diversity",
        description = "Time alpha, beta, UniFrac and PERMANOVA kernels on a 'bench export' problem (loading excluded).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain bench diversity --dir bench-1000x5000 --threads 1 --repeat 3")
public final class KernelsBench implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--dir", required = true, paramLabel = "DIR") Path dir;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, defaultValue = "0", description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.") int threads;
    @Option(names = "--repeat", converter = OptionTypes.Repeats.class, description = "Range: " + OptionTypes.Repeats.HELP + "; default: ${DEFAULT-VALUE}.", defaultValue = "3") int repeat;
    @Option(names = "--permutations", converter = OptionTypes.Permutations.class, description = "Permutations (" + OptionTypes.Permutations.HELP + "; default: ${DEFAULT-VALUE}).", defaultValue = "999") int permutations;
    @Option(names = "--only", split = ",", description = "Run only these tasks (names as printed).") List<String> only;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        FeatureTable table = TableIO.read(dir.resolve("table.biom"));
        double load = (System.nanoTime() - t0) / 1e9;
        PhyloTree tree = Newick.read(dir.resolve("tree.nwk"));
        SampleMetadata groups = MetadataFile.read(dir.resolve("groups.tsv"));
        out.printf(Locale.ROOT, "# %s: %d samples x %d features, %,d non-zeros; threads %d (cores %d); table load %.3f s%n",
                dir, table.sampleCount(), table.featureCount(), table.nonZeroCount(), threads, Runtime.getRuntime().availableProcessors(), load);
        out.println("task\tfirst_s\tbest_s");
        BetaOptions beta = BetaOptions.defaults().withThreads(threads);
        DistanceMatrix[] bc = new DistanceMatrix[1];
        Map<String, Runnable> tasks = new LinkedHashMap<>();
        tasks.put("alpha(shannon,observed,chao1,faith_pd)", () -> AlphaDiversity.compute(table,
                AlphaMetric.byNames("shannon,observed_features,chao1,faith_pd"), tree, threads, ProgressListener.NONE));
        tasks.put("braycurtis", () -> bc[0] = BetaDiversity.compute(table, BetaMetric.byName("braycurtis"), beta, ProgressListener.NONE).distances());
        tasks.put("jaccard", () -> BetaDiversity.compute(table, BetaMetric.byName("jaccard"), beta, ProgressListener.NONE));
        tasks.put("aitchison", () -> BetaDiversity.compute(table, BetaMetric.byName("aitchison"), beta, ProgressListener.NONE));
        for (UniFracVariant v : new UniFracVariant[]{UniFracVariant.UNWEIGHTED, UniFracVariant.WEIGHTED_NORMALIZED}) {
            tasks.put(v.cliName(), () -> UniFrac.compute(table, tree, v, 0.5, threads, false, ProgressListener.NONE));
        }
        tasks.put("permanova(" + permutations + ")", () -> {
            if (bc[0] == null) bc[0] = BetaDiversity.compute(table, BetaMetric.byName("braycurtis"), beta, ProgressListener.NONE).distances();
            Permanova.test(bc[0], groups, "group", new PermutationOptions(permutations, 1, threads, null, ProgressListener.NONE), new Warnings());
        });
        for (Map.Entry<String, Runnable> e : tasks.entrySet()) {
            if (only != null && !only.contains(e.getKey())) continue;
            Measure.Timing first = Measure.time(0, 1, e.getValue());
            Measure.Timing best = Measure.time(0, repeat, e.getValue());
            out.printf(Locale.ROOT, "%s\t%.3f\t%.3f%n", e.getKey(), first.min(), best.min());
            out.flush();
        }
        return 0;
    }
}
