package io.gutbrain.study;

/**
 * Told of pipeline progress, so a command line can draw one progress bar per step (with an
 * ETA from the units done so far) and log each finished step. Methods are called from the
 * pipeline's thread, except {@link #advance} which computation threads may call concurrently.
 */
public interface StepListener {
    /** A listener that ignores everything. */
    StepListener NONE = new StepListener() { };

    /**
     * A step starts.
     *
     * @param step       the step name
     * @param index      1-based position of the step in this run
     * @param steps      number of steps in this run
     * @param totalUnits work units the step will report through {@link #advance}, 0 if unknown
     *                   (a cached step reports 0)
     */
    default void started(String step, int index, int steps, long totalUnits) { }

    /** {@code units} more work units of {@code step} are done (thread-safe implementations please). */
    default void advance(String step, long units) { }

    /** A step finished (computed or loaded from the cache). */
    default void finished(StepRecord record) { }

    /** Something the user should know that is not a step, e.g. an interrupted earlier run was cleaned up. */
    default void note(String message) { }
}
