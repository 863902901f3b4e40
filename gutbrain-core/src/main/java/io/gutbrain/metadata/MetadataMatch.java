package io.gutbrain.metadata;

import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.table.FeatureTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches a metadata sheet to a table's samples and reports the mismatch both ways, with counts
 * and the first few ids, so that a typo in an id column is seen at once rather than as missing
 * values three steps later.
 */
public final class MetadataMatch {
    private final List<String> tableOnly;
    private final List<String> metadataOnly;
    private final int matched;

    private MetadataMatch(List<String> tableOnly, List<String> metadataOnly, int matched) {
        this.tableOnly = tableOnly;
        this.metadataOnly = metadataOnly;
        this.matched = matched;
    }

    /** Compares ids without changing anything. */
    public static MetadataMatch compare(FeatureTable table, SampleMetadata md) {
        List<String> tOnly = new ArrayList<>();
        int matched = 0;
        for (String id : table.sampleIds()) {
            if (md.hasSample(id)) matched++; else tOnly.add(id);
        }
        List<String> mOnly = new ArrayList<>();
        for (String id : md.ids()) if (table.sampleIndex(id) < 0) mOnly.add(id);
        return new MetadataMatch(tOnly, mOnly, matched);
    }

    /**
     * Attaches metadata to the table. Warns (with counts and up to five ids) about table samples
     * without metadata and metadata rows without a sample; fails if no id matches at all.
     */
    public static FeatureTable attach(FeatureTable table, SampleMetadata md, Warnings warnings) {
        MetadataMatch m = compare(table, md);
        if (m.matched == 0 && table.sampleCount() > 0) {
            throw new InputException(md.source(), "sample ids", "none of the " + md.size() + " metadata ids match any of the "
                    + table.sampleCount() + " table samples (table has e.g. " + firstFew(table.sampleIds()) + "; metadata has e.g. " + firstFew(md.ids()) + ")",
                    "use the same sample ids in both files");
        }
        if (!m.tableOnly.isEmpty()) {
            warnings.warn(m.tableOnly.size() + " of " + table.sampleCount() + " table samples have no metadata row in "
                    + md.source() + " (e.g. " + firstFew(m.tableOnly) + "); their metadata is missing");
        }
        if (!m.metadataOnly.isEmpty()) {
            warnings.warn(m.metadataOnly.size() + " of " + md.size() + " metadata rows in " + md.source()
                    + " have no sample in the table (e.g. " + firstFew(m.metadataOnly) + "); they are ignored");
        }
        return table.withMetadata(md);
    }

    public List<String> tableOnly() { return tableOnly; }
    public List<String> metadataOnly() { return metadataOnly; }
    public int matched() { return matched; }

    /**
     * Up to five ids, quoted, followed by ", ..." when there are more: the form every mismatch
     * message uses, so that a long id list never floods a terminal.
     */
    public static String firstFew(List<String> ids) {
        return io.gutbrain.error.Messages.firstFew(ids);
    }
}
