package io.gutbrain.cli.common;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A terminal progress bar with ETA, redrawn at most ten times a second; thread-safe so parallel
 * kernels can report. Silent when not attached to a terminal (CI logs, pipes).
 */
public final class Progress implements AutoCloseable, io.gutbrain.util.ProgressListener {
    private final PrintWriter out;
    private final String label;
    private final long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long lastDraw;

    Progress(PrintWriter out, String label, long total, boolean enabled) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.enabled = enabled;
    }

    @Override public void advance(long n) {
        long d = done.addAndGet(n);
        if (!enabled) return;
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && d < total) return;
        lastDraw = now;
        draw(d, now);
    }

    private synchronized void draw(long d, long now) {
        double frac = Math.min(1.0, d / (double) total);
        int width = 30;
        int filled = (int) Math.round(frac * width);
        double elapsed = (now - start) / 1e9;
        double eta = frac > 0 ? elapsed * (1 - frac) / frac : Double.NaN;
        out.printf(Locale.ROOT, "\r%-24s [%s%s] %3.0f%%  %s elapsed, ETA %s ", label, "#".repeat(filled), " ".repeat(width - filled),
                frac * 100, seconds(elapsed), Double.isNaN(eta) ? "?" : seconds(eta));
        out.flush();
    }

    private static String seconds(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.1fs", s);
        return String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
    }

    @Override public void close() {
        if (enabled) {
            draw(total, System.nanoTime());
            out.println();
            out.flush();
        }
    }
}
