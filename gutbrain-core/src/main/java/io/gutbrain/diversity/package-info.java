/**
 * Ecological diversity: rarefaction ({@link io.gutbrain.diversity.Rarefaction}) here, alpha
 * (within-sample) diversity metrics in {@link io.gutbrain.diversity.alpha}.
 */
package io.gutbrain.diversity;
