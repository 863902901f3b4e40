package io.gutbrain.association;

import io.gutbrain.stats.MultipleTesting;

import java.util.ArrayList;
import java.util.List;

/**
 * One tested association between a feature and a metadata variable (one coefficient, level or
 * correlation), the row type shared by the per-feature association methods (nonparametric tests,
 * LinDA) so that their outputs have the same columns.
 *
 * <p>Mapping to MaAsLin2's columns: {@code metadata} = {@link #variable}, {@code value} =
 * {@link #level}, {@code coef} = {@link #estimate}, {@code stderr}, {@code N} = {@link #n},
 * {@code N.not.0} = {@link #nNotZero}, {@code pval}, {@code qval}.
 *
 * @param method        the method that produced the row ({@link #WILCOXON}, {@link #KRUSKAL_WALLIS},
 *                      {@link #SPEARMAN}, {@link #SIGNED_RANK}, {@link #LINDA})
 * @param feature       feature id
 * @param variable      metadata column (model term)
 * @param level         the level compared with the reference for a categorical variable (the
 *                      coefficient's level in a model); empty for a numeric variable or an omnibus test
 * @param reference     the reference level; empty when there is none
 * @param statisticName name of the test statistic: W, V, H, S or t
 * @param statistic     the test statistic (NaN when the test is undefined)
 * @param df            degrees of freedom of the statistic's reference distribution, NaN if none
 * @param pMethod       how p was computed: {@code exact}, {@code normal}, {@code chisq},
 *                      {@code edgeworth}, {@code t}, or {@code NA}
 * @param estimate      the raw-scale estimate: Hodges–Lehmann shift (level − reference),
 *                      pseudomedian of paired differences, Spearman ρ, or a model coefficient
 *                      (LinDA: bias-corrected log2 fold change); NaN if none
 * @param stderr        standard error of {@code estimate} (models only), else NaN
 * @param ciLow         lower end of the confidence interval of {@code estimate}
 * @param ciHigh        upper end of the confidence interval of {@code estimate}
 * @param effectName    name of the standardized effect size ({@code rank_biserial},
 *                      {@code epsilon_squared}, {@code rho}), empty if none
 * @param effect        the standardized effect size
 * @param effectCiLow   lower end of its confidence interval (NaN if none)
 * @param effectCiHigh  upper end of its confidence interval (NaN if none)
 * @param n             samples used by the test (pairs for a paired test)
 * @param nNotZero      of the samples used, those where the feature is non-zero
 * @param pValue        two-sided p-value, NaN when the test could not be done (see {@code reason})
 * @param qValue        Benjamini–Hochberg q-value over the rows of the analysis
 * @param groups        prevalence and mean abundance per group the test compared (one entry,
 *                      {@code all}, for a numeric variable)
 * @param reason        empty, or why {@code pValue} is NaN
 */
public record AssociationResult(String method, String feature, String variable, String level, String reference,
                                String statisticName, double statistic, double df, String pMethod,
                                double estimate, double stderr, double ciLow, double ciHigh,
                                String effectName, double effect, double effectCiLow, double effectCiHigh,
                                int n, int nNotZero, double pValue, double qValue,
                                List<GroupSummary> groups, String reason) {
    /** Wilcoxon rank-sum (Mann–Whitney) test. */
    public static final String WILCOXON = "wilcoxon";
    /** Wilcoxon signed-rank test of paired samples. */
    public static final String SIGNED_RANK = "wilcoxon-signed-rank";
    /** Kruskal–Wallis test. */
    public static final String KRUSKAL_WALLIS = "kruskal-wallis";
    /** Spearman rank correlation. */
    public static final String SPEARMAN = "spearman";
    /** LinDA (Zhou et al. 2022). */
    public static final String LINDA = "linda";

    public AssociationResult {
        groups = List.copyOf(groups);
        level = level == null ? "" : level;
        reference = reference == null ? "" : reference;
        effectName = effectName == null ? "" : effectName;
        reason = reason == null ? "" : reason;
    }

    /** This row with its q-value set. */
    public AssociationResult withQValue(double q) {
        return new AssociationResult(method, feature, variable, level, reference, statisticName, statistic, df, pMethod,
                estimate, stderr, ciLow, ciHigh, effectName, effect, effectCiLow, effectCiHigh, n, nNotZero, pValue, q,
                groups, reason);
    }

    /**
     * The rows with Benjamini–Hochberg q-values over all of them ({@link MultipleTesting#benjaminiHochberg},
     * R's {@code p.adjust(p, "BH")}); rows without a p-value keep a NaN q and do not count.
     */
    public static List<AssociationResult> withBenjaminiHochberg(List<AssociationResult> rows) {
        double[] p = new double[rows.size()];
        for (int i = 0; i < p.length; i++) p[i] = rows.get(i).pValue();
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<AssociationResult> out = new ArrayList<>(rows.size());
        for (int i = 0; i < p.length; i++) out.add(rows.get(i).withQValue(q[i]));
        return out;
    }

    /** The summary of the named group, or null. */
    public GroupSummary group(String label) {
        for (GroupSummary g : groups) if (g.label().equals(label)) return g;
        return null;
    }
}
