package io.gutbrain.measures;

/**
 * What to do with the total when some (tolerated) items are missing.
 *
 * <p>{@link #MEAN}: the total is the mean of the answered (reverse-scored where applicable)
 * items times the number of items, rounded to the nearest integer with halves rounded up; this is
 * "person-mean imputation" (each missing item replaced by the respondent's own mean), the
 * proration used by the PHQ-9/GAD-7 literature and the HADS. {@link #NONE}: no proration, so any
 * missing item leaves the score missing (an instrument with {@code NONE} must tolerate zero
 * missing items; summing fewer items would not be comparable across respondents).
 */
public enum Proration { MEAN, NONE }
