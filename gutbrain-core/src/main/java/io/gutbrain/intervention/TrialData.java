package io.gutbrain.intervention;

import io.gutbrain.measures.Instrument;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TaxonGroup;

import java.util.List;

/**
 * What {@link InterventionAnalysis#run} analyses. Each face (CLI tool, study step) reads and
 * resolves these in its own terms, so its errors name its own options or study-file lines; the
 * analysis then makes every statistical choice itself.
 *
 * @param design          subjects, visits and arms (with at least one follow-up visit)
 * @param outcomes        the outcomes, the primary first; each gets change from baseline and the arm × time model
 * @param instrument      the questionnaire the primary outcome scores, for responders and remission; null = not a score
 * @param table           the feature table (administered taxa, bifidogenic response, distance to baseline); may be null
 * @param administered    administered taxa to follow for colonisation (resolved against {@code table}); empty = none
 * @param bifidobacterium Bifidobacterium resolved against {@code table} for the bifidogenic response; null = not asked
 */
public record TrialData(TrialDesign design, List<Outcome> outcomes, Instrument instrument, FeatureTable table,
                        List<TaxonGroup> administered, TaxonGroup bifidobacterium) {
    public TrialData {
        outcomes = List.copyOf(outcomes);
        administered = List.copyOf(administered);
        if (outcomes.isEmpty()) throw new IllegalArgumentException("a trial analysis needs an outcome");
    }
}
