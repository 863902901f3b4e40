package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.TextOutput;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.ordination.PCoA;

import java.nio.file.Path;
import java.util.List;

/**
 * Test of homogeneity of multivariate dispersions (PERMDISP; Anderson 2006, Biometrics
 * 62:245–253), as vegan's {@code betadisper} followed by {@code permutest()}, with either group
 * centroids or spatial medians as the group centres ({@link Type}).
 *
 * <p><b>Distances to the group centre.</b> vegan embeds the samples by PCoA, keeping the axes of
 * negative eigenvalues as imaginary axes, and takes z_i² = (distance² to the group centre on
 * the real axes) − (the same on the imaginary axes), z_i = 0 where that is negative (with a
 * warning).
 * <ul>
 * <li>{@link Type#CENTROID}: because that pseudo-Euclidean embedding reproduces every d²_ij
 * exactly, z_i² follows without an eigendecomposition from the distances alone: for sample i in
 * group g of size n_g, z_i² = (1/n_g) Σ_{j∈g} d²_ij − (1/n_g²) Σ_{j<k∈g} d²_jk (O(N²) instead of
 * O(N³)). vegan drops axes whose |eigenvalue| is below 1.5e-8 of the largest, a change far below
 * the reported digits.</li>
 * <li>{@link Type#MEDIAN} (vegan's and scikit-bio's default): the full embedding is computed
 * ({@link PCoA#embedding}) and each group's centre is the spatial median (the point minimising
 * the sum of Euclidean distances), found separately on the real and on the imaginary axes as
 * vegan does, by Weiszfeld's iteration from the coordinate-wise median run to convergence
 * (relative step 1e-13). vegan stops its BFGS search at a relative change of 1e-8 in the sum of
 * distances, so F agrees with vegan's to about 1e-7 rather than to rounding.</li>
 * </ul>
 *
 * <p><b>Test.</b> One-way ANOVA F of z on the groups. The permutation test is vegan's
 * {@code permutest.betadisper}: the residuals z_i − z̄_g are permuted (within strata if set) and
 * F is recomputed on them; p = (#{F_perm ≥ F_obs − ε} + 1) / (permutations + 1).
 */
public final class Permdisp {
    private Permdisp() {}

    /** The centre of a group. */
    public enum Type {
        /** The group mean in the PCoA space (vegan {@code type = "centroid"}). */
        CENTROID,
        /** The spatial median (vegan's and scikit-bio's default {@code "median"}). */
        MEDIAN
    }

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
    public static Result test(DistanceMatrix dm, SampleMetadata md, String column, Type type, PermutationOptions opt, Warnings warnings) {
        return test(SampleGrouping.of(dm, md, column, opt.strata(), warnings), type, opt, warnings);
    }

