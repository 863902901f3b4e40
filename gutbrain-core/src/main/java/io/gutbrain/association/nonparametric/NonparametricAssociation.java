package io.gutbrain.association.nonparametric;

import io.gutbrain.association.AssociationResult;
import io.gutbrain.association.FactorLevels;
import io.gutbrain.association.FeatureValues;
import io.gutbrain.association.GroupSummary;
import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.stats.KruskalWallis;
import io.gutbrain.stats.RankBiserial;
import io.gutbrain.stats.RankTestResult;
import io.gutbrain.stats.SpearmanCorrelation;
import io.gutbrain.stats.WilcoxonRankSum;
import io.gutbrain.stats.WilcoxonSignedRank;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-feature nonparametric association tests of a feature table against one metadata variable:
 * Wilcoxon rank-sum (two groups), Kruskal–Wallis (k groups), Spearman correlation (numeric
 * variable) and the Wilcoxon signed-rank test of paired samples (subject × two time points).
 * Every test reproduces R's {@code stats} function with its defaults (see the classes in
 * {@code io.gutbrain.stats}); q-values are Benjamini–Hochberg over all rows of the run.
 *
 * <p>Features are tested on relative abundance (TSS over all features, before any filtering)
 * unless {@link NonparametricOptions#scale()} says otherwise. Samples with a missing value of
 * the variable (or no metadata row) are left out, with a warning. Problems with the whole
 * analysis (no such column, fewer than two groups, a group with fewer than two samples, a constant
 * numeric variable, a subject with two samples at one time point) are {@link InputException}s;
 * a feature on which a test is undefined (all values tied) gets a row with p = NaN and a reason.
 */
public final class NonparametricAssociation {
    private NonparametricAssociation() {}

    /**
     * Wilcoxon rank-sum test of each compared level against the reference level: one row per
     * feature and compared level, estimate = Hodges–Lehmann shift (level − reference) with its
     * interval as R's {@code wilcox.test(conf.int = TRUE)}, effect = rank-biserial r (positive when
     * the feature is higher in the level).
     */
    public static List<AssociationResult> rankSum(FeatureTable table, SampleMetadata md, String variable, NonparametricOptions o) {
        Categorical c = Categorical.of(table, md, variable, o);
        String ref = FactorLevels.reference(md, variable, c.levels, o.reference());
        List<String> compared = new ArrayList<>();
        if (o.levels() == null) {
            for (String l : c.levels) if (!l.equals(ref)) compared.add(l);
        } else {
            for (String l : o.levels()) {
                FactorLevels.reference(md, variable, c.levels, l); // validates the level
                if (l.equals(ref)) throw new InputException(md.source(), "column '" + variable + "'", "level '" + l + "' is the reference level", "compare other levels with it");
                compared.add(l);
            }
        }
        c.requireSize(ref, md, variable);
        for (String l : compared) c.requireSize(l, md, variable);
        Prepared prep = prepare(table, o, c.samples);
        int[] refPos = c.positions(ref);
        List<AssociationResult> rows = new ArrayList<>();
        for (String level : compared) {
            int[] levPos = c.positions(level);
            AssociationResult[] out = new AssociationResult[prep.features.length];
            Parallel.forEach(out.length, o.threads(), i -> {
                int f = prep.features[i];
                double[] v = prep.values.values(f);
                double[] x = FeatureValues.pick(v, levPos), y = FeatureValues.pick(v, refPos);
                RankTestResult t = WilcoxonRankSum.test(x, y, o.confLevel());
                double[] rb = RankBiserial.twoSample(t.statistic(), x.length, y.length, o.confLevel());
                out[i] = row(AssociationResult.WILCOXON, prep.id(f), variable, level, ref, "W", t, rb, "rank_biserial",
                        x.length + y.length, FeatureValues.nonZero(x) + FeatureValues.nonZero(y),
                        List.of(GroupSummary.of(level, x), GroupSummary.of(ref, y)), "all values are tied");
                o.progress().advance(1);
            });
            rows.addAll(Arrays.asList(out));
        }
        return AssociationResult.withBenjaminiHochberg(rows);
    }

    /**
     * Kruskal–Wallis test across all levels of a categorical variable: one row per feature,
     * statistic H (tie-corrected, χ² p with k − 1 df), effect ε² = H/(N − 1), no location estimate.
     */
    public static List<AssociationResult> kruskalWallis(FeatureTable table, SampleMetadata md, String variable, NonparametricOptions o) {
        Categorical c = Categorical.of(table, md, variable, o);
        for (String l : c.levels) c.requireSize(l, md, variable);
        Prepared prep = prepare(table, o, c.samples);
        int k = c.levels.size();
        int[][] pos = new int[k][];
        for (int g = 0; g < k; g++) pos[g] = c.positions(c.levels.get(g));
        AssociationResult[] out = new AssociationResult[prep.features.length];
        Parallel.forEach(out.length, o.threads(), i -> {
            int f = prep.features[i];
            double[] v = prep.values.values(f);
            RankTestResult t = KruskalWallis.test(v, c.codes, k);
            List<GroupSummary> groups = new ArrayList<>(k);
            for (int g = 0; g < k; g++) groups.add(GroupSummary.of(c.levels.get(g), FeatureValues.pick(v, pos[g])));
            double eps = KruskalWallis.epsilonSquared(t.statistic(), v.length);
            out[i] = row(AssociationResult.KRUSKAL_WALLIS, prep.id(f), variable, "", "", "H", t,
                    new double[] {eps, Double.NaN, Double.NaN}, "epsilon_squared", v.length, FeatureValues.nonZero(v), groups,
                    "all values are tied");
            o.progress().advance(1);
        });
        return AssociationResult.withBenjaminiHochberg(Arrays.asList(out));
    }

    /**
     * Spearman correlation with a numeric variable: one row per feature, statistic S, estimate
     * and effect ρ with a Fisher-z interval, p as R's {@code cor.test(method = "spearman")}.
     */
    public static List<AssociationResult> spearman(FeatureTable table, SampleMetadata md, String variable, NonparametricOptions o) {
        SampleMetadata aligned = md.select(table.sampleIds());
        double[] all = aligned.numericColumn(variable);
        List<Integer> used = new ArrayList<>();
        for (int s = 0; s < all.length; s++) if (!Double.isNaN(all[s])) used.add(s);
        int[] samples = used.stream().mapToInt(Integer::intValue).toArray();
        warnExcluded(o, md, variable, table.sampleCount() - samples.length);
        if (samples.length < 4) {
            throw new InputException(md.source(), "column '" + variable + "'", "only " + samples.length
                    + " samples have a value; a correlation needs at least 4", "add metadata values or choose another variable");
        }
        double[] y = new double[samples.length];
        for (int i = 0; i < y.length; i++) y[i] = all[samples[i]];
        if (Arrays.stream(y).distinct().count() < 2) {
            throw new InputException(md.source(), "column '" + variable + "'", "the variable has the same value (" + y[0]
                    + ") in all " + y.length + " analysed samples", "choose a variable that varies");
        }
        Prepared prep = prepare(table, o, samples);
        SpearmanCorrelation.Ranked ranked = SpearmanCorrelation.Ranked.of(y);
        AssociationResult[] out = new AssociationResult[prep.features.length];
        Parallel.forEach(out.length, o.threads(), i -> {
            int f = prep.features[i];
            double[] v = prep.values.values(f);
            RankTestResult t = SpearmanCorrelation.test(v, ranked, o.confLevel());
            out[i] = row(AssociationResult.SPEARMAN, prep.id(f), variable, "", "", "S", t,
                    new double[] {t.estimate(), t.ciLow(), t.ciHigh()}, "rho", v.length, FeatureValues.nonZero(v),
                    List.of(GroupSummary.of("all", v)), "feature is constant across the analysed samples");
            o.progress().advance(1);
        });
        return AssociationResult.withBenjaminiHochberg(Arrays.asList(out));
    }

    /**
     * Wilcoxon signed-rank test of paired samples: for every subject with one sample at the
     * reference level and one at the compared level of {@code variable} (e.g. time 1 and 2), the
     * difference level − reference; one row per feature, estimate = pseudomedian of the differences
     * with R's interval, effect = matched-pairs rank-biserial r. n is the number of pairs, n_not_zero
     * the number of the 2n samples where the feature is non-zero.
     */
    public static List<AssociationResult> signedRank(FeatureTable table, SampleMetadata md, String subjectColumn, String variable,
                                                     NonparametricOptions o) {
        Categorical c = Categorical.of(table, md, variable, o);
        String ref = FactorLevels.reference(md, variable, c.levels, o.reference());
        String level;
        if (o.levels() != null) {
            if (o.levels().size() != 1) {
                throw new InputException(md.source(), "column '" + variable + "'", "a paired test compares one level with the reference, "
                        + o.levels().size() + " were given", "give exactly one level");
            }
            level = o.levels().get(0);
            FactorLevels.reference(md, variable, c.levels, level);
        } else {
            List<String> others = new ArrayList<>(c.levels);
            others.remove(ref);
            if (others.size() != 1) {
                throw new InputException(md.source(), "column '" + variable + "'", "has " + c.levels.size() + " levels ("
                        + String.join(", ", c.levels) + "); a paired test needs two", "name the level to compare with the reference");
            }
            level = others.get(0);
        }
        int[][] pairs = pairs(table, md, subjectColumn, variable, ref, level, o);
        int[] levSamples = pairs[0], refSamples = pairs[1];
        int n = levSamples.length;
        int[] samples = new int[2 * n];
        System.arraycopy(levSamples, 0, samples, 0, n);
        System.arraycopy(refSamples, 0, samples, n, n);
        Prepared prep = prepare(table, o, samples);
        AssociationResult[] out = new AssociationResult[prep.features.length];
        Parallel.forEach(out.length, o.threads(), i -> {
            int f = prep.features[i];
            double[] v = prep.values.values(f);
            double[] x = Arrays.copyOfRange(v, 0, n), y = Arrays.copyOfRange(v, n, 2 * n);
            double[] d = new double[n];
            for (int j = 0; j < n; j++) d[j] = x[j] - y[j];
            RankTestResult t = WilcoxonSignedRank.test(d, o.confLevel());
            double[] rb = t.n() == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                    : RankBiserial.paired(t.statistic(), t.n(), o.confLevel());
            out[i] = row(AssociationResult.SIGNED_RANK, prep.id(f), variable, level, ref, "V", t, rb, "rank_biserial", n,
                    FeatureValues.nonZero(v), List.of(GroupSummary.of(level, x), GroupSummary.of(ref, y)),
                    "all paired differences are zero");
            o.progress().advance(1);
        });
        return AssociationResult.withBenjaminiHochberg(Arrays.asList(out));
    }

    /** {level samples, reference samples}, one per subject with both, in subject order of first appearance. */
    private static int[][] pairs(FeatureTable table, SampleMetadata md, String subjectColumn, String variable, String ref, String level,
                                 NonparametricOptions o) {
        SampleMetadata aligned = md.select(table.sampleIds());
        String[] subject = aligned.textColumn(subjectColumn);
        String[] value = aligned.textColumn(variable);
        Map<String, int[]> bySubject = new LinkedHashMap<>();
        for (int s = 0; s < subject.length; s++) {
            if (subject[s] == null || value[s] == null) continue;
            int slot = value[s].equals(level) ? 0 : value[s].equals(ref) ? 1 : -1;
            if (slot < 0) continue;
            int[] p = bySubject.computeIfAbsent(subject[s], k -> new int[] {-1, -1});
            if (p[slot] >= 0) {
                throw new InputException(md.source(), "column '" + subjectColumn + "'", "subject '" + subject[s] + "' has two samples ('"
                        + table.sampleIds().get(p[slot]) + "', '" + table.sampleIds().get(s) + "') with " + variable + " = '" + value[s] + "'",
                        "keep one sample per subject and level, or average them first");
            }
            p[slot] = s;
        }
        List<int[]> complete = new ArrayList<>();
        int incomplete = 0;
        for (int[] p : bySubject.values()) {
            if (p[0] >= 0 && p[1] >= 0) complete.add(p); else incomplete++;
        }
        if (incomplete > 0) {
            o.warnings().warn(incomplete + " subject(s) without a sample at both " + variable + " = '" + ref + "' and '" + level
                    + "' left out of the paired test");
        }
        if (complete.size() < 2) {
            throw new InputException(md.source(), "column '" + subjectColumn + "'", complete.size() + " subject(s) have samples at both "
                    + variable + " = '" + ref + "' and '" + level + "'; a paired test needs at least 2", "check the subject and time columns");
        }
        int[][] out = new int[2][complete.size()];
        for (int i = 0; i < complete.size(); i++) { out[0][i] = complete.get(i)[0]; out[1][i] = complete.get(i)[1]; }
        return out;
    }

    private static AssociationResult row(String method, String feature, String variable, String level, String ref, String statName,
                                         RankTestResult t, double[] effect, String effectName, int n, int nNotZero,
                                         List<GroupSummary> groups, String undefinedReason) {
        boolean undefined = Double.isNaN(t.pValue());
        return new AssociationResult(method, feature, variable, level, ref, statName, t.statistic(), t.df(), t.method().label(),
                t.estimate(), Double.NaN, t.ciLow(), t.ciHigh(), effectName,
                undefined ? Double.NaN : effect[0], undefined ? Double.NaN : effect[1], undefined ? Double.NaN : effect[2],
                n, nNotZero, t.pValue(), Double.NaN, groups, undefined ? undefinedReason : "");
    }

    private static void warnExcluded(NonparametricOptions o, SampleMetadata md, String variable, int excluded) {
        if (excluded > 0) {
            o.warnings().warn(excluded + " sample(s) without a value of '" + variable + "' in " + md.source() + " left out");
        }
    }

    /** The table on the analysis scale, the kept features and their value vectors over the samples. */
    private record Prepared(FeatureTable scaled, int[] features, FeatureValues values) {
        String id(int f) { return scaled.featureIds().get(f); }
    }

    private static Prepared prepare(FeatureTable table, NonparametricOptions o, int[] samples) {
        FeatureTable scaled = o.scale() == NonparametricOptions.Scale.TSS ? table.relativeAbundance() : table;
        FeatureValues values = new FeatureValues(scaled, samples);
        List<Integer> keep = new ArrayList<>();
        for (int f = 0; f < scaled.featureCount(); f++) {
            if (o.minPrevalence() <= 0 && o.minMeanAbundance() <= 0) { keep.add(f); continue; }
            double[] v = values.values(f);
            double mean = Arrays.stream(v).sum() / v.length;
            double prev = (double) FeatureValues.nonZero(v) / v.length;
            if (prev >= o.minPrevalence() && mean >= o.minMeanAbundance()) keep.add(f);
        }
        int dropped = scaled.featureCount() - keep.size();
        if (dropped > 0) {
            o.warnings().warn(dropped + " of " + scaled.featureCount() + " features below the prevalence/abundance filter not tested");
        }
        return new Prepared(scaled, keep.stream().mapToInt(Integer::intValue).toArray(), values);
    }

    /** A categorical variable over the table's samples that have a value. */
    private static final class Categorical {
        final int[] samples;     // table sample indices with a value
        final int[] codes;       // level index per analysed sample
        final List<String> levels;
        final Map<String, List<Integer>> positions = new HashMap<>();

        private Categorical(int[] samples, int[] codes, List<String> levels) {
            this.samples = samples;
            this.codes = codes;
            this.levels = levels;
            for (int i = 0; i < codes.length; i++) positions.computeIfAbsent(levels.get(codes[i]), k -> new ArrayList<>()).add(i);
        }

        static Categorical of(FeatureTable table, SampleMetadata md, String variable, NonparametricOptions o) {
            SampleMetadata aligned = md.select(table.sampleIds());
            String[] v = aligned.textColumn(variable);
            List<String> levels = FactorLevels.of(aligned, variable, v);
            Map<String, Integer> code = new HashMap<>();
            for (int i = 0; i < levels.size(); i++) code.put(levels.get(i), i);
            List<Integer> used = new ArrayList<>();
            for (int s = 0; s < v.length; s++) if (v[s] != null) used.add(s);
            warnExcluded(o, md, variable, v.length - used.size());
            if (levels.size() < 2) {
                throw new InputException(md.source(), "column '" + variable + "'", "needs at least two groups but the " + used.size()
                        + " analysed samples are in " + (levels.isEmpty() ? "none" : "only '" + levels.get(0) + "'"),
                        "choose a column with two or more groups");
            }
            int[] samples = used.stream().mapToInt(Integer::intValue).toArray();
            int[] codes = new int[samples.length];
            for (int i = 0; i < samples.length; i++) codes[i] = code.get(v[samples[i]]);
            return new Categorical(samples, codes, levels);
        }

        int[] positions(String level) {
            return positions.getOrDefault(level, List.of()).stream().mapToInt(Integer::intValue).toArray();
        }

        void requireSize(String level, SampleMetadata md, String variable) {
            int n = positions.getOrDefault(level, List.of()).size();
            if (n < 2) {
                throw new InputException(md.source(), "column '" + variable + "'", "group '" + level + "' has " + n
                        + " sample(s); each tested group needs at least 2", "merge or drop the group (filter the samples) before testing");
            }
        }
    }
}
