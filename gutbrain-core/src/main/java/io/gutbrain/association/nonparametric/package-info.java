/**
 * Per-feature nonparametric association tests — Wilcoxon rank-sum, Kruskal–Wallis, Spearman and
 * paired Wilcoxon signed-rank — of a feature table against one metadata variable, with R-exact
 * p-values, Hodges–Lehmann / ρ estimates with intervals, rank-based effect sizes, per-group
 * prevalence and mean abundance, and Benjamini–Hochberg q-values. Entry point:
 * {@link io.gutbrain.association.nonparametric.NonparametricAssociation}; the bare tests live in
 * {@code io.gutbrain.stats}.
 */
package io.gutbrain.association.nonparametric;
