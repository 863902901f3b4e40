package io.gutbrain.intervention;

import io.gutbrain.diversity.alpha.AlphaResult;
import io.gutbrain.error.InputException;
import io.gutbrain.measures.InstrumentScores;
import io.gutbrain.measures.SampleScore;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TaxonGroup;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A per-sample numeric outcome to follow over time: a numeric metadata column (weight, a lipid,
 * a symptom score), a scored questionnaire, an alpha-diversity metric or one taxon's relative
 * abundance. The analyses in this package only need "the value of sample s", so every source is
 * turned into the same map here. A sample without a value (missing cell, unscored questionnaire,
 * sample not in the table) has no entry; {@link #value} returns NaN for it.
 *
 * @param name   the outcome's name, used in output headers (for example {@code phq9_score})
 * @param values value per sample id; NaN values are dropped
 */
public record Outcome(String name, Map<String, Double> values) {

    /** Copies the map, leaving out NaN values. */
    public Outcome {
        Map<String, Double> m = new HashMap<>(values.size() * 2);
        values.forEach((k, v) -> { if (v != null && !Double.isNaN(v)) m.put(k, v); });
        values = Collections.unmodifiableMap(m);
    }

    /** The value for a sample, NaN when it has none. */
    public double value(String sampleId) {
        Double v = values.get(sampleId);
        return v == null ? Double.NaN : v;
    }

    /**
     * A numeric metadata column (missing cells have no value).
     *
     * @throws InputException when the column does not exist or is not numeric
     */
    public static Outcome metadata(SampleMetadata metadata, String column) {
        double[] x = metadata.numericColumn(column);
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < x.length; i++) m.put(metadata.ids().get(i), x[i]);
        return new Outcome(column, m);
    }

    /** The total score of a scored instrument, named {@code <instrument>_score}; unscored samples have no value. */
    public static Outcome instrument(InstrumentScores scores) {
        Map<String, Double> m = new HashMap<>();
        for (SampleScore s : scores.samples()) {
            if (s.score().isPresent()) m.put(s.sampleId(), (double) s.score().getAsInt());
        }
        return new Outcome(scores.scoreColumn(), m);
    }

    /**
     * One alpha-diversity metric of a result (samples left out of it have no value).
     *
     * @throws InputException when the result has no such metric
     */
    public static Outcome alpha(AlphaResult result, String metric) {
        int c = result.metricNames().indexOf(metric);
        if (c < 0) {
            throw new InputException(null, "metric '" + metric + "'", "not among the alpha-diversity results",
                    "use one of: " + String.join(", ", result.metricNames()));
        }
        Map<String, Double> m = new HashMap<>();
        for (int s = 0; s < result.sampleIds().size(); s++) m.put(result.sampleIds().get(s), result.value(s, c));
        return new Outcome(metric, m);
    }

    /**
     * The relative abundance (0..1, value divided by the sample's total) of one taxon in every
     * sample of the table; samples with no reads have no value. The taxon is a feature id or a
     * taxon name matched against the table's lineages ({@link TaxonGroup#resolve}: several
     * features of one genus are summed); the outcome is named as given.
     *
     * @throws InputException when the name matches no feature id and no lineage name
     */
    public static Outcome relativeAbundance(FeatureTable table, String taxon) {
        return relativeAbundance(table, TaxonGroup.resolve(table, taxon));
    }

    /** The relative abundance of a resolved taxon in every sample with reads, named {@link TaxonGroup#query()}. */
    public static Outcome relativeAbundance(FeatureTable table, TaxonGroup taxon) {
        double[] rel = taxon.relativeAbundance(table);
        Map<String, Double> m = new HashMap<>();
        for (int s = 0; s < rel.length; s++) m.put(table.sampleIds().get(s), rel[s]);
        return new Outcome(taxon.query(), m);
    }
}
