package io.gutbrain.util;

/**
 * Ranges of the settings that both a command-line option and a study-file key set, kept here so
 * that {@code gutbrain diversity ... --permutations} and {@code analyses.beta.permutations} refuse
 * the same values (the CLI's validated option types and the study reader both read them).
 */
public final class SettingRanges {
    private SettingRanges() {}

    /**
     * Most permutations of a permutation test: a p-value's resolution is 1 / (permutations + 1),
     * and a million resolves far below any multiple-testing threshold while bounding the run.
     */
    public static final int MAX_PERMUTATIONS = 1_000_000;

    /** Most random draws per depth in rarefaction (curves, averaged rarefied tables): the mean is stable long before. */
    public static final int MAX_RAREFACTION_ITERATIONS = 1_000;
}
