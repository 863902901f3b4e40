package io.gutbrain.modules;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.Parallel;
import io.gutbrain.util.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a {@link ModuleSet} against KO abundance profiles, following Omixer-RPM (Darzi et al.
 * 2016, ISME J 10:1025, the method of the gut-brain modules of Valles-Colomer et al. 2019):
 *
 * <ul>
 * <li>An input feature counts as a KO when its id is one ({@link KoIds#normalize}); rows that
 *     map to the same KO are summed. Other features are ignored.</li>
 * <li>The value of an alternative is the mean of its orthologs' abundances (a complex scores as
 *     the average of its subunits; a missing subunit counts 0), and a step is observed when the
 *     chosen alternative's value is above 0, i.e. when any of its orthologs is present.</li>
 * <li>A path picks one alternative per step. The best path has the highest coverage (observed
 *     steps / steps), then the highest score; see {@link CompiledModules} for why taking the best
 *     alternative at each step finds it without enumerating paths.</li>
 * <li>Score = {@link Estimator#MEDIAN} or {@link Estimator#AVERAGE} of the path's step values
 *     (see there, and {@link ModuleOptions#normalizeByLength}).</li>
 * <li>With {@link ModuleOptions#distribute}, a KO occurring in N distinct modules of the set
 *     contributes abundance / N to each. (Omixer-RPM's implementation counts a module twice when
 *     the KO occurs twice in it, and then divides only one of the occurrences; gutbrain divides
 *     all occurrences by the number of distinct modules, which is what its documentation says.)</li>
 * <li>A module is called when its coverage is at least the cut-off (given, or learned by
 *     {@link CoverageCutoff}).</li>
 * </ul>
 * Modules with no observed step score 0 (Omixer-RPM reports NaN for the median of nothing).
 *
 * <p>Cost: one pass over each sample's non-zeros plus the size of the module set per sample;
 * samples are scored in parallel.
 */
public final class ModuleProfiler {
    private ModuleProfiler() {}

    private static final int BLOCK = 32;

    /**
     * Profiles every sample of a samples × KO table.
     *
     * @param koTable  abundances with KO feature ids (HUMAnN, PICRUSt2 or any table; see {@link KoInput})
     * @param progress advanced by one per sample
     * @throws InputException when no feature id of the table is a KO
     */
    public static ModuleProfile profile(FeatureTable koTable, ModuleSet set, ModuleOptions options, ProgressListener progress) {
        CompiledModules cm = new CompiledModules(set);
        int nf = koTable.featureCount();
        int[] featToKo = new int[nf];
        int koFeatures = 0;
        boolean[] present = new boolean[cm.kos.length];
        for (int f = 0; f < nf; f++) {
            String id = koTable.featureIds().get(f);
            boolean isKo = KoIds.normalize(id) != null;
            if (isKo) koFeatures++;
            featToKo[f] = isKo ? cm.koOf(id) : -1;
        }
        if (koFeatures == 0) {
            throw new InputException(null, null,
                    "none of the table's " + nf + " feature ids is a KEGG orthology id (K followed by five digits)"
                            + (nf > 0 ? ", e.g. '" + koTable.featureIds().get(0) + "'" : ""),
                    "give a KO table (HUMAnN regrouped to KOs, PICRUSt2 KO_metagenome_out, or any table whose ids are KOs)");
            // (KoInput.read reports the same with the file name; this guards direct callers)
        }
        int[] prev = koTable.featurePrevalence();
        int presentCount = 0;
        for (int f = 0; f < nf; f++) {
            if (featToKo[f] >= 0 && prev[f] > 0 && !present[featToKo[f]]) { present[featToKo[f]] = true; presentCount++; }
        }
        int ns = koTable.sampleCount(), nm = set.size();
        double[] coverage = new double[ns * nm];
        double[] score = new double[ns * nm];
        int blocks = (ns + BLOCK - 1) / BLOCK;
        Parallel.forEach(blocks, options.threads(), b -> {
            double[] kv = new double[cm.kos.length];
            int[] touched = new int[cm.kos.length];
            double[] scratch = new double[Math.max(1, cm.maxSteps)];
            double[] out = new double[2];
            int end = Math.min(ns, (b + 1) * BLOCK);
            for (int s = b * BLOCK; s < end; s++) {
                int nt = fill(koTable, s, featToKo, options.distribute() ? cm.divisor : null, kv, touched);
                for (int m = 0; m < nm; m++) {
                    cm.score(m, kv, options.estimator(), options.normalizeByLength(), scratch, out);
                    coverage[s * nm + m] = out[0];
                    score[s * nm + m] = out[1];
                }
                for (int i = 0; i < nt; i++) kv[touched[i]] = 0;
            }
            progress.advance(end - b * BLOCK);
        });
        double cutoff = options.learnsCutoff() ? CoverageCutoff.learn(coverage) : options.coverageCutoff();
        return new ModuleProfile(koTable.sampleIds(), set, options, cutoff, coverage, score, koTable.metadata(),
                koFeatures, nf - koFeatures, presentCount);
    }

    /**
     * Loads sample {@code s} into {@code kv}: rows of the same KO are summed, then divided by the
     * KO's module count when distributing. Returns how many KO slots were touched (listed in
     * {@code touched}) so the caller can clear them.
     */
    private static int fill(FeatureTable t, int s, int[] featToKo, double[] divisor, double[] kv, int[] touched) {
        int nt = 0;
        for (int k = t.sampleStart(s), e = t.sampleEnd(s); k < e; k++) {
            int ko = featToKo[t.indexAt(k)];
            if (ko < 0) continue;
            if (kv[ko] == 0) touched[nt++] = ko;
            kv[ko] += t.valueAt(k);
        }
        if (divisor != null) for (int i = 0; i < nt; i++) kv[touched[i]] /= divisor[touched[i]];
        return nt;
    }

    /**
     * Per-taxon module calls from a taxon-stratified KO table (HUMAnN's {@code KO|taxon} rows,
     * PICRUSt2's per-sequence predictions): each taxon's KOs in each sample are scored on their
     * own, as Omixer-RPM does with taxonomic annotation, and every (sample, module, taxon) whose
     * coverage reaches {@code cutoff} is reported with its abundance estimate and coverage.
     *
     * @param cutoff   the coverage cut-off (normally {@link ModuleProfile#cutoff()} of the community profile)
     * @param progress advanced by one per sample
     */
    public static ModuleContributions contributions(StratifiedKo strat, ModuleSet set, ModuleOptions options, double cutoff,
                                                    ProgressListener progress) {
        CompiledModules cm = new CompiledModules(set);
        FeatureTable t = strat.table();
        int nf = t.featureCount();
        int[] featToKo = new int[nf];
        int[] taxonOf = new int[nf];
        Map<String, Integer> taxonIndex = new HashMap<>();
        List<String> taxa = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            featToKo[f] = cm.koOf(strat.function(f));
            String taxon = strat.taxon(f);
            Integer ti = taxonIndex.get(taxon);
            if (ti == null) { ti = taxa.size(); taxonIndex.put(taxon, ti); taxa.add(taxon); }
            taxonOf[f] = ti;
        }
        int ns = t.sampleCount(), nm = set.size();
        long[][] rowsBySample = new long[ns][];
        double[][] valuesBySample = new double[ns][];
        Parallel.forEach(ns, options.threads(), s -> {
            double[] kv = new double[cm.kos.length];
            double[] scratch = new double[Math.max(1, cm.maxSteps)];
            double[] out = new double[2];
            boolean[] moduleMark = new boolean[nm];
            int[] moduleList = new int[nm];
            int start = t.sampleStart(s), end = t.sampleEnd(s);
            long[] keys = new long[end - start];
            int n = 0;
            for (int k = start; k < end; k++) {
                int f = t.indexAt(k);
                if (featToKo[f] >= 0) keys[n++] = ((long) taxonOf[f] << 32) | (k - start);
            }
            Arrays.sort(keys, 0, n);
            long[] rows = new long[16];
            double[] vals = new double[32];
            int nr = 0;
            int[] touched = new int[cm.kos.length];
            for (int g = 0; g < n; ) {
                int taxon = (int) (keys[g] >>> 32);
                int nt = 0, nmod = 0;
                int h = g;
                for (; h < n && (int) (keys[h] >>> 32) == taxon; h++) {
                    int k = start + (int) (keys[h] & 0xffffffffL);
                    int ko = featToKo[t.indexAt(k)];
                    if (kv[ko] == 0) {
                        touched[nt++] = ko;
                        for (int m : cm.modulesOfKo[ko]) if (!moduleMark[m]) { moduleMark[m] = true; moduleList[nmod++] = m; }
                    }
                    kv[ko] += t.valueAt(k);
                }
                if (options.distribute()) for (int i = 0; i < nt; i++) kv[touched[i]] /= cm.divisor[touched[i]];
                for (int i = 0; i < nmod; i++) {
                    int m = moduleList[i];
                    moduleMark[m] = false;
                    cm.score(m, kv, options.estimator(), options.normalizeByLength(), scratch, out);
                    if (out[0] >= cutoff && out[0] > 0) {
                        if (nr == rows.length) { rows = Arrays.copyOf(rows, nr * 2); vals = Arrays.copyOf(vals, nr * 4); }
                        rows[nr] = ((long) m << 32) | taxon;
                        vals[2 * nr] = out[1];
                        vals[2 * nr + 1] = out[0];
                        nr++;
                    }
                }
                for (int i = 0; i < nt; i++) kv[touched[i]] = 0;
                g = h;
            }
            // order rows by module, then taxon (keys are unique within a sample)
            final long[] keyOf = rows;
            Integer[] perm = new Integer[nr];
            for (int i = 0; i < nr; i++) perm[i] = i;
            Arrays.sort(perm, (a, b) -> Long.compare(keyOf[a], keyOf[b]));
            long[] sortedRows = new long[nr];
            double[] sortedVals = new double[2 * nr];
            for (int i = 0; i < nr; i++) {
                sortedRows[i] = rows[perm[i]];
                sortedVals[2 * i] = vals[2 * perm[i]];
                sortedVals[2 * i + 1] = vals[2 * perm[i] + 1];
            }
            rowsBySample[s] = sortedRows;
            valuesBySample[s] = sortedVals;
            progress.advance(1);
        });
        return ModuleContributions.of(t.sampleIds(), set, taxa, rowsBySample, valuesBySample);
    }
}
