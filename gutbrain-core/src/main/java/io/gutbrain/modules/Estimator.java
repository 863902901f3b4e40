package io.gutbrain.modules;

import java.util.Locale;

/**
 * How the abundance of a module is estimated from the values of the steps along its best path
 * (a step's value is the mean of the orthologs of its chosen alternative). These are
 * Omixer-RPM's {@code --score-estimator} choices (Darzi et al. 2016).
 */
public enum Estimator {
    /**
     * The median of the observed steps' values (with normalisation by length: of all steps,
     * missing ones counting 0); a median of 0 is replaced by the smallest positive step value.
     * Robust to one step carried by a very abundant multi-purpose enzyme. Omixer-RPM's default.
     */
    MEDIAN,
    /**
     * The sum of the step values divided by the number of observed steps (with normalisation by
     * length: by the number of steps, so missing steps count 0).
     */
    AVERAGE;

    /** Parses {@code median} or {@code average} (any case); null for anything else. */
    public static Estimator parse(String s) {
        if (s == null) return null;
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "median" -> MEDIAN;
            case "average", "mean" -> AVERAGE;
            default -> null;
        };
    }

    /** The lower-case name used on the command line and in provenance. */
    public String label() { return name().toLowerCase(Locale.ROOT); }
}
