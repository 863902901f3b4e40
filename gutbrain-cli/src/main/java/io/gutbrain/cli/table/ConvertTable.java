package io.gutbrain.cli.table;

import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.io.BiomJson;
import io.gutbrain.io.TableFormat;
import io.gutbrain.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Converts a table between formats; any readable format in, BIOM JSON / HDF5 / TSV out. */
@Command(name = "convert",
        description = "Convert a table to BIOM JSON, BIOM HDF5 (2.1) or QIIME TSV.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain table convert otu_table.tsv otu_table.biom --to biom-hdf5")
public final class ConvertTable implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Input table (any supported format).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file; written whole or not at all.")
    Path out;

    @Mixin TableInput input;
    @Mixin OutputTableOptions output;

    @Option(names = "--dense", description = "Write BIOM JSON with a dense matrix (default: sparse).")
    boolean dense;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings or the confirmation line.")
    boolean quiet;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        FeatureTable t = input.load(in, console.warnings());
        TableFormat f = output.format(out);
        if (f == TableFormat.BIOM_JSON && dense) BiomJson.write(t, out, true);
        else output.write(t, out);
        console.info(String.format(Locale.ROOT, "wrote %s (%s): %d samples x %d features", out, f.cliName(), t.sampleCount(), t.featureCount()));
        return 0;
    }
}
