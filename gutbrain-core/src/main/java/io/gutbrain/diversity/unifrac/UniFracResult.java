package io.gutbrain.diversity.unifrac;

import io.gutbrain.distance.DistanceMatrix;

import java.util.List;

/**
 * What {@link UniFrac#compute} returns: the distances between the samples that could be compared
 * and, separately, the samples left out (zero total abundance, for which every UniFrac variant is
 * undefined) with human-readable warnings, so the caller decides how to show them.
 */
public final class UniFracResult {
    private final DistanceMatrix distances;
    private final List<String> excludedSamples;
    private final List<String> warnings;

    UniFracResult(DistanceMatrix distances, List<String> excludedSamples, List<String> warnings) {
        this.distances = distances;
        this.excludedSamples = List.copyOf(excludedSamples);
        this.warnings = List.copyOf(warnings);
    }

    /** Distances between the kept samples, in the table's sample order. */
    public DistanceMatrix distances() { return distances; }

    /** Ids of samples left out because their total abundance is zero, in table order. */
    public List<String> excludedSamples() { return excludedSamples; }

    /** Non-fatal findings (e.g. excluded samples); empty when there were none. */
    public List<String> warnings() { return warnings; }
}
