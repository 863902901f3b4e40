package io.gutbrain.modules;

import io.gutbrain.io.HumannTable;
import io.gutbrain.io.Picrust2;
import io.gutbrain.io.Picrust2Table;
import io.gutbrain.table.FeatureTable;

import java.util.ArrayList;
import java.util.List;

/**
 * A taxon-stratified KO table: samples × (function, taxon) features, each feature naming the
 * function (a KO, possibly with a description) and the taxon or sequence that carries it.
 *
 * @param table     samples × stratified features
 * @param functions the function of each feature, aligned with the table's features
 * @param taxa      the taxon of each feature, aligned with the table's features
 */
public record StratifiedKo(FeatureTable table, List<String> functions, List<String> taxa) {
    public StratifiedKo {
        functions = List.copyOf(functions);
        taxa = List.copyOf(taxa);
        if (functions.size() != table.featureCount() || taxa.size() != table.featureCount()) {
            throw new IllegalArgumentException("functions and taxa must have one entry per feature");
        }
    }

    /** The function of feature {@code f}. */
    public String function(int f) { return functions.get(f); }

    /** The taxon of feature {@code f}. */
    public String taxon(int f) { return taxa.get(f); }

    /** The community profile: every function summed over taxa. */
    public FeatureTable community() { return Picrust2.sumByFunction(table, functions); }

    /** HUMAnN's {@code KO|g__Genus.s__species} rows (including {@code |unclassified}). */
    public static StratifiedKo of(HumannTable h) {
        FeatureTable t = h.stratified();
        List<String> fn = new ArrayList<>(t.featureCount());
        List<String> tx = new ArrayList<>(t.featureCount());
        for (int f = 0; f < t.featureCount(); f++) {
            fn.add(h.function(f));
            tx.add(h.taxon(f));
        }
        return new StratifiedKo(t, fn, tx);
    }

    /** PICRUSt2's per-sequence predictions; the taxa are the sequence (ASV) ids. */
    public static StratifiedKo of(Picrust2Table p) {
        return new StratifiedKo(p.stratified(), p.functions(), p.taxa());
    }
}
