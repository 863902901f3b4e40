package io.gutbrain.cli.stats;

import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.result.Provenance;
import io.gutbrain.stats.Permanova;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** PERMANOVA (Anderson 2001); several terms are tested in sequence like vegan adonis2(by = "terms"). */
@Command(name = "permanova",
        description = "PERMANOVA: pseudo-F, R2 and permutation p; terms in sequence like vegan adonis2(by=\"terms\"); --strata for repeated measures.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain stats permanova --distance dm.tsv --metadata md.tsv --formula \"time + group\" --strata subject --permutations 999 --seed 1 --out permanova.tsv")
public final class PermanovaTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DistanceTestInput in;

    @Option(names = "--formula", required = true, description = "Right-hand side: one column, or terms joined by '+' (tested in sequence).")
    String formula;

    @Override public Integer call() {
        Console console = in.console(spec);
        DistanceMatrix dm = in.matrix();
        SampleMetadata md = in.metadata();
        Warnings w = console.warnings();
        List<Permanova.Term> terms = Permanova.terms(md, formula, "--formula");
        Permanova.Result r;
        try (Progress p = console.progress("PERMANOVA", in.permutations)) {
            r = Permanova.run(dm, md, terms, in.options(p), w);
        }
        r.write(in.out);
        Provenance prov = in.provenance(spec);
        RunRecord.finishSidecar(prov, "permanova", in.out);
        if (!in.quiet) spec.commandLine().getOut().print(r.toTsv());
        return 0;
    }
}
