package io.gutbrain.study;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configurations of the registered steps ({@link StepRegistry}) as read from a study file:
 * one record per step that runs; a step that does not run has none.
 */
public final class StepConfigs {
    private final Map<String, Record> byStep;

    StepConfigs(Map<String, Record> byStep) { this.byStep = new LinkedHashMap<>(byStep); }

    /** Whether the step runs. */
    public boolean runs(String step) { return byStep.containsKey(step); }

    /** The step's configuration, or null when it does not run. */
    @SuppressWarnings("unchecked")
    public <C extends Record> C get(Step<C, ?> step) { return (C) byStep.get(step.name()); }

    /** The configuration of a step by name, or null. */
    Record get(String step) { return byStep.get(step); }

    @Override public String toString() { return byStep.toString(); }
}
