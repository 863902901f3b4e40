package io.gutbrain.intervention;

/**
 * One subject's change from baseline at one timepoint.
 *
 * @param subject        the subject
 * @param arm            its arm
 * @param timepoint      the follow-up timepoint
 * @param baselineSample the baseline sample id
 * @param sample         the follow-up sample id
 * @param baseline       outcome at baseline
 * @param value          outcome at the follow-up
 * @param change         value − baseline
 * @param percentChange  100 · change / |baseline|; NaN when the baseline is 0
 */
public record SubjectChange(String subject, String arm, String timepoint, String baselineSample, String sample,
                            double baseline, double value, double change, double percentChange) {}
