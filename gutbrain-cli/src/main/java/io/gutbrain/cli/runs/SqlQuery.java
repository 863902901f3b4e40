package io.gutbrain.cli.runs;

import io.gutbrain.report.ResultsStore;
import io.gutbrain.cli.common.options.OptionTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Any read-only SQL over the store, bounded: one query per call, no writing, no files outside
 * the store, no network, a time limit, a memory limit and a cap on the rows printed
 * ({@link ResultsStore#userQuery}).
 */
@Command(name = "sql",
        description = {"Run one read-only SQL query (DuckDB dialect) on the results store and print the rows.",
                "Only queries are allowed (SELECT, WITH, FROM, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN, PRAGMA table_info);"
                        + " the store cannot be changed and no other file can be read or written: use 'gutbrain runs export' to get a table out."},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain runs sql --study my-study \"SELECT run_id, status FROM runs\"")
public final class SqlQuery implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StudyOption study;
    @Parameters(index = "0", paramLabel = "SQL", description = "The query, e.g. \"SELECT * FROM alpha WHERE run_id = '...'\"; SHOW TABLES lists the tables.") String sql;
    @Option(names = "--tsv", description = "Print tab-separated values instead of aligned columns.") boolean tsv;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", converter = OptionTypes.QueryTimeout.class,
            description = "Stop the query after this many seconds (" + OptionTypes.QueryTimeout.HELP + "; default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "10000", converter = OptionTypes.QueryRows.class,
            description = "Print at most N rows (" + OptionTypes.QueryRows.HELP + "; default: ${DEFAULT-VALUE}); a note on standard error says how many more there were.")
    int maxRows;

    @Option(names = "--memory-limit", paramLabel = "MIB", converter = OptionTypes.QueryMemory.class,
            description = "Memory DuckDB may use for the query, in MiB (" + OptionTypes.QueryMemory.HELP + "; default: a quarter of the Java heap, at least 256).")
    Long memoryMiB;

    @Override public Integer call() {
        try (ResultsStore s = study.open(memoryMiB == null ? ResultsStore.defaultQueryMemoryMiB() : memoryMiB)) {
            ResultsStore.CappedQuery q = s.userQuery(sql, timeoutSeconds, maxRows);
            if (!q.query().columns().isEmpty()) TextTable.print(spec.commandLine().getOut(), q.query().columns(), q.query().rows(), tsv);
            if (q.rowsCut() > 0) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("gutbrain: note: " + (q.rowsCutIsLowerBound() ? "at least " : "") + q.rowsCut() + " more rows not printed (--max-rows "
                        + maxRows + "); narrow the query with LIMIT or WHERE, raise --max-rows, or write a whole table with"
                        + " gutbrain runs export RUN --table NAME --out FILE");
                err.flush();
            }
        }
        return 0;
    }
}
