package io.gutbrain.io;

import io.gutbrain.error.InputException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Header handling shared by the text table readers: finding the header line among comments,
 * recognising id-column names, and reading the header's ids with checks for empty and
 * duplicate names.
 */
final class TextTables {
    private TextTables() {}

    /** Normalised names of a features-as-rows id column: {@code #OTU ID}, {@code feature-id}, ... */
    static final Set<String> FEATURE_ID_HEADERS = Set.of("otuid", "featureid");

    /** Normalised names of a samples-as-rows id column: {@code sample-id}, {@code #SampleID}, {@code ID}, ... */
    static final Set<String> SAMPLE_ID_HEADERS = Set.of("sampleid", "sample", "samples", "id", "samplename");

    /** Normalised names of a trailing taxonomy column: {@code taxonomy}, {@code Consensus Lineage}. */
    static final Set<String> TAXONOMY_HEADERS = Set.of("taxonomy", "consensuslineage");

    /**
     * A header cell reduced for comparison: lower case, without {@code #}, spaces, hyphens,
     * underscores and dots, so that {@code #OTU ID}, {@code OTU_ID} and {@code otu-id} are equal.
     */
    static String normalize(String headerCell) {
        StringBuilder sb = new StringBuilder(headerCell.length());
        for (int i = 0; i < headerCell.length(); i++) {
            char c = headerCell.charAt(i);
            if (c == '#' || c == ' ' || c == '-' || c == '_' || c == '.' || c == '\t') continue;
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Advances {@code r} to the header: blank lines are skipped; a line starting with {@code #}
     * is the header when {@code hashHeader} accepts its first cell (trimmed, as written) and a
     * comment otherwise; the first line not starting with {@code #} is the header.
     *
     * @param onComment called for every comment line (may be null)
     * @throws InputException when the file holds no header
     */
    static void findHeader(DelimitedReader r, Predicate<String> hashHeader, Consumer<DelimitedReader> onComment) {
        while (r.next()) {
            if (r.isBlank()) continue;
            if (r.isHashLine() && !hashHeader.test(r.cell(0))) {
                if (onComment != null) onComment.accept(r);
                continue;
            }
            return;
        }
        throw InputException.atLine(r.source(), Math.max(1, r.line()), "no header line: the file is empty or holds only comments",
                "check that this is the right file and that it is complete");
    }

    /**
     * The ids in header cells {@code [from, to)}, trimmed and optionally renamed.
     *
     * @param kind "sample" or "feature", for messages
     * @throws InputException for no ids, an empty id, or a duplicate id (naming both columns)
     */
    static List<String> headerIds(DelimitedReader r, int from, int to, String kind, UnaryOperator<String> rename) {
        if (to <= from) {
            throw r.error("the header names no " + kind + " columns", "add one column per " + kind + " after the id column");
        }
        List<String> ids = new ArrayList<>(to - from);
        Map<String, Integer> seen = new HashMap<>((to - from) * 2);
        for (int i = from; i < to; i++) {
            String id = rename.apply(r.cell(i));
            if (id.isEmpty()) {
                throw r.errorAtField(i, "empty " + kind + " id in the header", "give every " + kind + " column a name");
            }
            int bad = IdCharacters.firstForbidden(id);
            if (bad >= 0) throw r.errorAtField(i, IdCharacters.problem(kind, id, bad), IdCharacters.FIX);
            Integer prev = seen.putIfAbsent(id, i);
            if (prev != null) {
                throw r.error("duplicate " + kind + " id '" + id + "' in header fields " + (prev + 1) + " and " + (i + 1),
                        "make " + kind + " ids unique");
            }
            ids.add(id);
        }
        return ids;
    }

    /** {@link #headerIds(DelimitedReader, int, int, String, UnaryOperator)} without renaming. */
    static List<String> headerIds(DelimitedReader r, int from, int to, String kind) {
        return headerIds(r, from, to, kind, UnaryOperator.identity());
    }
}
