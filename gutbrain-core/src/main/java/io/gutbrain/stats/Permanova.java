package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.distance.GowerMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.TextOutput;
import io.gutbrain.metadata.SampleMetadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Permutational multivariate analysis of variance on a distance matrix (PERMANOVA; Anderson
 * 2001, Austral Ecology 26:32–46), with the output of vegan's {@code adonis2(by = "terms")}.
 *
 * <p><b>One grouping factor.</b> With N samples in G groups of sizes n_g and squared distances
 * d²: SS_T = (1/N) Σ_{i<j} d²_ij, SS_W = Σ_g (1/n_g) Σ_{i<j in g} d²_ij, SS_A = SS_T − SS_W,
 * pseudo-F = (SS_A / (G−1)) / (SS_W / (N−G)), R² = SS_A / SS_T. A permutation relabels the
 * samples, so only SS_W is recomputed (O(within-group pairs), see {@link GroupPairSums}).
 *
 * <p><b>Several terms</b> ({@link #sequential}), as McArdle &amp; Anderson (2001, Ecology
 * 82:290–297) and adonis2: G = −½ (I − 11ᵀ/N) D² (I − 11ᵀ/N) is the Gower-centred matrix,
 * SS_T = tr(G); the design columns (a numeric term is one centred column, a categorical one its
 * L−1 treatment dummies, centred) are orthonormalised in term order by Gram–Schmidt, a column
 * whose norm falls below 1e-7 of its centred norm being aliased and dropped (R's {@code qr}
 * tolerance); term k's sequential sum of squares is SS_k = tr(H_k G) − tr(H_{k−1} G)
 * = Σ_{q in term k} qᵀ G q. Residual SS = SS_T − Σ SS_k with N − 1 − rank degrees of freedom,
 * F_k = (SS_k / df_k) / (SS_res / df_res). Each permutation permutes the rows of the design
 * (equivalently rows and columns of G: vegan's "direct"/"reduced" model without conditioning
 * terms) and recomputes every F_k against that permutation's own residual, as vegan's
 * {@code permutest.cca(by = "terms")}. This path stores G packed (N(N+1)/2 doubles) and costs
 * O(p·N²/2) per permutation for p design columns.
 *
 * <p>p = (#{F_perm ≥ F_obs − ε} + 1) / (permutations + 1), ε = 1.5e-8 as vegan. Permutations
 * are restricted to strata when {@link PermutationOptions#strata()} is set.
 */
public final class Permanova {
    private Permanova() {}

    /** A model term: a metadata column used as a categorical factor or a numeric covariate. */
    public record Term(String column, SampleMetadata.ColumnType type) {
        /** A factor: one dummy column per level after the first. */
        public static Term categorical(String column) { return new Term(column, SampleMetadata.ColumnType.CATEGORICAL); }
        /** A covariate: one column of numbers. */
        public static Term numeric(String column) { return new Term(column, SampleMetadata.ColumnType.NUMERIC); }
        /** Numeric or categorical as the metadata column itself is typed. */
        public static Term of(SampleMetadata md, String column) { return new Term(column, md.type(column)); }
    }

    /** One line of the table; NaN (written "NA") where adonis2 prints nothing. */
    public record Row(String term, int df, double sumOfSquares, double r2, double f, double p) {}

    /**
     * The adonis2-like table: one row per term, then "Residual" and "Total".
     *
     * @param samples      samples used
     * @param permutations permutations drawn
     */
    public record Result(List<Row> rows, int samples, int permutations) {
        public Result { rows = List.copyOf(rows); }

        /** The term rows (without Residual and Total). */
        public List<Row> terms() { return rows.subList(0, rows.size() - 2); }

        /** The row of a term by name. */
        public Row term(String name) {
            for (Row r : terms()) if (r.term().equals(name)) return r;
            throw new IllegalArgumentException("no term '" + name + "'");
        }

        /** The "Residual" row. */
        public Row residual() { return rows.get(rows.size() - 2); }

        /** The "Total" row (R² = 1). */
        public Row total() { return rows.get(rows.size() - 1); }

        /** Tab-separated table with adonis2's column names: term, Df, SumOfSqs, R2, F, Pr(>F). */
        public String toTsv() {
            StringBuilder sb = new StringBuilder("term\tDf\tSumOfSqs\tR2\tF\tPr(>F)\n");
            for (Row r : rows) {
                sb.append(r.term()).append('\t').append(r.df()).append('\t').append(TextOutput.number(r.sumOfSquares())).append('\t')
                        .append(TextOutput.number(r.r2())).append('\t').append(TextOutput.number(r.f())).append('\t')
                        .append(TextOutput.number(r.p())).append('\n');
            }
            return sb.toString();
        }

        /** Writes {@link #toTsv()} atomically. */
        public void write(Path target) { TextOutput.write(target, toTsv()); }
    }

    /**
     * The terms of a right-hand side such as {@code "time + group"} (main effects joined by
     * '+', each typed by its metadata column).
     *
     * @param where where the formula was given, for errors (e.g. {@code --formula})
     * @throws InputException for an empty term or an interaction
     */
    public static List<Term> terms(SampleMetadata md, String formula, String where) {
        List<Term> terms = new ArrayList<>();
        for (String t : formula.split("\\+")) {
            String c = t.strip();
            if (c.isEmpty()) throw new InputException(null, where, "empty term in '" + formula + "'", "write terms like \"time + group\"");
            if (c.contains(":") || c.contains("*")) throw new InputException(null, where, "interaction terms are not supported yet ('" + c + "')", "use main effects joined by '+'");
            terms.add(Term.of(md, c));
        }
        return terms;
    }

    /**
     * PERMANOVA of {@code dm} by {@code terms}, the one entry point of {@code gutbrain stats
     * permanova} and the study's beta step: a single categorical term by the one-factor test,
     * else the terms in sequence ({@link #sequential}); permutations, seed, threads and strata
     * from {@code opt}.
     */
    public static Result run(DistanceMatrix dm, SampleMetadata md, List<Term> terms, PermutationOptions opt, Warnings warnings) {
        return terms.size() == 1 && terms.get(0).type() == SampleMetadata.ColumnType.CATEGORICAL
                ? test(dm, md, terms.get(0).column(), opt, warnings)
                : sequential(dm, md, terms, opt, warnings);
    }

    /** One-factor PERMANOVA of {@code dm} by metadata column {@code column} (strata from {@code opt}). */
    public static Result test(DistanceMatrix dm, SampleMetadata md, String column, PermutationOptions opt, Warnings warnings) {
        return test(SampleGrouping.of(dm, md, column, opt.strata(), warnings), opt);
    }

    /**
     * One-factor PERMANOVA on an aligned grouping (its strata, if any, restrict the permutations).
     *
     * @throws InputException if every group has a single sample (no residual degrees of freedom)
     */
    public static Result test(SampleGrouping grouping, PermutationOptions opt) {
        int n = grouping.size();
        int ng = grouping.levels().size();
        if (n - ng < 1) {
            throw new InputException(null, "column '" + grouping.column() + "'", "each of the " + ng + " groups has a single sample, so PERMANOVA has no residual degrees of freedom",
                    "use a grouping with replicate samples in at least one group");
        }
        double[] d2 = squares(grouping.matrix());
        GroupPairSums kernel = new GroupPairSums(d2, n);
        int[] groups = grouping.groupsShared();
        int[] sizes = grouping.sizesShared();
        double sst = kernel.total() / n;
        double[][] w = new double[1][ng];
        kernel.sums(groups, null, 1, sizes, kernel.scratch(ng, 1), w);
        double ssw = withinSS(w[0], sizes);
        double fObs = oneWayF(ssw, sst, n, ng);
        double[] perm = Permutations.run(n, grouping.strataShared(), 1, opt, () -> {
            GroupPairSums.Scratch s = kernel.scratch(ng, Permutations.BATCH);
            double[][] wb = new double[Permutations.BATCH][ng];
            return (perms, count, out) -> {
                kernel.sums(groups, perms, count, sizes, s, wb);
                for (int p = 0; p < count; p++) out[p][0] = oneWayF(withinSS(wb[p], sizes), sst, n, ng);
            };
        })[0];
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(grouping.column(), ng - 1, sst - ssw, (sst - ssw) / sst, fObs, Permutations.pGreater(fObs, perm)));
        rows.add(new Row("Residual", n - ng, ssw, ssw / sst, Double.NaN, Double.NaN));
        rows.add(new Row("Total", n - 1, sst, 1.0, Double.NaN, Double.NaN));
        return new Result(rows, n, opt.permutations());
    }

    /** SS_W = Σ_g W_g / n_g. */
    private static double withinSS(double[] w, int[] sizes) {
        double ssw = 0;
        for (int g = 0; g < sizes.length; g++) ssw += w[g] / sizes[g];
        return ssw;
    }

    private static double oneWayF(double ssw, double sst, int n, int ng) {
        return ((sst - ssw) / (ng - 1)) / (ssw / (n - ng));
    }

    /** Squared distances in condensed order (always double precision). */
    static double[] squares(DistanceMatrix dm) {
        double[] d = dm.condensedDoubles();
        float[] f = dm.condensedFloats();
        int m = d != null ? d.length : f.length;
        double[] out = new double[m];
        if (d != null) for (int k = 0; k < m; k++) out[k] = d[k] * d[k];
        else for (int k = 0; k < m; k++) { double x = f[k]; out[k] = x * x; }
        return out;
    }

    /**
     * PERMANOVA with several terms added sequentially (adonis2 {@code by = "terms"}): each term's
     * sum of squares is what it explains after the terms before it. A single categorical term
     * takes the fast one-factor path (same numbers).
     *
     * @throws InputException for a categorical term with one level, a numeric term on a text
     *                        column, or a model that leaves no residual degrees of freedom
     */
    public static Result sequential(DistanceMatrix dm, SampleMetadata md, List<Term> terms, PermutationOptions opt, Warnings warnings) {
        if (terms.isEmpty()) throw new IllegalArgumentException("no terms");
        if (terms.size() == 1 && terms.get(0).type() == SampleMetadata.ColumnType.CATEGORICAL) {
            return test(dm, md, terms.get(0).column(), opt, warnings);
        }
        return general(dm, md, terms, opt, warnings);
    }

    /** The hat-matrix path for any design (package-private so tests can compare it with the fast path). */
    static Result general(DistanceMatrix dm, SampleMetadata md, List<Term> terms, PermutationOptions opt, Warnings warnings) {
        List<String> cols = new ArrayList<>();
        for (Term t : terms) cols.add(t.column());
        if (opt.strata() != null) cols.add(opt.strata());
        Alignment a = Alignment.of(dm, md, cols, warnings);
        int n = a.matrix.size();
        Design design = Design.build(a.metadata, terms);
        int p = design.q.length;
        int rank = p;
        int resDf = n - 1 - rank;
        if (resDf < 1) {
            throw new InputException(md.source(), "model " + cols, n + " samples leave no residual degrees of freedom for a model of rank " + rank,
                    "use fewer or simpler terms, or more samples");
        }
        int[] strata = opt.strata() == null ? null : SampleGrouping.Coded.of(a.metadata, opt.strata()).codes;
        GowerMatrix gm = new GowerMatrix(a.matrix);
        int nt = terms.size();
        double[] ssObs = new double[nt];
        double[] fObs = new double[nt];
        termF(gm, design, null, new double[n * p], new double[p], new double[p], ssObs, fObs, resDf);
        double[][] perm = Permutations.run(n, strata, nt, opt, () -> {
            double[] u = new double[n * p], s = new double[p], quad = new double[p], ss = new double[nt];
            return Permutations.each((pm, out) -> termF(gm, design, pm, u, s, quad, ss, out, resDf));
        });
        double sst = gm.trace();
        double ssRes = sst;
        for (double x : ssObs) ssRes -= x;
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < nt; t++) {
            int df = design.df[t];
            rows.add(new Row(terms.get(t).column(), df, ssObs[t], ssObs[t] / sst, df == 0 ? Double.NaN : fObs[t],
                    df == 0 ? Double.NaN : Permutations.pGreater(fObs[t], perm[t])));
        }
        rows.add(new Row("Residual", resDf, ssRes, ssRes / sst, Double.NaN, Double.NaN));
        rows.add(new Row("Total", n - 1, sst, 1.0, Double.NaN, Double.NaN));
        return new Result(rows, n, opt.permutations());
    }

    /** Sequential SS and F of every term for the design rows permuted by {@code perm} (null = observed). */
    private static void termF(GowerMatrix gm, Design design, int[] perm, double[] u, double[] s, double[] quad,
                              double[] ss, double[] f, int resDf) {
        int n = gm.size();
        int p = design.q.length;
        for (int c = 0; c < p; c++) {
            double[] q = design.q[c];
            for (int i = 0; i < n; i++) u[i * p + c] = q[perm == null ? i : perm[i]];
        }
        gm.quadraticForms(u, p, s, quad);
        double res = gm.trace();
        java.util.Arrays.fill(ss, 0);
        for (int c = 0; c < p; c++) ss[design.termOf[c]] += quad[c];
        for (double x : ss) res -= x;
        double scale = res / resDf;
        for (int t = 0; t < ss.length; t++) f[t] = design.df[t] == 0 ? Double.NaN : (ss[t] / design.df[t]) / scale;
    }

    /** Orthonormal, centred design columns grouped by term. */
    private static final class Design {
        final double[][] q;
        final int[] termOf;
        final int[] df;

        private Design(double[][] q, int[] termOf, int[] df) {
            this.q = q;
            this.termOf = termOf;
            this.df = df;
        }

        static Design build(SampleMetadata md, List<Term> terms) {
            int n = md.size();
            List<double[]> q = new ArrayList<>();
            List<Integer> termOf = new ArrayList<>();
            int[] df = new int[terms.size()];
            for (int t = 0; t < terms.size(); t++) {
                Term term = terms.get(t);
                for (double[] x : rawColumns(md, term)) {
                    double[] c = centred(x);
                    double norm0 = norm(c);
                    if (norm0 == 0) continue;
                    for (int pass = 0; pass < 2; pass++) { // twice: classical re-orthogonalisation keeps Q orthonormal to rounding
                        for (double[] b : q) {
                            double dot = 0;
                            for (int i = 0; i < n; i++) dot += b[i] * c[i];
                            for (int i = 0; i < n; i++) c[i] -= dot * b[i];
                        }
                    }
                    double nr = norm(c);
                    if (nr < 1e-7 * norm0) continue; // aliased with earlier columns
                    for (int i = 0; i < n; i++) c[i] /= nr;
                    q.add(c);
                    termOf.add(t);
                    df[t]++;
                }
            }
            int[] to = new int[termOf.size()];
            for (int i = 0; i < to.length; i++) to[i] = termOf.get(i);
            return new Design(q.toArray(new double[0][]), to, df);
        }

        private static List<double[]> rawColumns(SampleMetadata md, Term term) {
            int n = md.size();
            if (term.type() == SampleMetadata.ColumnType.NUMERIC) return List.of(md.numericColumn(term.column()));
            SampleGrouping.Coded coded = SampleGrouping.Coded.of(md, term.column());
            if (coded.levels.size() < 2) {
                throw new InputException(md.source(), "column '" + term.column() + "'", "categorical term has a single level '"
                        + coded.levels.get(0) + "' among the " + n + " samples used", "drop the term or choose a column with two or more levels");
            }
            List<double[]> out = new ArrayList<>();
            for (int l = 1; l < coded.levels.size(); l++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) if (coded.codes[i] == l) x[i] = 1;
                out.add(x);
            }
            return out;
        }

        private static double[] centred(double[] x) {
            double m = 0;
            for (double v : x) m += v;
            m /= x.length;
            double[] c = new double[x.length];
            for (int i = 0; i < x.length; i++) c[i] = x[i] - m;
            return c;
        }

        private static double norm(double[] x) {
            double s = 0;
            for (double v : x) s += v * v;
            return Math.sqrt(s);
        }
    }
}
