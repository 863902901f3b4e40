package io.gutbrain.cli.runs;

import io.gutbrain.report.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** One line per run, newest first. */
@Command(name = "list",
        description = "List the runs of a study, newest first: id, start and end (UTC), status, gutbrain version, seed, command.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain runs list --study my-study")
public final class ListRuns implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StudyOption study;
    @Option(names = "--tsv", description = "Print tab-separated values instead of aligned columns.") boolean tsv;

    @Override public Integer call() {
        try (ResultsStore s = study.open()) {
            List<Object[]> rows = new ArrayList<>();
            for (ResultsStore.Run r : s.runs()) {
                rows.add(new Object[]{r.runId(), r.started(), r.finished(), r.status(), r.gutbrainVersion(), r.seed(), r.command()});
            }
            TextTable.print(spec.commandLine().getOut(), List.of("run_id", "started", "finished", "status", "version", "seed", "command"), rows, tsv);
        }
        return 0;
    }
}
