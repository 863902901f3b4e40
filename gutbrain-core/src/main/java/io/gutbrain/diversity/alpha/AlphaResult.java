package io.gutbrain.diversity.alpha;

import io.gutbrain.diversity.ValueFormat;
import io.gutbrain.io.AtomicOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Alpha diversity per sample and metric, plus the samples that were left out.
 *
 * <p>Rows are the table's non-empty samples in table order; columns are the metrics in the
 * requested order. A {@code NaN} value means the metric is undefined for that sample by its own
 * documented convention (e.g. ACE without rare features), never a missing sample.
 */
public final class AlphaResult {
    private final List<String> sampleIds;
    private final List<String> metricNames;
    private final double[][] values;
    private final List<String> excluded;

    AlphaResult(List<String> sampleIds, List<String> metricNames, double[][] values, List<String> excluded) {
        this.sampleIds = List.copyOf(sampleIds);
        this.metricNames = List.copyOf(metricNames);
        this.values = values;
        this.excluded = List.copyOf(excluded);
    }

    /** The samples with results, in table order. */
    public List<String> sampleIds() { return sampleIds; }

    /** The metric names, one per column. */
    public List<String> metricNames() { return metricNames; }

    /** The value for the sample at row {@code sample} and the metric at column {@code metric}. */
    public double value(int sample, int metric) { return values[sample][metric]; }

    /** The value for a sample id and metric name; throws IllegalArgumentException when either is absent. */
    public double value(String sampleId, String metricName) {
        int s = sampleIds.indexOf(sampleId);
        int m = metricNames.indexOf(metricName);
        if (s < 0 || m < 0) throw new IllegalArgumentException("no value for sample '" + sampleId + "' and metric '" + metricName + "'");
        return values[s][m];
    }

    /** A copy of the values, samples × metrics. */
    public double[][] values() {
        double[][] c = new double[values.length][];
        for (int i = 0; i < c.length; i++) c[i] = values[i].clone();
        return c;
    }

    /** Zero-depth samples that have no row, in table order. */
    public List<String> excludedSamples() { return excluded; }

    /** Human-readable warnings (empty when nothing was excluded), for the CLI or a report. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!excluded.isEmpty()) {
            w.add(excluded.size() + " sample(s) with no reads left out of the alpha diversity results: "
                    + ValueFormat.firstFew(excluded));
        }
        return w;
    }

    /**
     * Writes a TSV: header {@code sample-id} then one column per metric, one row per sample, in
     * full precision ({@link ValueFormat}; undefined values as {@code NA}). The file appears
     * whole or not at all ({@link AtomicOutput}).
     */
    public void write(Path file) {
        AtomicOutput.write(file, os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            w.write("sample-id");
            for (String m : metricNames) w.write("\t" + m);
            w.write('\n');
            for (int s = 0; s < sampleIds.size(); s++) {
                w.write(sampleIds.get(s));
                for (double v : values[s]) w.write("\t" + ValueFormat.format(v));
                w.write('\n');
            }
            w.flush();
        });
    }
}
