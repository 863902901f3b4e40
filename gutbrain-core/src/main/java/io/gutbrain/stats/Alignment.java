package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.metadata.SampleMetadata;

import java.util.ArrayList;
import java.util.List;

import static io.gutbrain.metadata.MetadataMatch.firstFew;

/**
 * A distance matrix restricted to the samples that have a metadata row with a value in every
 * column a test needs, and the metadata rows in the same order.
 *
 * <p>Samples of the matrix without a metadata row, or with a missing value in a needed column,
 * are excluded with one warning per reason naming up to five of them; metadata rows without a
 * sample in the matrix are simply not used (a sheet usually describes more samples than one
 * analysis keeps). No sample left is an {@link InputException}.
 */
final class Alignment {
    final DistanceMatrix matrix;
    final SampleMetadata metadata;

    private Alignment(DistanceMatrix matrix, SampleMetadata metadata) {
        this.matrix = matrix;
        this.metadata = metadata;
    }

    static Alignment of(DistanceMatrix dm, SampleMetadata md, List<String> columns, Warnings warnings) {
        String[][] cols = new String[columns.size()][];
        for (int c = 0; c < cols.length; c++) cols[c] = md.textColumn(columns.get(c)); // fails clearly on an unknown column
        List<String> kept = new ArrayList<>();
        List<String> noRow = new ArrayList<>();
        List<List<String>> missing = new ArrayList<>();
        for (int c = 0; c < cols.length; c++) missing.add(new ArrayList<>());
        for (String id : dm.ids()) {
            int r = md.indexOf(id);
            if (r < 0) { noRow.add(id); continue; }
            int bad = -1;
            for (int c = 0; c < cols.length && bad < 0; c++) if (cols[c][r] == null) bad = c;
            if (bad >= 0) missing.get(bad).add(id); else kept.add(id);
        }
        int n = dm.size();
        if (kept.isEmpty()) {
            if (noRow.size() == n) {
                throw new InputException(md.source(), "sample ids", "none of the " + n + " distance-matrix ids has a metadata row (matrix has e.g. "
                        + firstFew(dm.ids()) + "; metadata has e.g. " + firstFew(md.ids()) + ")", "use the same sample ids in the distance matrix and the metadata");
            }
            throw new InputException(md.source(), "column '" + String.join("', '", columns) + "'", "no distance-matrix sample has a value in every needed column",
                    "fill in the values or choose other columns");
        }
        if (!noRow.isEmpty()) {
            warnings.warn(noRow.size() + " of " + n + " distance-matrix samples have no row in " + describe(md) + " (e.g. "
                    + firstFew(noRow) + "); they are excluded");
        }
        for (int c = 0; c < cols.length; c++) {
            List<String> m = missing.get(c);
            if (!m.isEmpty()) {
                warnings.warn(m.size() + " of " + n + " distance-matrix samples have no value in column '" + columns.get(c) + "' (e.g. "
                        + firstFew(m) + "); they are excluded");
            }
        }
        DistanceMatrix sub = kept.size() == n ? dm : dm.select(kept);
        return new Alignment(sub, md.select(kept));
    }

    private static String describe(SampleMetadata md) {
        return md.source() == null ? "the metadata" : md.source();
    }
}
