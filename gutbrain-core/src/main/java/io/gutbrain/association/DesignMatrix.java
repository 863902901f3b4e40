package io.gutbrain.association;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fixed-effects design matrix X (and the random-intercept grouping factors) of a linear
 * (mixed) model built from sample metadata the way R's {@code model.matrix} does it, with the
 * checks a researcher needs before thousands of features are fitted against it.
 *
 * <p><b>Coding.</b> An intercept column {@code (Intercept)} of ones (unless switched off); a
 * numeric column enters as itself (z-scored first when {@link ModelSpec#standardize()}); a
 * categorical column with levels l₁ … l_k enters as k − 1 treatment (dummy) columns named
 * column + level ({@code diagnosisCD}), the reference level being left out. Levels are sorted as
 * R's {@code sort()} sorts text in an English locale (case-insensitive first, then lower case
 * before upper case), so the default reference — the first level — is R's default reference.
 * An interaction {@code a:b} is the product of every column of {@code a}'s coding with every
 * column of {@code b}'s, named {@code aCol:bCol} (R's coding when the main effects are in the
 * model too).
 *
 * <p><b>Missing values.</b> Like R's {@code na.action = na.omit / na.exclude}, which MaAsLin2 uses,
 * a sample missing any covariate or grouping column of the model is left out (complete cases);
 * how many were left out, and which, is recorded. Levels that occur only in left-out samples
 * are dropped ({@code drop.unused.levels = TRUE}, as in {@code lm} and {@code lmer}).
 *
 * <p><b>Checks</b> (each an {@link InputException} naming the column): unknown column; a
 * covariate with no values or a single value in the complete samples; a reference level that
 * does not occur (the levels are listed); no more complete samples than parameters; collinear
 * columns — found by a Householder QR with R's limited pivoting (tolerance 1e-7) and reported
 * as "column C is a linear combination of A and B"; a grouping factor with fewer than two
 * levels or one level per sample (lme4's rules).
 *
 * <p>Rows are the complete samples in metadata order; {@link #rowOfSample} maps back.
 * Immutable; X is stored column-major.
 */
public final class DesignMatrix {
    /** Name of the intercept column, as R names it. */
    public static final String INTERCEPT = "(Intercept)";

    /**
     * One column of X.
     *
     * @param name     R's name for the coefficient ({@code diagnosisCD}, {@code age}, {@code a:b})
     * @param term     the model term it belongs to ({@code diagnosis}, {@code age}, {@code a:b}), or
     *                 {@link #INTERCEPT}
     * @param value    the level for a categorical main effect ({@code CD}), else the term name
     *                 (MaAsLin2's "value" column)
     */
    public record Column(String name, String term, String value) {}

    /**
     * The coding of one categorical covariate over the design rows.
     *
     * @param levels     levels present in the complete samples, reference first
     * @param levelOfRow level index (into {@code levels}) of each design row
     */
    public record Categorical(String column, List<String> levels, int[] levelOfRow) {
        public String reference() { return levels.get(0); }
    }

    /**
     * A random-intercept grouping factor over the design rows.
     *
     * @param name       the metadata column
     * @param levels     the levels present, sorted
     * @param levelOfRow level index of each design row
     */
    public record GroupingFactor(String name, List<String> levels, int[] levelOfRow) {
        public int levelCount() { return levels.size(); }
    }

    private final String source;
    private final List<String> sampleIds;
    private final int[] metadataRows;
    private final List<String> droppedSamples;
    private final List<Column> columns;
    private final double[][] x;
    private final List<GroupingFactor> groups;
    private final Map<String, Categorical> categoricals;
    private final Map<String, Integer> rowOfSample;

    private DesignMatrix(String source, List<String> sampleIds, int[] metadataRows, List<String> droppedSamples, List<Column> columns,
                         double[][] x, List<GroupingFactor> groups, Map<String, Categorical> categoricals) {
        this.source = source;
        this.sampleIds = List.copyOf(sampleIds);
        this.metadataRows = metadataRows;
        this.droppedSamples = List.copyOf(droppedSamples);
        this.columns = List.copyOf(columns);
        this.x = x;
        this.groups = List.copyOf(groups);
        this.categoricals = Collections.unmodifiableMap(categoricals);
        this.rowOfSample = new LinkedHashMap<>();
        for (int i = 0; i < sampleIds.size(); i++) rowOfSample.put(sampleIds.get(i), i);
    }

    /** R's ordering of text levels: English collation, ties broken by code points so the order is total. */
    static final Comparator<String> R_LEVEL_ORDER;
    static {
        Collator c = Collator.getInstance(Locale.ENGLISH);
        c.setStrength(Collator.TERTIARY);
        R_LEVEL_ORDER = ((Comparator<String>) c::compare).thenComparing(Comparator.naturalOrder());
    }

    /**
     * Builds the design for the samples of {@code md}, in its row order.
     *
     * @throws InputException for any of the problems listed in the class description
     */
    public static DesignMatrix build(SampleMetadata md, ModelSpec spec) {
        String src = md.source();
        // ---- which columns are used
        List<String[]> terms = new ArrayList<>();
        Set<String> seenTerms = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        for (String t : spec.fixedEffects()) {
            String[] parts = Arrays.stream(t.split(":", -1)).map(String::trim).toArray(String[]::new);
            for (String p : parts) {
                if (p.isEmpty()) throw new InputException(src, "fixed effect '" + t + "'", "empty column name in term", "write interactions as a:b");
                if (!md.hasColumn(p)) throw unknownColumn(md, p, "fixed effect");
                used.add(p);
            }
            String key = String.join(":", parts);
            if (!seenTerms.add(key)) throw new InputException(src, "fixed effect '" + t + "'", "term given twice", "list each fixed effect once");
            terms.add(parts);
        }
        for (String g : spec.randomEffects()) {
            if (!md.hasColumn(g)) throw unknownColumn(md, g, "random effect");
            used.add(g);
        }
        for (Map.Entry<String, String> e : spec.referenceLevels().entrySet()) {
            if (used.contains(e.getKey()) && md.type(e.getKey()) == SampleMetadata.ColumnType.NUMERIC && !spec.randomEffects().contains(e.getKey())) {
                throw new InputException(src, "column '" + e.getKey() + "'", "a reference level '" + e.getValue() + "' was given but the column is numeric",
                        "drop the reference, or make the column categorical (e.g. declare it categorical in a #q2:types row)");
            }
        }
        if (terms.isEmpty() && !spec.intercept()) {
            throw new InputException(src, null, "the model has no terms and no intercept", "give at least one fixed effect");
        }

        // ---- complete cases
        int nAll = md.size();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (String c : used) text.put(c, md.textColumn(c));
        List<Integer> rows = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int r = 0; r < nAll; r++) {
            boolean ok = true;
            for (String[] col : text.values()) if (col[r] == null) { ok = false; break; }
            if (ok) rows.add(r); else dropped.add(md.ids().get(r));
        }
        int n = rows.size();
        if (n == 0) {
            throw new InputException(src, null, "no sample has values for all model columns (" + String.join(", ", used) + "); "
                    + nAll + " samples checked", "fill in the missing values or drop a covariate that is mostly missing");
        }
        int[] mdRows = rows.stream().mapToInt(Integer::intValue).toArray();

        // ---- per-column coding
        Map<String, double[][]> coding = new LinkedHashMap<>();     // column -> coded columns (each length n)
        Map<String, List<String>> codingNames = new LinkedHashMap<>();
        Map<String, List<String>> codingValues = new LinkedHashMap<>();
        Map<String, Categorical> cats = new LinkedHashMap<>();
        for (String[] parts : terms) {
            for (String c : parts) {
                if (coding.containsKey(c)) continue;
                if (md.type(c) == SampleMetadata.ColumnType.NUMERIC) {
                    double[] all = md.numericColumn(c);
                    if (spec.standardize()) all = zScore(all);
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) v[i] = all[mdRows[i]];
                    checkNotConstant(src, c, v, dropped.size());
                    coding.put(c, new double[][] {v});
                    codingNames.put(c, List.of(c));
                    codingValues.put(c, List.of(c));
                } else {
                    Categorical cat = categorical(src, c, text.get(c), mdRows, spec.referenceLevels().get(c), dropped.size(), nAll);
                    cats.put(c, cat);
                    int k = cat.levels().size();
                    double[][] cols = new double[k - 1][n];
                    List<String> names = new ArrayList<>();
                    List<String> values = new ArrayList<>();
                    for (int l = 1; l < k; l++) {
                        names.add(c + cat.levels().get(l));
                        values.add(cat.levels().get(l));
                    }
                    for (int i = 0; i < n; i++) {
                        int l = cat.levelOfRow()[i];
                        if (l > 0) cols[l - 1][i] = 1;
                    }
                    coding.put(c, cols);
                    codingNames.put(c, names);
                    codingValues.put(c, values);
                }
            }
        }

        // ---- assemble X
        List<Column> columns = new ArrayList<>();
        List<double[]> xcols = new ArrayList<>();
        if (spec.intercept()) {
            double[] one = new double[n];
            Arrays.fill(one, 1);
            xcols.add(one);
            columns.add(new Column(INTERCEPT, INTERCEPT, INTERCEPT));
        }
        for (String[] parts : terms) {
            String term = String.join(":", parts);
            List<double[]> accCols = new ArrayList<>(List.of(filled(n)));
            List<String> accNames = new ArrayList<>(List.of(""));
            for (String c : parts) {
                List<double[]> nextCols = new ArrayList<>();
                List<String> nextNames = new ArrayList<>();
                double[][] cc = coding.get(c);
                List<String> cn = codingNames.get(c);
                // R varies the first factor fastest in interaction columns
                for (int b = 0; b < cc.length; b++) {
                    for (int a = 0; a < accCols.size(); a++) {
                        double[] prod = new double[n];
                        double[] left = accCols.get(a);
                        for (int i = 0; i < n; i++) prod[i] = left[i] * cc[b][i];
                        nextCols.add(prod);
                        nextNames.add(accNames.get(a).isEmpty() ? cn.get(b) : accNames.get(a) + ":" + cn.get(b));
                    }
                }
                accCols = nextCols;
                accNames = nextNames;
            }
            for (int j = 0; j < accCols.size(); j++) {
                xcols.add(accCols.get(j));
                String value = parts.length == 1 ? codingValues.get(parts[0]).get(j) : accNames.get(j);
                columns.add(new Column(accNames.get(j), term, value));
            }
        }
        int p = xcols.size();
        if (n <= p) {
            throw new InputException(src, null, "only " + n + " complete samples for " + p + " model parameters ("
                    + (dropped.isEmpty() ? "" : dropped.size() + " samples left out for missing values; ") + "a linear model needs more samples than parameters)",
                    "use fewer covariates or fewer levels, or fill in missing values");
        }
        double[][] x = xcols.toArray(new double[0][]);
        HouseholderQr qr = HouseholderQr.factor(x, 1e-7);
        if (qr.aliased.length > 0) throw collinear(src, columns, qr);

        // ---- grouping factors
        List<GroupingFactor> groups = new ArrayList<>();
        for (String g : spec.randomEffects()) {
            String[] col = text.get(g);
            List<String> levels = sortedLevels(col, mdRows);
            if (levels.size() < 2) {
                throw new InputException(src, "column '" + g + "'", "random effect has " + levels.size() + " level in the " + n + " complete samples; a grouping factor needs at least 2",
                        "drop the random effect");
            }
            if (levels.size() >= n) {
                throw new InputException(src, "column '" + g + "'", "random effect has " + levels.size() + " levels for " + n
                        + " complete samples; with one level per sample it cannot be told apart from the residual", "drop the random effect or use a grouping column with repeated values");
            }
            Map<String, Integer> idx = new LinkedHashMap<>();
            for (int l = 0; l < levels.size(); l++) idx.put(levels.get(l), l);
            int[] of = new int[n];
            for (int i = 0; i < n; i++) of[i] = idx.get(col[mdRows[i]]);
            groups.add(new GroupingFactor(g, levels, of));
        }
        List<String> ids = new ArrayList<>(n);
        for (int r : mdRows) ids.add(md.ids().get(r));
        return new DesignMatrix(src, ids, mdRows, dropped, columns, x, groups, cats);
    }

    private static double[] filled(int n) {
        double[] one = new double[n];
        Arrays.fill(one, 1);
        return one;
    }

    private static InputException unknownColumn(SampleMetadata md, String col, String what) {
        List<String> cols = md.columns();
        String list = cols.size() <= 15 ? String.join(", ", cols) : String.join(", ", cols.subList(0, 15)) + ", ... (" + cols.size() + " columns)";
        return new InputException(md.source(), "column '" + col + "'", what + " '" + col + "' is not a metadata column", "use one of: " + list);
    }

    /** z-score over the non-missing values with R's {@code scale()}: sd with denominator n − 1. */
    static double[] zScore(double[] v) {
        double sum = 0;
        int m = 0;
        for (double d : v) if (!Double.isNaN(d)) { sum += d; m++; }
        double mean = sum / m;
        double ss = 0;
        for (double d : v) if (!Double.isNaN(d)) ss += (d - mean) * (d - mean);
        double sd = Math.sqrt(ss / Math.max(1, m - 1));
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Double.isNaN(v[i]) ? Double.NaN : (sd > 0 ? (v[i] - mean) / sd : 0.0);
        return out;
    }

    private static void checkNotConstant(String src, String c, double[] v, int droppedCount) {
        for (double d : v) if (d != v[0]) return;
        throw new InputException(src, "column '" + c + "'", "covariate is constant (" + fmt(v[0]) + " in all " + v.length + " complete samples"
                + (droppedCount > 0 ? "; " + droppedCount + " samples with missing values left out" : "") + "), so its effect cannot be estimated",
                "drop it from the model");
    }

    private static Categorical categorical(String src, String c, String[] col, int[] rows, String reference, int droppedCount, int nAll) {
        List<String> levels = sortedLevels(col, rows);
        if (levels.size() < 2) {
            throw new InputException(src, "column '" + c + "'", "covariate has a single value ('" + levels.get(0) + "') in all " + rows.length
                    + " complete samples" + (droppedCount > 0 ? " (" + droppedCount + " of " + nAll + " left out for missing values)" : "")
                    + ", so its effect cannot be estimated", "drop it from the model");
        }
        if (reference != null) {
            int at = levels.indexOf(reference);
            if (at < 0) {
                boolean elsewhere = false;
                for (String s : col) if (reference.equals(s)) { elsewhere = true; break; }
                throw new InputException(src, "column '" + c + "'", "reference level '" + reference + "' "
                        + (elsewhere ? "occurs only in samples left out for missing values" : "does not occur")
                        + "; levels are: " + String.join(", ", levels), "choose one of the listed levels");
            }
            levels.remove(at);
            levels.add(0, reference);
        }
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int l = 0; l < levels.size(); l++) idx.put(levels.get(l), l);
        int[] of = new int[rows.length];
        for (int i = 0; i < rows.length; i++) of[i] = idx.get(col[rows[i]]);
        return new Categorical(c, List.copyOf(levels), of);
    }

    /** Distinct values at the given rows in R's level order (collation only on the distinct values: it is slow). */
    private static List<String> sortedLevels(String[] col, int[] rows) {
        Set<String> distinct = new LinkedHashSet<>();
        for (int r : rows) distinct.add(col[r]);
        List<String> levels = new ArrayList<>(distinct);
        levels.sort(R_LEVEL_ORDER);
        return levels;
    }

    private static InputException collinear(String src, List<Column> columns, HouseholderQr qr) {
        StringBuilder sb = new StringBuilder("collinear covariates: ");
        for (int a = 0; a < qr.aliased.length; a++) {
            if (a > 0) sb.append("; ");
            Column col = columns.get(qr.aliased[a]);
            double[] coef = qr.aliasCoefficients[a];
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < coef.length; k++) {
                if (Math.abs(coef[k]) > 1e-8) parts.add("'" + columns.get(qr.kept[k]).name() + "'");
            }
            sb.append("column '").append(col.name()).append("'");
            if (parts.isEmpty()) sb.append(" is zero in every complete sample");
            else sb.append(" is a linear combination of ").append(String.join(", ", parts));
        }
        return new InputException(src, null, sb.toString(), "drop one of the collinear covariates (or merge the levels that coincide)");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    // ------------------------------------------------------------------ access

    /** The metadata file the design came from (for messages). */
    public String source() { return source; }
    /** Number of rows (complete samples). */
    public int rows() { return sampleIds.size(); }
    /** Number of columns (parameters). */
    public int columnCount() { return columns.size(); }
    /** Sample ids of the rows, in row order. */
    public List<String> sampleIds() { return sampleIds; }
    /** Metadata row index of each design row. */
    public int[] metadataRows() { return metadataRows.clone(); }
    /** Row of a sample id, or -1 when the sample is not in the design (absent or left out). */
    public int rowOfSample(String id) { Integer r = rowOfSample.get(id); return r == null ? -1 : r; }
    /** Ids of the samples left out for missing values, in metadata order. */
    public List<String> droppedSamples() { return droppedSamples; }
    public List<Column> columns() { return columns; }
    /** Column names in order. */
    public List<String> columnNames() { return columns.stream().map(Column::name).toList(); }
    /** True when the first column is the intercept. */
    public boolean hasIntercept() { return !columns.isEmpty() && columns.get(0).name().equals(INTERCEPT); }
    /** Column j as a copy. */
    public double[] column(int j) { return x[j].clone(); }
    /** Entry (row i, column j). */
    public double get(int i, int j) { return x[j][i]; }
    /** Columns without copying, for the model fitters in this package. */
    double[][] rawColumns() { return x; }
    /** Random-intercept grouping factors, in the order given. */
    public List<GroupingFactor> groupingFactors() { return groups; }
    /** Coding of a categorical covariate used in a fixed term, or null. */
    public Categorical categorical(String column) { return categoricals.get(column); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "DesignMatrix[%d rows x %d columns %s, %d random effects, %d samples left out]",
                rows(), columnCount(), columnNames(), groups.size(), droppedSamples.size());
    }
}
