# Expected values for io.gutbrain.intervention.ArmTimeModel: the arm x time linear mixed model
#   shannon ~ arm * factor(time) + (1 | subject), REML, Satterthwaite df (lmerTest),
# time categorical with the baseline as reference level.
# Run from gutbrain-core/src/test/resources:  Rscript reference/intervention/make_arm_time_reference.R
# (R 4.2.2, vegan 2.6-4, lme4 1.1-31, lmerTest 3.1-3, numDeriv 2016.8-1.1).
# theta is taken at the exact REML optimum (association/reference_helpers.R: Newton-polished),
# because lme4's default optimiser stops about 1e-6 short of it. Numbers are written with %.17g.
suppressPackageStartupMessages({library(vegan); library(lmerTest); library(numDeriv)})
source("association/reference_helpers.R")

run <- function(dataset, armcol, timecol, refarm, baseline) {
  dir <- file.path("microbiome-interventions", dataset)
  counts <- as.matrix(read.table(file.path(dir, "counts.tsv"), header=TRUE, sep="\t", row.names=1, check.names=FALSE, comment.char="", quote=""))
  md <- read.table(file.path(dir, "metadata.tsv"), header=TRUE, sep="\t", row.names=1, check.names=FALSE,
                   comment.char="", quote="", stringsAsFactors=FALSE)
  md <- md[colnames(counts), ]
  dat <- data.frame(y=vegan::diversity(t(counts), index="shannon"),
                    arm=relevel(factor(md[[armcol]]), refarm),
                    time=relevel(factor(md[[timecol]]), as.character(baseline)),
                    subject=factor(md$subject))
  m <- lmerAtOptimum(y ~ arm * time + (1 | subject), dat)
  cs <- coef(summary(m$fit))
  q <- qt(0.975, cs[, "df"])
  data.frame(dataset=dataset, term=rownames(cs), estimate=cs[, "Estimate"], se=cs[, "Std. Error"], df=cs[, "df"],
             t=cs[, "t value"], p=cs[, "Pr(>|t|)"], ci_low=cs[, "Estimate"] - q*cs[, "Std. Error"],
             ci_high=cs[, "Estimate"] + q*cs[, "Std. Error"], theta=m$theta, sigma=sigma(m$fit), stringsAsFactors=FALSE)
}

# peerj32: LGG probiotic vs placebo, time 1 (baseline) and 2.
# dietswap: the diet groups (DI/ED/HE) are within-subject phases confounded with timepoint, so the
# arm is nationality (AAM vs AFR: the two populations swapped diets) and time is timepoint 1..6.
res <- rbind(run("peerj32", "group", "time", "Placebo", 1),
             run("dietswap", "nationality", "timepoint", "AAM", 1))
write_tsv17(res, "reference/intervention/arm_time_lmm_R.tsv")
