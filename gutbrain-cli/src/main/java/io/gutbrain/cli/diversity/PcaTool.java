package io.gutbrain.cli.diversity;

import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.error.InputException;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.ordination.PCA;
import io.gutbrain.report.Provenance;
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
    @Option(names = "--pseudocount", defaultValue = "1", description = "Added to every count before the log (default: ${DEFAULT-VALUE}).") double pseudocount;
    @Option(names = "--components", defaultValue = "5", description = "Components to report (default: ${DEFAULT-VALUE}).") int components;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the randomized SVD used for large tables (default: ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--threads", defaultValue = "0") int threads;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for scores.tsv, loadings.tsv, variance.tsv and provenance.json." + FolderOutput.OUT_RULES) Path out;
    @Mixin FolderOutput folder;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Mixin TableInput input;

    @Override public Integer call() throws Exception {
        if (components < 1) throw new InputException(null, "--components", "must be at least 1", "e.g. --components 5");
        Console console = new Console(spec.commandLine().getErr(), quiet);
        Provenance prov = RunRecord.start(spec).input("table", table).seed(seed).parameter("pseudocount", pseudocount).parameter("components", components);
        FeatureTable t = input.load(table, console.warnings());
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
