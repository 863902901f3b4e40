package io.gutbrain.result;

/**
 * How long one pipeline step took, and whether its result was reused from an earlier run
 * instead of being computed ({@code cached}). Shown in the report appendix and stored in the
 * {@code timings} table of the {@link ResultsStore}.
 */
public record StepTiming(String step, double seconds, boolean cached) {
    /** Validates: a step name and a non-negative duration. */
    public StepTiming {
        if (step == null || step.isBlank()) throw new IllegalArgumentException("step name is blank");
        if (!(seconds >= 0)) throw new IllegalArgumentException("seconds must be ≥ 0 for step " + step + ": " + seconds);
    }
}
