package io.gutbrain.cli.runs;

import io.gutbrain.report.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Any read-only SQL over the store. */
@Command(name = "sql",
        description = "Run a read-only SQL query (DuckDB dialect) on the results store and print the rows.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain runs sql --study my-study \"SELECT run_id, status FROM runs\"")
public final class SqlQuery implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StudyOption study;
    @Parameters(index = "0", paramLabel = "SQL", description = "The query, e.g. \"SELECT * FROM alpha WHERE run_id = '...'\"; SHOW TABLES lists the tables.") String sql;
    @Option(names = "--tsv", description = "Print tab-separated values instead of aligned columns.") boolean tsv;

    @Override public Integer call() {
        try (ResultsStore s = study.open()) {
            ResultsStore.Query q = s.query(sql);
            if (!q.columns().isEmpty()) TextTable.print(spec.commandLine().getOut(), q.columns(), q.rows(), tsv);
        }
        return 0;
    }
}