    /**
     * PERMDISP on an aligned grouping.
     *
     * @param warnings told when some squared distances to a centroid were negative (set to 0)
     * @throws InputException if every group has a single sample (no residual degrees of freedom)
     */
    public static Result test(SampleGrouping grouping, Type type, PermutationOptions opt, Warnings warnings) {
        int n = grouping.size();
        int ng = grouping.levels().size();
        if (n - ng < 1) {
            throw new InputException(null, "column '" + grouping.column() + "'", "each of the " + ng
                    + " groups has a single sample, so the dispersion ANOVA has no residual degrees of freedom",
                    "use a grouping with replicate samples in at least one group");
        }
        int[] groups = grouping.groupsShared();
        int[] sizes = grouping.sizesShared();
        double[] z = type == Type.CENTROID ? centroidDistances(grouping.matrix(), groups, sizes, warnings)
                : medianDistances(grouping.matrix(), groups, sizes, warnings);
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
        double[] z2 = new double[n];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            double ng = sizes[groups[i]];
            z2[i] = rowWithin[i] / ng - within[groups[i]] / (ng * ng);
            scale[i] = rowWithin[i] / ng;
        }
        return roots(z2, scale, warnings);
    }

    /** z_i to spatial medians on the real and the imaginary axes of the full PCoA embedding. */
    static double[] medianDistances(DistanceMatrix dm, int[] groups, int[] sizes, Warnings warnings) {
        int n = dm.size();
        PCoA.Embedding e = PCoA.embedding(dm);
        double[] ev = e.eigenvalues();
        double[][] x = e.coordinates();
        int nPos = 0;
        while (nPos < ev.length && ev[nPos] > 0) nPos++;
        int nAxes = ev.length;
        double[] z2 = new double[n];
        double[] scale = new double[n];
        for (int g = 0; g < sizes.length; g++) {
            int[] members = new int[sizes[g]];
            int m = 0;
            for (int i = 0; i < n; i++) if (groups[i] == g) members[m++] = i;
            double[] medPos = spatialMedian(x, members, 0, nPos);
            double[] medNeg = spatialMedian(x, members, nPos, nAxes);
            for (int i : members) {
                double pos = 0, neg = 0;
                for (int a = 0; a < nPos; a++) { double d = x[i][a] - medPos[a]; pos += d * d; }
                for (int a = nPos; a < nAxes; a++) { double d = x[i][a] - medNeg[a - nPos]; neg += d * d; }
                z2[i] = pos - neg;
                scale[i] = pos;
            }
        }
        return roots(z2, scale, warnings);
    }

    /** sqrt of the squared distances, negative ones set to 0 (warned about unless rounding-sized). */
    private static double[] roots(double[] z2, double[] scale, Warnings warnings) {
        int n = z2.length;
        double[] z = new double[n];
        int negative = 0;
        for (int i = 0; i < n; i++) {
            double v = z2[i];
            if (v < 0) {
                // exact zeros (a group of one, identical samples) can come out as -1e-17
                if (v < -1e-12 * Math.max(scale[i], Double.MIN_NORMAL)) negative++;
                v = 0;
            }
            z[i] = Math.sqrt(v);
        }
        if (negative > 0) {
            warnings.warn(negative + " of " + n + " squared distances to a group centre were negative (the distance is not Euclidean) and were set to 0, as vegan's betadisper does");
        }
        return z;
    }

    /**
     * The point minimising Σ ‖x_i − m‖ over {@code members} on axes [from, to), by Weiszfeld's
     * iteration (points that coincide with the current estimate are skipped, the usual
     * safeguard), started from the coordinate-wise median like vegan's {@code ordimedian}.
     */
    static double[] spatialMedian(double[][] x, int[] members, int from, int to) {
        int dim = to - from;
        double[] y = new double[dim];
        if (dim == 0) return y;
        double[] col = new double[members.length];
        double scale = 0;
        for (int a = 0; a < dim; a++) {
            for (int k = 0; k < members.length; k++) {
                col[k] = x[members[k]][from + a];
                scale = Math.max(scale, Math.abs(col[k]));
            }
            java.util.Arrays.sort(col);
            int h = members.length / 2;
            y[a] = members.length % 2 == 1 ? col[h] : 0.5 * (col[h - 1] + col[h]);
        }
        if (members.length <= 2 || scale == 0) {
            // one point is its own median; for two, every point of the segment is optimal and
            // the coordinate-wise median (their midpoint) is vegan's answer too
            return y;
        }
        double[] next = new double[dim];
        for (int it = 0; it < 100_000; it++) {
            java.util.Arrays.fill(next, 0);
            double den = 0;
            for (int i : members) {
                double d2 = 0;
                for (int a = 0; a < dim; a++) { double d = x[i][from + a] - y[a]; d2 += d * d; }
                double d = Math.sqrt(d2);
                if (d <= 1e-15 * scale) continue;
                for (int a = 0; a < dim; a++) next[a] += x[i][from + a] / d;
                den += 1 / d;
            }
            if (den == 0) break;
            double step = 0;
            for (int a = 0; a < dim; a++) {
                double v = next[a] / den;
                step = Math.max(step, Math.abs(v - y[a]));
                y[a] = v;
            }
            if (step <= 1e-13 * scale) break;
        }
        return y;
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
