package io.gutbrain.diversity.beta;

import io.gutbrain.distance.DistanceMatrix;

import java.util.List;

/**
 * The outcome of {@link BetaDiversity#compute}.
 *
 * @param distances the pairwise distances among the samples kept, in the table's order
 * @param excluded  ids of samples left out because the metric is undefined for them (no counts)
 * @param warnings  human-readable notes to show the user (empty when nothing was left out)
 */
public record BetaResult(DistanceMatrix distances, List<String> excluded, List<String> warnings) {
    /** Copies both lists, so the result is immutable. */
    public BetaResult {
        excluded = List.copyOf(excluded);
        warnings = List.copyOf(warnings);
    }
}
