# Expected values for the io.gutbrain.intervention tests, computed independently in R.
# Run from gutbrain-core/src/test/resources:  Rscript reference/intervention/make_intervention_reference.R
# (R 4.2, vegan 2.6). Numbers are written with %.17g so that the tests can compare to 1e-12.
suppressPackageStartupMessages(library(vegan))
out <- "reference/intervention/"
w <- function(df, file) write.table(df, paste0(out, file), sep = "\t", quote = FALSE, row.names = FALSE)
f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

# ---- 1. Wilson (prop.test without continuity correction) and Newcombe method 10 ----
cases <- rbind(c(12, 20, 5, 20), c(0, 15, 3, 14), c(15, 15, 10, 15), c(3, 30, 9, 30), c(7, 11, 7, 11),
               c(1, 2, 0, 3), c(40, 100, 25, 100), c(5, 20, 6, 21),
               c(8, 12, 3, 12), c(5, 12, 1, 12))  # the last two: responders / remitters of intervention/phq9_trial.tsv
rows <- list()
for (level in c(0.95, 0.9)) for (i in seq_len(nrow(cases))) {
  x1 <- cases[i, 1]; n1 <- cases[i, 2]; x2 <- cases[i, 3]; n2 <- cases[i, 4]
  w1 <- suppressWarnings(prop.test(x1, n1, correct = FALSE, conf.level = level)$conf.int)
  w2 <- suppressWarnings(prop.test(x2, n2, correct = FALSE, conf.level = level)$conf.int)
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  lower <- d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)
  upper <- d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)
  rows[[length(rows) + 1]] <- data.frame(x1 = x1, n1 = n1, x2 = x2, n2 = n2, level = level,
    l1 = f17(w1[1]), u1 = f17(w1[2]), l2 = f17(w2[1]), u2 = f17(w2[2]), rd = f17(d), lower = f17(lower), upper = f17(upper))
}
w(do.call(rbind, rows), "wilson_newcombe_R.tsv")

# ---- 2. peerj32: change from baseline (time 1 -> 2) per group ----
counts <- as.matrix(read.table("microbiome-interventions/peerj32/counts.tsv", sep = "\t", header = TRUE, row.names = 1,
                               check.names = FALSE, comment.char = "", quote = ""))
md <- read.table("microbiome-interventions/peerj32/metadata.tsv", sep = "\t", header = TRUE, check.names = FALSE,
                 comment.char = "", quote = "", stringsAsFactors = FALSE)
rel <- sweep(counts, 2, colSums(counts), "/")          # features x samples
taxon <- "Bifidobacterium"
rows <- list()
for (g in unique(md$group)) {
  subj <- unique(md$subject[md$group == g])
  b <- sapply(subj, function(s) md$`sample-id`[md$subject == s & md$time == 1])
  a <- sapply(subj, function(s) md$`sample-id`[md$subject == s & md$time == 2])
  tt <- t.test(rel[taxon, a], rel[taxon, b], paired = TRUE)
  ch <- rel[taxon, a] - rel[taxon, b]
  wt <- suppressWarnings(wilcox.test(rel[taxon, a], rel[taxon, b], paired = TRUE))
  rows[[length(rows) + 1]] <- data.frame(outcome = taxon, arm = g, timepoint = "2", n = length(subj),
    mean_change = f17(mean(ch)), sd_change = f17(sd(ch)), ci_lower = f17(tt$conf.int[1]), ci_upper = f17(tt$conf.int[2]),
    t = f17(tt$statistic), df = f17(tt$parameter), p = f17(tt$p.value),
    wilcoxon_v = f17(wt$statistic), wilcoxon_p = f17(wt$p.value))
}
w(do.call(rbind, rows), "peerj32_change_R.tsv")

