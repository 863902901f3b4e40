package io.gutbrain.cli.common.options;

import io.gutbrain.error.AnalysisException;

/**
 * Checks of an option against the data, once the data are read: the parse-time range of
 * {@link OptionTypes} cannot know that 12 samples give at most 11 PCoA axes.
 */
public final class DataLimits {
    private DataLimits() {}

    /**
     * Refuses {@code value} of {@code option} above what the data allow.
     *
     * @param analysis the analysis, e.g. "PCoA"
     * @param max      the most the data allow; below 1 the analysis itself refuses the data, so no check here
     * @param data     what the data are, e.g. "the distance matrix has 12 samples"
     * @throws AnalysisException "--axes 1000 but the distance matrix has 12 samples: at most 11"
     */
    public static void atMost(String analysis, String option, long value, long max, String data) {
        if (max >= 1 && value > max) {
            throw new AnalysisException(analysis, option + " " + value + " but " + data + ": at most " + max,
                    "give " + option + " " + max + " or less (or leave it out for the default)");
        }
    }
}
