package io.gutbrain.stats;

import io.gutbrain.util.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Random permutations of sample positions, free or restricted within strata (blocks), and a
 * parallel driver that evaluates a statistic on each of them.
 *
 * <p>A permutation is an array {@code perm} with {@code perm[i]} = the sample whose label moves to
 * position {@code i}; with strata, {@code perm[i]} is always in the same stratum as {@code i}
 * (vegan's {@code how(blocks = strata)}: each block is shuffled freely, blocks never mix).
 * Permutation {@code b} uses the {@code b}-th generator split from one
 * {@code SplittableRandom(seed)}, so results do not depend on the number of threads.
 */
final class Permutations {
    /**
     * Tolerance for "at least as extreme": vegan counts {@code stat_perm ≥ stat_obs − EPS} with
     * EPS = sqrt(machine epsilon) ≈ 1.5e-8, so that a permutation that reproduces the observed
     * grouping (or one that is equivalent, e.g. swapping two equal-sized groups) counts even if
     * rounding makes its statistic a few ulps smaller.
     */
    static final double EPS = Math.sqrt(Math.ulp(1.0));

    /** The statistic(s) of one permutation; one instance per worker, so it may keep scratch space. */
    interface Statistic {
        void compute(int[] perm, double[] out);
    }

    private final int n;
    private final int[][] blocks; // null = one free block

    Permutations(int n, int[] strata) {
        this.n = n;
        this.blocks = strata == null ? null : blocksOf(strata);
    }

    private static int[][] blocksOf(int[] strata) {
        int k = 0;
        for (int s : strata) k = Math.max(k, s + 1);
        int[] count = new int[k];
        for (int s : strata) count[s]++;
        List<int[]> out = new ArrayList<>();
        int[][] byCode = new int[k][];
        for (int s = 0; s < k; s++) byCode[s] = new int[count[s]];
        int[] fill = new int[k];
        for (int i = 0; i < strata.length; i++) byCode[strata[i]][fill[strata[i]]++] = i;
        for (int[] b : byCode) if (b.length > 1) out.add(b); // a singleton block never moves
        return out.toArray(new int[0][]);
    }

    /** Fills {@code out} with a random permutation (Fisher–Yates within each block). */
    void shuffle(SplittableRandom rnd, int[] out) {
        for (int i = 0; i < n; i++) out[i] = i;
        if (blocks == null) {
            for (int k = n - 1; k > 0; k--) {
                int j = rnd.nextInt(k + 1);
                int t = out[k]; out[k] = out[j]; out[j] = t;
            }
            return;
        }
        for (int[] b : blocks) {
            for (int k = b.length - 1; k > 0; k--) {
                int j = rnd.nextInt(k + 1);
                int pk = b[k], pj = b[j];
                int t = out[pk]; out[pk] = out[pj]; out[pj] = t;
            }
        }
    }

    /**
     * Evaluates a statistic with {@code nStats} components on {@code opt.permutations()} random
     * permutations, in parallel.
     *
     * @return {@code [component][permutation]}
     */
    static double[][] run(int n, int[] strata, int nStats, PermutationOptions opt, Supplier<Statistic> workers) {
        int perms = opt.permutations();
        double[][] out = new double[nStats][perms];
        if (perms == 0) return out;
        Permutations p = new Permutations(n, strata);
        SplittableRandom master = new SplittableRandom(opt.seed());
        SplittableRandom[] streams = new SplittableRandom[perms];
        for (int b = 0; b < perms; b++) streams[b] = master.split();
        int threads = Parallel.threads(opt.threads());
        int chunks = Math.min(perms, threads == 1 ? 1 : threads * 4);
        Parallel.forEach(chunks, threads, c -> {
            Statistic stat = workers.get();
            int[] perm = new int[n];
            double[] v = new double[nStats];
            int from = (int) ((long) perms * c / chunks), to = (int) ((long) perms * (c + 1) / chunks);
            for (int b = from; b < to; b++) {
                p.shuffle(streams[b], perm);
                stat.compute(perm, v);
                for (int s = 0; s < nStats; s++) out[s][b] = v[s];
                opt.progress().advance(1);
            }
        });
        return out;
    }

    /** p for "larger is more extreme": (#{perm ≥ obs − EPS} + 1) / (P + 1); NaN without permutations or statistic. */
    static double pGreater(double observed, double[] perm) {
        if (perm.length == 0 || Double.isNaN(observed)) return Double.NaN;
        int c = 0;
        for (double v : perm) if (v >= observed - EPS) c++;
        return (c + 1.0) / (perm.length + 1.0);
    }

    /** p for "smaller is more extreme": (#{perm ≤ obs + EPS} + 1) / (P + 1). */
    static double pLess(double observed, double[] perm) {
        if (perm.length == 0 || Double.isNaN(observed)) return Double.NaN;
        int c = 0;
        for (double v : perm) if (v <= observed + EPS) c++;
        return (c + 1.0) / (perm.length + 1.0);
    }

    /** Two-sided p: (#{|perm| ≥ |obs| − EPS} + 1) / (P + 1), as scikit-bio's mantel. */
    static double pTwoSided(double observed, double[] perm) {
        if (perm.length == 0 || Double.isNaN(observed)) return Double.NaN;
        int c = 0;
        double a = Math.abs(observed);
        for (double v : perm) if (Math.abs(v) >= a - EPS) c++;
        return (c + 1.0) / (perm.length + 1.0);
    }
}
