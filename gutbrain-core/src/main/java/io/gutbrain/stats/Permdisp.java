package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.TextOutput;
import io.gutbrain.metadata.SampleMetadata;

import java.nio.file.Path;
import java.util.List;

/**
 * Test of homogeneity of multivariate dispersions (PERMDISP; Anderson 2006, Biometrics
 * 62:245–253), as vegan's {@code betadisper(type = "centroid")} followed by
 * {@code permutest()}.
 *
 * <p><b>Distances to centroids.</b> vegan embeds the samples by PCoA, keeping the axes of
 * negative eigenvalues as imaginary axes, and takes z_i² = (distance² to the group centroid on
 * the real axes) − (the same on the imaginary axes), z_i = 0 where that is negative. Because that
 * pseudo-Euclidean embedding reproduces every d²_ij exactly, the same z_i² follows without an
 * eigendecomposition from the distances alone: for sample i in group g of size n_g,
 * z_i² = (1/n_g) Σ_{j∈g} d²_ij − (1/n_g²) Σ_{j<k∈g} d²_jk (O(N²) instead of O(N³)). The only
 * difference from vegan is that vegan drops axes whose |eigenvalue| is below 1.5e-8 of the
 * largest, a change far below any reported digit.
 *
 * <p><b>Test.</b> One-way ANOVA F of z on the groups. The permutation test is vegan's
 * {@code permutest.betadisper}: the residuals z_i − z̄_g are permuted (within strata if set) and
 * F is recomputed on them; p = (#{F_perm ≥ F_obs − ε} + 1) / (permutations + 1).
 */
public final class Permdisp {
    private Permdisp() {}

    /**
     * Arrays are owned by the result; do not modify them.
     *
     * @param levels        group names
     * @param sizes         samples per group
     * @param meanDistance  mean distance to the centroid per group (vegan's {@code group.distances})
     * @param sampleIds     samples used
     * @param sampleGroups  the group of each sample
     * @param distances     each sample's distance to its group centroid
     * @param dfGroups      G − 1
     * @param dfResidual    N − G
     * @param sumSqGroups   between-group sum of squares of the distances
     * @param sumSqResidual within-group sum of squares
     * @param f             ANOVA F
     * @param p             permutation p (NaN without permutations)
     * @param permutations  permutations drawn
     */
    public record Result(List<String> levels, int[] sizes, double[] meanDistance, List<String> sampleIds, List<String> sampleGroups,
                         double[] distances, int dfGroups, int dfResidual, double sumSqGroups, double sumSqResidual, double f, double p,
                         int permutations) {
        /** ANOVA table like vegan's {@code permutest.betadisper}: rows Groups and Residuals. */
        public String toTsv() {
            StringBuilder sb = new StringBuilder("term\tDf\tSumSq\tMeanSq\tF\tN.Perm\tPr(>F)\n");
            sb.append("Groups\t").append(dfGroups).append('\t').append(TextOutput.number(sumSqGroups)).append('\t')
                    .append(TextOutput.number(sumSqGroups / dfGroups)).append('\t').append(TextOutput.number(f)).append('\t')
                    .append(permutations).append('\t').append(TextOutput.number(p)).append('\n');
            sb.append("Residuals\t").append(dfResidual).append('\t').append(TextOutput.number(sumSqResidual)).append('\t')
                    .append(TextOutput.number(sumSqResidual / dfResidual)).append("\tNA\tNA\tNA\n");
            return sb.toString();
        }

        /** Per-sample distances to the group centroid: sample-id, group, distance_to_centroid. */
        public String distancesTsv() {
            StringBuilder sb = new StringBuilder("sample-id\tgroup\tdistance_to_centroid\n");
            for (int i = 0; i < sampleIds.size(); i++) {
                sb.append(sampleIds.get(i)).append('\t').append(sampleGroups.get(i)).append('\t').append(TextOutput.number(distances[i])).append('\n');
            }
            return sb.toString();
        }

        /** Writes {@link #toTsv()} atomically. */
        public void write(Path target) { TextOutput.write(target, toTsv()); }

        /** Writes {@link #distancesTsv()} atomically. */
        public void writeDistances(Path target) { TextOutput.write(target, distancesTsv()); }
    }

    /** PERMDISP of {@code dm} by metadata column {@code column} (strata from {@code opt}). */
    public static Result test(DistanceMatrix dm, SampleMetadata md, String column, PermutationOptions opt, Warnings warnings) {
        return test(SampleGrouping.of(dm, md, column, opt.strata(), warnings), opt, warnings);
    }

