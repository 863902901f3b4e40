package io.gutbrain.util;

/**
 * How long-running core algorithms report progress without knowing about terminals: the CLI
 * passes a listener that draws a bar, a library caller passes {@link #NONE}. Implementations
 * must be thread-safe because parallel kernels call {@link #advance} from several threads.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener NONE = n -> { };

    /** {@code units} more units of work are done (rows, pairs, permutations ...). */
    void advance(long units);
}
