# Expected values for gutbrain's ordination and distance-matrix tests beyond tests_vegan.tsv.
# Run from this folder: Rscript stats_vegan_extra.R > stats_vegan_extra.tsv
# (R 4.2.2, vegan 2.6-4). Distance matrices are the copied *_vegan.tsv files next to this script;
# metadata are the copied dataset metadata files under ../synthetic-s50 and ../microbiome-interventions.
suppressMessages(library(vegan))
rd <- function(ds, f) as.dist(as.matrix(read.table(file.path(ds, f), header = TRUE, sep = "\t", row.names = 1, check.names = FALSE)))
meta <- function(ds) {
  f <- if (ds == "synthetic-s50") "../synthetic-s50/s50.meta.tsv" else file.path("../microbiome-interventions", ds, "metadata.tsv")
  read.table(f, header = TRUE, sep = "\t", row.names = 1, check.names = FALSE, comment.char = "", stringsAsFactors = FALSE)
}
out <- function(ds, q, v) cat(ds, "\t", q, "\t", sprintf("%.15g", v), "\n", sep = "")
cat("dataset\tquantity\tvalue\n")
# vegan's spatial median stops at optim's default reltol 1e-8; this is the same betadisper with
# the median search run to convergence, for comparing a converged implementation
om <- vegan:::ordimedian
tight <- eval(parse(text = sub('method = "BFGS")', 'method = "BFGS", control = list(reltol = 1e-15, maxit = 100000))', deparse(om), fixed = TRUE)))
environment(tight) <- environment(om)
for (ds in c("synthetic-s50", "peerj32", "dietswap")) {
  d <- rd(ds, "braycurtis_vegan.tsv")
  md <- meta(ds)[labels(d), , drop = FALSE]
  out(ds, "betadisper_centroid_F", anova(betadisper(d, md$group, type = "centroid"))$F[1])
  assignInNamespace("ordimedian", tight, "vegan")
  out(ds, "betadisper_median_converged_F", anova(betadisper(d, md$group))$F[1])
  assignInNamespace("ordimedian", om, "vegan")
  e <- cmdscale(d, k = 2, eig = TRUE)$eig
  out(ds, "pcoa_eig_last", e[length(e)])
  out(ds, "pcoa_eig_sum_positive", sum(e[e > 0]))
  out(ds, "pcoa_eig_sum", sum(e))
}
# two terms added sequentially, permutations within subjects
d <- rd("peerj32", "braycurtis_vegan.tsv"); md <- meta("peerj32")[labels(d), ]
set.seed(1); a <- adonis2(d ~ time + group, data = md, by = "terms", permutations = 999, strata = md$subject)
for (t in c("time", "group", "Residual", "Total")) {
  out("peerj32", paste0("adonis2_time+group_strata_", t, "_Df"), a[t, "Df"])
  out("peerj32", paste0("adonis2_time+group_strata_", t, "_SumOfSqs"), a[t, "SumOfSqs"])
  out("peerj32", paste0("adonis2_time+group_strata_", t, "_R2"), a[t, "R2"])
}
for (t in c("time", "group")) {
  out("peerj32", paste0("adonis2_time+group_strata_", t, "_F"), a[t, "F"])
  out("peerj32", paste0("adonis2_time+group_strata_", t, "_p"), a[t, "Pr(>F)"])
}
set.seed(1); a <- adonis2(d ~ sex + group, data = md, by = "terms", permutations = 999)
for (t in c("sex", "group")) {
  out("peerj32", paste0("adonis2_sex+group_", t, "_SumOfSqs"), a[t, "SumOfSqs"])
  out("peerj32", paste0("adonis2_sex+group_", t, "_R2"), a[t, "R2"])
  out("peerj32", paste0("adonis2_sex+group_", t, "_F"), a[t, "F"])
  out("peerj32", paste0("adonis2_sex+group_", t, "_p"), a[t, "Pr(>F)"])
}
out("peerj32", "adonis2_sex+group_Residual_SumOfSqs", a["Residual", "SumOfSqs"])
# Mantel between Bray-Curtis and binary Jaccard
for (ds in c("peerj32", "dietswap")) {
  d <- rd(ds, "braycurtis_vegan.tsv"); j <- rd(ds, "jaccard_binary_vegan.tsv")
  set.seed(1); m <- mantel(d, j, method = "pearson", permutations = 999)
  out(ds, "mantel_pearson_r", m$statistic); out(ds, "mantel_pearson_p_greater", m$signif)
  set.seed(1); m <- mantel(d, j, method = "spearman", permutations = 999)
  out(ds, "mantel_spearman_r", m$statistic); out(ds, "mantel_spearman_p_greater", m$signif)
}
# dietswap: other groupings
d <- rd("dietswap", "braycurtis_vegan.tsv"); md <- meta("dietswap")[labels(d), ]
set.seed(1); an <- anosim(d, md$nationality, permutations = 999)
out("dietswap", "anosim_nationality_R", an$statistic); out("dietswap", "anosim_nationality_p", an$signif)
set.seed(1); an <- anosim(d, md$group, permutations = 999, strata = md$nationality)
out("dietswap", "anosim_group_strata_nationality_R", an$statistic); out("dietswap", "anosim_group_strata_nationality_p", an$signif)
bd <- betadisper(d, md$nationality, type = "centroid")
out("dietswap", "betadisper_centroid_nationality_F", anova(bd)$F[1])
set.seed(1); pt <- permutest(bd, permutations = 999)
out("dietswap", "betadisper_centroid_nationality_p", pt$tab[1, "Pr(>F)"])
for (g in sort(unique(md$nationality))) out("dietswap", paste0("betadisper_centroid_nationality_meandist_", g), bd$group.distances[g])
# pairwise PERMANOVA on group: one adonis2 per pair of levels
lv <- sort(unique(md$group))
for (i in 1:(length(lv) - 1)) for (k in (i + 1):length(lv)) {
  keep <- md$group %in% lv[c(i, k)]
  sub <- as.dist(as.matrix(d)[keep, keep])
  set.seed(1); a <- adonis2(sub ~ group, data = md[keep, , drop = FALSE], permutations = 999)
  out("dietswap", paste0("pairwise_", lv[i], "_", lv[k], "_F"), a["group", "F"])
  out("dietswap", paste0("pairwise_", lv[i], "_", lv[k], "_R2"), a["group", "R2"])
  out("dietswap", paste0("pairwise_", lv[i], "_", lv[k], "_p"), a["group", "Pr(>F)"])
}
# Benjamini-Hochberg on fixed p-values (ties and a missing value)
p <- c(0.01, 0.04, 0.03, 0.04, 0.5, NA, 0.001, 0.2, 0.04, 0.9)
q <- p.adjust(p, method = "BH")
for (i in seq_along(q)) out("none", paste0("bh_", i), q[i])
