package io.gutbrain.modules;

import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;

import java.util.Arrays;
import java.util.List;

/**
 * Module coverage and abundance per sample, the result of {@link ModuleProfiler#profile}.
 *
 * <p>For each (sample, module): the <b>coverage</b> of the best path (observed steps / all
 * steps), its <b>score</b> (the abundance estimate of that path, whether or not the module is
 * called), and whether it is <b>called</b> (coverage ≥ {@link #cutoff()}). The
 * {@link #abundance abundance} is the score of called modules and 0 otherwise, as in
 * Omixer-RPM's output matrices.
 */
public final class ModuleProfile {
    private final List<String> sampleIds;
    private final ModuleSet modules;
    private final ModuleOptions options;
    private final double cutoff;
    private final double[] coverage; // sample-major, nSamples * nModules
    private final double[] score;
    private final SampleMetadata metadata;
    private final int koFeatures;
    private final int otherFeatures;
    private final int moduleKosPresent;

    ModuleProfile(List<String> sampleIds, ModuleSet modules, ModuleOptions options, double cutoff, double[] coverage, double[] score,
                  SampleMetadata metadata, int koFeatures, int otherFeatures, int moduleKosPresent) {
        this.sampleIds = List.copyOf(sampleIds);
        this.modules = modules;
        this.options = options;
        this.cutoff = cutoff;
        this.coverage = coverage;
        this.score = score;
        this.metadata = metadata;
        this.koFeatures = koFeatures;
        this.otherFeatures = otherFeatures;
        this.moduleKosPresent = moduleKosPresent;
    }

    /** Sample ids, in the input table's order. */
    public List<String> sampleIds() { return sampleIds; }

    /** The module set that was scored; module {@code m} here is module {@code m} there. */
    public ModuleSet modules() { return modules; }

    /** The options of the run. */
    public ModuleOptions options() { return options; }

    /** The coverage cut-off applied: the given one, or the learned one when the options asked for it. */
    public double cutoff() { return cutoff; }

    /** Number of samples. */
    public int sampleCount() { return sampleIds.size(); }

    /** Number of modules. */
    public int moduleCount() { return modules.size(); }

    /** Coverage of module {@code m} in sample {@code s}: observed steps / all steps, on the best path. */
    public double coverage(int s, int m) { return coverage[s * modules.size() + m]; }

    /** The best path's abundance estimate, called or not (0 when no step is observed). */
    public double score(int s, int m) { return score[s * modules.size() + m]; }

    /** True when the module's coverage reaches the cut-off. */
    public boolean called(int s, int m) { return coverage(s, m) >= cutoff; }

    /** The score when the module is called, else 0. */
    public double abundance(int s, int m) { return called(s, m) ? score(s, m) : 0; }

    /** Number of samples in which module {@code m} is called. */
    public int calledSamples(int m) {
        int n = 0;
        for (int s = 0; s < sampleIds.size(); s++) if (called(s, m)) n++;
        return n;
    }

    /** Input features recognised as KOs ({@link KoIds#normalize}). */
    public int koFeatures() { return koFeatures; }

    /** Input features that are not KOs (HUMAnN's UNMAPPED/UNGROUPED, other ids) and were ignored. */
    public int otherFeatures() { return otherFeatures; }

    /** How many of the KOs the module set uses occur among the input's features. */
    public int moduleKosPresent() { return moduleKosPresent; }

    /**
     * Samples × modules abundance (0 where not called) as a feature table whose features are
     * the module ids, carrying the input's sample metadata: the input to association tests and
     * the matrix written as TSV or BIOM.
     */
    public FeatureTable abundanceTable() { return table(true); }

    /** Samples × modules coverage (all pairs, called or not) as a feature table. */
    public FeatureTable coverageTable() { return table(false); }

    private FeatureTable table(boolean abundance) {
        int ns = sampleIds.size(), nm = modules.size();
        int[] ptr = new int[ns + 1];
        int[] idx = new int[ns * nm];
        double[] val = new double[ns * nm];
        int k = 0;
        for (int s = 0; s < ns; s++) {
            for (int m = 0; m < nm; m++) {
                double v = abundance ? abundance(s, m) : coverage(s, m);
                if (v != 0) { idx[k] = m; val[k] = v; k++; }
            }
            ptr[s + 1] = k;
        }
        FeatureTable t = FeatureTable.fromSampleMajor(modules.source(), sampleIds, modules.ids(), ptr, Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
        return metadata == null ? t : t.withMetadata(metadata);
    }
}
