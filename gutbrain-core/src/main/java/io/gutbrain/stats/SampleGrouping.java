package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.metadata.SampleMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A distance matrix aligned with a grouping column (and optionally a strata column) of the
 * sample metadata: the input of every one-factor test in this package.
 *
 * <p>Samples without a metadata row or with a missing group or stratum are excluded with a
 * warning (see the class comment of {@code Alignment}). Groups are coded 0..G−1 in the order of
 * {@link #levels()}: sorted like R's {@code factor()} — numerically for a numeric column,
 * otherwise by string order — so outputs list groups in the order vegan prints them.
 */
public final class SampleGrouping {
    private final DistanceMatrix matrix;
    private final String column;
    private final int[] groups;
    private final List<String> levels;
    private final int[] sizes;
    private final int[] strata;

    private SampleGrouping(DistanceMatrix matrix, String column, int[] groups, List<String> levels, int[] strata) {
        this.matrix = matrix;
        this.column = column;
        this.groups = groups;
        this.levels = List.copyOf(levels);
        this.sizes = new int[levels.size()];
        for (int g : groups) sizes[g]++;
        this.strata = strata;
    }

    /**
     * Aligns {@code dm} with metadata column {@code column}.
     *
     * @param strataColumn blocks for restricted permutation, or null
     * @throws InputException if no sample matches, or fewer than two groups remain
     */
    public static SampleGrouping of(DistanceMatrix dm, SampleMetadata md, String column, String strataColumn, Warnings warnings) {
        List<String> cols = strataColumn == null ? List.of(column) : List.of(column, strataColumn);
        Alignment a = Alignment.of(dm, md, cols, warnings);
        Coded g = Coded.of(a.metadata, column);
        if (g.levels.size() < 2) {
            throw new InputException(md.source(), "column '" + column + "'", "needs at least two groups but all " + g.codes.length
                    + " matched samples are in group '" + g.levels.get(0) + "'", "choose a column with two or more groups");
        }
        int[] strata = strataColumn == null ? null : Coded.of(a.metadata, strataColumn).codes;
        return new SampleGrouping(a.matrix, column, g.codes, g.levels, strata);
    }

    /**
     * Builds a grouping directly (no metadata): {@code groups[i]} is the 0-based group of sample
     * {@code i} of {@code dm}; {@code strata} may be null.
     */
    public static SampleGrouping of(DistanceMatrix dm, String column, int[] groups, List<String> levels, int[] strata) {
        if (groups.length != dm.size() || (strata != null && strata.length != dm.size())) {
            throw new IllegalArgumentException("groups/strata length differs from the matrix size " + dm.size());
        }
        for (int g : groups) if (g < 0 || g >= levels.size()) throw new IllegalArgumentException("group code " + g + " outside 0.." + (levels.size() - 1));
        return new SampleGrouping(dm, column, groups.clone(), levels, strata == null ? null : strata.clone());
    }

    /** The matrix restricted to the grouped samples. */
    public DistanceMatrix matrix() { return matrix; }
    /** The grouping column's name (used in messages and result tables). */
    public String column() { return column; }
    /** Number of samples. */
    public int size() { return groups.length; }
    /** Group code of every sample (a copy). */
    public int[] groups() { return groups.clone(); }
    /** Group names by code. */
    public List<String> levels() { return levels; }
    /** Number of samples per group code (a copy). */
    public int[] sizes() { return sizes.clone(); }
    /** Stratum code of every sample, or null without strata (a copy). */
    public int[] strata() { return strata == null ? null : strata.clone(); }

    int[] groupsShared() { return groups; }
    int[] sizesShared() { return sizes; }
    int[] strataShared() { return strata; }

    /** The samples of the given groups only, as a grouping with codes 0..k−1 in that order. */
    SampleGrouping restrictTo(int... keepGroups) {
        int[] newCode = new int[levels.size()];
        java.util.Arrays.fill(newCode, -1);
        List<String> lv = new ArrayList<>();
        for (int g : keepGroups) { newCode[g] = lv.size(); lv.add(levels.get(g)); }
        List<String> ids = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) if (newCode[groups[i]] >= 0) { ids.add(matrix.ids().get(i)); idx.add(i); }
        int[] g = new int[ids.size()];
        int[] s = strata == null ? null : new int[ids.size()];
        for (int k = 0; k < g.length; k++) {
            g[k] = newCode[groups[idx.get(k)]];
            if (s != null) s[k] = strata[idx.get(k)];
        }
        return new SampleGrouping(matrix.select(ids), column, g, lv, s);
    }

    /** Categorical codes of one metadata column (all values present), levels sorted like R's factor(). */
    static final class Coded {
        final int[] codes;
        final List<String> levels;

        private Coded(int[] codes, List<String> levels) {
            this.codes = codes;
            this.levels = levels;
        }

        static Coded of(SampleMetadata md, String column) {
            String[] v = md.textColumn(column);
            Comparator<String> order = md.type(column) == SampleMetadata.ColumnType.NUMERIC
                    ? Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                    : Comparator.naturalOrder();
            TreeSet<String> sorted = new TreeSet<>(order);
            for (String s : v) sorted.add(s);
            List<String> levels = new ArrayList<>(sorted);
            Map<String, Integer> code = new HashMap<>();
            for (int i = 0; i < levels.size(); i++) code.put(levels.get(i), i);
            int[] c = new int[v.length];
            for (int i = 0; i < v.length; i++) c[i] = code.get(v[i]);
            return new Coded(c, levels);
        }
    }
}
