package io.gutbrain.intervention;

import io.gutbrain.diversity.ValueFormat;
import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TaxonGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * Colonisation by named taxa (for example the strains of a probiotic): does the taxon's
 * abundance rise more under the active arm than under the reference arm, and in what fraction
 * of subjects does it appear where it was absent at baseline?
 *
 * <p>A taxon is a feature id or a taxon name matched against the table's lineages
 * ({@link TaxonGroup}): in an ASV/OTU table a genus is many features, and its abundance is their
 * sum. For each taxon and each paired subject with a sample at baseline and at the chosen
 * timepoint: the change of its abundance on one of three {@link Scale}s. Between arms: the
 * difference of mean changes, active − reference, with <b>Welch's t</b> interval and test
 * ({@link WelchEstimate}). Welch rather than a rank-sum test because it comes with an interval
 * for the same quantity it tests (the difference of mean changes) and does not assume equal
 * variances; on the log or CLR scale the changes are close enough to normal for it. With very
 * few subjects or many zero changes (a taxon absent from most samples) the t-test is only
 * approximate; look at the colonisation counts then.
 *
 * <p>Colonisation per arm: {@code colonised} = subjects in whom the taxon is absent at
 * baseline and present at the timepoint (present = relative abundance above the detection
 * threshold), {@code colonised / n} the fraction of all evaluated subjects, and
 * {@code absent_at_baseline} for the fraction among those who could be colonised.
 */
public final class Colonisation {
    private Colonisation() {}

    /** The scale on which changes are taken. */
    public enum Scale {
        /** Relative abundance (0..1). */
        RELATIVE,
        /** Natural log of (relative abundance + pseudocount). */
        LOG,
        /**
         * Centred log-ratio over all features of the sample: {@code ln(p_f + c) − mean_g ln(p_g + c)}
         * (Aitchison 1986), so a change is relative to the sample's geometric mean rather than to
         * its total. For a taxon of several features {@code p_f} is their summed relative
         * abundance and the mean still runs over the table's single features.
         */
        CLR
    }

    /**
     * Settings.
     *
     * @param scale       scale of the change
     * @param pseudocount added to relative abundances before logs; NaN for the default, half the
     *                    smallest non-zero relative abundance among the samples analysed
     * @param detection   a taxon is present when its relative abundance exceeds this (≥ 0)
     * @param level       confidence level (0..1)
     */
    public record Options(Scale scale, double pseudocount, double detection, double level) {
        /** Checks the ranges. */
        public Options {
            if (scale == null) throw new IllegalArgumentException("scale");
            if (!Double.isNaN(pseudocount) && !(pseudocount > 0)) throw new IllegalArgumentException("pseudocount must be > 0: " + pseudocount);
            if (!(detection >= 0 && detection < 1)) throw new IllegalArgumentException("detection must be in [0, 1): " + detection);
            MeanEstimate.checkLevel(level);
        }

        /** Changes in relative abundance, present = non-zero, 95%. */
        public static Options defaults() { return new Options(Scale.RELATIVE, Double.NaN, 0, 0.95); }
    }

    /**
     * Changes from baseline to {@code timepoint} of each named taxon, active vs reference. A
     * taxon is a feature id or a taxon name matched against the table's lineages
     * ({@link TaxonGroup#resolve}); its abundance is the sum of its features.
     *
     * @param table abundances (counts or proportions) with the design's samples
     * @param taxa  feature ids or taxon names to follow ({@code Bifidobacterium},
     *              {@code g__Bifidobacterium}, {@code genus:Bifidobacterium})
     * @throws InputException for unknown taxa, arms or timepoint, or the baseline as timepoint
     */
    public static ColonisationResult compute(TrialDesign design, FeatureTable table, List<String> taxa, String timepoint,
                                             String activeArm, String referenceArm, Options options) {
        return computeGroups(design, table, TaxonGroup.resolveAll(table, taxa), timepoint, activeArm, referenceArm, options);
    }

