package io.gutbrain.cli.diversity;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.diversity.beta.BetaDiversity;
import io.gutbrain.diversity.beta.BetaOptions;
import io.gutbrain.diversity.beta.BetaResult;
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
        // whether the metric needs a tree is the engine's decision; the CLI only names its option
        boolean phylogenetic = BetaDiversity.needsTree(metric);
        if (!BetaDiversity.metricNames().contains(metric)) { // refused before the table is read
            throw new InputException(null, "--metric", "unknown beta-diversity metric '" + metric + "'",
                    "use one of: " + String.join(", ", BetaDiversity.metricNames()));
        }
        if (phylogenetic && tree == null) throw new InputException(null, "--tree", metric + " needs a rooted tree", "add --tree tree.nwk");
        // every option, --float32 included, is recorded from the parsed command
        Provenance prov = RunRecord.start(spec).input("table", table);
        FeatureTable t = input.load(table, console.warnings());
        PhyloTree phylo = null;
        if (phylogenetic) {
            phylo = TreeIO.read(tree);
            prov.input("tree", tree);
        }
        BetaOptions o = new BetaOptions(threads, float32, pseudocount, multiplicative, Double.NaN, alpha);
        long pairs = (long) t.sampleCount() * (t.sampleCount() - 1) / 2;
        BetaResult r;
        try (Progress p = console.progress(metric, phylogenetic ? pairs : t.sampleCount())) {
            r = BetaDiversity.compute(t, phylo, metric, o, p);
        }
        DistanceMatrix dm = r.distances();
        r.warnings().forEach(console::warn);
        DistanceMatrixFormat.write(dm, out);
        RunRecord.finishSidecar(prov, "distance matrix", out);
        console.info(String.format(Locale.ROOT, "wrote %s: %d x %d %s distances", out, dm.size(), dm.size(), metric));
        return 0;
    }
}
