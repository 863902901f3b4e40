package io.gutbrain.stats;

import io.gutbrain.util.ProgressListener;

import java.util.Objects;

/**
 * Settings shared by the permutation tests ({@link Permanova}, {@link Permdisp}, {@link Anosim},
 * {@link Mantel}, {@link PairwisePermanova}).
 *
 * <p>A p-value from {@code permutations} random relabellings is
 * {@code (#{stat_perm ≥ stat_obs} + 1) / (permutations + 1)} (the observed labelling counts as
 * one permutation, so p is never 0). Each permutation draws from its own
 * {@link java.util.SplittableRandom} split in order from one generator seeded with {@code seed},
 * so a result depends on the seed but not on the thread count. The permutation stream differs
 * from R's, so p-values agree with vegan's only in distribution.
 *
 * @param permutations number of random permutations (0 = no test, p is NaN)
 * @param seed         seed of the permutation stream
 * @param threads      worker threads; 0 = all cores
 * @param strata       metadata column whose levels are blocks: samples are permuted only within
 *                     their block (vegan {@code how(blocks = strata)}, adonis2 {@code strata});
 *                     null = free permutation
 * @param progress     told of every finished permutation; never null
 */
public record PermutationOptions(int permutations, long seed, int threads, String strata, ProgressListener progress) {
    /** vegan's and scikit-bio's default number of permutations. */
    public static final int DEFAULT_PERMUTATIONS = 999;

    public PermutationOptions {
        if (permutations < 0) throw new IllegalArgumentException("permutations must be >= 0, got " + permutations);
        Objects.requireNonNull(progress, "progress");
    }

    /** 999 permutations, seed 1, all cores, no strata, no progress reports. */
    public static PermutationOptions defaults() {
        return new PermutationOptions(DEFAULT_PERMUTATIONS, 1L, 0, null, ProgressListener.NONE);
    }

    public PermutationOptions withPermutations(int n) { return new PermutationOptions(n, seed, threads, strata, progress); }
    public PermutationOptions withSeed(long s) { return new PermutationOptions(permutations, s, threads, strata, progress); }
    public PermutationOptions withThreads(int t) { return new PermutationOptions(permutations, seed, t, strata, progress); }
    public PermutationOptions withStrata(String column) { return new PermutationOptions(permutations, seed, threads, column, progress); }
    public PermutationOptions withProgress(ProgressListener p) { return new PermutationOptions(permutations, seed, threads, strata, p); }
}
