package io.gutbrain.study;

import io.gutbrain.association.DesignMatrix;
import io.gutbrain.association.MixedModel;
import io.gutbrain.association.ModelFit;
import io.gutbrain.association.ModelSpec;
import io.gutbrain.error.InputException;
import io.gutbrain.intervention.ArmTimeModel;
import io.gutbrain.intervention.Outcome;
import io.gutbrain.intervention.TrialDesign;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.stats.KruskalWallis;
import io.gutbrain.stats.RankTestResult;
import io.gutbrain.stats.SpearmanCorrelation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tests of alpha diversity that follow the study's {@link DesignKind}:
 * <ul>
 *   <li>cross-sectional: Kruskal–Wallis by group and Spearman against the first outcome on every
 *       sample (Kruskal &amp; Wallis 1952);</li>
 *   <li>trial: {@code metric ~ arm × time + (1 | subject)} by {@link ArmTimeModel} (REML,
 *       Satterthwaite df as lmerTest), time categorical with the baseline as reference;</li>
 *   <li>other repeated measures: {@code metric ~ group + time + (1 | subject)} (time categorical)
 *       by the same mixed-model engine;</li>
 *   <li>with repeated measures the rank tests run only on the samples of one visit (the baseline
 *       or first time level), where each subject contributes one independent sample; without a
 *       time column there is no such visit and no rank test.</li>
 * </ul>
 * Pure computation on the alpha table (no figures); a model that cannot be fitted becomes a note,
 * not an error, because the alpha values are fine and other metrics may still be modelled.
 */
final class DesignedAlphaTests {
    /** Columns of the rank-test table. */
    static final List<String> RANK_COLUMNS = List.of("metric", "test", "variable", "samples", "n", "statistic", "rho", "p");
    /** Columns of the mixed-model table. */
    static final List<String> MODEL_COLUMNS = List.of("metric", "model", "term", "estimate", "se", "df", "t", "p", "ci_low", "ci_high", "samples", "subjects");

    /**
     * What the tests gave.
     *
     * @param ranks   rank-test rows ({@link #RANK_COLUMNS})
     * @param models  mixed-model rows ({@link #MODEL_COLUMNS}), empty for a cross-sectional design
     * @param notes   why a test was left out or a model failed, with counts
     * @param methods the methods sentences of what was done
     */
    record Result(List<Object[]> ranks, List<Object[]> models, List<String> notes, String methods) {}

    private DesignedAlphaTests() {}

    /**
     * @param kind    the design
     * @param md      metadata of the samples (with scores)
     * @param ids     the alpha table's samples
     * @param names   metric names
     * @param values  [sample][metric] values of the alpha table
     * @param group   the group column or null
     * @param outcome the first numeric outcome or null
     */
    static Result compute(DesignKind kind, SampleMetadata md, List<String> ids, List<String> names, double[][] values, String group, String outcome) {
        List<Object[]> ranks = new ArrayList<>();
        List<Object[]> models = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        StringBuilder methods = new StringBuilder(kind.methods());
        List<Integer> rankRows = new ArrayList<>();
        String rankSamples;
        if (!kind.isRepeated()) {
            for (int s = 0; s < ids.size(); s++) rankRows.add(s);
            rankSamples = "all";
        } else if (kind.time() != null && kind.baseline() != null) {
            List<String> at = kind.samplesAt(md, ids, kind.baseline());
            for (int s = 0; s < ids.size(); s++) if (at.contains(ids.get(s))) rankRows.add(s);
            rankSamples = kind.time() + " = " + kind.baseline();
            if (rankRows.size() > new java.util.HashSet<>(subjectsOf(md, kind.subject(), at)).size()) {
                // why: a subject sampled twice at one visit would make the rank test pseudo-replicated again
                notes.add("Some subjects have more than one sample at " + rankSamples + "; rank tests were not run.");
                rankRows.clear();
            }
        } else {
            rankSamples = null;
            notes.add("Subjects have several samples but the study sets no design.time, so no visit has independent samples: rank tests were not run.");
        }
        for (int m = 0; m < names.size(); m++) {
            if (rankSamples != null && !rankRows.isEmpty()) rankTests(ranks, md, ids, names.get(m), values, m, rankRows, rankSamples, group, outcome);
            if (kind.isRepeated()) {
                try {
                    model(models, kind, md, ids, names.get(m), values, m, group);
                } catch (InputException e) {
                    notes.add("The mixed model of " + names.get(m) + " could not be fitted: " + e.problem() + ".");
                }
            }
        }
        if (rankSamples != null && !rankRows.isEmpty()) {
            methods.append(kind.isRepeated()
                    ? String.format(Locale.ROOT, " Rank tests (Kruskal–Wallis by group, Spearman against the first outcome) use only the %d samples at %s, one per subject.",
                    rankRows.size(), rankSamples)
                    : " Kruskal–Wallis by group and Spearman against the first outcome use every sample.");
        }
        if (kind.isTrial()) {
            methods.append(" Each metric: metric ~ arm × time + (1 | subject) (arm ").append(kind.arm())
                    .append(", reference ").append(kind.control()).append("; time ").append(kind.time()).append(" categorical, reference ").append(kind.baseline())
                    .append("), REML with Satterthwaite df as lmerTest; the arm:time rows are the differences in change from baseline.");
        } else if (kind.isRepeated()) {
            methods.append(" Each metric: ").append(String.join(" + ", fixedTerms(kind, group))).append(" + (1 | ").append(kind.subject())
                    .append(") as a linear mixed model (REML, Satterthwaite df as lmerTest; time categorical).");
        }
        return new Result(ranks, models, notes, methods.toString());
    }

