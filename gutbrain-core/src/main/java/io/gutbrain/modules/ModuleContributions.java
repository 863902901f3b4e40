package io.gutbrain.modules;

import io.gutbrain.error.InputException;
import io.gutbrain.io.AtomicOutput;
import io.gutbrain.io.Decimals;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Per-taxon module calls from {@link ModuleProfiler#contributions}: one row per (sample, module,
 * taxon) whose coverage in that taxon alone reaches the cut-off, with the taxon's abundance
 * estimate and coverage. Rows are ordered by sample (input order), module (set order), then
 * taxon (order of first appearance in the input). Immutable.
 */
public final class ModuleContributions {
    private final List<String> sampleIds;
    private final ModuleSet modules;
    private final List<String> taxa;
    private final int[] sample;
    private final int[] module;
    private final int[] taxon;
    private final double[] abundance;
    private final double[] coverage;

    private ModuleContributions(List<String> sampleIds, ModuleSet modules, List<String> taxa, int[] sample, int[] module, int[] taxon,
                                double[] abundance, double[] coverage) {
        this.sampleIds = List.copyOf(sampleIds);
        this.modules = modules;
        this.taxa = List.copyOf(taxa);
        this.sample = sample;
        this.module = module;
        this.taxon = taxon;
        this.abundance = abundance;
        this.coverage = coverage;
    }

    /** Assembles per-sample row keys ({@code module << 32 | taxon}) and (abundance, coverage) pairs. */
    static ModuleContributions of(List<String> sampleIds, ModuleSet modules, List<String> taxa, long[][] rows, double[][] values) {
        int n = 0;
        for (long[] r : rows) n += r.length;
        int[] s = new int[n], m = new int[n], t = new int[n];
        double[] a = new double[n], c = new double[n];
        int k = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                s[k] = i;
                m[k] = (int) (rows[i][j] >>> 32);
                t[k] = (int) rows[i][j];
                a[k] = values[i][2 * j];
                c[k] = values[i][2 * j + 1];
                k++;
            }
        }
        return new ModuleContributions(sampleIds, modules, taxa, s, m, t, a, c);
    }

    /** Number of rows. */
    public int size() { return sample.length; }

    /** Sample id of a row. */
    public String sample(int row) { return sampleIds.get(sample[row]); }

    /** Module id of a row. */
    public String module(int row) { return modules.get(module[row]).id(); }

    /** Taxon (or sequence) of a row, as written in the input. */
    public String taxon(int row) { return taxa.get(taxon[row]); }

    /** The taxon's abundance estimate for the module (its best path's score). */
    public double abundance(int row) { return abundance[row]; }

    /** The module's coverage within the taxon. */
    public double coverage(int row) { return coverage[row]; }

    /** Every taxon of the stratified input, in order of first appearance. */
    public List<String> taxa() { return taxa; }

    /**
     * Writes the rows as a tab-separated long table with the header
     * {@code sample, module, taxon, abundance, coverage}, atomically. Numbers are written in
     * their shortest round-tripping form.
     */
    public void write(Path path) {
        for (String t : taxa) {
            if (t.indexOf('\t') >= 0 || t.indexOf('\n') >= 0) {
                throw new InputException(path.toString(), null, "taxon '" + t + "' contains a tab or line break", "rename the taxon in the input");
            }
        }
        AtomicOutput.write(path, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder(1 << 16);
            sb.append("sample\tmodule\ttaxon\tabundance\tcoverage\n");
            for (int i = 0; i < size(); i++) {
                sb.append(sample(i)).append('\t').append(module(i)).append('\t').append(taxon(i)).append('\t')
                        .append(Decimals.format(abundance[i])).append('\t').append(Decimals.format(coverage[i])).append('\n');
                if (sb.length() > (1 << 16) - 512) { w.write(sb.toString()); sb.setLength(0); }
            }
            w.write(sb.toString());
            w.flush();
        });
    }
}
