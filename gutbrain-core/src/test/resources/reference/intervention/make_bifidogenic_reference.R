# Expected values for BifidogenicTest and TaxonGroupTest, computed independently in R (base R only).
# Run from gutbrain-core/src/test/resources:  Rscript reference/intervention/make_bifidogenic_reference.R
# (R 4.2). Numbers are written with %.17g.
#
# Bifidogenic response: per subject the log fold change ln((p1 + c)/(p0 + c)) of the relative
# abundance of Bifidobacterium from baseline to follow-up, c = half the smallest non-zero relative
# abundance over all features of the analysed samples; per arm t.test (one sample = paired),
# between arms Welch t.test; responder = fold change >= 2; Wilson intervals from
# prop.test(correct = FALSE), Newcombe (1998) method 10 for the difference of rates.
out <- "reference/intervention/"
f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
readc <- function(study) as.matrix(read.table(paste0("microbiome-interventions/", study, "/counts.tsv"), sep = "\t", header = TRUE,
                                             row.names = 1, check.names = FALSE, comment.char = "", quote = ""))
readm <- function(study) read.table(paste0("microbiome-interventions/", study, "/metadata.tsv"), sep = "\t", header = TRUE,
                                    check.names = FALSE, comment.char = "", quote = "", stringsAsFactors = FALSE)

# paired subjects (one sample at t0 and one at t1) of the two arms, in metadata order
pairs <- function(md, arm_col, t0, t1, arms) {
  md <- md[md[[arm_col]] %in% arms, ]
  subj <- unique(md$subject)
  b <- sapply(subj, function(s) { x <- md$`sample-id`[md$subject == s & md$time == t0]; if (length(x) == 1) x else NA })
  a <- sapply(subj, function(s) { x <- md$`sample-id`[md$subject == s & md$time == t1]; if (length(x) == 1) x else NA })
  arm <- sapply(subj, function(s) md[[arm_col]][md$subject == s][1])
  ok <- !is.na(b) & !is.na(a)
  data.frame(subject = subj[ok], arm = arm[ok], b = b[ok], a = a[ok], stringsAsFactors = FALSE)
}

wilson <- function(x, n, level) suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = level)$conf.int)

bifido_rows <- function(dataset, rel, p, active, reference, level = 0.95, fold = 2) {
  used <- c(p$b, p$a)
  pc <- min(rel[, used][rel[, used] > 0]) / 2
  lfc <- log(rel["Bifidobacterium", p$a] + pc) - log(rel["Bifidobacterium", p$b] + pc)
  rows <- list()
  resp <- list()
  for (g in c(active, reference)) {
    x <- lfc[p$arm == g]
    tt <- t.test(x, conf.level = level)
    k <- sum(x >= log(fold)); n <- length(x)
    w <- wilson(k, n, level)
    resp[[g]] <- c(k, n, w)
    rows[[length(rows) + 1]] <- data.frame(dataset = dataset, arm = g, n = n, pseudocount = f17(pc), mean_log_fc = f17(mean(x)),
      ci_lower = f17(tt$conf.int[1]), ci_upper = f17(tt$conf.int[2]), t = f17(tt$statistic), df = f17(tt$parameter), p = f17(tt$p.value),
      responders = k, responder_rate = f17(k / n), rate_lower = f17(w[1]), rate_upper = f17(w[2]))
  }
  xa <- lfc[p$arm == active]; xr <- lfc[p$arm == reference]
  tt <- t.test(xa, xr, var.equal = FALSE, conf.level = level)
  ra <- resp[[active]]; rr <- resp[[reference]]
  p1 <- ra[1] / ra[2]; p2 <- rr[1] / rr[2]; d <- p1 - p2
  lower <- d - sqrt((p1 - ra[3])^2 + (rr[4] - p2)^2)
  upper <- d + sqrt((ra[4] - p1)^2 + (p2 - rr[3])^2)
  rows[[length(rows) + 1]] <- data.frame(dataset = dataset, arm = "difference", n = length(xa) + length(xr), pseudocount = f17(pc),
    mean_log_fc = f17(mean(xa) - mean(xr)), ci_lower = f17(tt$conf.int[1]), ci_upper = f17(tt$conf.int[2]), t = f17(tt$statistic),
    df = f17(tt$parameter), p = f17(tt$p.value), responders = ra[1] - rr[1], responder_rate = f17(d), rate_lower = f17(lower),
    rate_upper = f17(upper))
  do.call(rbind, rows)
}

# peerj32: LGG probiotic vs placebo, time 1 -> 2 (Lahti et al. 2013)
pc32 <- readc("peerj32"); md32 <- readm("peerj32")
rel32 <- sweep(pc32, 2, colSums(pc32), "/")
p32 <- pairs(md32, "group", 1, 2, c("LGG", "Placebo"))
# dietswap (O'Keefe et al. 2015): diet-intervention period, timepoint 4 (start) -> 5 (end);
# African Americans (AAM) switched to a high-fibre diet, rural Africans (AFR) to a high-fat diet
dc <- readc("dietswap"); dmd <- readm("dietswap")
dmd$time <- dmd$timepoint
reld <- sweep(dc, 2, colSums(dc), "/")
pd <- pairs(dmd, "nationality", 4, 5, c("AAM", "AFR"))
res <- rbind(bifido_rows("peerj32", rel32, p32, "LGG", "Placebo"), bifido_rows("dietswap", reld, pd, "AAM", "AFR"))
write.table(res, paste0(out, "bifidogenic_R.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)

# Taxon groups by lineage: dietswap with its taxonomy (Phylum, Family, Genus), log-scale change of
# the summed relative abundance of every feature of a family, AAM vs AFR, 4 -> 5 (Welch).
tax <- read.table("microbiome-interventions/dietswap/taxonomy.tsv", sep = "\t", header = TRUE, check.names = FALSE,
                  comment.char = "", quote = "", stringsAsFactors = FALSE)
used <- c(pd$b, pd$a)
pc <- min(reld[, used][reld[, used] > 0]) / 2
rows <- list()
for (fam in c("Clostridium cluster IV", "Actinobacteria", "Bacilli")) {
  ids <- tax$`feature-id`[tax$Family == fam]
  g <- colSums(reld[ids, , drop = FALSE])
  ch <- log(g[pd$a] + pc) - log(g[pd$b] + pc)
  xa <- ch[pd$arm == "AAM"]; xr <- ch[pd$arm == "AFR"]
  tt <- t.test(xa, xr, var.equal = FALSE)
  rows[[length(rows) + 1]] <- data.frame(family = fam, n_features = length(ids), pseudocount = f17(pc),
    mean_change_active = f17(mean(xa)), mean_change_reference = f17(mean(xr)), difference = f17(mean(xa) - mean(xr)),
    ci_lower = f17(tt$conf.int[1]), ci_upper = f17(tt$conf.int[2]), t = f17(tt$statistic), df = f17(tt$parameter), p = f17(tt$p.value))
}
write.table(do.call(rbind, rows), paste0(out, "dietswap_family_log_change_R.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
