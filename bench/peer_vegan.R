# vegan side of the diversity benchmark, on a problem written by `gutbrain bench export`.
# Usage: Rscript bench/peer_vegan.R DIR   (loading excluded from the timings)
suppressMessages(library(vegan))
args <- commandArgs(trailingOnly = TRUE)
d <- args[1]
x <- read.table(file.path(d, "table.tsv"), header = TRUE, sep = "\t", row.names = 1, comment.char = "", skip = 1, check.names = FALSE)
x <- t(as.matrix(x))
g <- read.table(file.path(d, "groups.tsv"), header = TRUE, sep = "\t", row.names = 1)
g <- g[rownames(x), , drop = FALSE]
cat(sprintf("# vegan %s, R %s: %d samples x %d features\n", packageVersion("vegan"), getRversion(), nrow(x), ncol(x)))
cat("task\tfirst_s\tbest_s\n")
t1 <- system.time(bc <- vegdist(x, "bray"))[["elapsed"]]
cat(sprintf("braycurtis\t%.3f\t%.3f\n", t1, t1))
set.seed(1)
t2 <- system.time(adonis2(bc ~ group, data = g, permutations = 999))[["elapsed"]]
cat(sprintf("permanova(999)\t%.3f\t%.3f\n", t2, t2))
