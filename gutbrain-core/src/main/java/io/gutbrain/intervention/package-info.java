/**
 * Intervention studies (probiotics, diets, psychobiotics, faecal microbiota transplantation):
 * the longitudinal design read from metadata ({@link io.gutbrain.intervention.TrialDesign}),
 * change from baseline of any per-sample {@link io.gutbrain.intervention.Outcome} with arm
 * summaries and paired t-tests ({@link io.gutbrain.intervention.ChangeFromBaseline}), responders
 * and remission with Wilson / Newcombe intervals and the number needed to treat
 * ({@link io.gutbrain.intervention.Responders}), colonisation by named taxa
 * ({@link io.gutbrain.intervention.Colonisation}), and FMT engraftment with FEAST-class source
 * tracking ({@link io.gutbrain.intervention.Engraftment},
 * {@link io.gutbrain.intervention.SourceTracking}). Every result is a record with a TSV writer.
 * Mixed models for repeated measures live in {@code io.gutbrain.association}.
 */
package io.gutbrain.intervention;
