package io.gutbrain.association.linda;

import io.gutbrain.association.AssociationResult;
import io.gutbrain.association.DesignMatrix;
import io.gutbrain.association.FeatureModel;
import io.gutbrain.association.FeatureValues;
import io.gutbrain.association.GroupSummary;
import io.gutbrain.association.LinearModel;
import io.gutbrain.association.MixedModel;
import io.gutbrain.association.ModelFit;
import io.gutbrain.association.ModelSpec;
import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.stats.ModeEstimator;
import io.gutbrain.stats.MultipleTesting;
import io.gutbrain.stats.Tails;
import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.Parallel;
import io.gutbrain.util.Quantiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LinDA — linear models for differential abundance of compositional data (Zhou, He, Chen &amp;
 * Zhang 2022, Genome Biology 23:95), following the steps of the authors' R function
 * {@code linda()} (zhouhj1994/LinDA).
 *
 * <p><b>Idea.</b> On centred log-ratio data W = log₂Y − mean_features(log₂Y) the regression
 * coefficient of feature i estimates its true log₂ fold change α_i plus a bias b common to all
 * features (the change of the per-sample mean log abundance). If most features do not change,
 * the α_i are mostly 0 and b is the mode of the estimated coefficients; LinDA subtracts that mode
 * and tests α̂_i = β̂_i − b̂ with the unchanged standard error.
 *
 * <p><b>Steps</b>, for a table of counts (or proportions):
 * <ol>
 * <li>leave out samples with a missing covariate or fewer than {@code minLibrarySize} reads;</li>
 * <li>leave out features below the prevalence / mean relative abundance filters, and features
 *     absent from every remaining sample (these get a row with p = NaN and a reason); then samples
 *     with no reads left;</li>
 * <li>z-score numeric covariates over the remaining samples (R's {@code scale()}); treatment-code
 *     categorical ones ({@link DesignMatrix}, reference = first level unless given);</li>
 * <li>optionally winsorize each feature's proportions at a quantile (counts rebuilt as
 *     round(P·N));</li>
 * <li>zeros, if any: counts + pseudo-count (0.5), or the imputation N_j / max{N_j' : Y_ij' = 0}, or
 *     adaptively the imputation when log depth is associated with the covariates (any p ≤ 0.1);
 *     proportions: half of the feature's smallest non-zero value;</li>
 * <li>W = log₂Y minus each sample's mean log₂Y over the features (CLR in base 2);</li>
 * <li>per feature, ordinary least squares ({@link LinearModel}; df = n − p) or, with random
 *     effects, REML with Satterthwaite df ({@link MixedModel}, LinDA's lmer/lmerTest path);</li>
 * <li>per coefficient: bias b̂ = mode(√n·β̂)/√n by the mean-shift estimator LinDA takes from modeest
 *     ({@link ModeEstimator#meanShift}); α̂ = β̂ − b̂, t = α̂/SE, p = 2·P(T_df &gt; |t|), interval
 *     α̂ ± t_{(1+c)/2, df}·SE, Benjamini–Hochberg q within the coefficient.</li>
 * </ol>
 * The CLR mean is accumulated feature by feature, so only one sample-length vector per feature
 * and thread is held at a time — never a dense samples × features copy.
 */
public final class Linda {
    private Linda() {}

    /**
     * Runs LinDA.
     *
     * @param table        counts (or proportions) with samples and features
     * @param metadata     sample metadata (rows matched to the table by sample id)
     * @param fixedEffects fixed-effect terms: metadata columns, or interactions {@code a:b}
     * @throws InputException for whole-analysis problems: unknown or constant covariates, no
     *                        sample or feature left, a collinear design
     */
    public static LindaResult run(FeatureTable table, SampleMetadata metadata, List<String> fixedEffects, LindaOptions o) {
        if (fixedEffects.isEmpty()) {
            throw new InputException(metadata.source(), null, "LinDA needs at least one fixed effect", "name the covariate(s) to test");
        }
        SampleMetadata aligned = metadata.select(table.sampleIds());
        // ---- 1. samples: complete covariates and enough reads
        Set<String> columns = new LinkedHashSet<>();
        for (String t : fixedEffects) for (String c : t.split(":", -1)) columns.add(c.trim());
        columns.addAll(o.randomEffects());
        List<String[]> text = new ArrayList<>();
        for (String c : columns) text.add(aligned.textColumn(c));
        double[] depth = table.sampleTotals();
        boolean counts = o.dataType() == LindaOptions.DataType.COUNT
                || (o.dataType() == LindaOptions.DataType.AUTO && table.isIntegral());
        // the read-count cut means nothing for proportions (whose totals are 1 up to rounding)
        double minDepth = counts ? o.minLibrarySize() : Double.MIN_VALUE;
        List<String> leftOut = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        int missing = 0, shallow = 0;
        for (int s = 0; s < table.sampleCount(); s++) {
            boolean complete = true;
            for (String[] col : text) if (col[s] == null) { complete = false; break; }
            if (!complete) missing++;
            else if (depth[s] < minDepth) shallow++;
            if (complete && depth[s] >= minDepth) kept.add(s); else leftOut.add(table.sampleIds().get(s));
        }
        if (missing > 0) o.warnings().warn(missing + " sample(s) with a missing value of " + String.join(", ", columns) + " left out");
        if (shallow > 0) o.warnings().warn(shallow + " sample(s) with fewer than " + minDepth + " reads left out");
        if (kept.isEmpty()) {
            throw new InputException(metadata.source(), null, "no sample has all of " + String.join(", ", columns) + " and at least "
                    + o.minLibrarySize() + " reads", "fill in the metadata or lower the library-size cut");
        }

        // ---- 2. features
        FeatureMajor fm = table.byFeature();
        int n0 = kept.size();
        boolean[] inSample = new boolean[table.sampleCount()];
        for (int s : kept) inSample[s] = true;
        List<Integer> tested = new ArrayList<>();
        List<Integer> absent = new ArrayList<>();
        int filtered = 0;
        for (int f = 0; f < table.featureCount(); f++) {
            int nz = 0;
            double rel = 0;
            for (int k = fm.featureStart(f); k < fm.featureEnd(f); k++) {
                int s = fm.sampleAt(k);
                if (!inSample[s]) continue;
                nz++;
                rel += fm.valueAt(k) / depth[s];
            }
            if ((double) nz / n0 < o.minPrevalence() || rel / n0 < o.minMeanAbundance()) filtered++;
            else if (nz == 0) absent.add(f);
            else tested.add(f);
        }
        if (filtered > 0) o.warnings().warn(filtered + " of " + table.featureCount() + " features below the prevalence/abundance filters not tested");
        if (!absent.isEmpty()) o.warnings().warn(absent.size() + " feature(s) absent from every analysed sample not tested");
        if (tested.size() < 2) {
            throw new InputException(table.sampleIds().isEmpty() ? null : metadata.source(), null, tested.size()
                    + " feature(s) left after filtering; LinDA needs several to estimate the compositional bias", "lower the filters");
        }
        int[] features = tested.stream().mapToInt(Integer::intValue).toArray();
        double[] keptDepth = new double[table.sampleCount()];
        for (int f : features) {
            for (int k = fm.featureStart(f); k < fm.featureEnd(f); k++) keptDepth[fm.sampleAt(k)] += fm.valueAt(k);
        }
        List<String> sampleIds = new ArrayList<>();
        List<Integer> finalSamples = new ArrayList<>();
        int emptied = 0;
        for (int s : kept) {
            if (keptDepth[s] > 0) { finalSamples.add(s); sampleIds.add(table.sampleIds().get(s)); }
            else { emptied++; leftOut.add(table.sampleIds().get(s)); }
        }
        if (emptied > 0) o.warnings().warn(emptied + " sample(s) with no reads in the tested features left out");
        int[] samples = finalSamples.stream().mapToInt(Integer::intValue).toArray();

        // ---- 3. design over the final samples (numeric covariates z-scored over exactly these)
        ModelSpec spec = new ModelSpec(fixedEffects, o.randomEffects(), o.references(), true, true);
        DesignMatrix design = DesignMatrix.build(aligned.select(sampleIds), spec);
        FeatureModel model = spec.isMixed() ? MixedModel.of(design) : LinearModel.of(design);
        int n = samples.length;

        // ---- 4.-5. winsorization and zero handling
        Transformer tf = new Transformer(new FeatureValues(table, samples), features, counts, o);
        String zeroHandling = tf.decideZeroHandling(model);
        if (!zeroHandling.equals("none")) o.warnings().warn("zeros handled by " + zeroHandling);

        // ---- 6. per-sample mean of log2 values over the features, accumulated in feature order
        double[] logMean = new double[n];
        for (int i = 0; i < features.length; i++) {
            double[] y = tf.transformed(i);
            for (int j = 0; j < n; j++) logMean[j] += log2(y[j]);
        }
        for (int j = 0; j < n; j++) logMean[j] /= features.length;

        // ---- 7. fits
        ModelFit[] fits = new ModelFit[features.length];
        Parallel.forEach(features.length, o.threads(), i -> {
            double[] y = tf.transformed(i);
            double[] w = new double[n];
            for (int j = 0; j < n; j++) w[j] = log2(y[j]) - logMean[j];
            fits[i] = model.fit(w);
            o.progress().advance(1);
        });

        // ---- 8. bias correction per coefficient
        FeatureTable relative = table.relativeAbundance();
        FeatureValues relValues = new FeatureValues(relative, samples);
        Map<String, Double> bias = new LinkedHashMap<>();
        List<AssociationResult> rows = new ArrayList<>();
        List<DesignMatrix.Column> cols = design.columns();
        for (int c = 0; c < cols.size(); c++) {
            DesignMatrix.Column col = cols.get(c);
            if (col.name().equals(DesignMatrix.INTERCEPT)) continue;
            double b = bias(fits, c, n);
            bias.put(col.name(), b);
            rows.addAll(coefficientRows(table, design, col, c, b, fits, features, absent, relValues, o));
        }
        return new LindaResult(rows, bias, zeroHandling, n, features.length, leftOut);
    }

    /** mode(√n·β)/√n over the features whose fit succeeded. */
    private static double bias(ModelFit[] fits, int c, int n) {
        double sq = Math.sqrt(n);
        double[] scaled = Arrays.stream(fits).filter(ModelFit::ok).mapToDouble(f -> sq * f.coefficients().get(c).estimate()).toArray();
        if (scaled.length < 2) throw new InputException(null, null, "fewer than 2 features could be fitted", "check the design and the table");
        return ModeEstimator.meanShift(scaled) / sq;
    }

    private static List<AssociationResult> coefficientRows(FeatureTable table, DesignMatrix design, DesignMatrix.Column col, int c, double bias,
                                                           ModelFit[] fits, int[] features, List<Integer> absent, FeatureValues relValues,
                                                           LindaOptions o) {
        DesignMatrix.Categorical cat = col.term().contains(":") ? null : design.categorical(col.term());
        String level = cat == null ? "" : col.value();
        String reference = cat == null ? "" : cat.reference();
        int[][] groupRows = null;
        if (cat != null) {
            int li = cat.levels().indexOf(level);
            groupRows = new int[][] {rowsOfLevel(cat, li), rowsOfLevel(cat, 0)};
        }
        List<AssociationResult> out = new ArrayList<>();
        for (int i = 0; i < features.length; i++) {
            int f = features[i];
            ModelFit fit = fits[i];
            List<GroupSummary> groups = groups(relValues.values(f), groupRows, level, reference);
            int nNotZero = FeatureValues.nonZero(relValues.values(f));
            String id = table.featureIds().get(f);
            if (!fit.ok()) {
                out.add(naRow(id, col, level, reference, design.rows(), nNotZero, groups, fit.failure()));
                continue;
            }
            ModelFit.Estimate e = fit.coefficients().get(c);
            double est = e.estimate() - bias;
            double t = est / e.stdError();
            double p = Tails.studentTTwoSided(t, e.df());
            double q = Tails.studentTQuantile((1 + o.confLevel()) / 2, e.df());
            out.add(new AssociationResult(AssociationResult.LINDA, id, col.term(), level, reference, "t", t, e.df(), "t",
                    est, e.stdError(), est - q * e.stdError(), est + q * e.stdError(), "", Double.NaN, Double.NaN, Double.NaN,
                    design.rows(), nNotZero, p, Double.NaN, groups, ""));
        }
        for (int f : absent) {
            double[] v = relValues.values(f);
            out.add(naRow(table.featureIds().get(f), col, level, reference, design.rows(), 0, groups(v, groupRows, level, reference),
                    "absent from every analysed sample"));
        }
        double[] p = out.stream().mapToDouble(AssociationResult::pValue).toArray();
        double[] qv = MultipleTesting.benjaminiHochberg(p);
        List<AssociationResult> adjusted = new ArrayList<>(out.size());
        for (int i = 0; i < qv.length; i++) adjusted.add(out.get(i).withQValue(qv[i]));
        return adjusted;
    }

    private static AssociationResult naRow(String id, DesignMatrix.Column col, String level, String reference, int n, int nNotZero,
                                           List<GroupSummary> groups, String reason) {
        return new AssociationResult(AssociationResult.LINDA, id, col.term(), level, reference, "t", Double.NaN, Double.NaN, "NA",
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", Double.NaN, Double.NaN, Double.NaN, n, nNotZero, Double.NaN,
                Double.NaN, groups, reason);
    }

    private static int[] rowsOfLevel(DesignMatrix.Categorical cat, int level) {
        int[] of = cat.levelOfRow();
        return java.util.stream.IntStream.range(0, of.length).filter(i -> of[i] == level).toArray();
    }

    private static List<GroupSummary> groups(double[] rel, int[][] groupRows, String level, String reference) {
        if (groupRows == null) return List.of(GroupSummary.of("all", rel));
        return List.of(GroupSummary.of(level, FeatureValues.pick(rel, groupRows[0])), GroupSummary.of(reference, FeatureValues.pick(rel, groupRows[1])));
    }

    private static double log2(double x) {
        return Math.log(x) / LN2;
    }

    private static final double LN2 = Math.log(2);

    /** Winsorization and zero handling of one feature at a time (steps 4 and 5). */
    private static final class Transformer {
        private final FeatureValues values;
        private final int[] features;
        private final boolean counts;
        private final LindaOptions o;
        private final double[] depthBefore; // per sample, over the tested features, before winsorization
        private final double[] depth;       // after winsorization (the N of the zero handling)
        private final boolean anyZero;
        private String handling = "none";

        Transformer(FeatureValues values, int[] features, boolean counts, LindaOptions o) {
            this.values = values;
            this.features = features;
            this.counts = counts;
            this.o = o;
            int n = values.size();
            depthBefore = new double[n];
            for (int f : features) {
                double[] y = values.values(f);
                for (int j = 0; j < n; j++) depthBefore[j] += y[j];
            }
            depth = new double[n];
            boolean zero = false;
            for (int i = 0; i < features.length; i++) {
                double[] y = winsorized(i);
                for (int j = 0; j < n; j++) {
                    depth[j] += y[j];
                    if (y[j] == 0) zero = true;
                }
            }
            anyZero = zero;
        }

        /** Chooses the zero handling (fitting log depth on the design for the adaptive rule). */
        String decideZeroHandling(FeatureModel model) {
            if (!anyZero) return handling = "none";
            if (!counts) return handling = "half-minimum";
            LindaOptions.ZeroHandling z = o.zeroHandling();
            if (z == LindaOptions.ZeroHandling.ADAPTIVE) {
                double[] logN = new double[depth.length];
                for (int j = 0; j < logN.length; j++) logN[j] = Math.log(depth[j]);
                ModelFit fit = model.fit(logN);
                boolean associated = false;
                for (ModelFit.Estimate e : fit.coefficients()) {
                    if (!e.name().equals(DesignMatrix.INTERCEPT) && e.p() <= o.corrCut()) associated = true;
                }
                z = associated ? LindaOptions.ZeroHandling.IMPUTATION : LindaOptions.ZeroHandling.PSEUDO_COUNT;
            }
            return handling = z == LindaOptions.ZeroHandling.IMPUTATION ? "imputation" : "pseudo-count";
        }

        /** Feature i's values after winsorization (a new array). */
        double[] winsorized(int i) {
            double[] y = values.values(features[i]);
            double q = o.winsorQuantile();
            if (Double.isNaN(q)) return y;
            int n = y.length;
            if (counts) {
                double[] p = new double[n];
                for (int j = 0; j < n; j++) p[j] = y[j] / depthBefore[j];
                double cut = Quantiles.type7Unsorted(p, q);
                for (int j = 0; j < n; j++) y[j] = Math.rint(Math.min(p[j], cut) * depthBefore[j]);
            } else {
                double cut = Quantiles.type7Unsorted(y, q);
                for (int j = 0; j < n; j++) if (y[j] > cut) y[j] = cut;
            }
            return y;
        }

        /** Feature i's values after winsorization and zero handling: all positive. */
        double[] transformed(int i) {
            double[] y = winsorized(i);
            switch (handling) {
                case "pseudo-count" -> {
                    for (int j = 0; j < y.length; j++) y[j] += o.pseudoCount();
                }
                case "imputation" -> {
                    double max = 0;
                    for (int j = 0; j < y.length; j++) if (y[j] == 0) max = Math.max(max, depth[j]);
                    for (int j = 0; j < y.length; j++) if (y[j] == 0) y[j] = depth[j] / max;
                }
                case "half-minimum" -> {
                    double min = Double.POSITIVE_INFINITY;
                    for (double v : y) if (v != 0) min = Math.min(min, v);
                    for (int j = 0; j < y.length; j++) if (y[j] == 0) y[j] = 0.5 * min;
                }
                default -> { }
            }
            return y;
        }
    }
}
