package io.gutbrain.cli.stats;

import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.stats.PairwisePermanova;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** PERMANOVA for every pair of levels, with Benjamini–Hochberg adjusted p. */
@Command(name = "pairwise-permanova",
        description = "PERMANOVA for every pair of levels of a column, with Benjamini-Hochberg q-values.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain stats pairwise-permanova --distance dm.tsv --metadata md.tsv --formula diagnosis --out pairwise.tsv")
public final class PairwisePermanovaTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DistanceTestInput in;
    @Option(names = "--formula", required = true, description = "The grouping column.") String column;

    @Override public Integer call() {
        Console console = in.console(spec);
        PairwisePermanova.Result r;
        try (Progress p = console.progress("pairwise PERMANOVA", in.permutations)) {
            r = PairwisePermanova.test(in.matrix(), in.metadata(), column.strip(), in.options(p), console.warnings());
        }
        r.write(in.out);
        RunRecord.finishSidecar(in.provenance(spec), "pairwise permanova", in.out);
        if (!in.quiet) spec.commandLine().getOut().print(r.toTsv());
        return 0;
    }
}
