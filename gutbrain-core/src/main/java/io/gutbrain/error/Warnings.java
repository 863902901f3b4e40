package io.gutbrain.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects non-fatal findings (for example metadata ids missing from the table) so that
 * library code never prints: the CLI decides how to show them, a report lists them.
 */
public final class Warnings {
    private final List<String> messages = new ArrayList<>();
    private final Consumer<String> sink;

    public Warnings() { this(null); }

    /** @param sink called for every warning as it happens (e.g. print to stderr); may be null */
    public Warnings(Consumer<String> sink) { this.sink = sink; }

    /** A collector that drops nothing and prints nothing. */
    public static Warnings collecting() { return new Warnings(); }

    public synchronized void warn(String message) {
        messages.add(message);
        if (sink != null) sink.accept(message);
    }

    public synchronized List<String> messages() { return Collections.unmodifiableList(new ArrayList<>(messages)); }

    public synchronized boolean isEmpty() { return messages.isEmpty(); }
}
