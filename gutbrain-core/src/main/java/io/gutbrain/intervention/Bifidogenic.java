package io.gutbrain.intervention;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TaxonGroup;

import java.util.List;

/**
 * The bifidogenic response to a prebiotic: did <i>Bifidobacterium</i> rise more under the
 * active arm than under the reference (placebo) arm?
 *
 * <p>The genus is found by {@link TaxonGroup#resolve} with the name {@value #GENUS}: the feature
 * of that id (genus-level tables such as HITChip or a collapsed table) or, in an ASV/OTU/species
 * table, the sum of every feature whose lineage has that name (the genus). Per subject with a
 * baseline and a follow-up sample, the <b>log fold change</b>
 * {@code ln((p₁ + c)/(p₀ + c))} of its relative abundance p (pseudocount c, by default half the
 * smallest non-zero relative abundance of the analysed samples, as {@link Colonisation}).
 * Between arms the difference of mean log fold changes with Welch's interval and test
 * ({@link WelchEstimate}); its exponential is the <b>ratio of geometric-mean fold changes</b>,
 * active / reference (e.g. 1.8 = Bifidobacterium rose 1.8 times as much under the prebiotic).
 * Fold changes of relative abundances are compositional: a genus can "rise" because others fell.
 *
 * <p><b>Bifidogenic responder</b>: a subject whose relative abundance of Bifidobacterium at
 * least doubled, {@code (p₁ + c)/(p₀ + c) ≥ 2} (the threshold is {@link Options#responderFold}).
 * Not "any increase": without any effect about half of the subjects rise by chance, and
 * prebiotic trials report the response as a several-fold rise in a part of the subjects
 * (Davis et al. 2011, PLoS ONE 6:e25200: five- to ten-fold in half of the subjects on GOS;
 * Kolida et al. 2007, Eur J Clin Nutr 61:1189–1195, on the share of volunteers responding to
 * inulin), so a doubling is a conservative floor that sequencing noise between two visits rarely
 * reaches. Per arm the responder fraction with its Wilson interval ({@link Proportion}); between
 * arms the difference with Newcombe's interval ({@link RiskDifference}).
 */
public final class Bifidogenic {
    /** The genus followed. */
    public static final String GENUS = "Bifidobacterium";

    private Bifidogenic() {}

    /**
     * Settings.
     *
     * @param pseudocount   added to relative abundances before logs; NaN for the default (half
     *                      the smallest non-zero relative abundance of the analysed samples)
     * @param responderFold a responder's fold change is at least this (> 1; default 2)
     * @param level         confidence level (0..1)
     */
    public record Options(double pseudocount, double responderFold, double level) {
        /** Checks the ranges. */
        public Options {
            if (!Double.isNaN(pseudocount) && !(pseudocount > 0)) throw new IllegalArgumentException("pseudocount must be > 0: " + pseudocount);
            if (!(responderFold > 1) || Double.isInfinite(responderFold)) throw new IllegalArgumentException("responder fold must be > 1: " + responderFold);
            MeanEstimate.checkLevel(level);
        }

        /** Default pseudocount, responders at ≥ 2-fold, 95%. */
        public static Options defaults() { return new Options(Double.NaN, 2, 0.95); }
    }

    /**
     * The bifidogenic response from baseline to {@code timepoint}, active vs reference.
     *
     * @throws io.gutbrain.error.InputException when the table has no Bifidobacterium (neither a
     *                                          feature of that id nor a lineage with that name),
     *                                          or for unknown arms or timepoint
     */
    public static BifidogenicResult compute(TrialDesign design, FeatureTable table, String timepoint, String activeArm,
                                            String referenceArm, Options options) {
        return compute(design, table, TaxonGroup.resolve(table, GENUS), timepoint, activeArm, referenceArm, options);
    }

    /**
     * As {@link #compute(TrialDesign, FeatureTable, String, String, String, Options)} with
     * Bifidobacterium already resolved against {@code table} (e.g. so that a caller can report a
     * missing genus in its own terms).
     */
    public static BifidogenicResult compute(TrialDesign design, FeatureTable table, TaxonGroup genus, String timepoint, String activeArm,
                                            String referenceArm, Options options) {
        ColonisationResult c = Colonisation.computeGroups(design, table, List.of(genus), timepoint, activeArm, referenceArm,
                new Colonisation.Options(Colonisation.Scale.LOG, options.pseudocount(), 0, options.level()));
        ColonisationResult.Row row = c.rows().get(0);
        double threshold = Math.log(options.responderFold());
        int[] events = new int[2];
        int[] n = new int[2];
        for (ColonisationResult.Subject s : row.subjects()) {
            int a = s.arm().equals(activeArm) ? 0 : 1;
            n[a]++;
            // a tolerance so that an exact doubling computed in floating point still counts
            if (s.change() >= threshold - 1e-12) events[a]++;
        }
        RiskDifference responders = RiskDifference.newcombe(events[0], n[0], events[1], n[1], options.level());
        return new BifidogenicResult(timepoint, activeArm, referenceArm, options, c.pseudocount(), row,
                MeanEstimate.of(row.changes(activeArm), options.level()), MeanEstimate.of(row.changes(referenceArm), options.level()),
                responders, c.warnings());
    }
}
