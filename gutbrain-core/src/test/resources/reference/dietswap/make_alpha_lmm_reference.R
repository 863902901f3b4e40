# Expected values for the design-following alpha and beta tests of a study report (io.gutbrain.study
# DesignedAlphaTests / DesignedBetaTests) on the dietswap trial: arm = nationality (reference AAM),
# time = timepoint (categorical, baseline 1), subject random intercept.
#   alpha_report.tsv: the alpha table (Shannon, unrarefied: the study turns rarefaction off) of the
#     report of gutbrain study run on the StudyDesignTest study, copied from report/tables/alpha.tsv.
#     The model below is fitted to THAT table, so the test checks the report's model on its own numbers.
#   alpha_lmm_R.tsv: lmerTest shannon ~ arm * time + (1 | subject), REML, Satterthwaite df, theta at the
#     exact REML optimum (association/reference_helpers.R).
#   permanova_design_vegan.tsv: adonis2 F and R2 (permutation p-values depend on the random stream and
#     are not compared) of Bray-Curtis on the QC-filtered counts: timepoint and nationality:timepoint
#     with permutations within subject (permute::how(blocks = subject)), and nationality across the
#     38 baseline samples.
# Run from gutbrain-core/src/test/resources:  Rscript reference/dietswap/make_alpha_lmm_reference.R
# (R 4.2.2, lme4 1.1-31, lmerTest 3.1-3, vegan 2.6-4, permute).
suppressPackageStartupMessages({library(vegan); library(lmerTest); library(numDeriv); library(permute)})
source("association/reference_helpers.R")

dir <- "microbiome-interventions/dietswap"
md <- read.table(file.path(dir, "metadata.tsv"), header=TRUE, sep="\t", row.names=1, check.names=FALSE,
                 comment.char="", quote="", stringsAsFactors=FALSE)
alpha <- read.table("reference/dietswap/alpha_report.tsv", header=TRUE, sep="\t", check.names=FALSE,
                    comment.char="", quote="", stringsAsFactors=FALSE, colClasses=c(sample_id="character"))
md <- md[alpha$sample_id, ]
dat <- data.frame(y=alpha$shannon, arm=relevel(factor(md$nationality), "AAM"),
                  time=relevel(factor(md$timepoint), "1"), subject=factor(md$subject))
m <- lmerAtOptimum(y ~ arm * time + (1 | subject), dat)
cs <- coef(summary(m$fit))
res <- data.frame(term=rownames(cs), estimate=cs[, "Estimate"], se=cs[, "Std. Error"], df=cs[, "df"],
                  t=cs[, "t value"], p=cs[, "Pr(>|t|)"], stringsAsFactors=FALSE)
write_tsv17(res, "reference/dietswap/alpha_lmm_R.tsv")

counts <- as.matrix(read.table(file.path(dir, "counts.tsv"), header=TRUE, sep="\t", row.names=1, check.names=FALSE,
                               comment.char="", quote=""))
counts <- counts[rowSums(counts) > 0, alpha$sample_id]
bc <- vegdist(t(counts), "bray")
set.seed(1)
time1 <- adonis2(bc ~ time, data=dat, permutations=how(blocks=dat$subject, nperm=99))
inter <- adonis2(bc ~ arm * time, data=dat, by="terms", permutations=how(blocks=dat$subject, nperm=99))
base <- dat$time == "1"
bbase <- vegdist(t(counts[, base]), "bray")
arm0 <- adonis2(bbase ~ arm, data=dat[base, ], permutations=99)
perm <- data.frame(variable=c("timepoint", "nationality:timepoint", "nationality"),
                   samples=c("all", "all", "timepoint = 1"),
                   df=c(time1$Df[1], inter$Df[3], arm0$Df[1]),
                   f=c(time1$F[1], inter$F[3], arm0$F[1]),
                   r2=c(time1$R2[1], inter$R2[3], arm0$R2[1]), stringsAsFactors=FALSE)
write_tsv17(perm, "reference/dietswap/permanova_design_vegan.tsv")
