package io.gutbrain.table;

import java.util.Locale;

/**
 * Taxonomic ranks in the order used by Greengenes, SILVA and MetaPhlAn lineages.
 * SILVA's domain ({@code d__}) and Greengenes' kingdom ({@code k__}) share one level.
 */
public enum Rank {
    KINGDOM('k'), PHYLUM('p'), CLASS('c'), ORDER('o'), FAMILY('f'), GENUS('g'), SPECIES('s'), STRAIN('t');

    private final char prefix;

    Rank(char prefix) { this.prefix = prefix; }

    /** The letter used before {@code __} in prefixed lineages (k, p, c, o, f, g, s, t). */
    public char prefix() { return prefix; }

    /** The rank for a lineage prefix letter; {@code d} (SILVA domain) maps to {@link #KINGDOM}. Null if unknown. */
    public static Rank fromPrefix(char c) {
        switch (Character.toLowerCase(c)) {
            case 'k': case 'd': return KINGDOM;
            case 'p': return PHYLUM;
            case 'c': return CLASS;
            case 'o': return ORDER;
            case 'f': return FAMILY;
            case 'g': return GENUS;
            case 's': return SPECIES;
            case 't': return STRAIN;
            default: return null;
        }
    }

    /** Parses a user-facing rank name ("genus", "Genus", "g", "domain"); null if unknown. */
    public static Rank parse(String s) {
        if (s == null) return null;
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.length() == 1) return fromPrefix(t.charAt(0));
        if (t.equals("domain") || t.equals("superkingdom")) return KINGDOM;
        for (Rank r : values()) if (r.name().toLowerCase(Locale.ROOT).equals(t)) return r;
        return null;
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
