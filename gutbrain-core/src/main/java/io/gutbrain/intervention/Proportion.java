package io.gutbrain.intervention;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A proportion (events / n) with its Wilson score interval (Wilson 1927, JASA 22:209–212), the
 * interval of R's {@code prop.test(x, n, correct = FALSE)$conf.int}. Recommended over the Wald
 * interval by Newcombe (1998) because it stays inside [0, 1] and keeps its coverage at small n
 * and at 0 or n events.
 *
 * <p>Formula, with {@code z} the standard normal quantile at {@code 1 − (1 − level)/2} and
 * {@code p̂ = x/n}: {@code (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)}.
 * Edge: n = 0 gives NaN for the estimate and both limits.
 *
 * @param events number of subjects with the event (responders, remitters)
 * @param n      number of subjects evaluated
 * @param rate   events / n
 * @param lower  lower Wilson limit
 * @param upper  upper Wilson limit
 */
public record Proportion(int events, int n, double rate, double lower, double upper) {

    /** Checks 0 ≤ events ≤ n. */
    public Proportion {
        if (n < 0 || events < 0 || events > n) throw new IllegalArgumentException("need 0 <= events <= n: " + events + "/" + n);
    }

    /** The Wilson interval of {@code events / n} at the given confidence level (0..1). */
    public static Proportion wilson(int events, int n, double level) {
        MeanEstimate.checkLevel(level);
        if (n == 0) return new Proportion(events, 0, Double.NaN, Double.NaN, Double.NaN);
        double z = z(level);
        double p = (double) events / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        // at 0 or n events the limit is exactly 0 or 1; the formula can miss it by a rounding error
        double lower = events == 0 ? 0 : Math.max(0, centre - half);
        double upper = events == n ? 1 : Math.min(1, centre + half);
        return new Proportion(events, n, p, lower, upper);
    }

    /** Standard normal quantile for a two-sided interval at {@code level}. */
    static double z(double level) {
        return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    }
}
