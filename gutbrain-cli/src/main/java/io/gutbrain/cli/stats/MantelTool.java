package io.gutbrain.cli.stats;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.DistanceInput;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.error.InputException;
import io.gutbrain.stats.Mantel;
import io.gutbrain.stats.TestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Mantel test between two distance matrices (e.g. microbiome vs symptom-profile distances). */
@Command(name = "mantel",
        description = "Mantel test: Pearson or Spearman correlation between two distance matrices, permutation p.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain stats mantel --distance braycurtis.tsv --distance2 jaccard.tsv --method spearman --out mantel.tsv")
public final class MantelTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DistanceTestInput in;
    @Option(names = "--distance2", required = true, paramLabel = "FILE", description = "The second distance matrix (same ids, any order).") Path second;
    @Option(names = "--method", converter = OptionTypes.MantelMethod.class, defaultValue = "pearson", description = "pearson or spearman (default: ${DEFAULT-VALUE}).") String method;
    @Option(names = "--alternative", converter = OptionTypes.MantelAlternative.class, defaultValue = "two-sided", description = "two-sided, greater or less (default: ${DEFAULT-VALUE}).") String alternative;

    @Override public Integer call() {
        Mantel.Method m = parse(Mantel.Method.class, method, "--method", "pearson or spearman");
        Mantel.Alternative a = parse(Mantel.Alternative.class, alternative.replace('-', '_'), "--alternative", "two-sided, greater or less");
        Console console = in.console(spec);
        TestSummary r;
        try (Progress p = console.progress("Mantel", in.permutations)) {
            r = Mantel.test(in.matrix(), DistanceInput.read(second), m, a, in.options(p), console.warnings());
        }
        r.write(in.out);
        RunRecord.finishSidecar(in.provenance(spec).input("distance2", second), "mantel", in.out);
        if (!in.quiet) spec.commandLine().getOut().print(r.toTsv());
        return 0;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String option, String valid) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(null, option, "unknown value '" + value + "'", "use " + valid);
        }
    }
}
