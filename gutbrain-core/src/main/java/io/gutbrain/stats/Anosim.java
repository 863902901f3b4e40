package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.metadata.SampleMetadata;

/**
 * Analysis of similarities (ANOSIM; Clarke 1993, Australian Journal of Ecology 18:117–143), as
 * vegan's {@code anosim} and scikit-bio's {@code anosim}.
 *
 * <p>All M = N(N−1)/2 distances are ranked (ties get their average rank). With r̄_W the mean rank
 * of the within-group pairs and r̄_B that of the between-group pairs,
 * R = (r̄_B − r̄_W) / (M/2): near 1 when groups are well separated, near 0 (or negative) when they
 * are not. Relabelling keeps the number of within-group pairs, so each permutation only needs
 * the rank sum over within-group pairs ({@link GroupPairSums}).
 * p = (#{R_perm ≥ R_obs − ε} + 1) / (permutations + 1), ε = 1.5e-8 as vegan.
 */
public final class Anosim {
    private Anosim() {}

    /** ANOSIM of {@code dm} by metadata column {@code column} (strata from {@code opt}). */
    public static TestSummary test(DistanceMatrix dm, SampleMetadata md, String column, PermutationOptions opt, Warnings warnings) {
        return test(SampleGrouping.of(dm, md, column, opt.strata(), warnings), opt);
    }

    /**
     * ANOSIM on an aligned grouping.
     *
     * @throws InputException if no group has two or more samples (no within-group distances)
     */
    public static TestSummary test(SampleGrouping grouping, PermutationOptions opt) {
        int n = grouping.size();
        int[] sizes = grouping.sizesShared();
        int[] groups = grouping.groupsShared();
        int ng = sizes.length;
        double withinPairs = 0;
        for (int s : sizes) withinPairs += (double) s * (s - 1) / 2;
        final double within = withinPairs;
        if (within == 0) {
            throw new InputException(null, "column '" + grouping.column() + "'", "every group has a single sample, so there are no within-group distances to rank",
                    "use a grouping with replicate samples in at least one group");
        }
        double m = (double) n * (n - 1) / 2;
        double[] ranks = Ranks.average(condensed(grouping.matrix()));
        GroupPairSums kernel = new GroupPairSums(ranks, n);
        double rObs = statistic(kernel, groups, null, sizes, kernel.scratch(ng), new double[ng], within, m);
        double[] perm = Permutations.run(n, grouping.strataShared(), 1, opt, () -> {
            GroupPairSums.Scratch s = kernel.scratch(ng);
            double[] w = new double[ng];
            return (p, out) -> out[0] = statistic(kernel, groups, p, sizes, s, w, within, m);
        })[0];
        return new TestSummary("ANOSIM", "R", n, ng, rObs, Permutations.pGreater(rObs, perm), opt.permutations());
    }

    private static double statistic(GroupPairSums kernel, int[] groups, int[] perm, int[] sizes, GroupPairSums.Scratch s, double[] w,
                                    double within, double m) {
        kernel.sums(groups, perm, sizes, s, w);
        double sw = 0;
        for (double x : w) sw += x;
        double rw = sw / within;
        double rb = (kernel.total() - sw) / (m - within);
        return (rb - rw) / (m / 2);
    }

    /** The condensed distances as doubles (copied out of a single-precision matrix). */
    static double[] condensed(DistanceMatrix dm) {
        double[] d = dm.condensedDoubles();
        if (d != null) return d;
        float[] f = dm.condensedFloats();
        double[] out = new double[f.length];
        for (int k = 0; k < f.length; k++) out[k] = f[k];
        return out;
    }
}