    private static void rankTests(List<Object[]> out, SampleMetadata md, List<String> ids, String metric, double[][] values, int m,
                                  List<Integer> rows, String samples, String group, String outcome) {
        if (group != null) {
            List<String> levels = new ArrayList<>();
            List<Double> x = new ArrayList<>();
            List<Integer> g = new ArrayList<>();
            for (int s : rows) {
                String level = md.hasSample(ids.get(s)) ? md.text(group, ids.get(s)) : null;
                if (level == null || level.isBlank() || Double.isNaN(values[s][m])) continue;
                if (!levels.contains(level)) levels.add(level);
                x.add(values[s][m]);
                g.add(levels.indexOf(level));
            }
            if (levels.size() >= 2) {
                RankTestResult k = KruskalWallis.test(x.stream().mapToDouble(Double::doubleValue).toArray(), g.stream().mapToInt(Integer::intValue).toArray(), levels.size());
                out.add(new Object[]{metric, "kruskal-wallis", group, samples, (long) k.n(), k.statistic(), Double.NaN, k.pValue()});
            }
        }
        if (outcome != null) {
            List<double[]> pairs = new ArrayList<>();
            for (int s : rows) {
                double y = md.hasSample(ids.get(s)) ? md.number(outcome, ids.get(s)) : Double.NaN;
                if (Double.isFinite(y) && Double.isFinite(values[s][m])) pairs.add(new double[]{values[s][m], y});
            }
            if (pairs.size() >= 3) {
                RankTestResult r = SpearmanCorrelation.test(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray(), 0.95);
                out.add(new Object[]{metric, "spearman", outcome, samples, (long) r.n(), r.statistic(), r.estimate(), r.pValue()});
            }
        }
    }

    private static void model(List<Object[]> out, DesignKind kind, SampleMetadata md, List<String> ids, String metric, double[][] values, int m, String group) {
        Map<String, Double> v = new HashMap<>();
        for (int s = 0; s < ids.size(); s++) v.put(ids.get(s), values[s][m]);
        Outcome y = new Outcome(metric, v);
        List<String> present = ids.stream().filter(md::hasSample).toList();
        if (kind.isTrial()) {
            TrialDesign trial = TrialDesign.from(md.select(present), kind.subject(), kind.time(), kind.arm(), kind.baseline(), null);
            ArmTimeModel.Result r = ArmTimeModel.fit(trial, y, kind.control());
            String formula = metric + " ~ arm * time + (1 | subject)";
            for (ModelFit.Estimate e : r.rows()) out.add(row(metric, formula, e, r.samples(), r.subjects()));
            return;
        }
        List<String> terms = fixedTerms(kind, group);
        SampleMetadata mm = kind.time() == null ? md.select(present) : DesignMetadata.categorical(md.select(present), kind.time());
        ModelSpec spec = new ModelSpec(terms, List.of(kind.subject()), Map.of(), true, false);
        if (group != null && kind.control() != null && terms.contains(group)) spec = spec.withReference(group, kind.control());
        if (kind.time() != null && kind.baseline() != null) spec = spec.withReference(kind.time(), kind.baseline());
        DesignMatrix x = DesignMatrix.build(mm, spec);
        double[] yy = new double[x.rows()];
        for (int i = 0; i < yy.length; i++) yy[i] = y.value(x.sampleIds().get(i));
        ModelFit fit = MixedModel.of(x).fit(yy);
        if (!fit.ok()) throw new InputException(md.source(), "metric " + metric, fit.failure(), "check the design columns");
        int subjects = (int) x.sampleIds().stream().map(id -> md.text(kind.subject(), id)).distinct().count();
        String formula = metric + " ~ " + String.join(" + ", terms) + " + (1 | " + kind.subject() + ")";
        for (ModelFit.Estimate e : fit.coefficients()) out.add(row(metric, formula, e, x.rows(), subjects));
    }

    private static Object[] row(String metric, String formula, ModelFit.Estimate e, int samples, int subjects) {
        return new Object[]{metric, formula, e.name(), e.estimate(), e.stdError(), e.df(), e.t(), e.p(), e.ciLow(), e.ciHigh(), (long) samples, (long) subjects};
    }

    /** Fixed terms of a non-trial repeated-measures model: the group and the time, each when set (an intercept-only model otherwise). */
    static List<String> fixedTerms(DesignKind kind, String group) {
        List<String> terms = new ArrayList<>();
        if (group != null && !group.equals(kind.subject())) terms.add(group);
        if (kind.time() != null && !kind.time().equals(group)) terms.add(kind.time());
        return terms;
    }

    private static List<String> subjectsOf(SampleMetadata md, String subject, List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) out.add(md.text(subject, id));
        return out;
    }
}
