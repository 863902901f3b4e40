package io.gutbrain.intervention;

import java.util.Locale;

/**
 * Number needed to treat, {@code 1/RD}, for a beneficial event (response, remission) whose rate
 * difference RD = active − reference, with its confidence interval obtained by inverting the
 * limits of the RD interval, reported as Altman (1998, BMJ 317:1309–1312) recommends.
 *
 * <p>RD &gt; 0 is a benefit: NNTB = 1/RD patients must be treated for one more to respond.
 * RD &lt; 0 is a harm: NNTH = 1/|RD|. RD = 0 gives an infinite NNT ({@link Kind#NONE}).
 * With the RD interval {@code [L, U]}:
 * <ul>
 *   <li>{@code L > 0}: NNTB from 1/U to 1/L;</li>
 *   <li>{@code U < 0}: NNTH from 1/|U| to 1/|L|;</li>
 *   <li>{@code L ≤ 0 ≤ U}: the interval is not one range but two joined through infinity
 *       ("no effect"): NNTH from 1/|L| to ∞ and NNTB from 1/U to ∞, written
 *       "NNTH 1/|L| to ∞ to NNTB 1/U". A limit exactly at 0 leaves only the other side.</li>
 * </ul>
 * Numbers are not rounded here (Altman advises rounding up for presentation; that is left to
 * whoever prints them).
 *
 * @param riskDifference RD
 * @param rdLower        lower limit of the RD interval
 * @param rdUpper        upper limit of the RD interval
 */
public record NumberNeededToTreat(double riskDifference, double rdLower, double rdUpper) {

    /** Whether treatment helps, harms or does nothing on the point estimate. */
    public enum Kind { NNTB, NNTH, NONE }

    /** From a risk difference and its interval. */
    public static NumberNeededToTreat of(RiskDifference rd) {
        return new NumberNeededToTreat(rd.difference(), rd.lower(), rd.upper());
    }

    /** Benefit, harm or none, from the sign of RD (NONE also when RD is NaN). */
    public Kind kind() {
        if (riskDifference > 0) return Kind.NNTB;
        if (riskDifference < 0) return Kind.NNTH;
        return Kind.NONE;
    }

    /** 1/|RD|: positive infinity when RD is 0, NaN when RD is NaN. */
    public double value() { return 1 / Math.abs(riskDifference); }

    /** Whether the RD interval includes 0, so the NNT interval runs through infinity. */
    public boolean crossesNoEffect() { return rdLower <= 0 && rdUpper >= 0; }

    /**
     * The NNTB values inside the interval as {@code {from, to}} ({@code to} may be infinite),
     * or null when the interval holds no benefit (U ≤ 0 or NaN).
     */
    public double[] benefitRange() {
        if (!(rdUpper > 0)) return null;
        return new double[]{1 / rdUpper, rdLower > 0 ? 1 / rdLower : Double.POSITIVE_INFINITY};
    }

    /**
     * The NNTH values inside the interval as {@code {from, to}} ({@code to} may be infinite),
     * or null when the interval holds no harm (L ≥ 0 or NaN).
     */
    public double[] harmRange() {
        if (!(rdLower < 0)) return null;
        return new double[]{1 / -rdLower, rdUpper < 0 ? 1 / -rdUpper : Double.POSITIVE_INFINITY};
    }

    /**
     * Altman's wording, e.g. {@code NNTB 4.2 (CI 2.5 to 12.1)}, {@code NNTH 5 (CI 2 to 10)} or
     * {@code NNTB 10 (CI NNTH 20 to ∞ to NNTB 4)}; numbers to 3 significant digits.
     */
    public String describe() {
        if (Double.isNaN(riskDifference)) return "NA";
        String point = kind() == Kind.NONE ? "NNT ∞" : kind() + " " + fmt(value());
        if (Double.isNaN(rdLower) || Double.isNaN(rdUpper)) return point + " (CI NA)";
        double[] b = benefitRange();
        double[] h = harmRange();
        String ci;
        if (!crossesNoEffect()) {
            double[] r = b != null ? b : h;
            ci = fmt(r[0]) + " to " + fmt(r[1]);
        } else if (b != null && h != null) {
            ci = "NNTH " + fmt(h[0]) + " to ∞ to NNTB " + fmt(b[0]);
        } else if (b != null) {
            ci = "NNTB " + fmt(b[0]) + " to ∞";
        } else if (h != null) {
            ci = "NNTH " + fmt(h[0]) + " to ∞";
        } else {
            ci = "∞";
        }
        return point + " (CI " + ci + ")";
    }

    private static String fmt(double x) {
        if (Double.isInfinite(x)) return "∞";
        if (x >= 1000) return String.format(Locale.ROOT, "%.0f", x);
        return String.format(Locale.ROOT, "%.3g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
