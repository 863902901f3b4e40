package io.gutbrain.study;

import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.ProgressListener;

import java.util.Map;

/**
 * What {@link Step#compute} may use besides its configuration: the results of the steps it
 * {@linkplain Step#needs() needs} (and nothing else, so the cache key covers them) and how to
 * run (threads, progress), which never change the numbers.
 */
public final class StepContext {
    private final Map<String, Object> upstream;
    private final int threads;
    private final ProgressListener progress;
    private final String step;

    StepContext(String step, Map<String, Object> upstream, int threads, ProgressListener progress) {
        this.step = step;
        this.upstream = Map.copyOf(upstream);
        this.threads = threads;
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    /**
     * The result of a needed step.
     *
     * @throws IllegalStateException when the step did not declare the need, or the result is of another type (a bug)
     */
    public <T> T result(String name, Class<T> type) {
        Object o = upstream.get(name);
        if (o == null) throw new IllegalStateException("step " + step + " reads '" + name + "' without declaring it in needs()");
        if (!type.isInstance(o)) throw new IllegalStateException("step " + name + " gives a " + o.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        return type.cast(o);
    }

    /** The table kept after QC (needs {@code load}). */
    public FeatureTable table() { return result(StepRegistry.LOAD, FeatureTable.class); }

    /** The metadata with questionnaire scores (needs {@code measures}; the study's metadata when it scores none). */
    public SampleMetadata metadata() { return result(StepRegistry.MEASURES, SampleMetadata.class); }

    /** Worker threads (0 = all cores); never changes a result. */
    public int threads() { return threads; }

    /** Progress of long computations. */
    public ProgressListener progress() { return progress; }
}
