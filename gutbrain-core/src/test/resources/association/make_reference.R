# Expected values for gutbrain's association tests, computed with R's lm and lme4/lmerTest.
# Run from gutbrain-core/src/test/resources:  Rscript association/make_reference.R
# (R 4.2.2, lme4 1.1-31, lmerTest 3.1-3, numDeriv 2016.8-1.1). Writes association/*.tsv.
suppressPackageStartupMessages({library(lmerTest); library(numDeriv)})

source("association/reference_helpers.R")

ast_tss <- function(counts) { # counts: features x samples
  p <- sweep(counts, 2, pmax(.Machine$double.eps, colSums(counts)), "/")
  sign(p) * asin(sqrt(abs(p)))
}

out <- list()
add <- function(dataset, model, feature, cs, theta=NA, sigma=NA, reml=NA) {
  out[[length(out)+1]] <<- data.frame(dataset=dataset, model=model, feature=feature, term=rownames(cs),
    estimate=cs[, "Estimate"], se=cs[, "Std. Error"], df=if ("df" %in% colnames(cs)) cs[, "df"] else NA,
    t=cs[, "t value"], p=cs[, "Pr(>|t|)"], theta=paste(format(theta, digits=17), collapse=","),
    sigma=sigma, reml=reml, stringsAsFactors=FALSE)
}

run <- function(dataset, genera, lmform, lmerform) {
  dir <- file.path("microbiome-interventions", dataset)
  counts <- as.matrix(read.table(file.path(dir, "counts.tsv"), header=TRUE, sep="\t", row.names=1, check.names=FALSE, comment.char="", quote=""))
  md <- read.table(file.path(dir, "metadata.tsv"), header=TRUE, sep="\t", row.names=1, check.names=FALSE, stringsAsFactors=TRUE)
  md <- md[colnames(counts), ]
  y <- ast_tss(counts)
  for (g in genera) {
    dat <- data.frame(y=y[g, ], md)
    lfit <- lm(lmform, data=dat)
    cs <- coef(summary(lfit)); cs <- cbind(cs, df=lfit$df.residual)
    add(dataset, "lm", g, cs, sigma=summary(lfit)$sigma)
    m <- lmerAtOptimum(lmerform, dat)
    add(dataset, "lmer", g, coef(summary(m$fit)), theta=m$theta, sigma=sigma(m$fit), reml=m$reml)
  }
}

run("peerj32", c("Akkermansia", "Bacteroides fragilis et rel.", "Bifidobacterium", "Dialister",
                 "Faecalibacterium prausnitzii et rel.", "Prevotella melaninogenica et rel."),
    y ~ group + time + sex, y ~ group + time + sex + (1 | subject))
run("dietswap", c("Akkermansia", "Bacteroides fragilis et rel.", "Bifidobacterium", "Dialister",
                  "Faecalibacterium prausnitzii et rel.", "Prevotella melaninogenica et rel."),
    y ~ group + nationality + timepoint + nationality:timepoint, y ~ group + nationality + timepoint + (1 | subject))
res <- do.call(rbind, out)
write_tsv17(res, "association/r_lm_lmer_reference.tsv")
