package io.gutbrain.diversity.beta;

/**
 * A metric prepared for one table: per-entry transformed values, per-sample summaries, and the
 * rule that turns the co-occurrence sums of a pair into its distance.
 *
 * <p>Every metric here can be written as per-sample quantities plus one sum over the features
 * that <em>both</em> samples contain (see {@link Accumulation}); that sum is the only part that
 * costs O(N² · shared features) and is computed by {@link CooccurrenceEngine} from the
 * feature-major layout, touching nothing but co-occurring entries.
 */
abstract class PairKernel {

    /** The per-shared-feature term that the engine sums for a pair (x from sample i, y from j). */
    enum Accumulation {
        /** Σ 2·min(x, y), summed as x + y − |x − y| — Bray–Curtis. */
        MIN,
        /** the number of shared features — Jaccard. */
        COUNT,
        /** Σ x·y — the Euclidean family, via ‖a − b‖² = ‖a‖² + ‖b‖² − 2a·b. */
        DOT,
        /** Σ |x − y| / (x + y) and the number of shared features — Canberra. */
        CANBERRA
    }

    final Accumulation accumulation;
    /** Transformed value of every stored entry, aligned with the table's CSR arrays. */
    final double[] values;

    PairKernel(Accumulation accumulation, double[] values) {
        this.accumulation = accumulation;
        this.values = values;
    }

    /**
     * The distance between samples {@code i < j}.
     *
     * @param shared the accumulated sum over shared features ({@link Accumulation})
     * @param sharedCount the number of shared features ({@link Accumulation#CANBERRA} only, else 0)
     */
    abstract double distance(int i, int j, double shared, double sharedCount);
}
