package io.gutbrain.util;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean ...?" suggestions for mistyped names (keys of a study file, metadata columns,
 * option values): the candidate with the smallest Levenshtein edit distance, if it is close
 * enough to be a plausible typo rather than a different word.
 *
 * <p>Distance is the classic Levenshtein distance (Levenshtein 1966; insertions, deletions and
 * substitutions cost 1) between the names in lower case without {@code -}, {@code _} and
 * spaces, so {@code Covariates} and {@code covariates}, or {@code bray_curtis} and
 * {@code braycurtis}, are at distance 0. A candidate is suggested when its distance is at most
 * {@code max(1, min(3, length / 3))} for the longer of the two names — one edit for short names,
 * up to three for long ones — so that {@code seed} does not suggest {@code tree}.
 */
public final class NearestName {
    private NearestName() {}

    /**
     * The candidate closest to {@code name}, or null when none is close enough (see the class
     * description). Ties go to the candidate listed first.
     */
    public static String suggest(String name, Collection<String> candidates) {
        return suggest(name, candidates, -1);
    }

    /**
     * As {@link #suggest(String, Collection)} but accepting any candidate within {@code maxEdits}
     * edits, for a small closed set of names (a command's subcommands or options) where a looser
     * match cannot land on an unrelated word the user meant. {@code maxEdits < 0} means the
     * length-dependent limit of the class description.
     */
    public static String suggest(String name, Collection<String> candidates, int maxEdits) {
        if (name == null) return null;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String key = normalize(name);
        for (String c : candidates) {
            if (c == null) continue;
            String other = normalize(c);
            int d = distance(key, other);
            int limit = maxEdits >= 0 ? maxEdits : Math.max(1, Math.min(3, Math.max(key.length(), other.length()) / 3));
            if (d <= limit && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
    }

    /** {@code " (did you mean 'x'?)"} for the nearest candidate, or the empty string. */
    public static String hint(String name, Collection<String> candidates) {
        return hint(name, candidates, -1);
    }

    /** {@code " (did you mean 'x'?)"} for the candidate {@link #suggest(String, Collection, int)} finds, or the empty string. */
    public static String hint(String name, Collection<String> candidates, int maxEdits) {
        String s = suggest(name, candidates, maxEdits);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    /** Levenshtein distance between two strings (case-sensitive), O(|a|·|b|) time, O(|b|) memory. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
