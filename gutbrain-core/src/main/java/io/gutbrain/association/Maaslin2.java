package io.gutbrain.association;

import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.TextOutput;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.stats.MultipleTesting;
import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.Parallel;
import io.gutbrain.util.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MaAsLin2-compatible multivariable association testing (Mallick et al. 2021, PLoS Comput. Biol.
 * 17:e1009442): every feature is regressed on the same metadata model and all coefficients are
 * tested, with Benjamini–Hochberg q-values over all tests.
 *
 * <p><b>Order of operations</b> (MaAsLin2 1.x, {@code R/Maaslin2.R}):
 * <ol>
 *   <li>keep the samples present in both table and metadata (table order); feature and
 *       metadata column names are made syntactic with R's {@code make.names(unique = TRUE)}, as
 *       {@code data.frame()} does when MaAsLin2 reads them;</li>
 *   <li>every categorical fixed effect with more than two levels must have a reference level;</li>
 *   <li>filter features on the raw values: keep a feature when the number of samples with a value
 *       {@code > min_abundance} exceeds {@code min_prevalence ×} samples, and its standard deviation
 *       exceeds {@code min_variance};</li>
 *   <li>z-score numeric metadata if {@code standardize} (over all samples where present);</li>
 *   <li>normalise the filtered table ({@link Normalization}), then transform each feature
 *       ({@link Transform});</li>
 *   <li>fit each feature: an ordinary linear model without random effects (MaAsLin2's gaussian
 *       {@code glm}), else a REML linear mixed model with Satterthwaite t tests (lmerTest);
 *       samples missing any model column are left out (R's {@code na.exclude});</li>
 *   <li>q-values by Benjamini–Hochberg over all non-missing p-values; rows sorted by q-value
 *       (stable, so ties keep feature then coefficient order); {@code N} is the number of
 *       samples, {@code N.not.0} the samples with a non-zero raw value.</li>
 * </ol>
 *
 * <p>Output: {@code all_results.tsv} and {@code significant_results.tsv} (q ≤
 * {@code max_significance}) with exactly MaAsLin2's columns and number formatting, and
 * {@code all_results_extended.tsv} with degrees of freedom, t, 95% confidence intervals, samples
 * used, prevalence and mean abundance per group, and the reason for any failed fit.
 */
public final class Maaslin2 {
    private Maaslin2() {}

    /**
     * Run options with MaAsLin2's defaults ({@link #defaults()}).
     *
     * @param fixedEffects    metadata columns (or {@code a:b} interactions) as fixed effects; empty = every
     *                        metadata column that is not a random effect
     * @param randomEffects   grouping columns for random intercepts
     * @param referenceLevels reference level per categorical column
     * @param normalization   default TSS
     * @param transform       default LOG
     * @param minAbundance    default 0
     * @param minPrevalence   default 0.1
     * @param minVariance     default 0
     * @param maxSignificance q-value threshold of the significant results, default 0.25
     * @param standardize     z-score numeric metadata, default true
     * @param threads         fitting threads (0 = all cores)
     */
    public record Options(List<String> fixedEffects, List<String> randomEffects, Map<String, String> referenceLevels,
                          Normalization normalization, Transform transform, double minAbundance, double minPrevalence,
                          double minVariance, double maxSignificance, boolean standardize, int threads) {
        public Options {
            fixedEffects = List.copyOf(fixedEffects);
            randomEffects = List.copyOf(randomEffects);
            referenceLevels = Map.copyOf(referenceLevels);
        }

        /** MaAsLin2's defaults: all metadata as fixed effects, TSS, LOG, min_prevalence 0.1, q ≤ 0.25, standardize. */
        public static Options defaults() {
            return new Options(List.of(), List.of(), Map.of(), Normalization.TSS, Transform.LOG, 0.0, 0.1, 0.0, 0.25, true, 0);
        }

        public Options withFixedEffects(List<String> f) { return new Options(f, randomEffects, referenceLevels, normalization, transform, minAbundance, minPrevalence, minVariance, maxSignificance, standardize, threads); }
        public Options withRandomEffects(List<String> r) { return new Options(fixedEffects, r, referenceLevels, normalization, transform, minAbundance, minPrevalence, minVariance, maxSignificance, standardize, threads); }
        public Options withReferenceLevels(Map<String, String> m) { return new Options(fixedEffects, randomEffects, m, normalization, transform, minAbundance, minPrevalence, minVariance, maxSignificance, standardize, threads); }
        public Options withNormalization(Normalization n) { return new Options(fixedEffects, randomEffects, referenceLevels, n, transform, minAbundance, minPrevalence, minVariance, maxSignificance, standardize, threads); }
        public Options withTransform(Transform t) { return new Options(fixedEffects, randomEffects, referenceLevels, normalization, t, minAbundance, minPrevalence, minVariance, maxSignificance, standardize, threads); }
        public Options withMinAbundance(double v) { return new Options(fixedEffects, randomEffects, referenceLevels, normalization, transform, v, minPrevalence, minVariance, maxSignificance, standardize, threads); }
        public Options withMinPrevalence(double v) { return new Options(fixedEffects, randomEffects, referenceLevels, normalization, transform, minAbundance, v, minVariance, maxSignificance, standardize, threads); }
        public Options withMinVariance(double v) { return new Options(fixedEffects, randomEffects, referenceLevels, normalization, transform, minAbundance, minPrevalence, v, maxSignificance, standardize, threads); }
        public Options withMaxSignificance(double v) { return new Options(fixedEffects, randomEffects, referenceLevels, normalization, transform, minAbundance, minPrevalence, minVariance, v, standardize, threads); }
        public Options withStandardize(boolean v) { return new Options(fixedEffects, randomEffects, referenceLevels, normalization, transform, minAbundance, minPrevalence, minVariance, maxSignificance, v, threads); }
        public Options withThreads(int v) { return new Options(fixedEffects, randomEffects, referenceLevels, normalization, transform, minAbundance, minPrevalence, minVariance, maxSignificance, standardize, v); }

        /**
         * Parses MaAsLin2's {@code reference} string, {@code "column,level"} pairs separated by
         * {@code ;} (e.g. {@code "diagnosis,nonIBD;site,MGH"}).
         */
        public static Map<String, String> parseReference(String spec) {
            Map<String, String> m = new LinkedHashMap<>();
            if (spec == null || spec.isBlank()) return m;
            for (String part : spec.split(";")) {
                if (part.isBlank()) continue;
                int comma = part.indexOf(',');
                if (comma <= 0 || comma == part.length() - 1) {
                    throw new InputException(null, "reference '" + part + "'", "expected column,level", "write e.g. diagnosis,nonIBD (several separated by ;)");
                }
                m.put(part.substring(0, comma).trim(), part.substring(comma + 1).trim());
            }
            return m;
        }
    }

    /**
     * The outcome of a run.
     *
     * @param rows            every test, failed ones included, in output order (by q-value; failed last)
     * @param samples         samples in both table and metadata
     * @param samplesInModel  samples with all model columns present
     * @param featuresTested  features that passed the filters
     * @param filteredFeatures names of the features removed by the filters
     * @param formula         the model in R notation, e.g. {@code expr ~ diagnosis + age + (1 | subject)}
     * @param maxSignificance the q-value threshold of {@link #significant()}
     */
    public record Result(List<AssociationRow> rows, int samples, int samplesInModel, int featuresTested,
                         List<String> filteredFeatures, String formula, double maxSignificance) {
        public Result {
            rows = List.copyOf(rows);
            filteredFeatures = List.copyOf(filteredFeatures);
        }

        /** MaAsLin2's {@code all_results}: tests with a q-value, by increasing q. */
        public List<AssociationRow> all() {
            return rows.stream().filter(r -> !Double.isNaN(r.qval())).toList();
        }

        /** MaAsLin2's {@code significant_results}: q ≤ max_significance. */
        public List<AssociationRow> significant() {
            return all().stream().filter(r -> r.qval() <= maxSignificance).toList();
        }

        /** Writes {@code all_results.tsv}, {@code significant_results.tsv} and {@code all_results_extended.tsv} into a folder. */
        public void writeAll(Path folder) {
            TextOutput.write(folder.resolve("all_results.tsv"), maaslinTable(all()));
            TextOutput.write(folder.resolve("significant_results.tsv"), maaslinTable(significant()));
            TextOutput.write(folder.resolve("all_results_extended.tsv"), extendedTable(rows));
        }

        /** A results table in MaAsLin2's exact layout (tab-separated, R number formatting). */
        public static String maaslinTable(List<AssociationRow> rows) {
            StringBuilder sb = new StringBuilder("feature\tmetadata\tvalue\tcoef\tstderr\tN\tN.not.0\tpval\tqval\n");
            for (AssociationRow r : rows) {
                sb.append(r.feature()).append('\t').append(r.metadata()).append('\t').append(r.value()).append('\t')
                        .append(RCompat.formatNumber(r.coef())).append('\t').append(RCompat.formatNumber(r.stderr())).append('\t')
                        .append(r.n()).append('\t').append(r.nNotZero()).append('\t')
                        .append(RCompat.formatNumber(r.pval())).append('\t').append(RCompat.formatNumber(r.qval())).append('\n');
            }
            return sb.toString();
        }

        /** The extended table: MaAsLin2's columns plus df, t, 95% CI, samples used, prevalence, mean abundance, status. */
        public static String extendedTable(List<AssociationRow> rows) {
            StringBuilder sb = new StringBuilder("feature\tmetadata\tvalue\tcoef\tstderr\tdf\tt\tci.low\tci.high\tpval\tqval\tN\tN.used\tN.not.0"
                    + "\tprevalence\tprevalence.reference\tmean.abundance\tmean.abundance.reference\tstatus\n");
            for (AssociationRow r : rows) {
                sb.append(r.feature()).append('\t').append(r.metadata()).append('\t').append(r.value());
                for (double v : new double[] {r.coef(), r.stderr(), r.df(), r.t(), r.ciLow(), r.ciHigh(), r.pval(), r.qval()}) {
                    sb.append('\t').append(RCompat.formatNumber(v));
                }
                sb.append('\t').append(r.n()).append('\t').append(r.nUsed()).append('\t').append(r.nNotZero());
                for (double v : new double[] {r.prevalence(), r.prevalenceReference(), r.meanAbundance(), r.meanAbundanceReference()}) {
                    sb.append('\t').append(RCompat.formatNumber(v));
                }
                sb.append('\t').append(r.failure() == null ? "ok" : r.failure().replace('\t', ' ')).append('\n');
            }
            return sb.toString();
        }
    }

    /**
     * Runs MaAsLin2's pipeline.
     *
     * @param table    samples × features abundances (counts or proportions)
     * @param metadata sample metadata
     * @param warnings receives non-fatal findings (sample mismatches, samples left out)
     * @param progress advanced by one per feature fitted
     * @throws InputException for unknown columns, missing reference levels, invalid
     *                        normalisation/transform combinations, an unusable design, or no feature left
     */
    public static Result run(FeatureTable table, SampleMetadata metadata, Options o, Warnings warnings, ProgressListener progress) {
        if ((o.transform() == Transform.AST || o.transform() == Transform.LOGIT)
                && o.normalization() != Normalization.TSS && o.normalization() != Normalization.NONE) {
            throw new InputException(null, "transform " + o.transform(), "the " + o.transform() + " transform needs proportions and can only follow TSS or NONE normalization",
                    "use normalization TSS or NONE, or another transform");
        }
        // ---- samples in both, table order
        List<String> common = new ArrayList<>();
        for (String id : table.sampleIds()) if (metadata.hasSample(id)) common.add(id);
        if (common.isEmpty()) {
            throw new InputException(metadata.source(), "sample ids", "no table sample id matches a metadata id (table has e.g. "
                    + String.join(", ", table.sampleIds().subList(0, Math.min(3, table.sampleCount()))) + ")", "use the same sample ids in both files");
        }
        if (common.size() < table.sampleCount()) {
            warnings.warn((table.sampleCount() - common.size()) + " of " + table.sampleCount() + " table samples have no metadata and are left out");
        }
        if (common.size() < metadata.size()) {
            warnings.warn((metadata.size() - common.size()) + " of " + metadata.size() + " metadata samples are not in the table and are ignored");
        }
        FeatureTable t = common.size() == table.sampleCount() ? table : table.subsetSamples(common);
        SampleMetadata md = syntacticColumns(metadata.select(common));
        List<String> featureNames = RCompat.makeNamesUnique(t.featureIds());

        // ---- model columns (accept original or syntactic names)
        List<String> random = new ArrayList<>();
        for (String r : o.randomEffects()) random.add(resolveColumn(md, metadata, r));
        List<String> fixed = new ArrayList<>();
        if (o.fixedEffects().isEmpty()) {
            for (String c : md.columns()) if (!random.contains(c)) fixed.add(c);
        } else {
            for (String f : o.fixedEffects()) {
                String[] parts = f.split(":", -1);
                List<String> res = new ArrayList<>();
                for (String p : parts) res.add(resolveColumn(md, metadata, p.trim()));
                fixed.add(String.join(":", res));
            }
        }
        Map<String, String> refs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : o.referenceLevels().entrySet()) refs.put(resolveColumn(md, metadata, e.getKey()), e.getValue());
        for (String term : fixed) {
            if (term.contains(":")) continue;
            if (md.type(term) == SampleMetadata.ColumnType.CATEGORICAL && !refs.containsKey(term)) {
                List<String> levels = new ArrayList<>(md.levels(term));
                levels.sort(DesignMatrix.R_LEVEL_ORDER);
                if (levels.size() > 2) {
                    throw new InputException(metadata.source(), "column '" + term + "'", "categorical fixed effect '" + term + "' has more than 2 levels ("
                            + String.join(", ", levels) + ") and no reference level", "give a reference level, e.g. " + term + "," + levels.get(0));
                }
            }
        }
        ModelSpec spec = new ModelSpec(fixed, random, refs, true, o.standardize());
        DesignMatrix design = DesignMatrix.build(md, spec);
        if (!design.droppedSamples().isEmpty()) {
            warnings.warn(design.droppedSamples().size() + " of " + md.size() + " samples have missing values in the model columns and are left out of every model (e.g. "
                    + String.join(", ", design.droppedSamples().subList(0, Math.min(5, design.droppedSamples().size()))) + ")");
        }
        FeatureModel model = spec.isMixed() ? MixedModel.of(design) : LinearModel.of(design);

        // ---- filter on raw values
        int ns = t.sampleCount();
        FeatureMajor fm = t.byFeature();
        boolean[] keep = new boolean[t.featureCount()];
        List<String> filtered = new ArrayList<>();
        double minSamples = ns * o.minPrevalence();
        for (int f = 0; f < keep.length; f++) {
            int above = o.minAbundance() < 0 ? ns - (fm.featureEnd(f) - fm.featureStart(f)) : 0;
            double sum = 0;
            double ss = 0;
            for (int k = fm.featureStart(f); k < fm.featureEnd(f); k++) {
                double v = fm.valueAt(k);
                if (v > o.minAbundance()) above++;
                sum += v;
            }
            double mean = sum / ns;
            for (int k = fm.featureStart(f); k < fm.featureEnd(f); k++) ss += (fm.valueAt(k) - mean) * (fm.valueAt(k) - mean);
            ss += (ns - (fm.featureEnd(f) - fm.featureStart(f))) * mean * mean;
            double sd = ns > 1 ? Math.sqrt(ss / (ns - 1)) : 0;
            keep[f] = above > minSamples && sd > o.minVariance();
            if (!keep[f]) filtered.add(featureNames.get(f));
        }
        List<String> keptNames = new ArrayList<>();
        for (int f = 0; f < keep.length; f++) if (keep[f]) keptNames.add(featureNames.get(f));
        if (keptNames.isEmpty()) {
            throw new InputException(null, null, "no feature passes the filters (min_abundance " + o.minAbundance() + ", min_prevalence " + o.minPrevalence()
                    + ", min_variance " + o.minVariance() + ")", "lower min_prevalence or min_abundance");
        }
        FeatureTable ft = t.selectFeatures(keep);
        Normalization.Normalized norm = o.normalization().prepare(ft);
        FeatureMajor ffm = ft.byFeature();
        int[] rows = design.metadataRows();   // metadata is aligned to the table, so these are table sample indices

        // ---- fit
        int nFeat = ft.featureCount();
        List<List<AssociationRow>> perFeature = new ArrayList<>(java.util.Collections.nCopies(nFeat, null));
        Parallel.forEach(nFeat, o.threads(), f -> {
            perFeature.set(f, fitFeature(keptNames.get(f), ffm, f, norm, o.transform(), design, model, rows, ns));
            progress.advance(1);
        });
        List<AssociationRow> all = new ArrayList<>();
        for (List<AssociationRow> l : perFeature) all.addAll(l);
        double[] p = new double[all.size()];
        for (int i = 0; i < p.length; i++) p[i] = all.get(i).pval();
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<AssociationRow> withQ = new ArrayList<>(all.size());
        for (int i = 0; i < q.length; i++) withQ.add(all.get(i).withQval(q[i]));
        // stable sort: ties keep feature, then coefficient order (R's order())
        withQ.sort(Comparator.comparingDouble(r -> Double.isNaN(r.qval()) ? Double.POSITIVE_INFINITY : r.qval()));
        return new Result(withQ, ns, design.rows(), nFeat, filtered, formula(fixed, random), o.maxSignificance());
    }

    private static List<AssociationRow> fitFeature(String name, FeatureMajor ffm, int f, Normalization.Normalized norm, Transform transform,
                                                   DesignMatrix design, FeatureModel model, int[] rows, int ns) {
        int nNotZero = 0;
        boolean[] nonzero = new boolean[ns];
        for (int k = ffm.featureStart(f); k < ffm.featureEnd(f); k++) {
            if (ffm.valueAt(k) > 0) { nonzero[ffm.sampleAt(k)] = true; nNotZero++; }
        }
        double[] normalized = norm.feature(f);
        String[] why = new String[1];
        double[] tr = transform.apply(normalized, why);
        int n = rows.length;
        ModelFit fit;
        if (tr == null) {
            fit = ModelFit.failed(design, n, why[0]);
        } else {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = tr[rows[i]];
            fit = model.fit(y);
        }
        List<AssociationRow> out = new ArrayList<>();
        List<DesignMatrix.Column> cols = design.columns();
        for (int j = 0; j < cols.size(); j++) {
            DesignMatrix.Column c = cols.get(j);
            if (c.name().equals(DesignMatrix.INTERCEPT)) continue;
            ModelFit.Estimate e = fit.coefficients().get(j);
            double[] groupStats = groupStats(design, c, rows, nonzero, normalized);
            out.add(new AssociationRow(name, c.term(), c.value(), e.estimate(), e.stdError(), ns, nNotZero, e.p(), Double.NaN,
                    e.df(), e.t(), e.ciLow(), e.ciHigh(), fit.n(), groupStats[0], groupStats[1], groupStats[2], groupStats[3], fit.failure()));
        }
        return out;
    }

    /** Prevalence and mean normalised abundance in the coefficient's level group and in the reference group. */
    private static double[] groupStats(DesignMatrix design, DesignMatrix.Column c, int[] rows, boolean[] nonzero, double[] normalized) {
        DesignMatrix.Categorical cat = c.term().contains(":") ? null : design.categorical(c.term());
        int level = cat == null ? -1 : cat.levels().indexOf(c.value());
        double[] cnt = new double[2];
        double[] prev = new double[2];
        double[] sum = new double[2];
        for (int i = 0; i < rows.length; i++) {
            int g;
            if (cat == null) g = 0;
            else if (cat.levelOfRow()[i] == level) g = 0;
            else if (cat.levelOfRow()[i] == 0) g = 1;
            else continue;
            cnt[g]++;
            if (nonzero[rows[i]]) prev[g]++;
            sum[g] += normalized[rows[i]];
        }
        return new double[] {prev[0] / cnt[0], cat == null ? Double.NaN : prev[1] / cnt[1], sum[0] / cnt[0], cat == null ? Double.NaN : sum[1] / cnt[1]};
    }

    private static String formula(List<String> fixed, List<String> random) {
        StringBuilder sb = new StringBuilder("expr ~ ").append(String.join(" + ", fixed));
        for (String r : random) sb.append(" + (1 | ").append(r).append(')');
        return sb.toString();
    }

    /** The metadata with column names made syntactic like {@code data.frame()} does. */
    private static SampleMetadata syntacticColumns(SampleMetadata md) {
        List<String> names = RCompat.makeNamesUnique(md.columns());
        if (names.equals(md.columns())) return md;
        String[][] values = new String[names.size()][];
        for (int c = 0; c < names.size(); c++) values[c] = md.textColumn(md.columns().get(c));
        return new SampleMetadata(md.source(), md.ids(), names, values, md.types());
    }

    /** A user's column name: the syntactic name itself, or an original name mapped to its syntactic form. */
    private static String resolveColumn(SampleMetadata syntactic, SampleMetadata original, String name) {
        if (syntactic.hasColumn(name)) return name;
        int at = original.columns().indexOf(name);
        if (at >= 0) return syntactic.columns().get(at);
        List<String> cols = syntactic.columns();
        throw new InputException(original.source(), "column '" + name + "'", "'" + name + "' is not a metadata column",
                "use one of: " + String.join(", ", cols.subList(0, Math.min(15, cols.size()))) + (cols.size() > 15 ? ", ..." : ""));
    }
}
