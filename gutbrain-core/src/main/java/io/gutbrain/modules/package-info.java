/**
 * Gut-brain modules: the neuroactive potential of a microbiome, inferred from KEGG orthology (KO)
 * abundance profiles by the reference-pathway mapping of Omixer-RPM (Darzi et al. 2016, ISME J
 * 10:1025) as used for the gut-brain modules of Valles-Colomer et al. 2019 (Nat Microbiol
 * 4:623).
 *
 * <p>A {@link io.gutbrain.modules.ModuleSet} (read from Omixer-RPM's flat module format, or the
 * open set shipped with gutbrain, {@link io.gutbrain.modules.ModuleSet#builtin()}) is scored
 * against a samples × KO {@link io.gutbrain.table.FeatureTable} by
 * {@link io.gutbrain.modules.ModuleProfiler}; the result, a
 * {@link io.gutbrain.modules.ModuleProfile}, gives module coverage and abundance matrices and
 * a samples × modules feature table for downstream association. Taxon-stratified input
 * ({@link io.gutbrain.modules.StratifiedKo}) gives per-taxon module calls
 * ({@link io.gutbrain.modules.ModuleContributions}).
 */
package io.gutbrain.modules;
