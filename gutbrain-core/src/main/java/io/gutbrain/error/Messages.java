package io.gutbrain.error;

import java.util.List;

/** Small pieces of wording shared by every error and warning message. */
public final class Messages {
    private Messages() {}

    /**
     * Up to five ids, quoted and comma-separated, followed by ", ..." when there are more: the
     * form every mismatch message uses, so that a long id list never floods a terminal.
     */
    public static String firstFew(List<String> ids) {
        List<String> head = ids.subList(0, Math.min(5, ids.size()));
        return "'" + String.join("', '", head) + "'" + (ids.size() > 5 ? ", ..." : "");
    }
}
