package io.gutbrain.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One feature's taxonomic lineage, normalised to the eight {@link Rank}s.
 *
 * <p>Accepts the three common spellings: Greengenes {@code k__Bacteria; p__Firmicutes; ...},
 * SILVA {@code d__Bacteria; p__Firmicutes; ...} and MetaPhlAn {@code k__Bacteria|p__Firmicutes|...}.
 * Tokens without a rank prefix are placed by position (kingdom first). A prefixed but empty level
 * such as {@code g__} is "present but unassigned" and stored as the empty string; a level absent
 * from the string is {@code null}.
 */
public final class Lineage {
    private static final int N = Rank.values().length;
    private final String[] names; // index = Rank.ordinal(); null = absent, "" = unassigned
    private final String original; // null when it equals toString(): saves ~150 bytes per feature

    private Lineage(String[] names, String original) {
        // Taxon names repeat across thousands of features (k__Bacteria, p__Firmicutes ...):
        // interning keeps a 20,000-OTU table's taxonomy at a few hundred kilobytes.
        for (int i = 0; i < names.length; i++) if (names[i] != null) names[i] = names[i].intern();
        this.names = names;
        this.original = original == null || original.equals(format(names)) ? null : original;
    }

    private static String format(String[] names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null) continue;
            if (sb.length() > 0) sb.append("; ");
            sb.append(Rank.values()[i].prefix()).append("__").append(names[i]);
        }
        return sb.toString();
    }

    /** Parses a lineage string; never throws (unknown prefixes are kept positionally). */
    public static Lineage parse(String text) {
        String[] names = new String[N];
        if (text == null) return new Lineage(names, "");
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("Unassigned") || t.equalsIgnoreCase("NA")) {
            return new Lineage(names, t);
        }
        String[] tokens = t.split(t.indexOf('|') >= 0 ? "\\|" : ";", -1);
        int position = 0;
        for (String raw : tokens) {
            String tok = raw.trim();
            if (tok.isEmpty() && position >= N) continue;
            Rank r = null;
            String name = tok;
            if (tok.length() >= 3 && tok.charAt(1) == '_' && tok.charAt(2) == '_') {
                r = Rank.fromPrefix(tok.charAt(0));
                if (r != null) name = tok.substring(3).trim();
            }
            if (r == null) {
                if (position >= N) continue;
                r = Rank.values()[position];
            }
            names[r.ordinal()] = name;
            position = r.ordinal() + 1;
        }
        return new Lineage(names, t);
    }

    /** Builds a lineage from per-rank names in rank order (e.g. the columns of a taxonomy TSV). */
    public static Lineage of(String... ranksInOrder) {
        String[] names = new String[N];
        for (int i = 0; i < ranksInOrder.length && i < N; i++) names[i] = ranksInOrder[i];
        return new Lineage(names, null);
    }

    /** Builds a lineage from explicit ranks and names (e.g. a TSV with Phylum, Family, Genus columns). */
    public static Lineage ofRanks(Rank[] ranks, String[] values) {
        String[] names = new String[N];
        for (int i = 0; i < ranks.length; i++) names[ranks[i].ordinal()] = values[i];
        return new Lineage(names, null);
    }

    /** The name at a rank: null if the lineage does not reach it, "" if present but unassigned. */
    public String name(Rank rank) { return names[rank.ordinal()]; }

    /** The deepest rank with a non-empty name, or null for an unassigned lineage. */
    public Rank deepestAssigned() {
        for (int i = N - 1; i >= 0; i--) if (names[i] != null && !names[i].isEmpty()) return Rank.values()[i];
        return null;
    }

    /** The text as it was read. */
    public String original() { return original != null ? original : format(names); }

    /**
     * The lineage truncated at {@code rank}, QIIME 2 style: {@code k__A;p__B;...;g__X}. Missing
     * levels down to {@code rank} are padded with the bare prefix ({@code g__}) so that every
     * collapsed id has the same depth and unassigned features group together.
     */
    public String truncatedId(Rank rank) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= rank.ordinal(); i++) {
            if (i > 0) sb.append(';');
            sb.append(Rank.values()[i].prefix()).append("__");
            if (names[i] != null) sb.append(names[i]);
        }
        return sb.toString();
    }

    /** The levels present, as prefixed tokens ({@code k__Bacteria}, ...), for BIOM's list form. */
    public List<String> asPrefixedList() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            if (names[i] != null) out.add(Rank.values()[i].prefix() + "__" + names[i]);
        }
        return out;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Lineage && Arrays.equals(names, ((Lineage) o).names);
    }

    @Override public int hashCode() { return Arrays.hashCode(names); }

    @Override public String toString() { return format(names); }
}
