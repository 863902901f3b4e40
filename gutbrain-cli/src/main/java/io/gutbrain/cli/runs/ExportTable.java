package io.gutbrain.cli.runs;

import io.gutbrain.cli.common.Console;
import io.gutbrain.io.TextOutput;
import io.gutbrain.report.ResultTable;
import io.gutbrain.report.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
            ResultsStore.Run r = s.run(runId);
            ResultTable t = s.readTable(r.runId(), table);
            TextOutput.write(out, t.toTsv());
            new Console(spec.commandLine().getErr(), quiet).info("wrote " + t.rowCount() + " rows of " + table + " (run " + r.runId() + ") to " + out);
        }
        return 0;
    }
}
