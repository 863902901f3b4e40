package io.gutbrain.intervention;

import io.gutbrain.stats.WilcoxonSignedRank;
import io.gutbrain.diversity.ValueFormat;
import io.gutbrain.distance.DistanceMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Change from baseline of a per-sample outcome, per subject and timepoint, summarised per arm
 * and timepoint; and the microbiome's distance to each subject's own baseline.
 *
 * <p>Only {@linkplain TrialDesign#pairedSubjects() paired subjects} enter. A subject/timepoint
 * pair enters when both the baseline and the follow-up sample have an outcome value
 * (complete-case); pairs left out for a missing value are counted in a warning.
 *
 * <p>Per subject: {@code change = value − baseline} and
 * {@code percent change = 100 · change / |baseline|} (NA when the baseline is 0; dividing by
 * |baseline| keeps the sign of the change for outcomes that can be negative).
 * Per arm and timepoint: the mean change with its t-based interval and the paired t-test of
 * "mean change = 0" ({@link MeanEstimate}); with the mean baseline and mean follow-up value of the
 * same subjects.
 */
public final class ChangeFromBaseline {
    /** Confidence level used unless another is given. */
    public static final double DEFAULT_LEVEL = 0.95;

    private ChangeFromBaseline() {}

    /** {@link #compute(TrialDesign, Outcome, double)} at 95%. */
    public static ChangeResult compute(TrialDesign design, Outcome outcome) { return compute(design, outcome, DEFAULT_LEVEL); }

    /**
     * Changes and arm summaries of one outcome.
     *
     * @param level confidence level of the intervals (0..1)
     */
    public static ChangeResult compute(TrialDesign design, Outcome outcome, double level) {
        MeanEstimate.checkLevel(level);
        List<SubjectChange> rows = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        forEachPair(design, (subject, t, base, s) -> {
            double b = outcome.value(base);
            double v = outcome.value(s);
            if (Double.isNaN(b) || Double.isNaN(v)) {
                incomplete.add(subject + "@" + t);
                return;
            }
            double change = v - b;
            double pct = b == 0 ? Double.NaN : 100 * change / Math.abs(b);
            rows.add(new SubjectChange(subject, design.arm(subject), t, base, s, b, v, change, pct));
        });
        List<ArmChange> summaries = new ArrayList<>();
        for (String arm : design.arms()) {
            for (String t : design.followUps()) {
                List<SubjectChange> in = new ArrayList<>();
                for (SubjectChange r : rows) if (r.arm().equals(arm) && r.timepoint().equals(t)) in.add(r);
                if (in.isEmpty()) continue;
                double[] change = new double[in.size()];
                double mb = 0, mv = 0;
                for (int i = 0; i < change.length; i++) {
                    change[i] = in.get(i).change();
                    mb += in.get(i).baseline();
                    mv += in.get(i).value();
                }
                summaries.add(new ArmChange(arm, t, mb / change.length, mv / change.length, MeanEstimate.of(change, level),
                        WilcoxonSignedRank.test(change, level)));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!incomplete.isEmpty()) {
            warnings.add(incomplete.size() + " subject/timepoint pair(s) without a value of '" + outcome.name()
                    + "' at baseline or follow-up left out: " + ValueFormat.firstFew(incomplete));
        }
        return new ChangeResult(outcome.name(), level, rows, summaries, warnings);
    }

    /** Receives one (subject, follow-up timepoint) pair with its baseline and follow-up sample ids. */
    @FunctionalInterface
    private interface PairVisitor {
        void visit(String subject, String timepoint, String baselineSample, String sample);
    }

    /** Visits every paired subject's sampled follow-up timepoints, in design order. */
    private static void forEachPair(TrialDesign design, PairVisitor visitor) {
        for (String subject : design.pairedSubjects()) {
            String base = design.baselineSample(subject);
            for (String t : design.followUps()) {
                String s = design.sample(subject, t);
                if (s != null) visitor.visit(subject, t, base, s);
            }
        }
    }

    /** {@link #distanceToBaseline(TrialDesign, DistanceMatrix, double)} at 95%. */
    public static BaselineDistances distanceToBaseline(TrialDesign design, DistanceMatrix distances) {
        return distanceToBaseline(design, distances, DEFAULT_LEVEL);
    }

    /**
     * The distance of every follow-up sample to the same subject's baseline sample (for example
     * Bray–Curtis: how far the community moved), with the mean per arm and timepoint and its
     * t-based interval. Samples missing from the matrix are left out with a warning.
     */
    public static BaselineDistances distanceToBaseline(TrialDesign design, DistanceMatrix distances, double level) {
        MeanEstimate.checkLevel(level);
        List<BaselineDistances.Row> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        forEachPair(design, (subject, t, base, s) -> {
            int bi = distances.indexOf(base);
            int si = distances.indexOf(s);
            if (bi < 0 || si < 0) {
                missing.add(bi < 0 ? base : s);
                return;
            }
            rows.add(new BaselineDistances.Row(subject, design.arm(subject), t, base, s, distances.get(bi, si)));
        });
        List<BaselineDistances.Summary> summaries = new ArrayList<>();
        for (String arm : design.arms()) {
            for (String t : design.followUps()) {
                double[] d = rows.stream().filter(r -> r.arm().equals(arm) && r.timepoint().equals(t))
                        .mapToDouble(BaselineDistances.Row::distance).toArray();
                if (d.length > 0) summaries.add(new BaselineDistances.Summary(arm, t, MeanEstimate.of(d, level)));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!missing.isEmpty()) {
            List<String> distinct = missing.stream().distinct().toList();
            warnings.add(distinct.size() + " sample(s) are not in the distance matrix; their subject/timepoint pairs are left out: "
                    + ValueFormat.firstFew(distinct));
        }
        return new BaselineDistances(level, rows, summaries, warnings);
    }
}
