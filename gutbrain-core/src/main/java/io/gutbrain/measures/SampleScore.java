package io.gutbrain.measures;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One respondent's result on one instrument.
 *
 * @param sampleId     the metadata sample id
 * @param score        the total (prorated and rounded when {@code prorated}); empty when too many
 *                     items are missing
 * @param band         the band of the score; empty when there is no score or the instrument has
 *                     no bands
 * @param missingItems how many items were missing (including values turned into missing under
 *                     {@link Scoring.InvalidItems#MISSING_WITH_WARNING})
 * @param prorated     whether the score was prorated from fewer than all items
 * @param flags        labels of the raised flags, in the instrument's flag order
 */
public record SampleScore(String sampleId, OptionalInt score, Optional<String> band, int missingItems, boolean prorated, List<String> flags) {

    /** Copies the flag list. */
    public SampleScore {
        flags = List.copyOf(flags);
    }
}
