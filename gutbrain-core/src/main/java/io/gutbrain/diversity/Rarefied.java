package io.gutbrain.diversity;

import io.gutbrain.table.FeatureTable;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of {@link Rarefaction#rarefy}: the rarefied table and the samples that were too
 * shallow to keep.
 *
 * @param table          every sample with at least {@code depth} reads, each subsampled to exactly
 *                       {@code depth}; same features (and taxonomy, metadata) as the input
 * @param droppedSamples samples with fewer than {@code depth} reads, in table order
 * @param depth          the rarefaction depth
 */
public record Rarefied(FeatureTable table, List<String> droppedSamples, long depth) {
    /** Copies the dropped-sample list so the record stays immutable. */
    public Rarefied {
        droppedSamples = List.copyOf(droppedSamples);
    }

    /** A warning naming up to five dropped samples, or an empty list when none was dropped. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!droppedSamples.isEmpty()) {
            w.add(droppedSamples.size() + " sample(s) with fewer than " + depth + " reads dropped by rarefaction: "
                    + ValueFormat.firstFew(droppedSamples));
        }
        return w;
    }
}
