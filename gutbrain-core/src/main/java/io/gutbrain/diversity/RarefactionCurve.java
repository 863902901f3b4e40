package io.gutbrain.diversity;

import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.io.AtomicOutput;
import io.gutbrain.table.TableSummary;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rarefaction curves from {@link Rarefaction#curve}: for every sample × depth × metric, the mean
 * and a 95% interval (2.5th and 97.5th percentiles) of the metric over the iterations.
 *
 * <p>Indices: samples in table order, depths ascending, metrics in the requested order. A sample
 * has values only at depths up to its read count ({@link #isComputed}); elsewhere accessors
 * return NaN.
 */
public final class RarefactionCurve {
    /** Percentiles bounding the reported interval: its central 95%. */
    public static final double LOWER_PERCENTILE = 0.025;
    public static final double UPPER_PERCENTILE = 0.975;

    private final List<String> sampleIds;
    private final long[] totals;
    private final long[] depths;
    private final List<String> metricNames;
    private final int iterations;
    private final double[] mean;
    private final double[] lower;
    private final double[] upper;
    private final int[] used;

    /** An empty curve (all NaN) that {@link Rarefaction#curve} fills with {@link #summarise}. */
    RarefactionCurve(List<String> sampleIds, long[] totals, long[] depths, List<AlphaMetric> metrics, int iterations) {
        this.sampleIds = List.copyOf(sampleIds);
        this.totals = totals;
        this.depths = depths;
        List<String> names = new ArrayList<>();
        for (AlphaMetric m : metrics) names.add(m.name());
        this.metricNames = List.copyOf(names);
        this.iterations = iterations;
        int cells = sampleIds.size() * depths.length * names.size();
        mean = nans(cells);
        lower = nans(cells);
        upper = nans(cells);
        used = new int[cells];
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** All samples of the input table, in table order (some may have no computed depth). */
    public List<String> sampleIds() { return sampleIds; }

    /** The depths, ascending. */
    public long[] depths() { return depths.clone(); }

    public List<String> metricNames() { return metricNames; }

    /** Rarefactions drawn per sample and depth. */
    public int iterations() { return iterations; }

    /** True when sample {@code s} has at least {@code depths()[d]} reads, so values exist. */
    public boolean isComputed(int s, int d) { return depths[d] <= totals[s]; }

    /** Mean of the metric over the iterations where it is defined. */
    public double mean(int s, int d, int m) { return mean[index(s, d, m)]; }

    /** 2.5th percentile of the metric over the iterations where it is defined. */
    public double lower(int s, int d, int m) { return lower[index(s, d, m)]; }

    /** 97.5th percentile of the metric over the iterations where it is defined. */
    public double upper(int s, int d, int m) { return upper[index(s, d, m)]; }

    /** Iterations in which the metric was defined (not NaN); 0 when not computed. */
    public int iterationsUsed(int s, int d, int m) { return used[index(s, d, m)]; }

    private int index(int s, int d, int m) { return (s * depths.length + d) * metricNames.size() + m; }

    /** A warning naming samples shallower than the smallest depth (they have no rows), or none. */
    public List<String> warnings() {
        List<String> shallow = new ArrayList<>();
        for (int s = 0; s < sampleIds.size(); s++) if (!isComputed(s, 0)) shallow.add(sampleIds.get(s));
        List<String> w = new ArrayList<>();
        if (!shallow.isEmpty()) {
            w.add(shallow.size() + " sample(s) have fewer reads than the smallest depth " + depths[0]
                    + " and have no rarefaction curve: " + ValueFormat.firstFew(shallow));
        }
        return w;
    }

    /**
     * Writes the long-format TSV {@code sample-id, depth, metric, mean, lower, upper, iterations}
     * (iterations = those where the metric was defined), one row per computed sample × depth ×
     * metric, in full precision ({@link ValueFormat}). The file appears whole or not at all.
     */
    public void write(Path file) {
        AtomicOutput.write(file, os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            w.write("sample-id\tdepth\tmetric\tmean\tlower\tupper\titerations\n");
            for (int s = 0; s < sampleIds.size(); s++) {
                for (int d = 0; d < depths.length && isComputed(s, d); d++) {
                    for (int m = 0; m < metricNames.size(); m++) {
                        int i = index(s, d, m);
                        w.write(sampleIds.get(s) + "\t" + depths[d] + "\t" + metricNames.get(m) + "\t" + ValueFormat.format(mean[i])
                                + "\t" + ValueFormat.format(lower[i]) + "\t" + ValueFormat.format(upper[i]) + "\t" + used[i] + "\n");
                    }
                }
            }
            w.flush();
        });
    }

    /**
     * Stores the mean and R type-7 percentiles of the non-NaN values of {@code draws}
     * (which it reorders); leaves NaN and a count of 0 when all are NaN. Called by the worker
     * threads of {@link Rarefaction#curve}, each (s, d, m) cell by exactly one of them, before
     * the curve is published.
     */
    void summarise(int s, int d, int m, double[] draws) {
        int n = 0;
        double sum = 0;
        for (double x : draws) {
            if (!Double.isNaN(x)) {
                draws[n++] = x;
                sum += x;
            }
        }
        int i = index(s, d, m);
        used[i] = n;
        if (n == 0) return;
        Arrays.sort(draws, 0, n);
        double[] sorted = n == draws.length ? draws : Arrays.copyOf(draws, n);
        mean[i] = sum / n;
        lower[i] = TableSummary.quantile(sorted, LOWER_PERCENTILE);
        upper[i] = TableSummary.quantile(sorted, UPPER_PERCENTILE);
    }
}
