package io.gutbrain.cli.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.study.StepListener;
import io.gutbrain.study.StepRecord;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Shows the pipeline's progress on the terminal: one progress bar with ETA per step while it
 * runs, then a log line with its seconds and whether it came from the cache; with
 * {@code --log-json} one JSON object per step event (start, finish) on standard error instead.
 */
public final class StepLog implements StepListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Console console;
    private final PrintWriter err;
    private final boolean json;
    private volatile Progress bar;

    /**
     * @param console for log lines and progress bars
     * @param err     where JSON events go
     * @param json    JSON events instead of bars and text lines
     */
    public StepLog(Console console, PrintWriter err, boolean json) {
        this.console = console;
        this.err = err;
        this.json = json;
    }

    @Override public void started(String step, int index, int steps, long totalUnits) {
        if (json) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", "start");
            e.put("step", step);
            e.put("index", index);
            e.put("steps", steps);
            emit(e);
        } else if (totalUnits > 0) {
            bar = console.progress(String.format(Locale.ROOT, "[%d/%d] %s", index, steps, step), totalUnits);
        }
    }

    @Override public void advance(String step, long units) {
        Progress b = bar;
        if (b != null) b.advance(units);
    }

    @Override public void finished(StepRecord r) {
        Progress b = bar;
        bar = null;
        if (b != null) b.close();
        if (json) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", "finish");
            e.put("step", r.step());
            e.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            e.put("cached", r.cached());
            e.put("key", r.key());
            emit(e);
        } else {
            console.info(String.format(Locale.ROOT, "step %-12s %7.2fs  cached: %s", r.step(), r.seconds(), r.cached() ? "yes" : "no"));
        }
    }

    /** Notes are shown even with --quiet: they report a change to the output folder. */
    @Override public void note(String message) {
        if (json) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", "note");
            e.put("message", message);
            emit(e);
        } else {
            err.println("gutbrain: note: " + message);
            err.flush();
        }
    }

    private synchronized void emit(Map<String, Object> e) {
        try {
            err.println(JSON.writeValueAsString(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        err.flush();
    }
}
