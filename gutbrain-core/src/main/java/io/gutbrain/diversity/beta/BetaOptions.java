package io.gutbrain.diversity.beta;

import io.gutbrain.error.InputException;

/**
 * How {@link BetaDiversity#compute} runs.
 *
 * @param threads                   worker threads; 0 = all cores. The result does not depend on it.
 * @param singlePrecision           store distances as {@code float} (half the memory of the
 *                                  N(N−1)/2 matrix, ~7 significant digits; computed in double)
 * @param pseudocount               Aitchison only: c added to every value before the log (default 1)
 * @param multiplicativeReplacement Aitchison only: replace zeros multiplicatively (Martín-Fernández
 *                                  et al. 2003) instead of adding the pseudocount
 * @param delta                     the replacement value δ for zeros, on the proportion scale;
 *                                  NaN = 1/F² (scikit-bio's default)
 * @param generalizedAlpha          generalized UniFrac only: α in [0, 1] (default 0.5)
 */
public record BetaOptions(int threads, boolean singlePrecision, double pseudocount,
                          boolean multiplicativeReplacement, double delta, double generalizedAlpha) {

    /** Validates every field; bad values are user input, so they raise {@link InputException}. */
    public BetaOptions {
        if (threads < 0) {
            throw new InputException(null, "threads", "thread count " + threads + " is negative", "give a positive count, or 0 for all cores");
        }
        if (!(pseudocount > 0) || Double.isInfinite(pseudocount)) {
            throw new InputException(null, "pseudocount", "pseudocount " + pseudocount + " is not a positive number", "use a positive pseudocount such as 1 or 0.5");
        }
        if (!Double.isNaN(delta) && !(delta > 0 && delta < 1)) {
            throw new InputException(null, "delta", "replacement value " + delta + " is not between 0 and 1", "use a small proportion, e.g. 1e-6");
        }
        if (!(generalizedAlpha >= 0 && generalizedAlpha <= 1)) {
            throw new InputException(null, "alpha", "generalized UniFrac alpha " + generalizedAlpha + " is not between 0 and 1", "choose alpha in [0, 1] (0.5 is the usual choice)");
        }
    }

    /** Generalized UniFrac's usual α (Chen et al. 2012). */
    public static final double DEFAULT_GENERALIZED_ALPHA = 0.5;

    /** All cores, double precision, pseudocount 1, generalized UniFrac α 0.5. */
    public static BetaOptions defaults() {
        return new BetaOptions(0, false, 1.0, false, Double.NaN, DEFAULT_GENERALIZED_ALPHA);
    }

    /** These options with generalized UniFrac's α (in [0, 1]). */
    public BetaOptions withGeneralizedAlpha(double alpha) {
        return new BetaOptions(threads, singlePrecision, pseudocount, multiplicativeReplacement, delta, alpha);
    }

    /** These options on {@code n} threads (0 = all cores). */
    public BetaOptions withThreads(int n) {
        return new BetaOptions(n, singlePrecision, pseudocount, multiplicativeReplacement, delta, generalizedAlpha);
    }

    /** These options storing distances in single (true) or double precision. */
    public BetaOptions withSinglePrecision(boolean single) {
        return new BetaOptions(threads, single, pseudocount, multiplicativeReplacement, delta, generalizedAlpha);
    }

    /** These options with zeros handled by adding {@code c} (switches off multiplicative replacement). */
    public BetaOptions withPseudocount(double c) {
        return new BetaOptions(threads, singlePrecision, c, false, delta, generalizedAlpha);
    }

    /** These options with multiplicative zero replacement by {@code delta} (NaN = 1/F²). */
    public BetaOptions withMultiplicativeReplacement(double delta) {
        return new BetaOptions(threads, singlePrecision, pseudocount, true, delta, generalizedAlpha);
    }
}
