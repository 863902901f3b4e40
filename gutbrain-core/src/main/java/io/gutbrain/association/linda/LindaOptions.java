package io.gutbrain.association.linda;

import io.gutbrain.error.Warnings;
import io.gutbrain.util.ProgressListener;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of a LinDA run; the defaults are those of the LinDA R package for a count table
 * (zhouhj1994/LinDA {@code linda()}), except that zeros are handled by the pseudo-count unless
 * {@link ZeroHandling#ADAPTIVE} is chosen (LinDA's own default is adaptive; MicrobiomeStat's
 * {@code linda()} ends up adding the pseudo-count on that path as well). Start from
 * {@link #builder()} (LinDA's defaults) and change what is needed.
 *
 * @param dataType         how to read the table: counts, proportions, or decided from the data
 * @param zeroHandling     what to do with zeros in a count table
 * @param pseudoCount      added to every count when zeros are present (LinDA's {@code pseudo.cnt}, 0.5)
 * @param corrCut          for {@link ZeroHandling#ADAPTIVE}: impute when any covariate's p-value in
 *                         log(depth) ~ covariates is at most this (LinDA's {@code corr.cut}, 0.1)
 * @param minPrevalence    features non-zero in fewer than this fraction of the analysed samples are
 *                         not tested (LinDA's {@code prev.cut}, 0)
 * @param minMeanAbundance features with mean relative abundance below this are not tested
 *                         (MicrobiomeStat's {@code mean.abund.filter}, 0)
 * @param minLibrarySize   samples with fewer reads (table total) are left out (LinDA's {@code lib.cut}, 1);
 *                         count data only — for proportions just samples with total 0 are left out
 * @param winsorQuantile   winsorize each feature's proportions at this quantile (LinDA's
 *                         {@code winsor.quan}); NaN (default) = no winsorization
 * @param references       reference level per categorical covariate (others: first level in R order)
 * @param randomEffects    grouping columns for random intercepts {@code (1 | column)}: a linear
 *                         mixed model with Satterthwaite df (LinDA's lmer path); empty = linear model
 * @param confLevel        level of the coefficient intervals (0.95)
 * @param threads          worker threads for the per-feature fits (0 = all cores)
 * @param progress         one unit per fitted feature
 * @param warnings         notes about left-out samples and features and the zero handling used
 */
public record LindaOptions(DataType dataType, ZeroHandling zeroHandling, double pseudoCount, double corrCut,
                           double minPrevalence, double minMeanAbundance, double minLibrarySize, double winsorQuantile,
                           Map<String, String> references, List<String> randomEffects, double confLevel, int threads,
                           ProgressListener progress, Warnings warnings) {

    /** How the table's values are read. */
    public enum DataType {
        /** Counts if every value is a whole number, else proportions. */
        AUTO,
        /** Read counts: zeros get the pseudo-count or the imputation. */
        COUNT,
        /** Proportions (or other non-negative compositions): zeros get half the feature's smallest non-zero value. */
        PROPORTION
    }

    /** Zero handling for count tables (Zhou et al. 2022, section "Zero handling"). */
    public enum ZeroHandling {
        /** Add {@link #pseudoCount()} to every count when any zero is present. */
        PSEUDO_COUNT,
        /** Replace a zero of feature i in sample j by N_j / max{N_j' : feature i is zero in j'} (N = depth). */
        IMPUTATION,
        /** Impute when sequencing depth is associated with the covariates (p ≤ corrCut), else pseudo-count. */
        ADAPTIVE
    }

    public LindaOptions {
        if (dataType == null) dataType = DataType.AUTO;
        if (zeroHandling == null) zeroHandling = ZeroHandling.PSEUDO_COUNT;
        if (!(pseudoCount > 0)) throw new IllegalArgumentException("pseudoCount must be > 0");
        if (!(minPrevalence >= 0 && minPrevalence <= 1)) throw new IllegalArgumentException("minPrevalence must be in [0, 1]");
        if (!(minMeanAbundance >= 0)) throw new IllegalArgumentException("minMeanAbundance must be >= 0");
        if (!(minLibrarySize >= 0)) throw new IllegalArgumentException("minLibrarySize must be >= 0");
        if (!Double.isNaN(winsorQuantile) && !(winsorQuantile > 0 && winsorQuantile <= 1)) {
            throw new IllegalArgumentException("winsorQuantile must be in (0, 1] or NaN");
        }
        if (!(confLevel > 0 && confLevel < 1)) throw new IllegalArgumentException("confLevel must be in (0, 1)");
        references = Map.copyOf(references == null ? Map.of() : references);
        randomEffects = List.copyOf(randomEffects == null ? List.of() : randomEffects);
        if (progress == null) progress = ProgressListener.NONE;
        if (warnings == null) warnings = Warnings.collecting();
    }

    /** LinDA's defaults (see the class description), all cores, warnings collected. */
    public static LindaOptions defaults() {
        return new LindaOptions(DataType.AUTO, ZeroHandling.PSEUDO_COUNT, 0.5, 0.1, 0, 0, 1, Double.NaN, Map.of(), List.of(),
                0.95, 0, ProgressListener.NONE, Warnings.collecting());
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() { return new Builder(this); }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() { return defaults().toBuilder(); }

    /** Sets options one at a time; see the record components for their meaning. */
    public static final class Builder {
        private DataType dataType;
        private ZeroHandling zeroHandling;
        private double pseudoCount, corrCut, minPrevalence, minMeanAbundance, minLibrarySize, winsorQuantile, confLevel;
        private Map<String, String> references;
        private List<String> randomEffects;
        private int threads;
        private ProgressListener progress;
        private Warnings warnings;

        private Builder(LindaOptions o) {
            dataType = o.dataType; zeroHandling = o.zeroHandling; pseudoCount = o.pseudoCount; corrCut = o.corrCut;
            minPrevalence = o.minPrevalence; minMeanAbundance = o.minMeanAbundance; minLibrarySize = o.minLibrarySize;
            winsorQuantile = o.winsorQuantile; references = new LinkedHashMap<>(o.references); randomEffects = o.randomEffects;
            confLevel = o.confLevel; threads = o.threads; progress = o.progress; warnings = o.warnings;
        }

        public Builder dataType(DataType t) { dataType = t; return this; }
        public Builder zeroHandling(ZeroHandling z) { zeroHandling = z; return this; }
        public Builder pseudoCount(double c) { pseudoCount = c; return this; }
        public Builder corrCut(double c) { corrCut = c; return this; }
        public Builder minPrevalence(double v) { minPrevalence = v; return this; }
        public Builder minMeanAbundance(double v) { minMeanAbundance = v; return this; }
        public Builder minLibrarySize(double v) { minLibrarySize = v; return this; }
        public Builder winsorQuantile(double q) { winsorQuantile = q; return this; }
        public Builder reference(String column, String level) { references.put(column, level); return this; }
        public Builder randomEffects(List<String> groupingColumns) { randomEffects = groupingColumns; return this; }
        public Builder confLevel(double c) { confLevel = c; return this; }
        public Builder threads(int n) { threads = n; return this; }
        public Builder progress(ProgressListener p) { progress = p; return this; }
        public Builder warnings(Warnings w) { warnings = w; return this; }

        /** The options; throws IllegalArgumentException for values out of range. */
        public LindaOptions build() {
            return new LindaOptions(dataType, zeroHandling, pseudoCount, corrCut, minPrevalence, minMeanAbundance, minLibrarySize,
                    winsorQuantile, references, randomEffects, confLevel, threads, progress, warnings);
        }
    }
}
