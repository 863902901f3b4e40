package io.gutbrain.diversity.alpha;

/**
 * Abundance-based coverage estimator {@code ace} of richness, exactly as vegan 2.6's
 * {@code estimateR} {@code S.ACE} with the rare threshold 10.
 *
 * <p>With a_i the number of features seen exactly i times (i = 1..10), S_rare = Σ_{i≤10} a_i
 * (features with at most 10 reads), S_abund = S_obs − S_rare, N_rare = Σ_{i≤10} i·a_i (their
 * reads):
 * <pre>
 *   C_ace = 1 − a_1 / N_rare                                   (sample coverage of the rare part)
 *   γ²    = S_rare · Σ_{i=1..10} i(i−1)a_i / (C_ace · N_rare · (N_rare − 1)) − 1
 *   S_ace = S_abund + S_rare / C_ace + max(γ², 0) · a_1 / C_ace
 * </pre>
 * evaluated in vegan's order of operations so results agree to the last few bits.
 *
 * <p><b>Undefined cases ({@code NaN}, written {@code NA} like vegan's output):</b> vegan
 * returns {@code NaN} and this class reproduces it, rather than inventing a value:
 * <ul>
 *   <li>no rare features (every count &gt; 10): N_rare = 0, so C_ace = 1 − 0/0;</li>
 *   <li>every rare feature is a singleton (including a single singleton): C_ace = 0 and γ² =
 *       0/0.</li>
 * </ul>
 * scikit-bio's {@code ace} differs exactly here (it returns S_abund for the first case and raises
 * an error for the second); gutbrain follows vegan. So a single taxon gives 1 when its count is
 * 2..10 (C_ace = 1, γ² = 0) and NaN otherwise; all singletons give NaN. Needs whole-number
 * counts.
 *
 * <p>Chao, A. &amp; Lee, S.-M. (1992) Estimating the number of classes via sample coverage.
 * <i>Journal of the American Statistical Association</i> 87: 210–217; O'Hara, R. B. (2005)
 * Species richness estimators: how many species can dance on the head of a pin? <i>Journal of
 * Animal Ecology</i> 74: 375–386 (vegan's reference).
 */
public final class Ace implements AlphaMetric {
    /** The metric with vegan's rare threshold of 10 reads. */
    public static final Ace INSTANCE = new Ace();

    /** Features with at most this many reads are "rare". */
    public static final int RARE_THRESHOLD = 10;

    private Ace() {}

    @Override public String name() { return "ace"; }

    @Override public boolean requiresIntegerCounts() { return true; }

    @Override public double compute(double[] values, int[] features, int from, int to) {
        double a1 = 0;
        double sRare = 0;
        double nRare = 0;
        double sumThing = 0; // Σ i(i−1) a_i
        for (int k = from; k < to; k++) {
            double c = values[k];
            if (c <= RARE_THRESHOLD) {
                sRare++;
                nRare += c;
                sumThing += c * (c - 1);
                if (c == 1) a1++;
            }
        }
        double sAbund = (to - from) - sRare;
        double cAce = 1 - a1 / nRare;
        double gamma = sumThing * sRare / (cAce * nRare * (nRare - 1)) - 1;
        // Math.max propagates NaN like R's max(), which is what makes vegan's undefined cases NaN
        return sAbund + sRare / cAce + Math.max(gamma, 0) * a1 / cAce;
    }
}
