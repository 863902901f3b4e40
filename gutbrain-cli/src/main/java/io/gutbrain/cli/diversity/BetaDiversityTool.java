package io.gutbrain.cli.diversity;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.diversity.beta.BetaDiversity;
import io.gutbrain.diversity.beta.BetaMetric;
import io.gutbrain.diversity.beta.BetaOptions;
import io.gutbrain.diversity.beta.BetaResult;
import io.gutbrain.diversity.unifrac.UniFrac;
import io.gutbrain.diversity.unifrac.UniFracResult;
import io.gutbrain.diversity.unifrac.UniFracVariant;
import io.gutbrain.error.InputException;
import io.gutbrain.io.DistanceMatrixFormat;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Pairwise beta diversity into a scikit-bio / QIIME 2 square distance matrix. */
@Command(name = "beta",
        description = "Beta diversity distance matrix: braycurtis, jaccard, canberra, euclidean, hellinger, aitchison, robust-aitchison, and UniFrac variants (with --tree).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain diversity beta --table table.biom --tree tree.nwk --metric weighted-normalized-unifrac --threads 2 --out dm.tsv")
public final class BetaDiversityTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--table", required = true, paramLabel = "FILE") Path table;
    @Option(names = "--tree", paramLabel = "NEWICK", description = "Rooted tree (Newick or .qza), needed for the UniFrac metrics.") Path tree;
    @Option(names = "--metric", required = true, description = "braycurtis, jaccard, canberra, euclidean, hellinger, aitchison, robust-aitchison, "
            + "unweighted-unifrac, weighted-unifrac, weighted-normalized-unifrac, generalized-unifrac.") String metric;
    @Option(names = "--alpha", converter = OptionTypes.Fraction.class, defaultValue = "0.5", description = "Generalized UniFrac alpha (" + OptionTypes.Fraction.HELP + "; default: ${DEFAULT-VALUE}).") double alpha;
    @Option(names = "--pseudocount", converter = OptionTypes.Positive.class, defaultValue = "1", description = "Aitchison: added to every count before the log (" + OptionTypes.Positive.HELP + "; default: ${DEFAULT-VALUE}).") double pseudocount;
    @Option(names = "--multiplicative-replacement", description = "Aitchison: replace zeros multiplicatively instead of adding --pseudocount.") boolean multiplicative;
    @Option(names = "--float32", description = "Store distances in single precision (half the memory).") boolean float32;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, defaultValue = "0", description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.") int threads;
    @Option(names = "--out", required = true, paramLabel = "TSV", description = "Square distance matrix (scikit-bio / QIIME 2 layout).") Path out;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Mixin TableInput input;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        Provenance prov = RunRecord.start(spec).input("table", table).parameter("metric", metric).parameter("threads", threads);
        FeatureTable t = input.load(table, console.warnings());
        long pairs = (long) t.sampleCount() * (t.sampleCount() - 1) / 2;
        UniFracVariant variant = metric.endsWith("unifrac") ? UniFracVariant.fromCliName(metric) : null;
        DistanceMatrix dm;
        List<String> warnings = new ArrayList<>();
        if (variant != null) {
            if (tree == null) throw new InputException(null, "--tree", metric + " needs a rooted tree", "add --tree tree.nwk");
            PhyloTree phylo = TreeIO.read(tree);
            prov.input("tree", tree).parameter("alpha", alpha);
            UniFracResult r;
            try (Progress p = console.progress(metric, pairs)) {
                r = UniFrac.compute(t, phylo, variant, alpha, threads, float32, p);
            }
            dm = r.distances();
            warnings.addAll(r.warnings());
        } else {
            BetaMetric m = BetaMetric.byName(metric);
            BetaOptions o = new BetaOptions(threads, float32, pseudocount, multiplicative, Double.NaN);
            BetaResult r;
            try (Progress p = console.progress(metric, t.sampleCount())) {
                r = BetaDiversity.compute(t, m, o, p);
            }
            dm = r.distances();
            warnings.addAll(r.warnings());
            prov.parameter("pseudocount", pseudocount).parameter("multiplicativeReplacement", multiplicative);
        }
        warnings.forEach(console::warn);
        DistanceMatrixFormat.write(dm, out);
        RunRecord.finishSidecar(prov, "distance matrix", out);
        console.info(String.format(Locale.ROOT, "wrote %s: %d x %d %s distances", out, dm.size(), dm.size(), metric));
        return 0;
    }
}
