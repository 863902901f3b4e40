# Shared by make_reference.R and make_hmp2_reference.R.
# lme4's default optimiser stops about 1e-6 from the REML optimum in theta; the references are
# taken at the exact optimum: Newton steps on numDeriv derivatives of lme4's own REML deviance
# function, started at lme4's answer, with theta components below 1e-4 set to 0 when that does
# not increase the deviance. lmerTest's summary is then evaluated at exactly that theta by
# refitting with an optimiser that returns the starting value unchanged.
polish <- function(dfun, th) {
  fcur <- dfun(th)
  for (i in seq_along(th)) if (th[i] > 0 && th[i] < 1e-4) { t0 <- th; t0[i] <- 0; if (dfun(t0) <= fcur) { th <- t0; fcur <- dfun(th) } }
  for (it in 1:50) {
    free <- which(th > 0)
    if (length(free) == 0) break
    g <- function(x) { t <- th; t[free] <- x; dfun(t) }
    step <- -solve(numDeriv::hessian(g, th[free]), numDeriv::grad(g, th[free]))
    lam <- 1
    repeat { cand <- th; cand[free] <- pmax(0, th[free] + lam*step); fn <- dfun(cand)
             if (fn <= fcur + 1e-12*abs(fcur) || lam < 1e-9) break; lam <- lam/2 }
    if (fn > fcur + 1e-12*abs(fcur)) break
    ms <- max(abs(cand[free]-th[free])/pmax(1e-3, th[free]))
    th <- cand; fcur <- fn
    if (ms < 1e-10) break
  }
  th
}
fixedopt <- function(fn, par, lower, upper, control, ...) list(par=par, fval=fn(par), conv=0, message="fixed")

lmerAtOptimum <- function(form, dat) {
  fit0 <- lmer(form, data=dat, na.action=na.exclude)
  dfun <- lmer(form, data=dat, na.action=na.exclude, devFunOnly=TRUE)
  th <- polish(dfun, getME(fit0, "theta"))
  fit <- suppressWarnings(lmer(form, data=dat, na.action=na.exclude, start=list(theta=th),
                               control=lmerControl(optimizer=fixedopt, calc.derivs=FALSE, boundary.tol=0)))
  list(fit=fit, theta=th, reml=dfun(th))
}

write_tsv17 <- function(res, file) {
  num <- vapply(res, is.numeric, TRUE)
  res[num] <- lapply(res[num], function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x)))
  write.table(res, file=file, sep="\t", quote=FALSE, row.names=FALSE)
}
