package io.gutbrain.intervention;

import io.gutbrain.diversity.ValueFormat;
import io.gutbrain.diversity.beta.BetaDiversity;
import io.gutbrain.diversity.beta.BetaMetric;
import io.gutbrain.diversity.beta.BrayCurtis;
import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Engraftment after faecal microbiota transplantation (FMT), per recipient and post-FMT
 * timepoint: which features of the post-FMT community came from the donor, which stayed from
 * before, how close the community is to the donor and to its own pre-FMT state, and (with
 * {@link #sourceTracking}) what proportion of it each source explains.
 *
 * <p>Recipients are the design's subjects with {@linkplain TrialDesign#donorSamples donor
 * samples}; pre-FMT is the baseline sample; every other timepoint with a sample is post-FMT.
 *
 * <p><b>Feature classes</b> (presence = relative abundance above the detection threshold;
 * present in the donor = present in at least one donor sample). Every feature present post-FMT
 * is exactly one of:
 * <ul>
 *   <li><b>donor-only</b>: in the donor, not pre-FMT — engrafted from the donor;</li>
 *   <li><b>pre-only</b>: pre-FMT, not in the donor — retained from the recipient;</li>
 *   <li><b>shared</b>: in both donor and pre-FMT (origin cannot be told apart);</li>
 *   <li><b>new</b>: in neither (from elsewhere, or below detection before).</li>
 * </ul>
 * Each class is reported as a count, as a fraction of the post-FMT features (unweighted), and
 * as the summed post-FMT relative abundance of its features (weighted). The <b>engrafted donor
 * fraction</b> is the donor-only class: unweighted (share of post-FMT features) and weighted
 * (share of post-FMT reads). Also reported: {@code donor_specific} (features in the donor but
 * not pre-FMT) with the fraction of them that engrafted, and {@code pre_specific} with the
 * fraction retained.
 *
 * <p><b>Distances</b>: Bray–Curtis dissimilarity on relative abundances
 * ({@link BrayCurtis} from {@code io.gutbrain.diversity.beta}) of the post-FMT sample to the donor
 * (the mean relative-abundance profile of the donor samples) and to the pre-FMT sample.
 */
public final class Engraftment {
    private Engraftment() {}

    /**
     * Feature classes and distances for every recipient and post-FMT timepoint.
     *
     * @param table     abundances (counts or proportions) containing the design's samples
     * @param detection a feature is present when its relative abundance exceeds this (0 = any read)
     * @throws InputException when no recipient has donors, a donor sample is not in the table, or detection is out of [0, 1)
     */
    public static EngraftmentResult compute(TrialDesign design, FeatureTable table, double detection) {
        if (!(detection >= 0 && detection < 1)) {
            throw new InputException(null, "detection threshold", "must be a relative abundance in [0, 1), got " + detection, "use e.g. 0 or 0.0001");
        }
        List<Recipient> recipients = recipients(design, table);
        List<EngraftmentResult.Row> rows = new ArrayList<>();
        BetaMetric bray = BetaMetric.byName(BrayCurtis.NAME);
        for (Recipient r : recipients) {
            double[] pre = relative(table, r.pre);
            double[] donorMean = new double[table.featureCount()];
            boolean[] inDonor = new boolean[table.featureCount()];
            for (int d : r.donors) {
                double[] x = relative(table, d);
                for (int f = 0; f < x.length; f++) {
                    donorMean[f] += x[f] / r.donors.length;
                    if (x[f] > detection) inDonor[f] = true;
                }
            }
            DistanceMatrix dm = distances(table, r, pre, donorMean, bray);
            for (int k = 0; k < r.posts.size(); k++) {
                double[] post = relative(table, r.posts.get(k));
                int[] n = new int[4];        // donor-only, pre-only, shared, new
                double[] w = new double[4];
                int postFeatures = 0, donorSpecific = 0, preSpecific = 0;
                for (int f = 0; f < post.length; f++) {
                    boolean d = inDonor[f], p = pre[f] > detection, q = post[f] > detection;
                    if (d && !p) donorSpecific++;
                    if (p && !d) preSpecific++;
                    if (!q) continue;
                    postFeatures++;
                    int cls = d && !p ? 0 : p && !d ? 1 : d ? 2 : 3;
                    n[cls]++;
                    w[cls] += post[f];
                }
                rows.add(new EngraftmentResult.Row(r.subject, design.arm(r.subject), r.timepoints.get(k),
                        table.sampleIds().get(r.posts.get(k)), table.sampleIds().get(r.pre), r.donorIds(table),
                        postFeatures, n[0], n[1], n[2], n[3], w[0], w[1], w[2], w[3], donorSpecific, preSpecific,
                        dm.get(1, 2 + k), dm.get(0, 2 + k)));
            }
        }
        return new EngraftmentResult(detection, rows, warningsOf(design, table));
    }

    /**
     * Source tracking ({@link SourceTracking}) of every post-FMT sample: sources are each donor
     * sample and the recipient's pre-FMT sample, plus the unknown source. The donor proportion
     * is the sum over the donor samples. The table should hold counts: with
     * {@link SourceTracking.Options#reestimateKnown} the sources' read numbers weigh against the
     * sink's (without it the proportions do not depend on the scale).
     *
     * @throws InputException when no recipient has donors or a donor sample is not in the table
     */
    public static SourceTrackingResult sourceTracking(TrialDesign design, FeatureTable table, SourceTracking.Options options) {
        List<SourceTrackingResult.Row> rows = new ArrayList<>();
        for (Recipient r : recipients(design, table)) {
            double[][] sources = new double[r.donors.length + 1][];
            for (int i = 0; i < r.donors.length; i++) sources[i] = table.sampleDense(r.donors[i]);
            sources[r.donors.length] = table.sampleDense(r.pre);
            for (int k = 0; k < r.posts.size(); k++) {
                SourceTracking.Estimate e = SourceTracking.estimate(table.sampleDense(r.posts.get(k)), sources, options);
                double[] p = e.known();
                double donor = 0;
                for (int i = 0; i < r.donors.length; i++) donor += p[i];
                rows.add(new SourceTrackingResult.Row(r.subject, design.arm(r.subject), r.timepoints.get(k),
                        table.sampleIds().get(r.posts.get(k)), table.sampleIds().get(r.pre), r.donorIds(table),
                        donor, p[r.donors.length], e.unknown(), e.iterations(), e.converged()));
            }
        }
        List<String> warnings = new ArrayList<>(warningsOf(design, table));
        long notConverged = rows.stream().filter(x -> !x.converged()).count();
        if (notConverged > 0) {
            warnings.add(notConverged + " sample(s) reached the iteration limit of " + options.maxIterations()
                    + " before the proportions settled to " + options.tolerance() + "; raise the limit");
        }
        return new SourceTrackingResult(options, rows, warnings);
    }

    /** A recipient with its samples as table indices. */
    private record Recipient(String subject, int pre, int[] donors, List<String> timepoints, List<Integer> posts) {
        String donorIds(FeatureTable t) {
            List<String> ids = new ArrayList<>();
            for (int d : donors) ids.add(t.sampleIds().get(d));
            return String.join(TrialDesign.DONOR_SEPARATOR, ids);
        }
    }

    private static List<Recipient> recipients(TrialDesign design, FeatureTable table) {
        if (!design.hasDonors()) {
            throw new InputException(design.source(), "donor column", "no recipient has a donor",
                    "name the donor column, and each recipient's donor sample or donor subject in it");
        }
        List<String> missingDonors = new ArrayList<>();
        for (String s : design.subjects()) {
            for (String d : design.donorSamples(s)) {
                int i = table.sampleIndex(d);
                if ((i < 0 || table.sampleTotal(i) <= 0) && !missingDonors.contains(d)) missingDonors.add(d);
            }
        }
        if (!missingDonors.isEmpty()) {
            throw new InputException(null, "donor samples", missingDonors.size() + " donor sample(s) are not in the table or have no reads: "
                    + ValueFormat.firstFew(missingDonors), "add the donor samples to the feature table, or correct the donor column");
        }
        List<Recipient> out = new ArrayList<>();
        for (String s : design.subjects()) {
            List<String> donors = design.donorSamples(s);
            String preId = design.baselineSample(s);
            if (donors.isEmpty() || preId == null || usable(table, preId) < 0) continue;
            int[] d = donors.stream().mapToInt(table::sampleIndex).toArray();
            List<String> times = new ArrayList<>();
            List<Integer> posts = new ArrayList<>();
            for (String t : design.followUps()) {
                String id = design.sample(s, t);
                int i = id == null ? -1 : usable(table, id);
                if (i >= 0) { times.add(t); posts.add(i); }
            }
            if (!posts.isEmpty()) out.add(new Recipient(s, usable(table, preId), d, times, posts));
        }
        return out;
    }

    /** Recipients left out, and post-FMT samples missing from the table, as warnings. */
    private static List<String> warningsOf(TrialDesign design, FeatureTable table) {
        List<String> noPre = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String s : design.subjects()) {
            if (design.donorSamples(s).isEmpty()) continue;
            String pre = design.baselineSample(s);
            if (pre == null || usable(table, pre) < 0) {
                noPre.add(s);
                continue;
            }
            for (String t : design.followUps()) {
                String id = design.sample(s, t);
                if (id != null && usable(table, id) < 0) missing.add(id);
            }
        }
        List<String> w = new ArrayList<>();
        if (!noPre.isEmpty()) {
            w.add(noPre.size() + " recipient(s) without a pre-FMT ('" + design.baseline() + "') sample in the table left out: "
                    + ValueFormat.firstFew(noPre));
        }
        if (!missing.isEmpty()) {
            w.add(missing.size() + " post-FMT sample(s) not in the table or without reads left out: " + ValueFormat.firstFew(missing));
        }
        return w;
    }

    private static int usable(FeatureTable t, String id) {
        int i = t.sampleIndex(id);
        return i >= 0 && t.sampleTotal(i) > 0 ? i : -1;
    }

    private static double[] relative(FeatureTable t, int s) {
        double[] x = t.sampleDense(s);
        double tot = t.sampleTotal(s);
        for (int f = 0; f < x.length; f++) x[f] /= tot;
        return x;
    }

    /** Bray–Curtis among pre (0), donor mean (1) and the post-FMT samples (2…), on relative abundances. */
    private static DistanceMatrix distances(FeatureTable table, Recipient r, double[] pre, double[] donorMean, BetaMetric bray) {
        int m = 2 + r.posts.size();
        double[][] rows = new double[m][];
        List<String> ids = new ArrayList<>();
        rows[0] = pre;
        ids.add("pre");
        rows[1] = donorMean;
        ids.add("donor");
        for (int k = 0; k < r.posts.size(); k++) {
            rows[2 + k] = relative(table, r.posts.get(k));
            ids.add("post" + k);
        }
        FeatureTable small = FeatureTable.fromDense(null, ids, table.featureIds(), rows);
        return BetaDiversity.compute(small, bray).distances();
    }
}
