package io.gutbrain.cli.common;

import io.gutbrain.error.Warnings;

import java.io.PrintWriter;

/**
 * Where commands talk to people: warnings and progress go to standard error so that standard
 * output stays clean for data (a table, JSON) that may be piped on.
 */
public final class Console {
    private final PrintWriter err;
    private final boolean quiet;

    public Console(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    public void warn(String message) {
        err.println("gutbrain: warning: " + message);
        err.flush();
    }

    public void info(String message) {
        if (quiet) return;
        err.println(message);
        err.flush();
    }

    /** A warnings collector that prints each warning as it happens. */
    public Warnings warnings() { return new Warnings(this::warn); }

    public boolean isQuiet() { return quiet; }

    /** Progress for a long loop: a bar with ETA on a terminal, nothing otherwise or when quiet. */
    public Progress progress(String label, long total) {
        return new Progress(err, label, total, !quiet && System.console() != null);
    }
}
