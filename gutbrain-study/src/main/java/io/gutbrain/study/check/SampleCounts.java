package io.gutbrain.study.check;

import io.gutbrain.metadata.SampleMetadata;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one metadata column holds among the samples an analysis uses: samples per level, how many
 * have no value, and for a numeric column its values; the numbers every design check quotes.
 */
final class SampleCounts {
    final String column;
    /** Samples per non-missing value, in sort order. */
    final Map<String, Integer> levels = new TreeMap<>();
    /** Samples without a value. */
    int missing;
    /** Samples considered. */
    final int samples;

    private SampleCounts(String column, int samples) {
        this.column = column;
        this.samples = samples;
    }

    /** Counts {@code column} over {@code ids} (every id must be a metadata sample or counts as missing). */
    static SampleCounts of(SampleMetadata md, String column, List<String> ids) {
        SampleCounts c = new SampleCounts(column, ids.size());
        for (String id : ids) {
            String v = md.text(column, id);
            if (v == null || v.isBlank()) c.missing++;
            else c.levels.merge(v, 1, Integer::sum);
        }
        return c;
    }

    int present() { return samples - missing; }

    /** {@code Placebo 12, LGG 10} (at most 12 levels, then the count of the rest). */
    String describeLevels() {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Integer> e : levels.entrySet()) {
            if (shown == 12) {
                sb.append(", ... (").append(levels.size()).append(" levels in all)");
                break;
            }
            if (shown++ > 0) sb.append(", ");
            sb.append('\'').append(e.getKey()).append("' ").append(e.getValue());
        }
        return sb.toString();
    }

    /** {@code ; 3 samples have no value} or empty. */
    String missingClause() {
        return missing == 0 ? "" : "; " + missing + " of the " + samples + " sample" + (samples == 1 ? "" : "s") + " have no value";
    }
}
