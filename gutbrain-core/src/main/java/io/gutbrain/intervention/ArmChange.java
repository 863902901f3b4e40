package io.gutbrain.intervention;

/**
 * Mean change from baseline in one arm at one timepoint.
 *
 * @param arm           the arm
 * @param timepoint     the follow-up timepoint
 * @param meanBaseline  mean outcome at baseline of the subjects counted
 * @param meanValue     mean outcome at the follow-up of the same subjects
 * @param change        mean change with interval and paired t-test ({@link MeanEstimate})
 */
public record ArmChange(String arm, String timepoint, double meanBaseline, double meanValue, MeanEstimate change) {}
