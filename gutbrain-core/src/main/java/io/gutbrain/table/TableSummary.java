package io.gutbrain.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The figures a researcher checks first on a new table: shape, sparsity, sequencing depth
 * distribution and the most abundant taxa.
 *
 * <p>Depth quantiles use the same rule as R's default {@code quantile(type = 7)} (linear
 * interpolation between order statistics), so the median of an even count is the mean of the two
 * middle depths. Top taxa are ranked by mean relative abundance over non-empty samples; a taxon
 * is named by the deepest assigned rank of its lineage when the table has taxonomy.
 */
public record TableSummary(int samples, int features, long nonZeros, double density, boolean integral,
                           double depthMin, double depthQ1, double depthMedian, double depthQ3, double depthMax,
                           double depthMean, int emptySamples, int emptyFeatures, boolean hasTaxonomy,
                           List<TopTaxon> topTaxa) {

    /** One of the most abundant features. */
    public record TopTaxon(String featureId, String name, double meanRelativeAbundance, double prevalence) {}

    /** Summarises a table; {@code top} is how many taxa to list. */
    public static TableSummary of(FeatureTable t, int top) {
        double[] depth = t.sampleTotals();
        double[] sorted = depth.clone();
        Arrays.sort(sorted);
        int empty = 0;
        double sum = 0;
        for (double d : depth) { if (d == 0) empty++; sum += d; }
        int[] prev = t.featurePrevalence();
        int emptyFeatures = 0;
        for (int p : prev) if (p == 0) emptyFeatures++;

        double[] meanRel = new double[t.featureCount()];
        int nonEmpty = t.sampleCount() - empty;
        for (int s = 0; s < t.sampleCount(); s++) {
            if (depth[s] == 0) continue;
            for (int k = t.sampleStart(s); k < t.sampleEnd(s); k++) meanRel[t.indexAt(k)] += t.valueAt(k) / depth[s];
        }
        if (nonEmpty > 0) for (int f = 0; f < meanRel.length; f++) meanRel[f] /= nonEmpty;
        Integer[] order = new Integer[t.featureCount()];
        for (int f = 0; f < order.length; f++) order[f] = f;
        Arrays.sort(order, Comparator.comparingDouble((Integer f) -> -meanRel[f]).thenComparing(f -> t.featureIds().get(f)));
        List<TopTaxon> topTaxa = new ArrayList<>();
        for (int i = 0; i < Math.min(top, order.length); i++) {
            int f = order[i];
            if (meanRel[f] == 0) break;
            topTaxa.add(new TopTaxon(t.featureIds().get(f), displayName(t, f), meanRel[f],
                    t.sampleCount() == 0 ? 0 : prev[f] / (double) t.sampleCount()));
        }
        return new TableSummary(t.sampleCount(), t.featureCount(), t.nonZeroCount(), t.density(), t.isIntegral(),
                quantile(sorted, 0), quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75), quantile(sorted, 1),
                t.sampleCount() == 0 ? Double.NaN : sum / t.sampleCount(), empty, emptyFeatures, t.hasTaxonomy(), topTaxa);
    }

    /** The deepest assigned name of a feature's lineage, with its rank; the feature id otherwise. */
    public static String displayName(FeatureTable t, int f) {
        Lineage l = t.lineage(f);
        if (l == null) return t.featureIds().get(f);
        Rank r = l.deepestAssigned();
        if (r == null) return t.featureIds().get(f) + " (unassigned)";
        String name = l.name(r);
        // Greengenes splits binomials (g__Bacteroides; s__uniformis): show the full species name
        if (r == Rank.SPECIES) {
            String genus = l.name(Rank.GENUS);
            if (genus != null && !genus.isEmpty() && !name.startsWith(genus)) name = genus + " " + name;
        }
        return name + " (" + r.label() + ")";
    }

    /** R type-7 quantile of an ascending array ({@link io.gutbrain.util.Quantiles#type7}); NaN when empty. */
    public static double quantile(double[] ascending, double p) {
        return ascending.length == 0 ? Double.NaN : io.gutbrain.util.Quantiles.type7(ascending, p);
    }
}
