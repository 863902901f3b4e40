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

run <- function(dataset, genera, lmform, lmerform, label="lmer") {
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
    add(dataset, label, g, coef(summary(m$fit)), theta=m$theta, sigma=sigma(m$fit), reml=m$reml)
  }
}

run("peerj32", c("Akkermansia", "Bacteroides fragilis et rel.", "Bifidobacterium", "Dialister",
                 "Faecalibacterium prausnitzii et rel.", "Prevotella melaninogenica et rel."),
    y ~ group + time + sex, y ~ group + time + sex + (1 | subject))
run("dietswap", c("Akkermansia", "Bacteroides fragilis et rel.", "Bifidobacterium", "Dialister",
                  "Faecalibacterium prausnitzii et rel.", "Prevotella melaninogenica et rel."),
    y ~ group + nationality + timepoint + nationality:timepoint, y ~ group + nationality + timepoint + (1 | subject))
# crossed random intercepts: subjects are measured at several time points, time points shared by subjects
run("dietswap", c("Akkermansia", "Bacteroides fragilis et rel.", "Bifidobacterium", "Dialister",
                  "Faecalibacterium prausnitzii et rel.", "Prevotella melaninogenica et rel."),
    y ~ group + nationality + timepoint + nationality:timepoint, y ~ group + nationality + (1 | subject) + (1 | timepoint), label="lmer_crossed")
res <- do.call(rbind, out)
res <- res[!(res$dataset == "dietswap" & res$model == "lm" & duplicated(res[, c("dataset", "model", "feature", "term")])), ]
write_tsv17(res, "association/r_lm_lmer_reference.tsv")

# ---- MaAsLin2's pipeline without random effects, written out step by step in base R (an
# independent implementation of the documented order of operations): samples as rows, feature
# names through make.names, filter on raw values (count of values > min_abundance must exceed
# min_prevalence * samples; sd > 0), normalise the filtered table, transform per feature,
# z-score numeric metadata, lm per feature, BH over all coefficients, order by q-value.
maaslin_lm <- function(dataset, norm, transform, fixed, ref, min_ab, min_prev) {
  dir <- file.path("microbiome-interventions", dataset)
  counts <- as.matrix(read.table(file.path(dir, "counts.tsv"), header=TRUE, sep="\t", row.names=1, check.names=FALSE, comment.char="", quote=""))
  md <- read.table(file.path(dir, "metadata.tsv"), header=TRUE, sep="\t", row.names=1, check.names=FALSE, stringsAsFactors=FALSE)
  data <- t(counts)
  colnames(data) <- make.names(colnames(data), unique=TRUE)
  md <- md[rownames(data), fixed, drop=FALSE]
  keep <- colSums(data > min_ab) > nrow(data) * min_prev & apply(data, 2, sd) > 0
  raw <- data[, keep]
  f <- raw
  if (norm == "TSS") f <- f / pmax(.Machine$double.eps, rowSums(f))
  if (norm == "CLR") { X <- f + 1; f <- log(X / exp(rowMeans(log(X)))) }
  if (transform == "LOG") f <- apply(f, 2, function(x) log2(replace(x, x == 0, min(x[x > 0]) / 2)))
  for (v in fixed) {
    if (is.numeric(md[[v]])) md[[v]] <- as.numeric(scale(md[[v]]))
    else { md[[v]] <- factor(md[[v]]); if (!is.null(ref[[v]])) md[[v]] <- relevel(md[[v]], ref=ref[[v]]) }
  }
  res <- do.call(rbind, lapply(colnames(f), function(ft) {
    dat <- data.frame(expr=f[, ft], md)
    cs <- coef(summary(lm(reformulate(fixed, "expr"), data=dat)))[-1, , drop=FALSE]
    data.frame(feature=ft, name=rownames(cs), coef=cs[, 1], stderr=cs[, 2], pval=cs[, 4],
               N=nrow(f), N.not.0=sum(raw[, ft] > 0), stringsAsFactors=FALSE)
  }))
  res$qval <- p.adjust(res$pval, "BH")
  res <- res[order(res$qval), ]
  cbind(dataset=dataset, res)
}
pipe <- rbind(maaslin_lm("peerj32", "TSS", "LOG", c("group", "time", "sex"), list(), 0, 0.1),
              maaslin_lm("dietswap", "CLR", "NONE", c("group", "timepoint"), list(group="HE"), 5, 0.25))
write_tsv17(pipe, "association/r_maaslin_lm_pipeline.tsv")
