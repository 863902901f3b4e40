package io.gutbrain.io;

import io.gutbrain.table.FeatureTable;

import java.util.List;
import java.util.Set;

/**
 * A HUMAnN functional table split into its two parts (see {@link Humann}): the community totals
 * per function (rows without {@code |}) and the per-taxon contributions (rows
 * {@code FUNCTION|g__Genus.s__species} or {@code FUNCTION|unclassified}). Both tables have the
 * same samples in the same order. Immutable.
 */
public final class HumannTable {
    /** Rows HUMAnN uses for reads or abundance it could not assign to a function. */
    public static final Set<String> UNASSIGNED_ROWS = Set.of("UNMAPPED", "UNINTEGRATED", "UNGROUPED");

    private final String header;
    private final FeatureTable unstratified;
    private final FeatureTable stratified;
    private final List<String> functions;
    private final List<String> taxa;

    HumannTable(String header, FeatureTable unstratified, FeatureTable stratified, List<String> functions, List<String> taxa) {
        this.header = header;
        this.unstratified = unstratified;
        this.stratified = stratified;
        this.functions = List.copyOf(functions);
        this.taxa = List.copyOf(taxa);
    }

    /** The header's first cell as written, e.g. {@code # Gene Family} or {@code # Pathway}. */
    public String header() { return header; }

    /**
     * Community-level abundance per function: feature ids are the row names as written
     * ({@code UniRef90_A0A015QQE8}, {@code PWY-5686: UMP biosynthesis}, {@code UNMAPPED}, ...).
     */
    public FeatureTable unstratified() { return unstratified; }

    /**
     * Per-taxon contributions: feature ids are the full row names {@code FUNCTION|taxon}. Has no
     * features when the file holds no stratified rows.
     */
    public FeatureTable stratified() { return stratified; }

    /** The function part (before the first {@code |}) of stratified feature {@code f}. */
    public String function(int f) { return functions.get(f); }

    /** The taxon part (after the first {@code |}) of stratified feature {@code f}, e.g. {@code g__Bacteroides.s__Bacteroides_fragilis} or {@code unclassified}. */
    public String taxon(int f) { return taxa.get(f); }

    /**
     * True when a row id (stratified or not) belongs to HUMAnN's bookkeeping rows
     * {@code UNMAPPED}, {@code UNINTEGRATED} or {@code UNGROUPED} rather than to a real function;
     * analyses of function abundance usually leave them out, while they matter for normalisation.
     */
    public boolean isUnassignedRow(String id) { return Humann.isUnassigned(id); }
}
