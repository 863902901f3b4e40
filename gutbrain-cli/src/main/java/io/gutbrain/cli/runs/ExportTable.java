package io.gutbrain.cli.runs;

import io.gutbrain.cli.common.Console;
import io.gutbrain.io.TextOutput;
import io.gutbrain.report.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.gutbrain.error.InputException;
import io.gutbrain.result.ResultTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** One run's rows of a result table as TSV. */
@Command(name = "export",
        description = "Write one run's rows of a result table to a TSV file (without the run_id column, in the order written).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain runs export latest --study my-study --table alpha --out alpha.tsv")
public final class ExportTable implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StudyOption study;
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "A run id, a unique prefix of one, or 'latest'.") String runId;
    @Option(names = "--table", required = true, paramLabel = "NAME", description = "Result table (see 'gutbrain runs show').") String table;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "TSV file to write (atomically).") Path out;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() {
        try (ResultsStore s = study.open()) {
            refuseStoreFiles(s.file());
            ResultsStore.Run r = s.run(runId);
            ResultTable t = s.readTable(r.runId(), table);
            TextOutput.write(out, t.toTsv());
            new Console(spec.commandLine().getErr(), quiet).info("wrote " + t.rowCount() + " rows of " + table + " (run " + r.runId() + ") to " + out);
        }
        return 0;
    }

    /** An --out that is the store or one of DuckDB's files beside it would destroy the store. */
    private void refuseStoreFiles(Path store) {
        Path target = out.toAbsolutePath().normalize();
        Path storeFile = store.toAbsolutePath().normalize();
        for (String suffix : new String[]{"", ".wal", ".tmp"}) {
            Path p = storeFile.resolveSibling(storeFile.getFileName() + suffix);
            if (target.equals(p) || sameExistingFile(target, p)) {
                throw new InputException(out.toString(), null, "is the results store's own file " + p.getFileName() + "; exporting there would destroy the store",
                        "give --out a new file outside the store, e.g. --out " + table + ".tsv");
            }
        }
    }

    private static boolean sameExistingFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
