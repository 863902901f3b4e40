# Expected values for gutbrain's LinDA (Zhou, He, Chen & Zhang 2022, Genome Biology 23:95).
#
# IMPORTANT: these numbers do NOT come from the LinDA R package (neither zhouhj1994/LinDA nor
# MicrobiomeStat::linda is installable on the machine that wrote them). They come from the
# transparent base-R re-implementation below, which follows the steps of LinDA's `linda()`
# (zhouhj1994/LinDA, R/linda.R) one by one for fixed-effect formulas:
#   1. drop samples with a missing covariate or fewer than lib.cut reads (default 1);
#   2. drop taxa with prevalence < prev.cut (and, as MicrobiomeStat::linda also offers, mean
#      relative abundance < mean.cut); drop samples left with zero reads;
#   3. scale numeric covariates (scale(): centre, divide by the sd);
#   4. optional winsorization of each taxon's proportions at quantile winsor.quan (type 7),
#      counts rebuilt as round(P * N);
#   5. zeros (if any): counts + pseudo.cnt (0.5), or the imputation N_j / max{N_j' : Y_ij' = 0},
#      or "adaptive" (imputation if any coefficient of lm(log N ~ formula) has p <= corr.cut);
#      proportions: zeros of a taxon -> half its smallest non-zero value;
#   6. CLR with log2: W = log2 Y - per-sample mean of log2 Y;
#   7. lm(W ~ formula) per taxon (with random effects: lmerTest's lmer per taxon, REML,
#      Satterthwaite df — taken at the exact REML optimum with the project's helper
#      association/reference_helpers.R, as lme4's optimiser stops ~1e-6 short of it); for every coefficient, bias = mode of sqrt(n) * beta / sqrt(n)
#      by modeest's mean-shift estimator (gaussian kernel, bw.nrd0, start = shorth, stop when
#      |M/par - 1| < sqrt(eps), return par), re-implemented here from modeest's source because
#      modeest is not installed either; corrected beta = beta - bias, SE unchanged,
#      t = beta / SE, p = 2 pt(-|t|, df) with df = n - p (lm) or Satterthwaite (lmer), padj = p.adjust(p, "BH") per coefficient.
# gutbrain always leaves out taxa absent from every analysed sample (they carry no information);
# calls below pass prev.cut = 1e-12 where the data have such taxa, which is the same thing.
#
# Run from gutbrain-core/src/test/resources with R 4.2 (base R only):
#   Rscript reference/association/linda_R.R
# Writes reference/association/linda_<name>.tsv (one row per taxon x coefficient) and
# linda_<name>_bias.tsv (bias per coefficient and the zero handling used).

options(warn = 1)
suppressPackageStartupMessages({library(lmerTest); library(numDeriv)})
source("association/reference_helpers.R")   # lmerAtOptimum()
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))

shorth_modeest <- function(x) {           # modeest::venter(type = "shorth"), tie.action = "mean"
  ny <- length(x); k <- ceiling(ny / 2) - 1
  y <- sort(x)
  diffs <- y[(k + 1):ny] - y[1:(ny - k)]
  i <- which(diffs == min(diffs))
  if (length(i) > 1) i <- mean(i)
  mean(y[i:(i + k)])
}
meanshift_modeest <- function(x, iter = 1000, tolerance = sqrt(.Machine$double.eps)) {
  bw <- bw.nrd0(x); par <- shorth_modeest(x)
  for (j in seq_len(iter)) {
    k <- dnorm((x - par) / bw)
    M <- sum(x * k) / sum(k)
    if (abs(M / par - 1) < tolerance) break
    par <- M
  }
  par
}

winsor <- function(Y, quan, type) {
  if (type == "count") {
    N <- colSums(Y); P <- t(t(Y) / N)
    cut <- apply(P, 1, quantile, quan)
    Cut <- matrix(rep(cut, ncol(Y)), nrow(Y))
    P[P > Cut] <- Cut[P > Cut]
    round(t(t(P) * N))
  } else {
    cut <- apply(Y, 1, quantile, quan)
    Cut <- matrix(rep(cut, ncol(Y)), nrow(Y))
    Y[Y > Cut] <- Cut[Y > Cut]
    Y
  }
}

