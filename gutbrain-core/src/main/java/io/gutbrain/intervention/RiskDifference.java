package io.gutbrain.intervention;

/**
 * The difference of two proportions, active − reference, with Newcombe's hybrid score interval
 * (Newcombe 1998, Stat Med 17:873–890, method 10), built from the two Wilson intervals
 * {@code [l1, u1]} (active, rate p1) and {@code [l2, u2]} (reference, rate p2):
 * <pre>
 *   lower = (p1 − p2) − √((p1 − l1)² + (u2 − p2)²)
 *   upper = (p1 − p2) + √((u1 − p1)² + (p2 − l2)²)
 * </pre>
 * Unlike the Wald interval it stays within [−1, 1] and keeps its coverage with few subjects or
 * rates near 0 or 1. Edge: an arm without subjects gives NaN.
 *
 * @param active     the active arm's proportion with its Wilson interval
 * @param reference  the reference arm's proportion with its Wilson interval
 * @param difference active.rate − reference.rate
 * @param lower      lower Newcombe limit
 * @param upper      upper Newcombe limit
 * @param level      the confidence level of all intervals
 */
public record RiskDifference(Proportion active, Proportion reference, double difference, double lower, double upper, double level) {

    /** Newcombe's interval for {@code activeEvents/activeN − referenceEvents/referenceN}. */
    public static RiskDifference newcombe(int activeEvents, int activeN, int referenceEvents, int referenceN, double level) {
        Proportion a = Proportion.wilson(activeEvents, activeN, level);
        Proportion r = Proportion.wilson(referenceEvents, referenceN, level);
        double d = a.rate() - r.rate();
        double lower = d - Math.sqrt(sq(a.rate() - a.lower()) + sq(r.upper() - r.rate()));
        double upper = d + Math.sqrt(sq(a.upper() - a.rate()) + sq(r.rate() - r.lower()));
        return new RiskDifference(a, r, d, lower, upper, level);
    }

    /** The number needed to treat derived from this difference and its interval. */
    public NumberNeededToTreat numberNeededToTreat() { return NumberNeededToTreat.of(this); }

    private static double sq(double x) { return x * x; }
}
