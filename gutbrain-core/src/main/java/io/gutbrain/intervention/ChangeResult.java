package io.gutbrain.intervention;

import java.nio.file.Path;
import java.util.List;

import static io.gutbrain.intervention.Tsv.num;

/**
 * Change from baseline of one outcome ({@link ChangeFromBaseline#compute}).
 *
 * @param outcome   the outcome's name
 * @param level     confidence level of the intervals
 * @param changes   one row per subject and follow-up timepoint, in design order
 * @param summaries one row per arm and follow-up timepoint with at least one subject
 * @param warnings  pairs left out for missing values (empty when none)
 */
public record ChangeResult(String outcome, double level, List<SubjectChange> changes, List<ArmChange> summaries, List<String> warnings) {

    /** Copies the lists. */
    public ChangeResult {
        changes = List.copyOf(changes);
        summaries = List.copyOf(summaries);
        warnings = List.copyOf(warnings);
    }

    /**
     * Writes the change-from-baseline table: {@code outcome subject arm timepoint baseline_sample
     * sample baseline value change percent_change}.
     */
    public void writeChanges(Path file) {
        Tsv.write(file, List.of("outcome", "subject", "arm", "timepoint", "baseline_sample", "sample", "baseline", "value", "change", "percent_change"),
                changes, r -> List.of(outcome, r.subject(), r.arm(), r.timepoint(), r.baselineSample(), r.sample(),
                        num(r.baseline()), num(r.value()), num(r.change()), num(r.percentChange())));
    }

    /**
     * Writes the arm summaries: {@code outcome arm timepoint n mean_baseline mean_value
     * mean_change sd_change ci_lower ci_upper level t df p wilcoxon_v wilcoxon_p wilcoxon_method} (the paired
     * t-test and the paired Wilcoxon signed-rank test of "no change").
     */
    public void writeSummaries(Path file) {
        Tsv.write(file, List.of("outcome", "arm", "timepoint", "n", "mean_baseline", "mean_value", "mean_change", "sd_change",
                        "ci_lower", "ci_upper", "level", "t", "df", "p", "wilcoxon_v", "wilcoxon_p", "wilcoxon_method"),
                summaries, s -> {
                    MeanEstimate c = s.change();
                    return List.of(outcome, s.arm(), s.timepoint(), Integer.toString(c.n()), num(s.meanBaseline()), num(s.meanValue()),
                            num(c.mean()), num(c.sd()), num(c.lower()), num(c.upper()), num(level), num(c.t()), num(c.df()), num(c.p()),
                            num(s.wilcoxon().statistic()), num(s.wilcoxon().pValue()), s.wilcoxon().method().label());
                });
    }
}