    /**
     * PERMDISP on an aligned grouping.
     *
     * @param warnings told when some squared distances to a centroid were negative (set to 0)
     * @throws InputException if every group has a single sample (no residual degrees of freedom)
     */
    public static Result test(SampleGrouping grouping, PermutationOptions opt, Warnings warnings) {
        int n = grouping.size();
        int ng = grouping.levels().size();
        if (n - ng < 1) {
            throw new InputException(null, "column '" + grouping.column() + "'", "each of the " + ng
                    + " groups has a single sample, so the dispersion ANOVA has no residual degrees of freedom",
                    "use a grouping with replicate samples in at least one group");
        }
        int[] groups = grouping.groupsShared();
        int[] sizes = grouping.sizesShared();
        double[] z = centroidDistances(grouping.matrix(), groups, sizes, warnings);
        double[] mean = groupMeans(z, groups, sizes);
        double[] resid = new double[n];
        for (int i = 0; i < n; i++) resid[i] = z[i] - mean[groups[i]];
        double[] ss = anova(z, groups, sizes, null, new double[ng]);
        double f = (ss[0] / (ng - 1)) / (ss[1] / (n - ng));
        double[] perm = Permutations.run(n, grouping.strataShared(), 1, opt, () -> {
            double[] scratch = new double[ng];
            return (p, out) -> {
                double[] s = anova(resid, groups, sizes, p, scratch);
                out[0] = (s[0] / (ng - 1)) / (s[1] / (n - ng));
            };
        })[0];
        List<String> sampleGroups = new java.util.ArrayList<>(n);
        for (int g : groups) sampleGroups.add(grouping.levels().get(g));
        return new Result(grouping.levels(), sizes.clone(), mean, grouping.matrix().ids(), List.copyOf(sampleGroups), z,
                ng - 1, n - ng, ss[0], ss[1], f, Permutations.pGreater(f, perm), opt.permutations());
    }

    /** z_i from the closed form in the class comment. */
    static double[] centroidDistances(DistanceMatrix dm, int[] groups, int[] sizes, Warnings warnings) {
        int n = dm.size();
        double[] rowWithin = new double[n];
        double[] within = new double[sizes.length];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (groups[i] != groups[j]) continue;
                double d = dm.get(i, j);
                double a = d * d;
                rowWithin[i] += a;
                rowWithin[j] += a;
                within[groups[i]] += a;
            }
        }
        double[] z = new double[n];
        int negative = 0;
        for (int i = 0; i < n; i++) {
            double ng = sizes[groups[i]];
            double z2 = rowWithin[i] / ng - within[groups[i]] / (ng * ng);
            if (z2 < 0) {
                // exact zeros (a group of one, identical samples) can come out as -1e-17
                if (z2 < -1e-12 * Math.max(rowWithin[i] / ng, Double.MIN_NORMAL)) negative++;
                z2 = 0;
            }
            z[i] = Math.sqrt(z2);
        }
        if (negative > 0) {
            warnings.warn(negative + " of " + n + " squared distances to a group centroid were negative (the distance is not Euclidean) and were set to 0, as vegan's betadisper does");
        }
        return z;
    }

    private static double[] groupMeans(double[] z, int[] groups, int[] sizes) {
        double[] m = new double[sizes.length];
        for (int i = 0; i < z.length; i++) m[groups[i]] += z[i];
        for (int g = 0; g < m.length; g++) m[g] /= sizes[g];
        return m;
    }

    /**
     * Between- and within-group sums of squares of {@code y[perm[i]]} grouped by {@code groups[i]};
     * returns {@code {SS_between, SS_within}}.
     */
    private static double[] anova(double[] y, int[] groups, int[] sizes, int[] perm, double[] sums) {
        java.util.Arrays.fill(sums, 0);
        int n = y.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double v = y[perm == null ? i : perm[i]];
            sums[groups[i]] += v;
            total += v;
        }
        double grand = total / n;
        double between = 0;
        for (int g = 0; g < sizes.length; g++) {
            double mg = sums[g] / sizes[g];
            between += sizes[g] * (mg - grand) * (mg - grand);
        }
        // within = Σ (y − ȳ_g)², computed as Σ y² − Σ n_g ȳ_g² would cancel badly; use a second pass
        double within = 0;
        for (int i = 0; i < n; i++) {
            double v = y[perm == null ? i : perm[i]] - sums[groups[i]] / sizes[groups[i]];
            within += v * v;
        }
        return new double[]{between, within};
    }
}
