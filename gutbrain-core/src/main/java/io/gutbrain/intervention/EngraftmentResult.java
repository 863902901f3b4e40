package io.gutbrain.intervention;


import io.gutbrain.result.ResultTable;
import java.nio.file.Path;
import java.util.List;

/**
 * Engraftment per recipient and post-FMT timepoint ({@link Engraftment#compute}).
 *
 * @param detection the presence threshold used (relative abundance)
 * @param rows      one row per recipient and post-FMT timepoint
 * @param warnings  recipients or samples left out (empty when none)
 */
public record EngraftmentResult(double detection, List<Row> rows, List<String> warnings) {

    /** Copies the lists. */
    public EngraftmentResult {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /**
     * One recipient at one post-FMT timepoint. Counts are numbers of features; weighted values
     * are sums of post-FMT relative abundance.
     *
     * @param recipient        the recipient subject
     * @param arm              its arm
     * @param timepoint        the post-FMT timepoint
     * @param postSample       the post-FMT sample
     * @param preSample        the pre-FMT (baseline) sample
     * @param donorSamples     the donor samples, {@code ;}-separated
     * @param postFeatures     features present post-FMT
     * @param donorOnly        present post, in the donor, not pre-FMT (engrafted)
     * @param preOnly          present post, pre-FMT, not in the donor (retained)
     * @param shared           present post, in both donor and pre-FMT
     * @param novel            present post, in neither
     * @param donorOnlyWeight  post relative abundance of the donor-only features
     * @param preOnlyWeight    post relative abundance of the pre-only features
     * @param sharedWeight     post relative abundance of the shared features
     * @param novelWeight      post relative abundance of the new features
     * @param donorSpecific    features in the donor and not pre-FMT (could engraft)
     * @param preSpecific      features pre-FMT and not in the donor (could be retained)
     * @param brayCurtisToDonor Bray–Curtis of the post sample to the mean donor profile
     * @param brayCurtisToPre  Bray–Curtis of the post sample to the pre-FMT sample
     */
    public record Row(String recipient, String arm, String timepoint, String postSample, String preSample, String donorSamples,
                      int postFeatures, int donorOnly, int preOnly, int shared, int novel,
                      double donorOnlyWeight, double preOnlyWeight, double sharedWeight, double novelWeight,
                      int donorSpecific, int preSpecific, double brayCurtisToDonor, double brayCurtisToPre) {

        /** Engrafted donor fraction, unweighted: donor-only / post-FMT features. */
        public double engraftedFraction() { return ratio(donorOnly, postFeatures); }

        /** Engrafted donor fraction, weighted: post-FMT relative abundance of the donor-only features. */
        public double engraftedWeightedFraction() { return donorOnlyWeight; }

        /** Fraction of the donor-specific features that engrafted: donor-only / donor-specific. */
        public double donorSpecificEngrafted() { return ratio(donorOnly, donorSpecific); }

        /** Fraction of the recipient-specific features retained: pre-only / pre-specific. */
        public double preSpecificRetained() { return ratio(preOnly, preSpecific); }

        private static double ratio(int a, int b) { return b == 0 ? Double.NaN : (double) a / b; }
    }

    /**
     * Columns of the engraftment table: identifiers, then {@code post_features donor_only
     * pre_only shared new}, the same four as fractions of post-FMT features ({@code frac_*}, the
     * first is the unweighted engrafted donor fraction) and as post-FMT relative abundance
     * ({@code weighted_*}, the first is the weighted engrafted donor fraction),
     * {@code donor_specific donor_specific_engrafted pre_specific pre_specific_retained
     * braycurtis_to_donor braycurtis_to_pre detection}.
     */
    public static final List<String> COLUMNS = List.of("recipient", "arm", "timepoint", "post_sample", "pre_sample", "donor_samples",
            "post_features", "donor_only", "pre_only", "shared", "new",
            "frac_donor_only", "frac_pre_only", "frac_shared", "frac_new",
            "weighted_donor_only", "weighted_pre_only", "weighted_shared", "weighted_new",
            "donor_specific", "donor_specific_engrafted", "pre_specific", "pre_specific_retained",
            "braycurtis_to_donor", "braycurtis_to_pre", "detection");

    /** The rows as a report / results-store table named {@code name}, columns {@link #COLUMNS}. */
    public ResultTable table(String name) { return ResultTable.of(name, COLUMNS, rows, this::cells); }

    /** Writes the table ({@link #COLUMNS}) as TSV. */
    public void write(Path file) {
        Tsv.write(file, COLUMNS, rows, r -> Tsv.cells(cells(r)));
    }

    private Object[] cells(Row r) {
        double n = r.postFeatures();
        return new Object[]{r.recipient(), r.arm(), r.timepoint(), r.postSample(), r.preSample(), r.donorSamples(),
                r.postFeatures(), r.donorOnly(), r.preOnly(), r.shared(), r.novel(),
                r.engraftedFraction(), n == 0 ? Double.NaN : r.preOnly() / n, n == 0 ? Double.NaN : r.shared() / n,
                n == 0 ? Double.NaN : r.novel() / n,
                r.donorOnlyWeight(), r.preOnlyWeight(), r.sharedWeight(), r.novelWeight(),
                r.donorSpecific(), r.donorSpecificEngrafted(), r.preSpecific(), r.preSpecificRetained(),
                r.brayCurtisToDonor(), r.brayCurtisToPre(), detection};
    }
}
