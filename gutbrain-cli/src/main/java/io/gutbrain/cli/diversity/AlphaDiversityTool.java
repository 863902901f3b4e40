package io.gutbrain.cli.diversity;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.diversity.alpha.AlphaDiversity;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.diversity.alpha.AlphaResult;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Per-sample alpha diversity; zero-depth samples are left out with a warning, never NaN rows. */
@Command(name = "alpha",
        description = "Per-sample alpha diversity: observed_features, shannon, simpson, inverse_simpson, pielou_e, chao1, ace, goods_coverage, berger_parker_d, faith_pd.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain diversity alpha --table table.biom --tree tree.nwk --metrics shannon,chao1,faith_pd --out alpha.tsv")
public final class AlphaDiversityTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--table", required = true, paramLabel = "FILE", description = "Count table (any supported format).") Path table;
    @Option(names = "--tree", paramLabel = "NEWICK", description = "Rooted tree for faith_pd (Newick or .qza).") Path tree;
    @Option(names = "--metrics", defaultValue = "observed_features,shannon,simpson,inverse_simpson,pielou_e,chao1",
            description = "Comma-separated metrics (default: ${DEFAULT-VALUE}).") String metrics;
    @Option(names = "--base", converter = OptionTypes.LogBase.class, description = "Logarithm base for shannon (" + OptionTypes.LogBase.HELP + "; default: e, as vegan; scikit-bio uses 2).") Double base;
    @Option(names = "--out", required = true, paramLabel = "TSV", description = "Output: sample-id plus one column per metric.") Path out;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, defaultValue = "0", description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.") int threads;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Mixin TableInput input;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        Provenance prov = RunRecord.start(spec).input("table", table);
        FeatureTable t = input.load(table, console.warnings());
        PhyloTree phylo = null;
        if (tree != null) {
            phylo = TreeIO.read(tree);
            prov.input("tree", tree);
        }
        List<AlphaMetric> list = AlphaMetric.byNames(base == null ? metrics : metrics.replace("shannon", "shannon_base" + trim(base)));
        AlphaResult r;
        try (Progress p = console.progress("alpha diversity", t.sampleCount())) {
            r = AlphaDiversity.compute(t, list, phylo, threads, p);
        }
        r.warnings().forEach(console::warn);
        r.write(out);
        prov.parameter("metrics_computed", r.metricNames());
        RunRecord.finishSidecar(prov, "alpha", out);
        console.info(String.format(Locale.ROOT, "wrote %s: %d samples x %d metrics%s", out, r.sampleIds().size(), r.metricNames().size(),
                r.excludedSamples().isEmpty() ? "" : " (" + r.excludedSamples().size() + " zero-depth sample(s) left out)"));
        return 0;
    }

    private static String trim(double b) { return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b); }
}