linda_ref <- function(otu, meta, formula, type = "count", zero = "pseudo-count", pseudo.cnt = 0.5, corr.cut = 0.1,
                      prev.cut = 0, mean.cut = 0, lib.cut = 1, winsor.quan = NULL) {
  allvars <- all.vars(as.formula(formula))
  Z <- as.data.frame(meta[, allvars, drop = FALSE])
  keep.sam <- which(colSums(otu) >= lib.cut & rowSums(is.na(Z)) == 0)
  Y <- otu[, keep.sam]; Z <- Z[keep.sam, , drop = FALSE]
  n <- ncol(Y)
  rel <- t(t(Y) / colSums(Y))
  Y <- Y[rowSums(Y > 0) / n >= prev.cut & rowMeans(rel) >= mean.cut, ]
  if (any(colSums(Y) == 0)) { ind <- colSums(Y) > 0; Y <- Y[, ind]; Z <- Z[ind, , drop = FALSE] }
  n <- ncol(Y); m <- nrow(Y)
  num <- sapply(Z, is.numeric)
  Z[num] <- lapply(Z[num], function(v) as.vector(scale(v)))
  if (!is.null(winsor.quan)) Y <- winsor(Y, winsor.quan, type)
  used <- "none"
  if (type == "count" && any(Y == 0)) {
    N <- colSums(Y)
    if (zero == "adaptive") {
      logN <- log(N)
      pv <- coef(summary(lm(as.formula(paste0("logN", formula)), Z)))[-1, "Pr(>|t|)"]
      zero <- if (any(pv <= corr.cut)) "imputation" else "pseudo-count"
    }
    if (zero == "imputation") {
      N.mat <- matrix(rep(N, m), nrow = m, byrow = TRUE)
      N.mat[Y > 0] <- 0
      tmp <- N[max.col(N.mat)]
      Y <- Y + N.mat / tmp
    } else {
      Y <- Y + pseudo.cnt
    }
    used <- zero
  }
  if (type == "proportion" && any(Y == 0)) {
    Y <- t(apply(Y, 1, function(x) { x[x == 0] <- 0.5 * min(x[x != 0]); x }))
    used <- "half-minimum"
  }
  logY <- log2(Y)
  W <- t(logY) - colMeans(logY)
  if (!grepl("\\(", formula)) {
    fit <- lm(as.formula(paste0("W", formula)), Z)
    res <- do.call(rbind, coef(summary(fit)))
    res <- cbind(res[, 1:2], df = n - ncol(model.matrix(fit)))
  } else {
    res <- do.call(rbind, lapply(seq_len(m), function(i) {
      cs <- coef(summary(lmerAtOptimum(as.formula(paste0("w", formula)), data.frame(w = W[, i], Z))$fit))
      cs[, c(1, 2, 3)]
    }))
  }
  vars <- unique(rownames(res))[-1]
  rows <- list(); bias <- c()
  for (v in vars) {
    r <- res[rownames(res) == v, ]
    b <- meanshift_modeest(sqrt(n) * r[, 1]) / sqrt(n)
    lfc <- r[, 1] - b; se <- r[, 2]; stat <- lfc / se; df <- r[, 3]
    p <- 2 * pt(-abs(stat), df)
    rows[[v]] <- data.frame(feature = rownames(Y), coefficient = v, log2FoldChange = fmt(lfc), lfcSE = fmt(se),
                            stat = fmt(stat), df = fmt(df), pvalue = fmt(p), padj = fmt(p.adjust(p, "BH")),
                            check.names = FALSE)
    bias[v] <- b
  }
  list(rows = do.call(rbind, rows), bias = data.frame(coefficient = vars, bias = fmt(bias), zero_handling = used,
                                                      n = n, features = m))
}

run <- function(name, ds, formula, counts = NULL, ...) {
  otu <- if (is.null(counts)) as.matrix(read.delim(file.path("microbiome-interventions", ds, "counts.tsv"),
                                                   check.names = FALSE, row.names = 1, comment.char = "")) else counts
  meta <- read.delim(file.path("microbiome-interventions", ds, "metadata.tsv"), check.names = FALSE,
                     na.strings = "NA", stringsAsFactors = FALSE)
  rownames(meta) <- meta[[1]]
  meta <- meta[colnames(otu), ]
  out <- linda_ref(otu, meta, formula, ...)
  write.table(out$rows, file.path("reference", "association", paste0("linda_", name, ".tsv")),
              sep = "\t", quote = FALSE, row.names = FALSE)
  write.table(out$bias, file.path("reference", "association", paste0("linda_", name, "_bias.tsv")),
              sep = "\t", quote = FALSE, row.names = FALSE)
}

# 1. probiotic trial, treatment group; defaults (pseudo-count 0.5)
run("peerj32_group", "peerj32", "~group")
# 2. diet swap: 3-level group, nationality and a numeric covariate (scaled); absent taxa dropped
run("dietswap_multi", "dietswap", "~group+nationality+timepoint", prev.cut = 1e-12)
# 3. same with adaptive zero handling, 10% prevalence filter and winsorization at 0.97
run("dietswap_adaptive", "dietswap", "~group+nationality+timepoint", zero = "adaptive", prev.cut = 0.1, winsor.quan = 0.97)
# 4. imputation forced, mean-abundance filter, samples with missing covariates dropped
run("atlas1006_imputation", "atlas1006", "~age+sex", zero = "imputation", mean.cut = 1e-4)
# 5. proportions (TSS of the peerj32 counts): half-minimum zero handling
pj <- as.matrix(read.delim("microbiome-interventions/peerj32/counts.tsv", check.names = FALSE, row.names = 1, comment.char = ""))
run("peerj32_proportion", "peerj32", "~group+sex", counts = t(t(pj) / colSums(pj)), type = "proportion")
# 6. linear mixed model: treatment and time (scaled) with a random intercept per subject
run("peerj32_mixed", "peerj32", "~group+time+(1|subject)")
