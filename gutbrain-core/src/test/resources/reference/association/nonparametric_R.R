# Expected values for gutbrain's nonparametric per-feature association tests.
#
# Run from gutbrain-core/src/test/resources with R 4.2 (base R only, no extra packages):
#   Rscript reference/association/nonparametric_R.R
# Writes reference/association/np_<analysis>.tsv, one row per feature.
#
# The tests are R's own stats functions with their defaults (exact = NULL, correct = TRUE):
# wilcox.test(conf.int = TRUE), kruskal.test, cor.test(method = "spearman"), and
# wilcox.test(paired = TRUE, conf.int = TRUE). Effect sizes that R does not report are computed
# here from their textbook formulas:
#   rank-biserial r = 2W / (n1 n2) - 1, 95% CI tanh(atanh(r) -/+ z * sqrt((n1 + n2 + 1) / (3 n1 n2)))
#   matched-pairs rank-biserial r = 4V / (n (n + 1)) - 1 (n = non-zero differences),
#     95% CI tanh(atanh(r) -/+ z * sqrt((2n^3 + 3n^2 + n) / 6) / (n (n + 1) / 2))
#   epsilon^2 = H / ((N^2 - 1) / (N + 1))  (Tomczak & Tomczak 2014)
#   Spearman rho 95% CI tanh(atanh(rho) -/+ z / sqrt(n - 3))  (Fisher z)
# q-values are p.adjust(p, "BH") over the features of one analysis. Abundances are TSS
# proportions of the counts (each sample divided by its total over all features).

options(warn = 1)
z975 <- qnorm(0.975)
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))

read_counts <- function(ds) {
  x <- as.matrix(read.delim(file.path("microbiome-interventions", ds, "counts.tsv"),
                            check.names = FALSE, row.names = 1, comment.char = ""))
  t(t(x) / colSums(x))   # features x samples, TSS
}
read_meta <- function(ds) {
  m <- read.delim(file.path("microbiome-interventions", ds, "metadata.tsv"),
                  check.names = FALSE, colClasses = "character", na.strings = "NA")
  rownames(m) <- m[[1]]
  m
}

group_cols <- function(v, g) {
  out <- list()
  for (lv in sort(unique(g))) {
    s <- v[g == lv]
    out[[paste0("n_", lv)]] <- length(s)
    out[[paste0("prevalence_", lv)]] <- mean(s > 0)
    out[[paste0("mean_", lv)]] <- mean(s)
  }
  out
}

write_rows <- function(rows, name) {
  df <- do.call(rbind, lapply(rows, function(r) as.data.frame(lapply(r, function(v) if (is.numeric(v)) fmt(v) else v),
                                                               check.names = FALSE, stringsAsFactors = FALSE)))
  if ("p" %in% names(df)) df$q <- fmt(p.adjust(as.numeric(df$p), "BH"))
  write.table(df, file.path("reference", "association", paste0("np_", name, ".tsv")),
              sep = "\t", quote = FALSE, row.names = FALSE, na = "NA")
}

# Two groups: level vs reference, estimate = location shift level - reference.
rank_sum <- function(ds, variable, reference, level, name) {
  P <- read_counts(ds); m <- read_meta(ds)[colnames(P), ]
  g <- m[[variable]]
  keep <- !is.na(g) & g %in% c(reference, level)
  rows <- list()
  for (f in rownames(P)) {
    v <- P[f, keep]; gg <- g[keep]
    x <- v[gg == level]; y <- v[gg == reference]
    r <- list(feature = f)
    if (length(unique(v)) == 1) {
      r <- c(r, list(W = NA, p = NA, method = "NA", estimate = NA, ci_low = NA, ci_high = NA,
                     rank_biserial = NA, rb_ci_low = NA, rb_ci_high = NA))
    } else {
      t <- wilcox.test(x, y, conf.int = TRUE)
      n1 <- length(x); n2 <- length(y)
      rb <- 2 * t$statistic / (n1 * n2) - 1
      se <- sqrt((n1 + n2 + 1) / (3 * n1 * n2))
      r <- c(r, list(W = unname(t$statistic), p = t$p.value,
                     method = if (grepl("exact", t$method)) "exact" else "normal",
                     estimate = unname(t$estimate), ci_low = t$conf.int[1], ci_high = t$conf.int[2],
                     rank_biserial = unname(rb), rb_ci_low = tanh(atanh(rb) - z975 * se),
                     rb_ci_high = tanh(atanh(rb) + z975 * se)))
    }
    r <- c(r, list(n = length(v), n_not_zero = sum(v > 0)), group_cols(v, gg))
    rows[[length(rows) + 1]] <- r
  }
  write_rows(rows, name)
}

