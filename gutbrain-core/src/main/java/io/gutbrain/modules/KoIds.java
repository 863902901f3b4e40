package io.gutbrain.modules;

/**
 * Recognises KEGG orthology identifiers ({@code K} followed by five digits) in the feature ids
 * that tools write: plain {@code K00001}, HUMAnN's renamed rows {@code K00001: alcohol
 * dehydrogenase [EC:1.1.1.1]}, and KEGG's database prefix {@code ko:K00001}. Everything else
 * (HUMAnN's {@code UNMAPPED}/{@code UNGROUPED}, UniRef ids, pathway names) is not a KO.
 */
public final class KoIds {
    private KoIds() {}

    /** True when {@code s} is exactly a KO id: {@code K} and five digits. */
    public static boolean isKo(String s) {
        return s != null && s.length() == 6 && isKoAt(s, 0);
    }

    /**
     * The KO a feature id stands for, or null: the id itself, or a leading KO followed by the end,
     * {@code :}, whitespace or {@code |}, optionally after a {@code ko:} prefix (any case).
     */
    public static String normalize(String featureId) {
        if (featureId == null) return null;
        String s = featureId.strip();
        int start = 0;
        if (s.length() > 3 && s.regionMatches(true, 0, "ko:", 0, 3)) start = 3;
        if (s.length() < start + 6 || !isKoAt(s, start)) return null;
        int end = start + 6;
        if (end < s.length()) {
            char c = s.charAt(end);
            if (c != ':' && c != '|' && !Character.isWhitespace(c)) return null;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    private static boolean isKoAt(String s, int at) {
        if (s.charAt(at) != 'K') return false;
        for (int i = at + 1; i < at + 6; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
