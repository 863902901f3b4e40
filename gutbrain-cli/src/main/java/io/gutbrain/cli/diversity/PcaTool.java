package io.gutbrain.cli.diversity;

import io.gutbrain.cli.common.options.DataLimits;
import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.error.InputException;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.ordination.PCA;
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

/** PCA of CLR-transformed abundances (the compositional counterpart of PCoA on Aitchison distance). */
@Command(name = "pca",
        description = "PCA on CLR-transformed abundances: sample scores, feature loadings, variance explained.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain diversity pca --table table.biom --pseudocount 1 --components 5 --out pca")
public final class PcaTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--table", required = true, paramLabel = "FILE") Path table;
    @Option(names = "--pseudocount", converter = OptionTypes.Positive.class, defaultValue = "1", description = "Added to every count before the log (" + OptionTypes.Positive.HELP + "; default: ${DEFAULT-VALUE}).") double pseudocount;
    @Option(names = "--components", converter = OptionTypes.Dimensions.class, defaultValue = "5", description = "Components to report (" + OptionTypes.Dimensions.HELP + "; default: ${DEFAULT-VALUE}).") int components;
    @Option(names = "--seed", converter = OptionTypes.Seed.class, defaultValue = "1", description = "Seed of the randomized SVD used for large tables (" + OptionTypes.Seed.HELP + "; default: ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.", defaultValue = "0") int threads;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for scores.tsv, loadings.tsv, variance.tsv and provenance.json." + FolderOutput.OUT_RULES) Path out;
    @Mixin FolderOutput folder;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Mixin TableInput input;

    @Override public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        Provenance prov = RunRecord.start(spec).input("table", table).seed(seed);
        FeatureTable t = input.load(table, console.warnings());
        if (spec.commandLine().getParseResult().hasMatchedOption("--components")) {
            DataLimits.atMost("PCA", "--components", components, Math.min(t.sampleCount(), t.featureCount()) - 1,
                    "the table has " + t.sampleCount() + " samples and " + t.featureCount() + " features");
        }
        PCA.Result r = PCA.clr(t, pseudocount, components, seed, threads);
        try (OutputFolder f = folder.stage(spec, out)) {
            r.writeScores(f.resolve("scores.tsv"));
            r.writeLoadings(f.resolve("loadings.tsv"));
            r.writeVariance(f.resolve("variance.tsv"));
            prov.output("scores", f.resolve("scores.tsv"), out.resolve("scores.tsv")).output("loadings", f.resolve("loadings.tsv"), out.resolve("loadings.tsv"))
                    .output("variance", f.resolve("variance.tsv"), out.resolve("variance.tsv"));
            prov.write(f.resolve("provenance.json"));
            f.commit();
        }
        console.info(String.format(Locale.ROOT, "PCA of CLR(%d samples x %d features): PC1 %.1f%%; wrote %s", t.sampleCount(), t.featureCount(),
                100 * r.proportionExplained()[0], out));
        return 0;
    }
}
