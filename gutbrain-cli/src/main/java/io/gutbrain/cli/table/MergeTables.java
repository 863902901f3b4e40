package io.gutbrain.cli.table;

import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Merges tables from several runs or studies: the union of samples and features. */
@Command(name = "merge",
        description = "Merge tables: union of samples and features (a sample in two tables is an error unless --sum-overlapping).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain table merge run1.biom run2.biom --out merged.biom")
public final class MergeTables implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(arity = "2..*", paramLabel = "TABLE") List<Path> tables;
    @Option(names = "--out", required = true, paramLabel = "FILE") Path out;
    @Option(names = "--sum-overlapping", description = "Sum the counts of samples that appear in more than one table.") boolean sum;
    @Mixin TableInput input;
    @Mixin OutputTableOptions output;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        List<FeatureTable> loaded = new ArrayList<>();
        for (Path p : tables) loaded.add(input.load(p, console.warnings()));
        FeatureTable m = FeatureTable.merge(loaded, sum);
        output.write(m, out);
        console.info(String.format(Locale.ROOT, "merged %d tables: %d samples x %d features; wrote %s", tables.size(), m.sampleCount(), m.featureCount(), out));
        return 0;
    }
}
