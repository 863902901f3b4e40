package io.gutbrain.study;

import io.gutbrain.metadata.SampleMetadata;

import java.util.ArrayList;
import java.util.List;

/** Small metadata rewrites that the design-following models need. */
final class DesignMetadata {
    private DesignMetadata() {}

    /**
     * A copy of {@code md} in which {@code column} is categorical, so that visits written as
     * numbers (1, 2, 6) become levels and no linear trend in time is imposed (as
     * {@code factor(time)} in R).
     */
    static SampleMetadata categorical(SampleMetadata md, String column) {
        if (md.type(column) == SampleMetadata.ColumnType.CATEGORICAL) return md;
        List<String> cols = new ArrayList<>(md.columns());
        String[][] values = new String[cols.size()][];
        SampleMetadata.ColumnType[] types = md.types();
        for (int c = 0; c < cols.size(); c++) values[c] = md.textColumn(cols.get(c));
        types[cols.indexOf(column)] = SampleMetadata.ColumnType.CATEGORICAL;
        return new SampleMetadata(md.source(), md.ids(), cols, values, types);
    }

    /**
     * A copy of {@code md} with one more categorical column {@code a:b} whose level is the pair
     * of levels (missing when either is missing): its sequential sum of squares after {@code a}
     * and {@code b} is the a × b interaction's, as {@code a:b} in an R formula.
     */
    static SampleMetadata withInteraction(SampleMetadata md, String a, String b) {
        List<String> cols = new ArrayList<>(md.columns());
        String[][] values = new String[cols.size() + 1][];
        SampleMetadata.ColumnType[] old = md.types();
        SampleMetadata.ColumnType[] types = java.util.Arrays.copyOf(old, old.length + 1);
        for (int c = 0; c < cols.size(); c++) values[c] = md.textColumn(cols.get(c));
        String[] ab = new String[md.size()];
        for (int i = 0; i < ab.length; i++) {
            String x = md.text(a, md.ids().get(i)), y = md.text(b, md.ids().get(i));
            ab[i] = x == null || y == null || x.isBlank() || y.isBlank() ? null : x + "." + y;
        }
        values[cols.size()] = ab;
        types[cols.size()] = SampleMetadata.ColumnType.CATEGORICAL;
        cols.add(a + ":" + b);
        return new SampleMetadata(md.source(), md.ids(), cols, values, types);
    }
}
