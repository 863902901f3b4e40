package io.gutbrain.cli.runs;

import io.gutbrain.report.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Everything recorded about one run. */
@Command(name = "show",
        description = "Show one run: its parameters, input files with SHA-256, step timings and result tables with row counts.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain runs show latest --study my-study")
public final class ShowRun implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StudyOption study;
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "A run id, a unique prefix of one, or 'latest'.") String runId;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ResultsStore s = study.open()) {
            ResultsStore.Run r = s.run(runId);
            List<Object[]> head = new ArrayList<>();
            head.add(new Object[]{"run", r.runId()});
            head.add(new Object[]{"status", r.status()});
            head.add(new Object[]{"started", r.started() + " UTC"});
            head.add(new Object[]{"finished", r.finished() == null ? "" : r.finished() + " UTC"});
            head.add(new Object[]{"version", r.gutbrainVersion()});
            head.add(new Object[]{"seed", r.seed()});
            head.add(new Object[]{"command", r.command()});
            for (Object[] h : head) out.println(String.format("%-9s %s", h[0], h[1] == null ? "" : h[1]));
            section(out, s, "Parameters", "SELECT step, name, value FROM parameters WHERE run_id = ? ORDER BY step, name", r.runId());
            section(out, s, "Inputs", "SELECT role, path, bytes, sha256 FROM inputs WHERE run_id = ? ORDER BY role, path", r.runId());
            section(out, s, "Timings", "SELECT step, round(seconds, 3) AS seconds, CASE WHEN cached THEN 'cached' ELSE '' END AS reused "
                    + "FROM timings WHERE run_id = ? ORDER BY rowid", r.runId());
            section(out, s, "Result tables", "SELECT table_name AS name, row_count AS rows FROM result_tables WHERE run_id = ? ORDER BY table_name", r.runId());
        }
        return 0;
    }

    private static void section(PrintWriter out, ResultsStore s, String title, String sql, String runId) {
        ResultsStore.Query q = s.query(sql, runId);
        out.println();
        out.println(title + (q.rows().isEmpty() ? ": none" : ":"));
        if (!q.rows().isEmpty()) TextTable.print(out, q.columns(), q.rows(), false);
    }
}
