# lmerTest at the exact REML optimum for MaAsLin2's HMP2 test model (all 87 features x 7
# coefficients), to separate gutbrain's numerics from lme4's optimiser tolerance.
# Run from gutbrain-core/src/test/resources:  Rscript association/make_hmp2_reference.R
# (R 4.2.2, lme4 1.1-31, lmerTest 3.1-3). Writes association/hmp2_lmer_exact.tsv.
# The data preparation follows MaAsLin2's run: samples in both files, features present in more
# than 10% of samples, TSS, AST, diagnosis releveled to nonIBD, samples with missing values excluded.
suppressPackageStartupMessages({library(lmerTest); library(numDeriv)})
source("association/reference_helpers.R")
d <- "maaslin2-hmp2"
features <- read.table(file.path(d, "HMP2_taxonomy.tsv"), header=TRUE, row.names=1, sep="\t")
metadata <- read.table(file.path(d, "HMP2_metadata.tsv"), header=TRUE, row.names=1, sep="\t")
s <- intersect(rownames(features), rownames(metadata)); features <- features[s, ]; metadata <- metadata[s, ]
f <- features[, colSums(features > 0) > nrow(features) * 0.1]
tss <- f / pmax(.Machine$double.eps, rowSums(f))
ast <- sign(tss) * asin(sqrt(abs(tss)))
metadata$diagnosis <- relevel(as.factor(metadata$diagnosis), ref="nonIBD")
form <- expr ~ diagnosis + dysbiosisnonIBD + dysbiosisUC + dysbiosisCD + antibiotics + age + (1 | site) + (1 | subject)
res <- do.call(rbind, lapply(colnames(ast), function(ft) {
  m <- lmerAtOptimum(form, data.frame(expr=ast[, ft], metadata))
  cs <- coef(summary(m$fit))
  data.frame(feature=ft, term=rownames(cs), estimate=cs[, 1], se=cs[, 2], df=cs[, 3], t=cs[, 4], p=cs[, 5],
             theta.site=m$theta[2], theta.subject=m$theta[1], sigma=sigma(m$fit), reml=m$reml, stringsAsFactors=FALSE)
}))
# BH over the 609 tests MaAsLin2 reports (intercepts are not reported)
slope <- res$term != "(Intercept)"
res$qval <- NA
res$qval[slope] <- p.adjust(res$p[slope], "BH")
write_tsv17(res, "association/hmp2_lmer_exact.tsv")
