package io.gutbrain.cli.runs;

import io.gutbrain.report.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
    /** Range of --timeout, seconds. */
    static final int MIN_TIMEOUT = 1, MAX_TIMEOUT = 86_400;
    /** Range of --max-rows. */
    static final int MIN_ROWS = 1, MAX_ROWS = 1_000_000;
    /** Range of --memory-limit, MiB (1 TiB at most). */
    static final long MAX_MEMORY_MIB = 1L << 20;

    @Spec CommandSpec spec;
    @Mixin StudyOption study;
    @Parameters(index = "0", paramLabel = "SQL", description = "The query, e.g. \"SELECT * FROM alpha WHERE run_id = '...'\"; SHOW TABLES lists the tables.") String sql;
    @Option(names = "--tsv", description = "Print tab-separated values instead of aligned columns.") boolean tsv;

    private int timeoutSeconds = 60;
    private int maxRows = 10_000;
    private long memoryMiB = ResultsStore.defaultQueryMemoryMiB();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Stop the query after this many seconds, " + MIN_TIMEOUT + ".." + MAX_TIMEOUT + " (default: ${DEFAULT-VALUE}).")
    void timeout(int seconds) {
        if (seconds < MIN_TIMEOUT || seconds > MAX_TIMEOUT) throw outOfRange("--timeout", seconds, MIN_TIMEOUT + ".." + MAX_TIMEOUT);
        timeoutSeconds = seconds;
    }

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "10000",
            description = "Print at most N rows, " + MIN_ROWS + ".." + MAX_ROWS + " (default: ${DEFAULT-VALUE}); a note on standard error says how many more there were.")
    void maxRows(int n) {
        if (n < MIN_ROWS || n > MAX_ROWS) throw outOfRange("--max-rows", n, MIN_ROWS + ".." + MAX_ROWS);
        maxRows = n;
    }

    @Option(names = "--memory-limit", paramLabel = "MIB",
            description = "Memory DuckDB may use for the query, in MiB, " + ResultsStore.MIN_QUERY_MEMORY_MIB + ".." + MAX_MEMORY_MIB
                    + " (default: a quarter of the Java heap, at least 256).")
    void memoryLimit(long mib) {
        if (mib < ResultsStore.MIN_QUERY_MEMORY_MIB || mib > MAX_MEMORY_MIB) {
            throw outOfRange("--memory-limit", mib, ResultsStore.MIN_QUERY_MEMORY_MIB + ".." + MAX_MEMORY_MIB);
        }
        memoryMiB = mib;
    }

    private ParameterException outOfRange(String option, long value, String range) {
        return new ParameterException(spec.commandLine(), option + ": " + value + " is out of range " + range);
    }

    @Override public Integer call() {
        try (ResultsStore s = study.open(memoryMiB)) {
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
