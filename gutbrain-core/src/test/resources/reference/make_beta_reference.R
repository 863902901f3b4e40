# Expected values for the beta-diversity tests that have no file in the shared reference set.
# Run from gutbrain-core/src/test/resources:  Rscript reference/make_beta_reference.R
# (R 4.2.2, vegan 2.6-4). Writes reference/<dataset>/{euclidean,hellinger,robust_aitchison}_vegan.tsv
suppressMessages(library(vegan))
inputs <- c("synthetic-s50" = "synthetic-s50/s50.tsv",
            "peerj32" = "microbiome-interventions/peerj32/counts.tsv",
            "dietswap" = "microbiome-interventions/dietswap/counts.tsv")
write_square <- function(d, path) {
  m <- as.matrix(d)
  out <- cbind(rownames(m), matrix(sprintf("%.17g", m), nrow(m)))
  writeLines(c(paste(c("", colnames(m)), collapse = "\t"), apply(out, 1, paste, collapse = "\t")), path)
}
for (name in names(inputs)) {
  counts <- read.delim(inputs[[name]], row.names = 1, check.names = FALSE, comment.char = "")
  x <- t(as.matrix(counts))  # samples as rows
  write_square(vegdist(x, method = "euclidean"), file.path("reference", name, "euclidean_vegan.tsv"))
  write_square(vegdist(decostand(x, "hellinger"), method = "euclidean"), file.path("reference", name, "hellinger_vegan.tsv"))
  write_square(vegdist(x, method = "robust.aitchison"), file.path("reference", name, "robust_aitchison_vegan.tsv"))
}
