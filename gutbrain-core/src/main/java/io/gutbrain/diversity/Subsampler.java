package io.gutbrain.diversity;

import io.gutbrain.error.InputException;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exact subsampling without replacement of one sample's reads, without materialising the reads.
 *
 * <p>The sample's N reads are numbered 0..N−1 in feature order (the reads of entry i occupy
 * positions {@code [cum[i−1], cum[i])}). Robert Floyd's algorithm picks a uniformly random
 * n-subset of those positions with exactly n random numbers: for j = N−n … N−1 draw t uniform in
 * [0, j]; keep t if not yet kept, else keep j. Every n-subset is equally likely (Bentley &amp;
 * Floyd 1987), so the per-feature counts of the kept reads follow the multivariate
 * hypergeometric distribution exactly — the same law as shuffling all reads and taking the
 * first n. Each kept position is mapped to its feature through a guide table over {@code cum}
 * (O(1) expected).
 *
 * <p>When more than half of the reads are kept, the complement (the N − n reads to remove) is
 * drawn instead, so n ≤ N/2 always. Cost per draw: O(n + k) expected time for k features, and
 * a set of positions that is either a hash table of 2n–4n longs or a bit set of N/64 longs,
 * whichever is smaller; its buffer is reused between draws. Not thread-safe: use one per thread.
 *
 * <p>Bentley, J. &amp; Floyd, R. (1987) Programming pearls: a sample of brilliance.
 * <i>Communications of the ACM</i> 30: 754–757.
 */
final class Subsampler {
    private static final long EMPTY = -1;
    private static final int MAX_HASH_BITS = 30;

    private long[] cum = new long[0];
    private int[] guide = new int[0]; // guide[g]: first entry whose reads reach past position g << guideShift
    private int guideShift;
    private long[] set = new long[0];
    private boolean bitset;
    private int shift;
    private int mask;

    /**
     * Draws {@code depth} of the sample's reads uniformly without replacement.
     *
     * @param values whole-number counts; entries {@code [from, to)} are the sample's
     * @param total  the sample's read count, Σ values[from..to)
     * @param depth  reads to keep, 0 ≤ depth ≤ total
     * @param out    receives, at {@code [0, to − from)}, the kept reads per entry
     */
    void draw(double[] values, int from, int to, long total, long depth, SplittableRandom rng, long[] out) {
        int k = to - from;
        if (cum.length < k) cum = new long[Math.max(k, 2 * cum.length)];
        long c = 0;
        for (int i = 0; i < k; i++) {
            c += (long) values[from + i];
            cum[i] = c;
        }
        boolean complement = depth > total - depth;
        long n = complement ? total - depth : depth;
        Arrays.fill(out, 0, k, 0L);
        if (n > 0) {
            buildGuide(total, k);
            prepareSet(total, n);
            for (long j = total - n; j < total; j++) {
                long t = rng.nextLong(j + 1);
                long kept = t;
                if (!add(t)) { // t was already drawn; j cannot have been (all earlier picks are < j)
                    kept = j;
                    add(j);
                }
                out[entryOf(kept)]++;
            }
        }
        if (complement) {
            for (int i = 0; i < k; i++) out[i] = (long) values[from + i] - out[i];
        }
    }

    /**
     * Indexes {@code cum} by buckets of 2^guideShift ≤ N/k positions (so k to 2k + 1 buckets):
     * a lookup starts at its bucket's first entry and scans forward, O(1) expected instead of a
     * binary search's log k unpredictable branches.
     */
    private void buildGuide(long total, int k) {
        guideShift = 63 - Long.numberOfLeadingZeros(Math.max(1, total / k));
        int buckets = (int) (((total - 1) >>> guideShift) + 1);
        if (guide.length < buckets) guide = new int[Math.max(buckets, 2 * guide.length)];
        int e = 0;
        for (int g = 0; g < buckets; g++) {
            long start = (long) g << guideShift;
            while (cum[e] <= start) e++;
            guide[g] = e;
        }
    }

    /** The entry whose reads include position {@code pos}: the first i with cum[i] &gt; pos. */
    private int entryOf(long pos) {
        int e = guide[(int) (pos >>> guideShift)];
        while (cum[e] <= pos) e++;
        return e;
    }

    private void prepareSet(long total, long n) {
        long words = (total + 63) >>> 6;
        int bits = Math.max(4, 64 - Long.numberOfLeadingZeros(2 * n - 1)); // 2^bits ≥ 2n slots: load ≤ 1/2
        long slots = 1L << Math.min(bits, MAX_HASH_BITS);
        bitset = words <= slots;
        if (!bitset && bits > MAX_HASH_BITS) {
            throw new InputException(null, null, "drawing " + n + " reads from one sample needs more memory than one array holds",
                    "rarefy to a smaller depth");
        }
        int size = (int) (bitset ? words : slots);
        if (set.length < size) set = new long[size];
        Arrays.fill(set, 0, size, bitset ? 0L : EMPTY);
        shift = 64 - bits;
        mask = size - 1;
    }

    /** Adds a position to the set; false if it was already there. */
    private boolean add(long x) {
        if (bitset) {
            int w = (int) (x >>> 6);
            long b = 1L << x; // shifts use the low 6 bits
            if ((set[w] & b) != 0) return false;
            set[w] |= b;
            return true;
        }
        int h = (int) ((x * 0x9E3779B97F4A7C15L) >>> shift); // Fibonacci hashing
        while (set[h] != EMPTY) {
            if (set[h] == x) return false;
            h = (h + 1) & mask;
        }
        set[h] = x;
        return true;
    }
}
