package io.gutbrain.association;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The levels of a categorical metadata variable in R's {@code factor()} order — numeric order for
 * a column whose values are all numbers, otherwise R's text order ({@link DesignMatrix}'s English
 * collation) — so that the default reference level (the first) is the one R, MaAsLin2 and LinDA
 * would use, and the same one the models of this package use.
 */
public final class FactorLevels {
    private FactorLevels() {}

    /** The distinct non-null values of {@code values} (a column of {@code md}) in factor order. */
    public static List<String> of(SampleMetadata md, String column, String[] values) {
        Comparator<String> order = md.type(column) == SampleMetadata.ColumnType.NUMERIC
                ? Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : DesignMatrix.R_LEVEL_ORDER;
        TreeSet<String> sorted = new TreeSet<>(order);
        for (String v : values) if (v != null) sorted.add(v);
        return new ArrayList<>(sorted);
    }

    /**
     * The reference level: {@code requested} if given (it must be a level), else the first level.
     *
     * @throws InputException if the requested level does not occur
     */
    public static String reference(SampleMetadata md, String column, List<String> levels, String requested) {
        if (requested == null) return levels.get(0);
        if (!levels.contains(requested)) {
            throw new InputException(md.source(), "column '" + column + "'", "reference level '" + requested
                    + "' does not occur among the analysed samples (levels: " + String.join(", ", levels) + ")",
                    "choose one of the listed levels");
        }
        return requested;
    }
}
