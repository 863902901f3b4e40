/**
 * Alpha (within-sample) diversity, laid out like scikit-bio's {@code skbio.diversity.alpha}: one
 * small class per metric implementing {@link io.gutbrain.diversity.alpha.AlphaMetric}, a single
 * shared input check ({@link io.gutbrain.diversity.alpha.CountValidation}, the counterpart of
 * scikit-bio's {@code _validate_counts_vector}) and a driver
 * ({@link io.gutbrain.diversity.alpha.AlphaDiversity}) that runs a list of metrics over every
 * sample of a {@link io.gutbrain.table.FeatureTable} in parallel.
 *
 * <p>Numbers follow vegan 2.6 ({@code diversity}, {@code specnumber}, {@code estimateR}) and
 * scikit-bio 0.5.8 where those agree, and vegan where they differ (ACE); each metric's Javadoc
 * states its formula, its edge conventions and the defining paper.
 */
package io.gutbrain.diversity.alpha;
