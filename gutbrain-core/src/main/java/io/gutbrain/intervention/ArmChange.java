package io.gutbrain.intervention;

import io.gutbrain.stats.RankTestResult;

/**
 * Mean change from baseline in one arm at one timepoint.
 *
 * @param arm           the arm
 * @param timepoint     the follow-up timepoint
 * @param meanBaseline  mean outcome at baseline of the subjects counted
 * @param meanValue     mean outcome at the follow-up of the same subjects
 * @param change        mean change with interval and paired t-test ({@link MeanEstimate})
 * @param wilcoxon      the paired Wilcoxon signed-rank test of the same changes against 0, as R's
 *                      {@code wilcox.test(after, before, paired = TRUE)} (zero changes dropped;
 *                      exact p without ties and zeros for n &lt; 50, else the normal approximation):
 *                      the nonparametric companion of the t-test for skewed outcomes such as
 *                      abundances; p is NaN when every change is zero
 */
public record ArmChange(String arm, String timepoint, double meanBaseline, double meanValue, MeanEstimate change,
                        RankTestResult wilcoxon) {}
