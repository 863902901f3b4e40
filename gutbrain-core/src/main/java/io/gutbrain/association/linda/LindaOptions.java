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
 * {@link #defaults()} and change what is needed with the {@code with…} methods.
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

    public LindaOptions withDataType(DataType t) {
        return new LindaOptions(t, zeroHandling, pseudoCount, corrCut, minPrevalence, minMeanAbundance, minLibrarySize, winsorQuantile,
                references, randomEffects, confLevel, threads, progress, warnings);
    }

    public LindaOptions withZeroHandling(ZeroHandling z) {
        return new LindaOptions(dataType, z, pseudoCount, corrCut, minPrevalence, minMeanAbundance, minLibrarySize, winsorQuantile,
                references, randomEffects, confLevel, threads, progress, warnings);
    }

    public LindaOptions withPseudoCount(double c) {
        return new LindaOptions(dataType, zeroHandling, c, corrCut, minPrevalence, minMeanAbundance, minLibrarySize, winsorQuantile,
                references, randomEffects, confLevel, threads, progress, warnings);
    }

    public LindaOptions withFilter(double prevalence, double meanAbundance, double librarySize) {
        return new LindaOptions(dataType, zeroHandling, pseudoCount, corrCut, prevalence, meanAbundance, librarySize, winsorQuantile,
                references, randomEffects, confLevel, threads, progress, warnings);
    }

    public LindaOptions withWinsorQuantile(double q) {
        return new LindaOptions(dataType, zeroHandling, pseudoCount, corrCut, minPrevalence, minMeanAbundance, minLibrarySize, q,
                references, randomEffects, confLevel, threads, progress, warnings);
    }

    public LindaOptions withReference(String column, String level) {
        Map<String, String> m = new LinkedHashMap<>(references);
        m.put(column, level);
        return new LindaOptions(dataType, zeroHandling, pseudoCount, corrCut, minPrevalence, minMeanAbundance, minLibrarySize, winsorQuantile,
                m, randomEffects, confLevel, threads, progress, warnings);
    }

    public LindaOptions withRandomEffects(List<String> groupingColumns) {
        return new LindaOptions(dataType, zeroHandling, pseudoCount, corrCut, minPrevalence, minMeanAbundance, minLibrarySize, winsorQuantile,
                references, groupingColumns, confLevel, threads, progress, warnings);
    }

    public LindaOptions withThreads(int n) {
        return new LindaOptions(dataType, zeroHandling, pseudoCount, corrCut, minPrevalence, minMeanAbundance, minLibrarySize, winsorQuantile,
                references, randomEffects, confLevel, n, progress, warnings);
    }

    public LindaOptions withProgress(ProgressListener p) {
        return new LindaOptions(dataType, zeroHandling, pseudoCount, corrCut, minPrevalence, minMeanAbundance, minLibrarySize, winsorQuantile,
                references, randomEffects, confLevel, threads, p, warnings);
    }

    public LindaOptions withWarnings(Warnings w) {
        return new LindaOptions(dataType, zeroHandling, pseudoCount, corrCut, minPrevalence, minMeanAbundance, minLibrarySize, winsorQuantile,
                references, randomEffects, confLevel, threads, progress, w);
    }
}
