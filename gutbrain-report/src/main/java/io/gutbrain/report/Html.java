package io.gutbrain.report;

/** HTML text escaping for element content and quoted attribute values. */
final class Html {
    private Html() {}

    /**
     * {@code s} with {@code & < > " '} replaced by character references, safe both as element
     * text and inside a double- or single-quoted attribute; null gives "".
     */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null) {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            sb.append(rep);
        }
        return sb == null ? s : sb.toString();
    }
}