kruskal <- function(ds, variable, name) {
  P <- read_counts(ds); m <- read_meta(ds)[colnames(P), ]
  g <- m[[variable]]
  keep <- !is.na(g)
  rows <- list()
  for (f in rownames(P)) {
    v <- P[f, keep]; gg <- g[keep]
    t <- kruskal.test(v, factor(gg))
    N <- length(v)
    H <- unname(t$statistic)
    r <- list(feature = f, H = H, df = unname(t$parameter), p = t$p.value,
              epsilon2 = H / ((N^2 - 1) / (N + 1)), n = N, n_not_zero = sum(v > 0))
    rows[[length(rows) + 1]] <- c(r, group_cols(v, gg))
  }
  write_rows(rows, name)
}

spearman <- function(ds, y, samples, yname, name) {
  P <- read_counts(ds)[, samples, drop = FALSE]
  keep <- !is.na(y)
  rows <- list()
  for (f in rownames(P)) {
    v <- P[f, keep]; yy <- y[keep]
    n <- length(v)
    r <- list(feature = f)
    if (length(unique(v)) == 1) {
      r <- c(r, list(S = NA, p = NA, method = "NA", rho = NA, ci_low = NA, ci_high = NA))
    } else {
      t <- suppressWarnings(cor.test(v, yy, method = "spearman"))
      ties <- length(unique(v)) < n || length(unique(yy)) < n
      rho <- unname(t$estimate)
      r <- c(r, list(S = unname(t$statistic), p = t$p.value,
                     method = if (ties) "t" else if (n <= 9) "exact" else "edgeworth",
                     rho = rho, ci_low = tanh(atanh(rho) - z975 / sqrt(n - 3)),
                     ci_high = tanh(atanh(rho) + z975 / sqrt(n - 3))))
    }
    r <- c(r, list(n = n, n_not_zero = sum(v > 0), prevalence_all = mean(v > 0), mean_all = mean(v)))
    rows[[length(rows) + 1]] <- r
  }
  write_rows(rows, name)
}

# Paired: difference level - reference per subject (wilcox.test(x_level, x_reference, paired = TRUE)).
signed_rank <- function(ds, subject, variable, reference, level, name) {
  P <- read_counts(ds); m <- read_meta(ds)[colnames(P), ]
  subjects <- sort(unique(m[[subject]]))
  s_ref <- sapply(subjects, function(s) rownames(m)[m[[subject]] == s & m[[variable]] == reference])
  s_lev <- sapply(subjects, function(s) rownames(m)[m[[subject]] == s & m[[variable]] == level])
  rows <- list()
  for (f in rownames(P)) {
    x <- P[f, s_lev]; y <- P[f, s_ref]
    d <- x - y
    r <- list(feature = f)
    if (all(d == 0)) {
      r <- c(r, list(V = NA, p = NA, method = "NA", estimate = NA, ci_low = NA, ci_high = NA,
                     rank_biserial = NA, rb_ci_low = NA, rb_ci_high = NA, n_nonzero_diff = 0))
    } else {
      t <- wilcox.test(x, y, paired = TRUE, conf.int = TRUE)
      nz <- sum(d != 0)
      rb <- 4 * t$statistic / (nz * (nz + 1)) - 1
      se <- sqrt((2 * nz^3 + 3 * nz^2 + nz) / 6) / (nz * (nz + 1) / 2)
      r <- c(r, list(V = unname(t$statistic), p = t$p.value,
                     method = if (grepl("exact", t$method)) "exact" else "normal",
                     estimate = unname(t$estimate), ci_low = t$conf.int[1], ci_high = t$conf.int[2],
                     rank_biserial = unname(rb), rb_ci_low = tanh(atanh(rb) - z975 * se),
                     rb_ci_high = tanh(atanh(rb) + z975 * se), n_nonzero_diff = nz))
    }
    v <- c(x, y); gg <- c(rep(level, length(x)), rep(reference, length(y)))
    r <- c(r, list(n = length(d), n_not_zero = sum(v > 0)), group_cols(v, gg))
    rows[[length(rows) + 1]] <- r
  }
  write_rows(rows, name)
}

rank_sum("peerj32", "group", "LGG", "Placebo", "peerj32_group_ranksum")
rank_sum("dietswap", "nationality", "AAM", "AFR", "dietswap_nationality_ranksum")
kruskal("dietswap", "group", "dietswap_group_kruskal")
kruskal("atlas1006", "bmi_group", "atlas1006_bmi_kruskal")

lip <- read.delim("microbiome-interventions/peerj32/lipids.tsv", check.names = FALSE, row.names = 1)
pj <- colnames(read_counts("peerj32"))
spearman("peerj32", lip[pj, "ChoE(18:1)"], pj, "ChoE(18:1)", "peerj32_lipid_spearman")
spearman("peerj32", lip[pj[1:9], "ChoE(18:1)"], pj[1:9], "ChoE(18:1)", "peerj32_first9_lipid_spearman")
am <- read_meta("atlas1006")
aj <- colnames(read_counts("atlas1006"))
spearman("atlas1006", as.numeric(am[aj, "age"]), aj, "age", "atlas1006_age_spearman")

signed_rank("peerj32", "subject", "time", "1", "2", "peerj32_time_signedrank")
