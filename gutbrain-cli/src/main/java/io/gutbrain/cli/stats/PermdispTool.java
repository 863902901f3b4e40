package io.gutbrain.cli.stats;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.error.InputException;
import io.gutbrain.stats.Permdisp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Locale;
import java.util.concurrent.Callable;

/** PERMDISP (vegan betadisper): do groups differ in dispersion, which PERMANOVA confounds with location? */
@Command(name = "permdisp",
        description = "PERMDISP (vegan betadisper): distances to group centroid or spatial median, ANOVA F and permutation p.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain stats permdisp --distance dm.tsv --metadata md.tsv --formula group --type median --out permdisp.tsv")
public final class PermdispTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DistanceTestInput in;
    @Option(names = "--formula", required = true, description = "The grouping column.") String column;
    @Option(names = "--type", converter = OptionTypes.PermdispType.class, defaultValue = "median", description = "median (vegan's default, spatial median) or centroid (default: ${DEFAULT-VALUE}).") String type;

    @Override public Integer call() {
        Permdisp.Type t;
        try {
            t = Permdisp.Type.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--type", "unknown type '" + type + "'", "use median or centroid");
        }
        Console console = in.console(spec);
        Permdisp.Result r;
        try (Progress p = console.progress("PERMDISP", in.permutations)) {
            r = Permdisp.test(in.matrix(), in.metadata(), column.strip(), t, in.options(p), console.warnings());
        }
        r.write(in.out);
        RunRecord.finishSidecar(in.provenance(spec), "permdisp", in.out);
        if (!in.quiet) spec.commandLine().getOut().print(r.toTsv());
        return 0;
    }
}
