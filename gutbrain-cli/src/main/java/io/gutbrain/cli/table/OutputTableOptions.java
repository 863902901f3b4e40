package io.gutbrain.cli.table;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.error.InputException;
import io.gutbrain.io.TableFormat;
import io.gutbrain.io.TableIO;
import io.gutbrain.table.FeatureTable;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How a command writes its output table: the format from {@code --to} or from the file name. */
public final class OutputTableOptions {
    @Option(names = "--to", converter = OptionTypes.OutputFormat.class, paramLabel = "FORMAT",
            description = "Output format: biom-json, biom-hdf5 or tsv (default: from the file name; .biom = HDF5, .json = BIOM JSON, else TSV).")
    String to;

    TableFormat format(Path out) {
        if (to == null) return TableIO.formatForOutput(out);
        TableFormat f = TableFormat.fromCliName(to);
        if (f == null || !f.isWritable()) {
            throw new InputException(null, "--to", "unknown output format '" + to + "'", "use biom-json, biom-hdf5 or tsv");
        }
        return f;
    }

    void write(FeatureTable t, Path out) { TableIO.write(t, out, format(out)); }
}
