package io.gutbrain.io;

import io.gutbrain.table.FeatureTable;

import java.util.List;

/**
 * A PICRUSt2 metagenome prediction read by {@link Picrust2}: the community totals per function
 * and, for stratified files, the per-sequence (per-ASV) contributions. Both tables have the same
 * samples in the same order. Immutable.
 *
 * @param unstratified samples × functions (for a stratified file, the sum over sequences)
 * @param stratified   samples × {@code function|sequence} features; no features for an unstratified file
 * @param functions    the function of each stratified feature
 * @param taxa         the sequence (ASV/OTU id) of each stratified feature
 * @param layout       which PICRUSt2 output the file was
 */
public record Picrust2Table(FeatureTable unstratified, FeatureTable stratified, List<String> functions, List<String> taxa,
                            Picrust2.Layout layout) {
    public Picrust2Table {
        functions = List.copyOf(functions);
        taxa = List.copyOf(taxa);
        if (functions.size() != stratified.featureCount() || taxa.size() != stratified.featureCount()) {
            throw new IllegalArgumentException("functions/taxa must match the stratified features");
        }
    }

    /** True when the file held per-sequence contributions. */
    public boolean isStratified() { return stratified.featureCount() > 0; }
}
