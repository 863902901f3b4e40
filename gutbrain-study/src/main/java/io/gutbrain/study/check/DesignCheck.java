package io.gutbrain.study.check;

import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.study.Study;
import io.gutbrain.study.StudyCheck;
import io.gutbrain.study.StudyInputs;
import io.gutbrain.study.StudyProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The design on the samples kept after QC, which alpha, beta and association test: the group has
 * at least two levels with at least {@value #MIN_PER_LEVEL} samples each; every outcome has at
 * least {@value #MIN_VALUES} values that are not all equal; every covariate has values and is not
 * constant; every random-effect column has at least two levels. Missing values that models will
 * leave out are notes. The study reader has already checked that the columns exist and that
 * outcomes are numeric.
 */
public final class DesignCheck implements StudyCheck {
    /** Samples every level of the group needs: a group test compares variation within groups. */
    public static final int MIN_PER_LEVEL = 2;
    /** Values an outcome needs: a slope with an intercept leaves a residual only from three points. */
    public static final int MIN_VALUES = 3;

    @Override public List<StudyProblem> validate(StudyInputs in) {
        if (in.kept() == null || in.metadata() == null || in.kept().sampleCount() < QcCheck.MIN_SAMPLES) return List.of();
        Study.Design d = in.study().design();
        List<String> ids = in.kept().sampleIds();
        SampleMetadata md = in.metadata();
        List<StudyProblem> out = new ArrayList<>();
        if (d.group() != null) group(in, SampleCounts.of(md, d.group(), ids), out);
        for (Study.Variable v : d.outcomes()) outcome(in, v, md, ids, out);
        for (Study.Variable v : d.covariates()) covariate(in, v, md, ids, out);
        for (String r : d.randomEffects()) {
            SampleCounts c = SampleCounts.of(md, r, ids);
            if (c.levels.size() < 2) {
                out.add(new StudyProblem(in.line("design.random_effects"), "random effect '" + r + "' has " + levelsText(c) + " among the "
                        + ids.size() + " samples kept after QC" + c.missingClause(), "a random intercept needs a column with at least two groups of samples"));
            }
        }
        return out;
    }

    @Override public List<String> notes(StudyInputs in) {
        if (in.kept() == null || in.metadata() == null) return List.of();
        List<String> notes = new ArrayList<>();
        List<String> ids = in.kept().sampleIds();
        List<Study.Variable> vars = new ArrayList<>(in.study().design().outcomes());
        vars.addAll(in.study().design().covariates());
        for (Study.Variable v : vars) {
            SampleCounts c = SampleCounts.of(in.metadata(), v.column(), ids);
            if (c.missing > 0 && c.present() > 0) {
                notes.add(String.format(Locale.ROOT, "'%s' has no value in %d of the %d samples kept after QC; models that use it leave them out",
                        v.name(), c.missing, c.samples));
            }
        }
        return notes;
    }

    private static void group(StudyInputs in, SampleCounts c, List<StudyProblem> out) {
        long line = in.line("design.group");
        String where = " among the " + c.samples + " samples kept after QC";
        if (c.levels.size() < 2) {
            out.add(new StudyProblem(line, "group '" + c.column + "' has " + levelsText(c) + where + c.missingClause(),
                    "choose a column with at least two groups among the analysed samples, or lower 'analyses.qc.min_depth'"));
            return;
        }
        List<String> small = new ArrayList<>();
        for (Map.Entry<String, Integer> e : c.levels.entrySet()) if (e.getValue() < MIN_PER_LEVEL) small.add("'" + e.getKey() + "'");
        if (!small.isEmpty()) {
            out.add(new StudyProblem(line, "group '" + c.column + "': level" + (small.size() == 1 ? " " : "s ") + String.join(", ", small)
                    + (small.size() == 1 ? " has" : " have") + " fewer than " + MIN_PER_LEVEL + " samples" + where + " (" + c.describeLevels() + ")" + c.missingClause(),
                    "merge or remove the small levels in the metadata (a group test needs at least " + MIN_PER_LEVEL + " samples per level), or lower 'analyses.qc.min_depth'"));
        }
    }

    private static void outcome(StudyInputs in, Study.Variable v, SampleMetadata md, List<String> ids, List<StudyProblem> out) {
        if (!md.hasColumn(v.column())) return;
        long line = in.line("design.outcomes");
        double[] x = values(md, v.column(), ids);
        if (x.length < MIN_VALUES) {
            out.add(new StudyProblem(line, String.format(Locale.ROOT, "outcome '%s' has a value in only %d of the %d samples kept after QC; at least %d are needed",
                    v.name(), x.length, ids.size(), MIN_VALUES), "fill in the outcome in the metadata or drop it from 'design.outcomes'"));
        } else if (constant(x)) {
            out.add(new StudyProblem(line, String.format(Locale.ROOT, "outcome '%s' is %s in all %d samples kept after QC that have a value, so nothing can be tested",
                    v.name(), plain(x[0]), x.length), "choose an outcome that varies between samples"));
        }
    }

    private static void covariate(StudyInputs in, Study.Variable v, SampleMetadata md, List<String> ids, List<StudyProblem> out) {
        if (!md.hasColumn(v.column())) return;
        long line = in.line("design.covariates");
        SampleCounts c = SampleCounts.of(md, v.column(), ids);
        if (c.present() == 0) {
            out.add(new StudyProblem(line, "covariate '" + v.name() + "' has no value in any of the " + ids.size() + " samples kept after QC",
                    "fill in the covariate in the metadata or drop it from 'design.covariates'"));
        } else if (v.type() == SampleMetadata.ColumnType.NUMERIC ? constant(values(md, v.column(), ids)) : c.levels.size() < 2) {
            out.add(new StudyProblem(line, "covariate '" + v.name() + "' has the single value '" + c.levels.keySet().iterator().next() + "' in all "
                    + c.present() + " samples kept after QC that have one, so it cannot be adjusted for", "drop it from 'design.covariates'"));
        }
    }

    private static String levelsText(SampleCounts c) {
        return c.levels.isEmpty() ? "no values" : "a single level '" + c.levels.keySet().iterator().next() + "'";
    }

    private static double[] values(SampleMetadata md, String column, List<String> ids) {
        return ids.stream().mapToDouble(id -> md.number(column, id)).filter(x -> !Double.isNaN(x)).toArray();
    }

    private static boolean constant(double[] x) {
        for (double v : x) if (v != x[0]) return false;
        return true;
    }

    private static String plain(double v) { return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(); }
}
