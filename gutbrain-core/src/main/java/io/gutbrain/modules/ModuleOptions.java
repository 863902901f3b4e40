package io.gutbrain.modules;

/**
 * Settings of a module-profiling run.
 *
 * @param coverageCutoff    a module is called in a sample when its coverage (observed steps /
 *                          all steps) is at least this value, in [0, 1]; {@code NaN} learns the
 *                          cut-off from the coverage distribution ({@link CoverageCutoff#learn})
 * @param estimator         how the best path's step values become an abundance
 * @param normalizeByLength Omixer-RPM's {@code --normalize-by-length}: missing steps count 0 in
 *                          the estimate, which then describes the whole module rather than its
 *                          observed part
 * @param distribute        Omixer-RPM's {@code --Xdistribute}: an ortholog that occurs in N
 *                          modules of the set contributes its abundance / N to each
 * @param threads           threads (0 = all cores)
 */
public record ModuleOptions(double coverageCutoff, Estimator estimator, boolean normalizeByLength, boolean distribute, int threads) {
    /** The coverage cut-off used for the gut-brain modules (Valles-Colomer et al. 2019). */
    public static final double GBM_COVERAGE = 0.66;

    public ModuleOptions {
        if (!Double.isNaN(coverageCutoff) && !(coverageCutoff >= 0 && coverageCutoff <= 1)) {
            throw new IllegalArgumentException("coverage cut-off must be in [0, 1] (or NaN to learn it), got " + coverageCutoff);
        }
        if (estimator == null) throw new IllegalArgumentException("estimator is null");
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0");
    }

    /** Cut-off 0.66, median, no length normalisation, no distribution, all cores. */
    public static ModuleOptions defaults() { return new ModuleOptions(GBM_COVERAGE, Estimator.MEDIAN, false, false, 0); }

    /** These options with another coverage cut-off. */
    public ModuleOptions withCoverage(double cutoff) { return new ModuleOptions(cutoff, estimator, normalizeByLength, distribute, threads); }
    /** These options with the cut-off learned from the data. */
    public ModuleOptions withLearnedCoverage() { return withCoverage(Double.NaN); }
    /** These options with another estimator. */
    public ModuleOptions withEstimator(Estimator e) { return new ModuleOptions(coverageCutoff, e, normalizeByLength, distribute, threads); }
    /** These options with length normalisation on or off. */
    public ModuleOptions withNormalizeByLength(boolean b) { return new ModuleOptions(coverageCutoff, estimator, b, distribute, threads); }
    /** These options with distribution of shared orthologs on or off. */
    public ModuleOptions withDistribute(boolean b) { return new ModuleOptions(coverageCutoff, estimator, normalizeByLength, b, threads); }
    /** These options with another thread count (0 = all cores). */
    public ModuleOptions withThreads(int n) { return new ModuleOptions(coverageCutoff, estimator, normalizeByLength, distribute, n); }

    /** True when the cut-off is to be learned from the data. */
    public boolean learnsCutoff() { return Double.isNaN(coverageCutoff); }
}
