package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;

import java.util.ArrayList;
import java.util.List;

import static io.gutbrain.metadata.MetadataMatch.firstFew;

/**
 * Mantel test of the correlation between two distance matrices on the same samples (Mantel
 * 1967, Cancer Research 27:209–220), as vegan's {@code mantel} and scikit-bio's {@code mantel}.
 *
 * <p>The statistic is Pearson's r between the N(N−1)/2 paired distances, or Spearman's ρ (Pearson
 * on their average ranks). The null distribution permutes the samples (rows and columns together)
 * of the first matrix: r_perm = Σ_{i<j} x̃_{π(i)π(j)} ỹ_ij with x̃, ỹ centred and scaled to unit
 * norm once, since a permutation changes neither mean nor norm. p counts permutations at least as
 * extreme as observed (ε = 1.5e-8 as vegan): {@code GREATER} is vegan's one-sided test,
 * {@code TWO_SIDED} (|r_perm| ≥ |r_obs|) scikit-bio's default.
 */
public final class Mantel {
    private Mantel() {}

    /** Correlation coefficient. */
    public enum Method { PEARSON, SPEARMAN }

    /** Which permuted statistics count as at least as extreme as the observed one. */
    public enum Alternative { TWO_SIDED, GREATER, LESS }

    /**
     * Correlates {@code x} and {@code y}. Ids are matched by name: the test uses the ids of
     * {@code x} (in its order) that are also in {@code y}, warning about the others.
     *
     * @param opt permutations, seed, threads; strata are not supported (there is no metadata)
     * @throws InputException if fewer than three ids are shared, or one matrix has all distances equal
     */
    public static TestSummary test(DistanceMatrix x, DistanceMatrix y, Method method, Alternative alternative,
                                   PermutationOptions opt, Warnings warnings) {
        if (opt.strata() != null) throw new IllegalArgumentException("the Mantel test takes no strata");
        List<String> common = new ArrayList<>();
        List<String> onlyX = new ArrayList<>();
        for (String id : x.ids()) if (y.indexOf(id) >= 0) common.add(id); else onlyX.add(id);
        List<String> onlyY = new ArrayList<>();
        for (String id : y.ids()) if (x.indexOf(id) < 0) onlyY.add(id);
        if (common.size() < 3) {
            throw new InputException(null, "sample ids", "the two distance matrices share " + common.size() + " ids (first has e.g. "
                    + firstFew(x.ids()) + "; second has e.g. " + firstFew(y.ids()) + "); a Mantel test needs at least 3",
                    "use matrices computed on the same samples");
        }
        if (!onlyX.isEmpty()) warnings.warn(onlyX.size() + " ids of the first distance matrix are not in the second (e.g. " + firstFew(onlyX) + "); they are excluded");
        if (!onlyY.isEmpty()) warnings.warn(onlyY.size() + " ids of the second distance matrix are not in the first (e.g. " + firstFew(onlyY) + "); they are excluded");
        DistanceMatrix xs = common.size() == x.size() ? x : x.select(common);
        DistanceMatrix ys = y.select(common); // also brings y into x's order
        int n = common.size();
        double[] xv = Anosim.condensed(xs);
        double[] yv = Anosim.condensed(ys);
        if (method == Method.SPEARMAN) {
            xv = Ranks.average(xv);
            yv = Ranks.average(yv);
        }
        double[] xz = standardised(xv, "first");
        double[] yz = standardised(yv, "second");
        int[] rowBase = new int[n];
        for (int a = 0; a < n; a++) rowBase[a] = (int) ((long) a * n - (long) a * (a + 1) / 2 - a - 1);
        double r = 0;
        for (int k = 0; k < xz.length; k++) r += xz[k] * yz[k];
        double[] perm = Permutations.run(n, null, 1, opt, () -> (p, out) -> out[0] = permuted(xz, yz, rowBase, p))[0];
        double pv = switch (alternative) {
            case GREATER -> Permutations.pGreater(r, perm);
            case LESS -> Permutations.pLess(r, perm);
            case TWO_SIDED -> Permutations.pTwoSided(r, perm);
        };
        String name = method == Method.PEARSON ? "r (Pearson)" : "rho (Spearman)";
        return new TestSummary("Mantel", name, n, 0, r, pv, opt.permutations());
    }

    private static double permuted(double[] xz, double[] yz, int[] rowBase, int[] p) {
        int n = p.length;
        double s0 = 0, s1 = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            int pi = p[i];
            int j = i + 1;
            for (; j + 1 < n; j += 2) {
                int a = p[j], b = p[j + 1];
                s0 += xz[rowBase[Math.min(pi, a)] + Math.max(pi, a)] * yz[k++];
                s1 += xz[rowBase[Math.min(pi, b)] + Math.max(pi, b)] * yz[k++];
            }
            if (j < n) {
                int a = p[j];
                s0 += xz[rowBase[Math.min(pi, a)] + Math.max(pi, a)] * yz[k++];
            }
        }
        return s0 + s1;
    }

    /** (v − mean) / ‖v − mean‖, so that Pearson's r is a dot product. */
    private static double[] standardised(double[] v, String which) {
        double mean = 0;
        for (double x : v) mean += x;
        mean /= v.length;
        double[] z = new double[v.length];
        double ss = 0;
        for (int k = 0; k < v.length; k++) { z[k] = v[k] - mean; ss += z[k] * z[k]; }
        if (!(ss > 0)) {
            throw new InputException(null, which + " distance matrix", "all distances are equal, so a correlation is undefined",
                    "check the matrix was computed on non-identical samples");
        }
        double norm = Math.sqrt(ss);
        for (int k = 0; k < z.length; k++) z[k] /= norm;
        return z;
    }
}
