package io.gutbrain.association.nonparametric;

import io.gutbrain.error.Warnings;
import io.gutbrain.util.ProgressListener;

import java.util.List;

/**
 * Settings of a nonparametric per-feature association run. Start from {@link #builder()} (the
 * defaults) and change what is needed.
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

    /** A builder starting from these settings. */
    public Builder toBuilder() { return new Builder(this); }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() { return defaults().toBuilder(); }

    /** Sets options one at a time; see the record components for their meaning. */
    public static final class Builder {
        private Scale scale;
        private double minPrevalence, minMeanAbundance, confLevel;
        private String reference;
        private List<String> levels;
        private int threads;
        private ProgressListener progress;
        private Warnings warnings;

        private Builder(NonparametricOptions o) {
            scale = o.scale; minPrevalence = o.minPrevalence; minMeanAbundance = o.minMeanAbundance; reference = o.reference;
            levels = o.levels; confLevel = o.confLevel; threads = o.threads; progress = o.progress; warnings = o.warnings;
        }

        public Builder scale(Scale s) { scale = s; return this; }
        public Builder minPrevalence(double v) { minPrevalence = v; return this; }
        public Builder minMeanAbundance(double v) { minMeanAbundance = v; return this; }
        public Builder reference(String level) { reference = level; return this; }
        public Builder levels(List<String> compared) { levels = compared; return this; }
        public Builder confLevel(double c) { confLevel = c; return this; }
        public Builder threads(int n) { threads = n; return this; }
        public Builder progress(ProgressListener p) { progress = p; return this; }
        public Builder warnings(Warnings w) { warnings = w; return this; }

        /** The options; throws IllegalArgumentException for values out of range. */
        public NonparametricOptions build() {
            return new NonparametricOptions(scale, minPrevalence, minMeanAbundance, reference, levels, confLevel, threads, progress, warnings);
        }
    }
}
