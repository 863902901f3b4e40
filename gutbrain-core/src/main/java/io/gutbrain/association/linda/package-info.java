/**
 * LinDA (Zhou et al. 2022, Genome Biology 23:95): linear (mixed) models on base-2 CLR data with
 * the compositional bias estimated as the mode of the coefficients and subtracted. Entry point:
 * {@link io.gutbrain.association.linda.Linda}.
 */
package io.gutbrain.association.linda;
