package io.gutbrain.intervention;

import java.nio.file.Path;
import java.util.List;

import static io.gutbrain.intervention.Tsv.num;

/**
 * Each follow-up sample's distance to its subject's baseline sample
 * ({@link ChangeFromBaseline#distanceToBaseline}).
 *
 * @param level     confidence level of the intervals
 * @param rows      one row per subject and follow-up timepoint
 * @param summaries mean distance per arm and timepoint (its t and p test "mean = 0", which is
 *                  not meaningful for distances, and are not written)
 * @param warnings  samples missing from the matrix (empty when none)
 */
public record BaselineDistances(double level, List<Row> rows, List<Summary> summaries, List<String> warnings) {

    /** Copies the lists. */
    public BaselineDistances {
        rows = List.copyOf(rows);
        summaries = List.copyOf(summaries);
        warnings = List.copyOf(warnings);
    }

    /**
     * One distance.
     *
     * @param subject        the subject
     * @param arm            its arm
     * @param timepoint      the follow-up timepoint
     * @param baselineSample the baseline sample id
     * @param sample         the follow-up sample id
     * @param distance       distance between the two samples
     */
    public record Row(String subject, String arm, String timepoint, String baselineSample, String sample, double distance) {}

    /**
     * Mean distance to baseline in one arm at one timepoint.
     *
     * @param arm       the arm
     * @param timepoint the follow-up timepoint
     * @param distance  mean, sd and t-based interval of the distances
     */
    public record Summary(String arm, String timepoint, MeanEstimate distance) {}

    /** Writes {@code subject arm timepoint baseline_sample sample distance}. */
    public void writeRows(Path file) {
        Tsv.write(file, List.of("subject", "arm", "timepoint", "baseline_sample", "sample", "distance"), rows,
                r -> List.of(r.subject(), r.arm(), r.timepoint(), r.baselineSample(), r.sample(), num(r.distance())));
    }

    /** Writes {@code arm timepoint n mean_distance sd ci_lower ci_upper level}. */
    public void writeSummaries(Path file) {
        Tsv.write(file, List.of("arm", "timepoint", "n", "mean_distance", "sd", "ci_lower", "ci_upper", "level"), summaries,
                s -> List.of(s.arm(), s.timepoint(), Integer.toString(s.distance().n()), num(s.distance().mean()),
                        num(s.distance().sd()), num(s.distance().lower()), num(s.distance().upper()), num(level)));
    }
}
