package io.gutbrain.cli.stats;

import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.stats.Anosim;
import io.gutbrain.stats.TestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** ANOSIM (Clarke 1993): rank-based test of between- vs within-group distances. */
@Command(name = "anosim",
        description = "ANOSIM (Clarke 1993): R statistic from ranked distances and permutation p.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain stats anosim --distance dm.tsv --metadata md.tsv --formula group --out anosim.tsv")
public final class AnosimTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DistanceTestInput in;
    @Option(names = "--formula", required = true, description = "The grouping column.") String column;

    @Override public Integer call() {
        Console console = in.console(spec);
        TestSummary r;
        try (Progress p = console.progress("ANOSIM", in.permutations)) {
            r = Anosim.test(in.matrix(), in.metadata(), column.strip(), in.options(p), console.warnings());
        }
        r.write(in.out);
        RunRecord.finishSidecar(in.provenance(spec), "anosim", in.out);
        if (!in.quiet) spec.commandLine().getOut().print(r.toTsv());
        return 0;
    }
}