    /** As {@link #compute}, for taxa already resolved against {@code table}. */
    public static ColonisationResult computeGroups(TrialDesign design, FeatureTable table, List<TaxonGroup> taxa, String timepoint,
                                                   String activeArm, String referenceArm, Options options) {
        design.requireTimepoint(timepoint);
        design.requireArm(activeArm);
        design.requireArm(referenceArm);
        if (timepoint.equals(design.baseline())) {
            throw new InputException(design.source(), "timepoint '" + timepoint + "'", "colonisation is judged after baseline, not at it",
                    "choose one of: " + String.join(", ", design.followUps()));
        }
        List<String> subjects = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();        // table index of baseline and follow-up sample
        List<String> notInTable = new ArrayList<>();
        for (String s : design.pairedSubjects()) {
            String arm = design.arm(s);
            if (!arm.equals(activeArm) && !arm.equals(referenceArm)) continue;
            String post = design.sample(s, timepoint);
            if (post == null) continue;
            int b = table.sampleIndex(design.baselineSample(s));
            int p = table.sampleIndex(post);
            if (b < 0 || p < 0 || table.sampleTotal(b) <= 0 || table.sampleTotal(p) <= 0) {
                notInTable.add(s);
                continue;
            }
            subjects.add(s);
            pairs.add(new int[]{b, p});
        }
        double c = Double.isNaN(options.pseudocount()) ? defaultPseudocount(table, pairs) : options.pseudocount();
        double[] meanLog = options.scale() == Scale.CLR ? meanLogs(table, pairs, c) : null;

        List<ColonisationResult.Row> rows = new ArrayList<>();
        for (TaxonGroup taxon : taxa) {
            double[] rel = taxon.relativeAbundance(table);
            List<Double> act = new ArrayList<>(), ref = new ArrayList<>();
            List<ColonisationResult.Subject> perSubject = new ArrayList<>();
            int[] nA = new int[3], nR = new int[3]; // n, absent at baseline, colonised
            for (int k = 0; k < pairs.size(); k++) {
                int[] pr = pairs.get(k);
                double rb = rel[pr[0]];
                double rp = rel[pr[1]];
                double change = transform(rp, options.scale(), c, meanLog, k, 1) - transform(rb, options.scale(), c, meanLog, k, 0);
                String arm = design.arm(subjects.get(k));
                boolean active = arm.equals(activeArm);
                (active ? act : ref).add(change);
                perSubject.add(new ColonisationResult.Subject(subjects.get(k), arm, rb, rp, change));
                int[] cnt = active ? nA : nR;
                cnt[0]++;
                if (rb <= options.detection()) {
                    cnt[1]++;
                    if (rp > options.detection()) cnt[2]++;
                }
            }
            WelchEstimate w = WelchEstimate.of(toArray(act), toArray(ref), options.level());
            rows.add(new ColonisationResult.Row(taxon.query(), taxon.matchedBy(), taxon.featureIds(), w,
                    new ColonisationResult.Counts(nA[0], nA[1], nA[2]), new ColonisationResult.Counts(nR[0], nR[1], nR[2]), perSubject));
        }
        List<String> warnings = new ArrayList<>();
        if (!notInTable.isEmpty()) {
            warnings.add(notInTable.size() + " subject(s) left out because a sample is missing from the table or has no reads: "
                    + ValueFormat.firstFew(notInTable));
        }
        return new ColonisationResult(timepoint, activeArm, referenceArm, options, c, rows, warnings);
    }

    private static double transform(double rel, Scale scale, double c, double[] meanLog, int pair, int which) {
        return switch (scale) {
            case RELATIVE -> rel;
            case LOG -> Math.log(rel + c);
            case CLR -> Math.log(rel + c) - meanLog[2 * pair + which];
        };
    }

    /** Half the smallest non-zero relative abundance in the analysed samples (1 if there is none). */
    private static double defaultPseudocount(FeatureTable t, List<int[]> pairs) {
        double min = Double.POSITIVE_INFINITY;
        for (int[] pr : pairs) {
            for (int s : pr) {
                double tot = t.sampleTotal(s);
                for (int k = t.sampleStart(s); k < t.sampleEnd(s); k++) min = Math.min(min, t.valueAt(k) / tot);
            }
        }
        return Double.isInfinite(min) ? 1 : min / 2;
    }

    /** Per analysed sample (baseline then follow-up of each pair): mean over all features of ln(p + c). */
    private static double[] meanLogs(FeatureTable t, List<int[]> pairs, double c) {
        double[] out = new double[2 * pairs.size()];
        int f = t.featureCount();
        double zeroTerm = Math.log(c);
        for (int k = 0; k < pairs.size(); k++) {
            for (int w = 0; w < 2; w++) {
                int s = pairs.get(k)[w];
                double tot = t.sampleTotal(s);
                int nz = t.sampleNonZero(s);
                double sum = (f - nz) * zeroTerm;
                for (int q = t.sampleStart(s); q < t.sampleEnd(s); q++) sum += Math.log(t.valueAt(q) / tot + c);
                out[2 * k + w] = sum / f;
            }
        }
        return out;
    }

    private static double[] toArray(List<Double> x) {
        double[] a = new double[x.size()];
        for (int i = 0; i < a.length; i++) a[i] = x.get(i);
        return a;
    }
}
