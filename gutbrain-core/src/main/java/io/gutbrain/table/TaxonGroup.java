package io.gutbrain.table;

import io.gutbrain.error.InputException;
import io.gutbrain.error.Messages;
import io.gutbrain.util.NearestName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A taxon the user names, resolved to the features of one table that make it up: a single
 * feature (the name is a feature id) or every feature whose lineage carries the name (a genus
 * of an ASV/OTU table is many features). The taxon's abundance in a sample is the sum of its
 * features' values, the same number {@link FeatureTable#collapse} gives the genus row.
 *
 * <p>Resolution of a name {@code q}, in this order:
 * <ol>
 *   <li>{@code q} is a feature id of the table: that feature alone (an exact id always wins, so
 *       a HITChip or collapsed genus table whose ids are genus names needs no taxonomy);</li>
 *   <li>{@code rank:Name} ({@code genus:Bifidobacterium}, any {@link Rank#parse} rank word) or
 *       {@code x__Name} ({@code g__Bifidobacterium}): the features whose lineage has exactly
 *       {@code Name} at that rank;</li>
 *   <li>a bare {@code Name}: the features whose lineage has it at some rank; a name found at
 *       two different ranks is ambiguous and must be qualified.</li>
 * </ol>
 * Names are compared exactly (case included): taxonomies spell names consistently, and a
 * case-insensitive match could merge different taxa. A name that matches nothing is an
 * {@link InputException} with the nearest feature id or lineage name ({@link NearestName}).
 */
public final class TaxonGroup {
    private final String query;
    private final Rank rank;
    private final int[] features;
    private final List<String> featureIds;

    private TaxonGroup(String query, Rank rank, int[] features, List<String> featureIds) {
        this.query = query;
        this.rank = rank;
        this.features = features;
        this.featureIds = List.copyOf(featureIds);
    }

    /**
     * Resolves one name against a table (see the class description).
     *
     * @throws InputException when the name matches no feature id and no lineage name, when the
     *                        table has no taxonomy and the name is no feature id, or when a bare
     *                        name is found at more than one rank
     */
    public static TaxonGroup resolve(FeatureTable table, String query) {
        if (query == null || query.isBlank()) {
            throw new InputException(null, "taxon", "empty taxon name", "give a feature id or a taxon name such as genus:Bifidobacterium");
        }
        int exact = table.featureIndex(query);
        if (exact >= 0) return new TaxonGroup(query, null, new int[]{exact}, List.of(query));
        String name = query.trim();
        Rank rank = null;
        int colon = name.indexOf(':');
        if (colon > 0 && Rank.parse(name.substring(0, colon)) != null) {
            rank = Rank.parse(name.substring(0, colon));
            name = name.substring(colon + 1).trim();
        } else if (name.length() >= 3 && name.charAt(1) == '_' && name.charAt(2) == '_' && Rank.fromPrefix(name.charAt(0)) != null) {
            rank = Rank.fromPrefix(name.charAt(0));
            name = name.substring(3).trim();
        }
        String where = "taxon '" + query + "'";
        if (name.isEmpty()) {
            throw new InputException(null, where, "no name after the rank", "write the name too, e.g. genus:Bifidobacterium");
        }
        if (!table.hasTaxonomy()) {
            throw new InputException(null, where, "not a feature id of the table, and the table has no taxonomy to match taxon names against"
                    + NearestName.hint(query, table.featureIds()),
                    "use a feature id (e.g. " + Messages.firstFew(table.featureIds())
                            + ") or supply taxonomy (BIOM observation metadata, a taxonomy column or --taxonomy FILE)");
        }
        Rank[] ranks = rank == null ? Rank.values() : new Rank[]{rank};
        List<Integer> hits = new ArrayList<>();
        Set<Rank> hitRanks = new TreeSet<>();
        for (int f = 0; f < table.featureCount(); f++) {
            Lineage l = table.lineage(f);
            if (l == null) continue;
            boolean hit = false;
            for (Rank r : ranks) {
                if (name.equals(l.name(r))) {
                    hit = true;
                    hitRanks.add(r);
                }
            }
            if (hit) hits.add(f);
        }
        if (hits.isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            for (int f = 0; f < table.featureCount(); f++) {
                Lineage l = table.lineage(f);
                if (l == null) continue;
                for (Rank r : ranks) if (l.name(r) != null && !l.name(r).isEmpty()) names.add(l.name(r));
            }
            List<String> candidates = new ArrayList<>(names);
            String hint = NearestName.hint(name, candidates);
            if (hint.isEmpty()) hint = NearestName.hint(query, table.featureIds());
            String scope = rank == null ? "lineage" : rank.label() + " name";
            throw new InputException(null, where, "matches no feature id and no " + scope + " of the table" + hint,
                    "use a feature id or a " + scope + " of the table, e.g. " + Messages.firstFew(candidates.isEmpty() ? table.featureIds() : candidates));
        }
        if (hitRanks.size() > 1) {
            List<String> labels = new ArrayList<>();
            for (Rank r : hitRanks) labels.add(r.label() + ":" + name);
            throw new InputException(null, where, "the name is found at more than one rank (" + String.join(", ", labels) + ")",
                    "qualify it with its rank, e.g. " + labels.get(0));
        }
        int[] idx = hits.stream().mapToInt(Integer::intValue).toArray();
        List<String> ids = new ArrayList<>(idx.length);
        for (int f : idx) ids.add(table.featureIds().get(f));
        return new TaxonGroup(query, hitRanks.iterator().next(), idx, ids);
    }

    /** Resolves several names in order ({@link #resolve}). */
    public static List<TaxonGroup> resolveAll(FeatureTable table, List<String> queries) {
        List<TaxonGroup> out = new ArrayList<>(queries.size());
        for (String q : queries) out.add(resolve(table, q));
        return out;
    }

    /** The name as the user gave it; used as the taxon's label in output. */
    public String query() { return query; }

    /** The rank at which the lineages matched, or null when the name is a feature id. */
    public Rank rank() { return rank; }

    /** {@code feature id}, or the rank label ({@code genus}) at which lineages matched. */
    public String matchedBy() { return rank == null ? "feature id" : rank.label(); }

    /** Number of features summed. */
    public int size() { return features.length; }

    /** The summed features' indices in the table it was resolved against (a copy). */
    public int[] features() { return features.clone(); }

    /** The summed features' ids, in table order. */
    public List<String> featureIds() { return featureIds; }

    /**
     * Per sample of {@code table}: the sum of the group's features (raw values, not divided by
     * the sample total). {@code table} must have the same features as the table the group was
     * resolved against (samples may differ).
     */
    public double[] sampleSums(FeatureTable table) {
        check(table);
        boolean[] in = new boolean[table.featureCount()];
        for (int f : features) in[f] = true;
        double[] out = new double[table.sampleCount()];
        for (int s = 0; s < out.length; s++) {
            double sum = 0;
            for (int k = table.sampleStart(s); k < table.sampleEnd(s); k++) if (in[table.indexAt(k)]) sum += table.valueAt(k);
            out[s] = sum;
        }
        return out;
    }

    /**
     * Per sample of {@code table}: the group's relative abundance, {@link #sampleSums} divided by
     * the sample total; NaN for a sample without reads.
     */
    public double[] relativeAbundance(FeatureTable table) {
        double[] sums = sampleSums(table);
        for (int s = 0; s < sums.length; s++) {
            double t = table.sampleTotal(s);
            sums[s] = t > 0 ? sums[s] / t : Double.NaN;
        }
        return sums;
    }

    private void check(FeatureTable table) {
        for (int i = 0; i < features.length; i++) {
            int f = features[i];
            if (f >= table.featureCount() || !table.featureIds().get(f).equals(featureIds.get(i))) {
                throw new IllegalArgumentException("taxon '" + query + "' was resolved against a table with different features");
            }
        }
    }

    /** {@code Bifidobacterium (feature id)} or {@code genus:Bifidobacterium (genus, 12 features summed)}. */
    public String describe() {
        if (rank == null) return query + " (feature id)";
        return query + " (" + rank.label() + ", " + features.length + (features.length == 1 ? " feature)" : " features summed)");
    }

    @Override public String toString() { return describe(); }
}
