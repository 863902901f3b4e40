package io.gutbrain.io;

/**
 * The characters no sample or feature id may contain: TAB, line feed, carriage return and NUL.
 *
 * <p>Every table gutbrain writes (TSV, distance matrices, result tables) is tab-separated with
 * one record per line, so an id holding one of these characters would silently shift columns or
 * split rows in every file written later; NUL is what a binary file or a bad conversion leaves
 * behind and is cut off by many tools. Readers reject such ids where they read them, naming the
 * place (line and field, JSON pointer, HDF5 path and index), instead of passing them on.
 */
final class IdCharacters {
    /** The fix shown with every refused id. */
    static final String FIX = "remove tabs, line breaks and NUL characters from the ids";

    private IdCharacters() {}

    /** Index of the first TAB, LF, CR or NUL in {@code id}, or -1 when there is none. */
    static int firstForbidden(String id) {
        for (int i = 0, n = id.length(); i < n; i++) {
            char c = id.charAt(i);
            if (c <= '\r' && (c == '\t' || c == '\n' || c == '\r' || c == '\0')) return i;
        }
        return -1;
    }

    /**
     * The problem text for an id whose character {@code at} is forbidden, e.g.
     * {@code sample id "S\t1" contains a tab (U+0009) at character 2}; the id is shown with
     * the character escaped so that the message stays on one line.
     */
    static String problem(String kind, String id, int at) {
        char c = id.charAt(at);
        String name = switch (c) {
            case '\t' -> "a tab";
            case '\n' -> "a line feed";
            case '\r' -> "a carriage return";
            default -> "a NUL character";
        };
        return kind + " id \"" + escaped(id) + "\" contains " + name + String.format(" (U+%04X)", (int) c) + " at character " + (at + 1)
                + "; it would break every tab-separated file written from this table";
    }

    /** The id with control characters written as {@code \t}, {@code \n}, {@code \r}, {@code \0}, at most 60 characters. */
    static String escaped(String id) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (; i < id.length() && sb.length() < 60; i++) {
            char c = id.charAt(i);
            switch (c) {
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                default -> sb.append(c);
            }
        }
        if (i < id.length()) sb.append("...");
        return sb.toString();
    }
}
