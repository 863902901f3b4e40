package io.gutbrain.intervention;

import java.nio.file.Path;
import java.util.List;

import static io.gutbrain.intervention.Tsv.num;

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
     * Writes {@code recipient arm timepoint post_sample pre_sample donor_samples donor pre
     * unknown iterations converged unknown_penalty}.
     */
    public void write(Path file) {
        Tsv.write(file, List.of("recipient", "arm", "timepoint", "post_sample", "pre_sample", "donor_samples",
                        "donor", "pre", "unknown", "iterations", "converged", "unknown_penalty"),
                rows, r -> List.of(r.recipient(), r.arm(), r.timepoint(), r.postSample(), r.preSample(), r.donorSamples(),
                        num(r.donor()), num(r.pre()), num(r.unknown()), Integer.toString(r.iterations()),
                        Boolean.toString(r.converged()), num(options.unknownPenalty())));
    }
}
