package io.gutbrain.association.nonparametric;

import io.gutbrain.error.Warnings;
import io.gutbrain.util.ProgressListener;

import java.util.List;

/**
 * Settings of a nonparametric per-feature association run. Start from {@link #defaults()} and
 * change what is needed with the {@code with…} methods.
 *
 * @param scale            the scale the features are tested on
 * @param minPrevalence    features non-zero in fewer than this fraction of the analysed samples are
 *                         not tested (0 = keep all)
 * @param minMeanAbundance features whose mean (on {@code scale}) over the analysed samples is below
 *                         this are not tested (0 = keep all)
 * @param reference        the reference level of a categorical variable, or null for the first
 *                         level in R's factor order (numeric order for a numeric column, else
 *                         string order)
 * @param levels           the levels to compare with the reference (rank-sum), or null for all
 *                         other levels
 * @param confLevel        confidence level of the intervals (default 0.95)
 * @param threads          worker threads (0 = all cores)
 * @param progress         receives one unit per tested feature
 * @param warnings         receives notes about excluded samples, subjects and features
 */
public record NonparametricOptions(Scale scale, double minPrevalence, double minMeanAbundance, String reference,
                                   List<String> levels, double confLevel, int threads, ProgressListener progress,
                                   Warnings warnings) {

    /** The scale features are tested on. */
    public enum Scale {
        /** Total-sum scaling: each sample divided by its total over all features (relative abundance). */
        TSS,
        /** The table's values as they are (e.g. a table that is already normalised). */
        NONE
    }

    public NonparametricOptions {
        if (scale == null) scale = Scale.TSS;
        if (!(minPrevalence >= 0 && minPrevalence <= 1)) throw new IllegalArgumentException("minPrevalence must be in [0, 1]");
        if (!(minMeanAbundance >= 0)) throw new IllegalArgumentException("minMeanAbundance must be >= 0");
        if (!(confLevel > 0 && confLevel < 1)) throw new IllegalArgumentException("confLevel must be in (0, 1)");
        levels = levels == null ? null : List.copyOf(levels);
        if (progress == null) progress = ProgressListener.NONE;
        if (warnings == null) warnings = Warnings.collecting();
    }

    /** TSS, no filtering, default reference, 95% intervals, all cores, no progress, warnings collected. */
    public static NonparametricOptions defaults() {
        return new NonparametricOptions(Scale.TSS, 0, 0, null, null, 0.95, 0, ProgressListener.NONE, Warnings.collecting());
    }

    public NonparametricOptions withScale(Scale s) {
        return new NonparametricOptions(s, minPrevalence, minMeanAbundance, reference, levels, confLevel, threads, progress, warnings);
    }

    public NonparametricOptions withFilter(double minPrevalence, double minMeanAbundance) {
        return new NonparametricOptions(scale, minPrevalence, minMeanAbundance, reference, levels, confLevel, threads, progress, warnings);
    }

    public NonparametricOptions withReference(String ref) {
        return new NonparametricOptions(scale, minPrevalence, minMeanAbundance, ref, levels, confLevel, threads, progress, warnings);
    }

    public NonparametricOptions withLevels(List<String> compared) {
        return new NonparametricOptions(scale, minPrevalence, minMeanAbundance, reference, compared, confLevel, threads, progress, warnings);
    }

    public NonparametricOptions withConfLevel(double level) {
        return new NonparametricOptions(scale, minPrevalence, minMeanAbundance, reference, levels, level, threads, progress, warnings);
    }

    public NonparametricOptions withThreads(int n) {
        return new NonparametricOptions(scale, minPrevalence, minMeanAbundance, reference, levels, confLevel, n, progress, warnings);
    }

    public NonparametricOptions withProgress(ProgressListener p) {
        return new NonparametricOptions(scale, minPrevalence, minMeanAbundance, reference, levels, confLevel, threads, p, warnings);
    }

    public NonparametricOptions withWarnings(Warnings w) {
        return new NonparametricOptions(scale, minPrevalence, minMeanAbundance, reference, levels, confLevel, threads, progress, w);
    }
}
