package io.gutbrain.intervention;


import io.gutbrain.result.ResultTable;
import java.nio.file.Path;
import java.util.List;

/**
 * Source proportions of every post-FMT sample ({@link Engraftment#sourceTracking}).
 *
 * @param options  the estimation settings
 * @param rows     one row per recipient and post-FMT timepoint
 * @param warnings recipients or samples left out, samples that hit the iteration limit
 */
public record SourceTrackingResult(SourceTracking.Options options, List<Row> rows, List<String> warnings) {

    /** Copies the lists. */
    public SourceTrackingResult {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /**
     * One post-FMT sample.
     *
     * @param recipient    the recipient subject
     * @param arm          its arm
     * @param timepoint    the post-FMT timepoint
     * @param postSample   the sink sample
     * @param preSample    the pre-FMT source sample
     * @param donorSamples the donor source samples, {@code ;}-separated
     * @param donor        proportion from the donor (summed over donor samples)
     * @param pre          proportion from the recipient's pre-FMT community
     * @param unknown      proportion from the unknown source
     * @param iterations   EM iterations run
     * @param converged    whether the tolerance was reached
     */
    public record Row(String recipient, String arm, String timepoint, String postSample, String preSample, String donorSamples,
                      double donor, double pre, double unknown, int iterations, boolean converged) {}

    /**
     * Columns of the source-tracking table: {@code recipient arm timepoint post_sample
     * pre_sample donor_samples donor pre unknown iterations converged unknown_penalty}.
     */
    public static final List<String> COLUMNS = List.of("recipient", "arm", "timepoint", "post_sample", "pre_sample", "donor_samples",
            "donor", "pre", "unknown", "iterations", "converged", "unknown_penalty");

    /** The rows as a report / results-store table named {@code name}, columns {@link #COLUMNS}. */
    public ResultTable table(String name) { return ResultTable.of(name, COLUMNS, rows, this::cells); }

    /** Writes the table ({@link #COLUMNS}) as TSV. */
    public void write(Path file) {
        Tsv.write(file, COLUMNS, rows, r -> Tsv.cells(cells(r)));
    }

    private Object[] cells(Row r) {
        return new Object[]{r.recipient(), r.arm(), r.timepoint(), r.postSample(), r.preSample(), r.donorSamples(),
                r.donor(), r.pre(), r.unknown(), r.iterations(), r.converged(), options.unknownPenalty()};
    }
}
