package io.gutbrain.diversity.alpha;

/**
 * Bias-corrected Chao1 richness estimator {@code chao1}:
 * S_chao1 = S_obs + F1 (F1 − 1) / (2 (F2 + 1)), where F1 and F2 are the numbers of features seen
 * exactly once and exactly twice. This is vegan's {@code estimateR} {@code S.chao1} (which always
 * uses the bias-corrected form) and scikit-bio's {@code chao1(counts, bias_corrected=True)};
 * evaluated in vegan's order, {@code S.obs + F1*(F1-1)/(F2+1)/2}.
 *
 * <p>Edge conventions: needs whole-number counts (rejected otherwise by {@link CountValidation},
 * since singletons are meaningless for proportions). No singletons gives S_obs; a single taxon
 * gives 1; all S features singletons gives S + S(S − 1)/2. Never undefined, unlike the classic
 * form F1²/(2 F2), which is why both peer tools use this one.
 *
 * <p>Chao, A. (1984) Nonparametric estimation of the number of classes in a population.
 * <i>Scandinavian Journal of Statistics</i> 11: 265–270; bias-corrected form: Chao, A. (1987)
 * Estimating the population size for capture–recapture data with unequal catchability.
 * <i>Biometrics</i> 43: 783–791.
 */
public final class Chao1 implements AlphaMetric {
    /** The metric; it has no parameters. */
    public static final Chao1 INSTANCE = new Chao1();

    private Chao1() {}

    @Override public String name() { return "chao1"; }

    @Override public boolean requiresIntegerCounts() { return true; }

    @Override public double compute(double[] values, int[] features, int from, int to) {
        double f1 = Counts.withCount(values, from, to, 1);
        double f2 = Counts.withCount(values, from, to, 2);
        return (to - from) + f1 * (f1 - 1) / (f2 + 1) / 2;
    }
}
