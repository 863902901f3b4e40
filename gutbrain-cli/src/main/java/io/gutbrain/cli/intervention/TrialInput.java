package io.gutbrain.cli.intervention;

import io.gutbrain.error.AnalysisException;
import io.gutbrain.cli.common.Console;
import io.gutbrain.error.InputException;
import io.gutbrain.intervention.TrialDesign;
import io.gutbrain.metadata.SampleMetadata;
import picocli.CommandLine.Option;

/**
 * The trial-design options shared by {@code gutbrain intervention} and {@code gutbrain engraftment}
 * (a picocli mixin), and the checks the CLI adds on top of {@link TrialDesign}'s: design warnings
 * (subjects with one timepoint, which paired analyses leave out) go to the console, and an arm
 * with a single subject is an error because none of its intervals or tests would be defined.
 */
public final class TrialInput {
    /** Created by picocli. */
    public TrialInput() {}

    @Option(names = "--subject", required = true, description = "Metadata column with the subject (participant) id.") String subject;
    @Option(names = "--time", required = true, description = "Metadata column with the visit / timepoint.") String time;
    @Option(names = "--baseline", required = true, description = "The time value that is baseline (pre-intervention, pre-FMT).") String baseline;

    /** Reads the design, prints its warnings, and rejects a design without follow-up visits and single-subject arms. */
    TrialDesign design(SampleMetadata md, String armColumn, String donorColumn, Console console) {
        TrialDesign design = TrialDesign.from(md, subject, time, armColumn, baseline, donorColumn);
        if (design.followUps().isEmpty()) { // checked before the warnings, which would only say the same per subject
            throw new AnalysisException(md.source(), "column '" + time + "'", "no visit after baseline '" + baseline
                    + "': every sample is at baseline, so there is no change to analyse",
                    "check --time and --baseline, or add the follow-up samples to the metadata");
        }
        design.warnings().forEach(console::warn);
        if (armColumn != null) {
            for (String arm : design.arms()) {
                if (design.subjectsIn(arm).size() < 2) {
                    throw new InputException(md.source(), "column '" + armColumn + "'", "arm '" + arm + "' has a single subject ("
                            + design.subjectsIn(arm).get(0) + "), so its change, interval and tests are undefined",
                            "check the arm labels, or leave the subject out of the metadata");
                }
            }
        }
        return design;
    }
}
