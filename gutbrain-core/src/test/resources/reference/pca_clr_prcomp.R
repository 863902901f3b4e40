# CLR-PCA expected values: Rscript pca_clr_prcomp.R > pca_clr_prcomp.tsv (R 4.2.2, stats::prcomp).
# Counts are the copied ../microbiome-interventions/<dataset>/counts.tsv (features x samples).
cat("dataset\tquantity\tvalue\n")
for (ds in c("peerj32", "dietswap")) {
  x <- t(as.matrix(read.table(file.path("../microbiome-interventions", ds, "counts.tsv"), header = TRUE, sep = "\t",
                              row.names = 1, check.names = FALSE, comment.char = "")))
  l <- log(x + 1)
  clr <- l - rowMeans(l)
  p <- prcomp(clr, center = TRUE, scale. = FALSE)
  v <- p$sdev^2
  out <- function(q, val) cat(ds, "\t", q, "\t", sprintf("%.15g", val), "\n", sep = "")
  for (a in 1:5) out(paste0("variance_PC", a), v[a])
  for (a in 1:5) out(paste0("proportion_PC", a), v[a] / sum(v))
  # signs of principal components are arbitrary: absolute values of a few scores and loadings
  for (s in c(1, 2, nrow(x))) for (a in 1:3) out(paste0("abs_score_", rownames(x)[s], "_PC", a), abs(p$x[s, a]))
  for (f in c(1, 2, ncol(x))) for (a in 1:3) out(paste0("abs_loading_", colnames(x)[f], "_PC", a), abs(p$rotation[f, a]))
}
