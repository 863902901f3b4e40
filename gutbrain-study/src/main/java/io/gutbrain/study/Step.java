package io.gutbrain.study;

import java.util.List;

/**
 * One analysis step of a study, declared in one class: what it is called, the configuration it
 * reads ({@link #schema()}: from which the study reader, {@code study check}, {@code study
 * init}'s template, {@code docs/study-file.md} and the cache key are derived), which steps it
 * needs, how it computes its typed result and how that result is drawn in the report.
 *
 * <p>Contract: {@link #compute} reads only its configuration and what the {@link StepContext}
 * gives (upstream results, threads, progress), so that the configuration record and the keys of
 * the needed steps fully determine the result (that is what the cache key hashes: see
 * {@link StepRunner}). {@link #render} and {@link #methods} draw only on the result and the
 * configuration, so a cached result renders exactly like a fresh one. Register a step with one
 * line in {@link StepRegistry#standard()}; the guide is {@code docs/pipeline.md}, "Adding a step".
 *
 * @param <C> the configuration record (serialised to canonical JSON for the cache key)
 * @param <R> the result record (serialised to JSON in the cache)
 */
public interface Step<C extends Record, R extends Record & StepResult> {

    /** The step's name: its key under {@code analyses}, its cache folder prefix and its log name. */
    String name();

    /** The report section's heading, e.g. "Taxa composition". */
    String title();

    /** One line saying what the step does (for docs and {@code study check}). */
    String summary();

    /** The configuration schema of {@code analyses.<name>}. */
    StepSchema<C> schema();

    /** The class of the result, for reading it back from the cache. */
    Class<R> resultType();

    /**
     * Names of the steps whose results this step reads, in the order their cache keys enter its
     * own key. A name is a registered step or one the pipeline provides ({@code load}: the table
     * kept after QC; {@code measures}: the metadata with questionnaire scores).
     */
    List<String> needs();

    /** Computes the result; throws {@link io.gutbrain.error.InputException} for data that cannot be analysed. */
    R compute(StepContext context, C config);

    /** Draws the result into its report section (figures, tables, notes). */
    void render(R result, C config, StepSection section);

    /** The methods sentence(s) for this result, starting with a space-free capital; "" for none. */
    String methods(R result, C config);

    /** References cited by {@link #methods}, one per entry (author year, title, journal); may be empty. */
    List<String> citations();
}