# Bray-Curtis on relative abundance of each time-2 sample to the same subject's time-1 sample
bc <- as.matrix(vegdist(t(rel), method = "bray"))
rows <- list()
for (g in unique(md$group)) {
  subj <- unique(md$subject[md$group == g])
  d <- sapply(subj, function(s) bc[md$`sample-id`[md$subject == s & md$time == 1], md$`sample-id`[md$subject == s & md$time == 2]])
  tt <- t.test(d)
  rows[[length(rows) + 1]] <- data.frame(arm = g, timepoint = "2", n = length(d), mean_distance = f17(mean(d)), sd = f17(sd(d)),
    ci_lower = f17(tt$conf.int[1]), ci_upper = f17(tt$conf.int[2]))
}
w(do.call(rbind, rows), "peerj32_distance_to_baseline_R.tsv")

# ---- 3. peerj32 colonisation: Welch t on changes, LGG (active) vs Placebo (reference) ----
used <- md$`sample-id`
minpos <- min(rel[, used][rel[, used] > 0])
pc <- minpos / 2
rows <- list()
for (taxon in c("Lactobacillus plantarum et rel.", "Lactobacillus gasseri et rel.", "Bifidobacterium")) {
  for (scale in c("relative", "log", "clr")) {
    tr <- switch(scale,
      relative = rel,
      log = log(rel + pc),
      clr = sweep(log(rel + pc), 2, colMeans(log(rel + pc)), "-"))
    change <- function(g) {
      subj <- unique(md$subject[md$group == g])
      sapply(subj, function(s) tr[taxon, md$`sample-id`[md$subject == s & md$time == 2]] - tr[taxon, md$`sample-id`[md$subject == s & md$time == 1]])
    }
    colonised <- function(g) {
      subj <- unique(md$subject[md$group == g])
      b <- sapply(subj, function(s) rel[taxon, md$`sample-id`[md$subject == s & md$time == 1]])
      a <- sapply(subj, function(s) rel[taxon, md$`sample-id`[md$subject == s & md$time == 2]])
      c(sum(b == 0), sum(b == 0 & a > 0))
    }
    ca <- change("LGG"); cr <- change("Placebo")
    tt <- t.test(ca, cr, var.equal = FALSE)
    ka <- colonised("LGG"); kr <- colonised("Placebo")
    rows[[length(rows) + 1]] <- data.frame(feature = taxon, scale = scale, pseudocount = f17(pc),
      mean_change_active = f17(mean(ca)), mean_change_reference = f17(mean(cr)), difference = f17(mean(ca) - mean(cr)),
      ci_lower = f17(tt$conf.int[1]), ci_upper = f17(tt$conf.int[2]), t = f17(tt$statistic), df = f17(tt$parameter),
      p = f17(tt$p.value), absent_baseline_active = ka[1], colonised_active = ka[2],
      absent_baseline_reference = kr[1], colonised_reference = kr[2])
  }
}
w(do.call(rbind, rows), "peerj32_colonisation_R.tsv")

# ---- 4. hand-made PHQ-9 trial: paired t per arm and visit (complete cases) ----
phq <- read.table("intervention/phq9_trial.tsv", sep = "\t", header = TRUE, check.names = FALSE, comment.char = "",
                  quote = "", stringsAsFactors = FALSE, na.strings = "")
rows <- list()
for (g in c("active", "placebo")) for (v in c("week4", "week8")) {
  b <- phq[phq$arm == g & phq$visit == "baseline", c("subject", "phq9")]
  a <- phq[phq$arm == g & phq$visit == v, c("subject", "phq9")]
  m <- merge(b, a, by = "subject", suffixes = c(".b", ".a"))
  m <- m[!is.na(m$phq9.b) & !is.na(m$phq9.a), ]
  tt <- t.test(m$phq9.a, m$phq9.b, paired = TRUE)
  rows[[length(rows) + 1]] <- data.frame(arm = g, timepoint = v, n = nrow(m), mean_change = f17(mean(m$phq9.a - m$phq9.b)),
    ci_lower = f17(tt$conf.int[1]), ci_upper = f17(tt$conf.int[2]), t = f17(tt$statistic), df = f17(tt$parameter), p = f17(tt$p.value))
}
w(do.call(rbind, rows), "phq9_trial_change_R.tsv")
