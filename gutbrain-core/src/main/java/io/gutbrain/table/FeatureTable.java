package io.gutbrain.table;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A sparse, immutable samples × features abundance table (counts or proportions).
 *
 * <p><b>Layout.</b> Compressed by sample (CSR with samples as rows): for sample {@code s} the
 * non-zero entries are at positions {@code [sampleStart(s), sampleEnd(s))} of two parallel
 * arrays, feature indices (ascending, unique) and values. That is 12 bytes per non-zero (one
 * {@code int} and one {@code double}), which keeps American Gut (1,962 × 19,236, 1.4 M
 * non-zeros) at about 17 MB. Per-sample kernels (alpha diversity, Bray–Curtis) read one
 * contiguous run; algorithms that need features as rows call {@link #byFeature()}, which builds
 * the transposed layout once, lazily, and caches it.
 *
 * <p><b>Invariants</b>, checked on construction: ids unique and non-empty; values finite,
 * non-negative and non-zero (zeros are not stored); indices in range and strictly ascending
 * within a sample.
 *
 * <p>Optional per-feature {@link Lineage}s (taxonomy) and per-sample {@link SampleMetadata}
 * travel with the table through subsetting and filtering.
 */
public final class FeatureTable {
    private final List<String> sampleIds;
    private final List<String> featureIds;
    private final int[] samplePtr;     // length nSamples + 1
    private final int[] featureIdx;    // length nnz
    private final double[] values;     // length nnz
    private final Lineage[] lineages;  // null or length nFeatures
    private final SampleMetadata metadata; // null or rows aligned to sampleIds
    private volatile Map<String, Integer> sampleIndex;
    private volatile Map<String, Integer> featureIndex;
    private volatile FeatureMajor byFeature;
    /** The file the values came from (null when built in code or merged from several), for messages. */
    private final String source;
    /** 2^53: every whole number up to it is exact as a double. */
    private static final double MAX_EXACT_COUNT = 9007199254740992.0;
    /** Position of the first value that is not a whole number, -1 when all are; -2 until computed. */
    private volatile long firstNonInteger = -2;

    private FeatureTable(List<String> sampleIds, List<String> featureIds, int[] samplePtr, int[] featureIdx,
                         double[] values, Lineage[] lineages, SampleMetadata metadata, boolean validate, String source) {
        this.source = source;
        this.sampleIds = sampleIds;
        this.featureIds = featureIds;
        this.samplePtr = samplePtr;
        this.featureIdx = featureIdx;
        this.values = values;
        this.lineages = lineages;
        this.metadata = metadata;
        if (validate) validate(null);
    }

    /**
     * Wraps sample-major (CSR) arrays without copying them; validates every invariant.
     * The caller must not modify the arrays afterwards.
     *
     * @param source the file the data came from, for error messages (may be null)
     */
    public static FeatureTable fromSampleMajor(String source, List<String> sampleIds, List<String> featureIds,
                                               int[] samplePtr, int[] featureIdx, double[] values) {
        FeatureTable t = new FeatureTable(List.copyOf(sampleIds), List.copyOf(featureIds), samplePtr, featureIdx, values, null, null, false, source);
        t.validate(source);
        return t;
    }

    /** Builds a table from a dense samples × features matrix (zeros are dropped). */
    public static FeatureTable fromDense(String source, List<String> sampleIds, List<String> featureIds, double[][] bySample) {
        Builder b = new Builder(source, sampleIds, featureIds);
        for (int s = 0; s < bySample.length; s++) {
            for (int f = 0; f < bySample[s].length; f++) b.add(s, f, bySample[s][f]);
        }
        return b.build();
    }

    private void validate(String source) {
        int ns = sampleIds.size();
        int nf = featureIds.size();
        checkIds(source, sampleIds, "sample");
        checkIds(source, featureIds, "feature");
        if (samplePtr.length != ns + 1 || samplePtr[0] != 0 || samplePtr[ns] != featureIdx.length || featureIdx.length != values.length) {
            throw new InputException(source, null, "table shape (" + ns + " samples x " + nf + " features) disagrees with its data", "rewrite the table with a consistent shape");
        }
        for (int s = 0; s < ns; s++) {
            int prev = -1;
            if (samplePtr[s + 1] < samplePtr[s]) {
                throw new InputException(source, "sample '" + sampleIds.get(s) + "'", "corrupt sparse layout", "rewrite the table");
            }
            for (int k = samplePtr[s]; k < samplePtr[s + 1]; k++) {
                int f = featureIdx[k];
                double v = values[k];
                if (f < 0 || f >= nf) {
                    throw new InputException(source, "sample '" + sampleIds.get(s) + "'", "feature index " + f + " outside 0.." + (nf - 1), "rewrite the table with a consistent shape");
                }
                if (f <= prev) {
                    throw new InputException(source, "sample '" + sampleIds.get(s) + "', feature '" + featureIds.get(f) + "'", "feature entered twice or out of order", "give each sample/feature pair one value");
                }
                prev = f;
                checkValue(source, sampleIds.get(s), featureIds.get(f), v);
            }
        }
    }

    static void checkValue(String source, String sample, String feature, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new InputException(source, "sample '" + sample + "', feature '" + feature + "'", "value is " + v + "; abundances must be finite numbers", "replace it with a count or proportion");
        }
        if (v < 0) {
            throw new InputException(source, "sample '" + sample + "', feature '" + feature + "'", "negative abundance " + v, "abundances must be >= 0; correct the value");
        }
    }

    private static void checkIds(String source, List<String> ids, String what) {
        Map<String, Integer> seen = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isEmpty()) {
                throw new InputException(source, what + " " + (i + 1), "empty " + what + " id", "give every " + what + " a non-empty id");
            }
            Integer prev = seen.put(id, i);
            if (prev != null) {
                throw new InputException(source, what + " id '" + id + "'", "duplicate " + what + " id (positions " + (prev + 1) + " and " + (i + 1) + ")", "make " + what + " ids unique");
            }
        }
    }

    // ------------------------------------------------------------------ shape and access

    /**
     * The file this table was read from, as the user named it, for messages; kept through
     * subsetting, filtering and transposing. Null for tables built in code or merged from several files.
     */
    public String source() { return source; }

    /**
     * The first stored value that is not a whole number (or is above 2<sup>53</sup>, where
     * doubles skip whole numbers), as {@code {sample, feature}} indices, or null when every value
     * is a whole number (so the table holds counts). Computed once per table and
     * cached, so every step that needs integer counts (rarefaction, Chao1, ACE, Good's coverage)
     * can ask without scanning the values again.
     */
    public int[] firstNonIntegerCell() {
        long k = firstNonInteger;
        if (k == -2) {
            k = -1;
            for (int i = 0; i < values.length; i++) {
                // above 2^53 a double no longer holds every whole number, so it is no read count either
                if (values[i] != Math.rint(values[i]) || values[i] > MAX_EXACT_COUNT) {
                    k = i;
                    break;
                }
            }
            firstNonInteger = k;
        }
        if (k < 0) return null;
        int s = java.util.Arrays.binarySearch(samplePtr, (int) k);
        if (s < 0) s = -s - 2;
        while (s + 1 < samplePtr.length && samplePtr[s + 1] <= k) s++; // skip empty samples sharing the pointer
        return new int[] {s, featureIdx[(int) k]};
    }

    public int sampleCount() { return sampleIds.size(); }
    public int featureCount() { return featureIds.size(); }
    public int nonZeroCount() { return values.length; }

    /** Fraction of cells that are non-zero (0 for an empty shape). */
    public double density() {
        double cells = (double) sampleCount() * featureCount();
        return cells == 0 ? 0 : values.length / cells;
    }

    public List<String> sampleIds() { return sampleIds; }
    public List<String> featureIds() { return featureIds; }

    /** Index of a sample id, or -1. */
    public int sampleIndex(String id) {
        Map<String, Integer> m = sampleIndex;
        if (m == null) sampleIndex = m = indexOf(sampleIds);
        Integer i = m.get(id);
        return i == null ? -1 : i;
    }

    /** Index of a feature id, or -1. */
    public int featureIndex(String id) {
        Map<String, Integer> m = featureIndex;
        if (m == null) featureIndex = m = indexOf(featureIds);
        Integer i = m.get(id);
        return i == null ? -1 : i;
    }

    private static Map<String, Integer> indexOf(List<String> ids) {
        Map<String, Integer> m = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) m.put(ids.get(i), i);
        return m;
    }

    /** First position of sample {@code s}'s entries in {@link #indexAt}/{@link #valueAt}. */
    public int sampleStart(int s) { return samplePtr[s]; }
    /** One past the last position of sample {@code s}'s entries. */
    public int sampleEnd(int s) { return samplePtr[s + 1]; }
    /** Feature index of the entry at a position. */
    public int indexAt(int k) { return featureIdx[k]; }
    /** Value of the entry at a position. */
    public double valueAt(int k) { return values[k]; }

    /** Number of non-zero features in sample {@code s} (observed richness). */
    public int sampleNonZero(int s) { return samplePtr[s + 1] - samplePtr[s]; }

    /*
     * The raw CSR arrays, shared with the hot kernels through TableArrays only (package-private
     * so that the table's public API never hands out its internal arrays). Positions for sample
     * s are [ptr[s], ptr[s+1]).
     */
    int[] rawSamplePointers() { return samplePtr; }
    int[] rawFeatureIndices() { return featureIdx; }
    double[] rawValues() { return values; }

    /** The value at (sample, feature); 0 when not stored. Binary search: O(log nnz(sample)). */
    public double get(int s, int f) {
        int k = Arrays.binarySearch(featureIdx, samplePtr[s], samplePtr[s + 1], f);
        return k >= 0 ? values[k] : 0.0;
    }

    /** Sample {@code s} as a dense vector over all features (allocates featureCount doubles). */
    public double[] sampleDense(int s) {
        double[] out = new double[featureCount()];
        for (int k = samplePtr[s]; k < samplePtr[s + 1]; k++) out[featureIdx[k]] = values[k];
        return out;
    }

    /** Sum of a sample's values (its sequencing depth for a count table). */
    public double sampleTotal(int s) {
        double t = 0;
        for (int k = samplePtr[s]; k < samplePtr[s + 1]; k++) t += values[k];
        return t;
    }

    public double[] sampleTotals() {
        double[] out = new double[sampleCount()];
        for (int s = 0; s < out.length; s++) out[s] = sampleTotal(s);
        return out;
    }

    public double[] featureTotals() {
        double[] out = new double[featureCount()];
        for (int k = 0; k < values.length; k++) out[featureIdx[k]] += values[k];
        return out;
    }

    /** Number of samples in which each feature is non-zero. */
    public int[] featurePrevalence() {
        int[] out = new int[featureCount()];
        for (int f : featureIdx) out[f]++;
        return out;
    }

    /** Sum of all values. */
    public double total() {
        double t = 0;
        for (double v : values) t += v;
        return t;
    }

    /** True when every stored value is a whole number (a count table). */
    public boolean isIntegral() {
        for (double v : values) if (v != Math.rint(v)) return false;
        return true;
    }

    /** The features-as-rows (CSC) view, built on first use and cached. */
    public FeatureMajor byFeature() {
        FeatureMajor fm = byFeature;
        if (fm == null) {
            synchronized (this) {
                fm = byFeature;
                if (fm == null) byFeature = fm = FeatureMajor.of(this);
            }
        }
        return fm;
    }

    // ------------------------------------------------------------------ annotations

    /** Per-feature lineages aligned with {@link #featureIds()}, or null when the table has none. */
    public Lineage lineage(int feature) { return lineages == null ? null : lineages[feature]; }

    public boolean hasTaxonomy() { return lineages != null; }

    /** A copy of the lineages array, or null. */
    public Lineage[] lineages() { return lineages == null ? null : lineages.clone(); }

    /** Per-sample metadata aligned with {@link #sampleIds()}, or null. */
    public SampleMetadata metadata() { return metadata; }

    /** This table with per-feature lineages (array aligned with feature ids; null entries allowed). */
    public FeatureTable withTaxonomy(Lineage[] perFeature) {
        if (perFeature != null && perFeature.length != featureCount()) {
            throw new IllegalArgumentException("lineages: " + perFeature.length + " for " + featureCount() + " features");
        }
        return new FeatureTable(sampleIds, featureIds, samplePtr, featureIdx, values, perFeature == null ? null : shareEqual(perFeature), metadata, false, source);
    }

    /**
     * A copy in which equal lineages are one object: thousands of OTUs share a lineage, so this
     * keeps taxonomy to a few bytes per feature.
     */
    private static Lineage[] shareEqual(Lineage[] perFeature) {
        Map<Lineage, Lineage> seen = new HashMap<>();
        Lineage[] out = new Lineage[perFeature.length];
        for (int f = 0; f < out.length; f++) {
            Lineage l = perFeature[f];
            out[f] = l == null ? null : seen.computeIfAbsent(l, x -> x);
        }
        return out;
    }

    /**
     * This table with lineages looked up by feature id; features absent from the map get an
     * unassigned lineage.
     */
    public FeatureTable withTaxonomy(Map<String, Lineage> byFeatureId) {
        Lineage[] l = new Lineage[featureCount()];
        for (int f = 0; f < l.length; f++) {
            Lineage x = byFeatureId.get(featureIds.get(f));
            l[f] = x == null ? Lineage.parse("") : x;
        }
        return withTaxonomy(l);
    }

    /**
     * This table with metadata attached, re-ordered to the table's samples. Samples missing from
     * the metadata get all-missing rows; use {@link io.gutbrain.metadata.MetadataMatch} first to
     * report mismatches.
     */
    public FeatureTable withMetadata(SampleMetadata md) {
        SampleMetadata aligned = md == null ? null : md.select(sampleIds);
        return new FeatureTable(sampleIds, featureIds, samplePtr, featureIdx, values, lineages, aligned, false, source);
    }

    // ------------------------------------------------------------------ sample operations

    /** Keeps the samples whose index satisfies the predicate, in their current order. */
    public FeatureTable filterSamples(java.util.function.IntPredicate keep) {
        List<Integer> idx = new ArrayList<>();
        for (int s = 0; s < sampleCount(); s++) if (keep.test(s)) idx.add(s);
        return selectSamples(idx.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Keeps the named samples in the given order.
     * @throws InputException naming up to five ids that the table does not have
     */
    public FeatureTable subsetSamples(Collection<String> ids) {
        int[] idx = new int[ids.size()];
        List<String> missing = new ArrayList<>();
        int i = 0;
        for (String id : ids) {
            int s = sampleIndex(id);
            if (s < 0) missing.add(id);
            idx[i++] = s;
        }
        if (!missing.isEmpty()) {
            throw new InputException(source, null, missing.size() + " requested sample id(s) are not in the table: " + firstFew(missing), "check the sample ids");
        }
        return selectSamples(idx);
    }

    /** Keeps samples with depth (total) at least {@code minDepth}. */
    public FeatureTable filterMinDepth(double minDepth) {
        return filterSamples(s -> sampleTotal(s) >= minDepth);
    }

    /** Keeps samples whose metadata row satisfies the predicate; requires attached metadata. */
    public FeatureTable filterSamplesByMetadata(Predicate<Map<String, String>> keep) {
        if (metadata == null) {
            throw new InputException(source, null, "this table has no sample metadata", "load metadata with --metadata");
        }
        return filterSamples(s -> keep.test(metadata.row(sampleIds.get(s))));
    }

    /** Samples at the given indices (repeats not allowed), in that order. */
    public FeatureTable selectSamples(int[] idx) {
        int nnz = 0;
        for (int s : idx) nnz += samplePtr[s + 1] - samplePtr[s];
        int[] ptr = new int[idx.length + 1];
        int[] fi = new int[nnz];
        double[] v = new double[nnz];
        List<String> ids = new ArrayList<>(idx.length);
        int pos = 0;
        for (int i = 0; i < idx.length; i++) {
            int s = idx[i];
            int len = samplePtr[s + 1] - samplePtr[s];
            System.arraycopy(featureIdx, samplePtr[s], fi, pos, len);
            System.arraycopy(values, samplePtr[s], v, pos, len);
            pos += len;
            ptr[i + 1] = pos;
            ids.add(sampleIds.get(s));
        }
        List<String> idList = List.copyOf(ids);
        checkIds(null, idList, "sample");
        SampleMetadata md = metadata == null ? null : metadata.select(idList);
        return new FeatureTable(idList, featureIds, ptr, fi, v, lineages, md, false, source);
    }

    // ------------------------------------------------------------------ feature operations

    /**
     * Keeps features that pass all three thresholds (a threshold of 0 disables it).
     *
     * @param minTotal          minimum sum over samples
     * @param minPrevalence     minimum fraction of samples (0..1) in which the feature is non-zero
     * @param minRelAbundance   minimum relative abundance (0..1) reached in at least one sample
     */
    public FeatureTable filterFeatures(double minTotal, double minPrevalence, double minRelAbundance) {
        double[] totals = featureTotals();
        int[] prev = featurePrevalence();
        double[] maxRel = new double[featureCount()];
        if (minRelAbundance > 0) {
            for (int s = 0; s < sampleCount(); s++) {
                double t = sampleTotal(s);
                if (t <= 0) continue;
                for (int k = samplePtr[s]; k < samplePtr[s + 1]; k++) {
                    double r = values[k] / t;
                    if (r > maxRel[featureIdx[k]]) maxRel[featureIdx[k]] = r;
                }
            }
        }
        int ns = sampleCount();
        boolean[] keep = new boolean[featureCount()];
        for (int f = 0; f < keep.length; f++) {
            keep[f] = totals[f] >= minTotal
                    && (minPrevalence <= 0 || (ns > 0 && prev[f] >= minPrevalence * ns - 1e-12))
                    && (minRelAbundance <= 0 || maxRel[f] >= minRelAbundance);
        }
        return selectFeatures(keep);
    }

    /** Keeps the features flagged true, in their current order. */
    public FeatureTable selectFeatures(boolean[] keep) {
        int[] newIndex = new int[featureCount()];
        List<String> ids = new ArrayList<>();
        List<Lineage> lin = lineages == null ? null : new ArrayList<>();
        for (int f = 0; f < keep.length; f++) {
            if (keep[f]) {
                newIndex[f] = ids.size();
                ids.add(featureIds.get(f));
                if (lin != null) lin.add(lineages[f]);
            } else {
                newIndex[f] = -1;
            }
        }
        int nnz = 0;
        for (int f : featureIdx) if (newIndex[f] >= 0) nnz++;
        int[] ptr = new int[sampleCount() + 1];
        int[] fi = new int[nnz];
        double[] v = new double[nnz];
        int pos = 0;
        for (int s = 0; s < sampleCount(); s++) {
            for (int k = samplePtr[s]; k < samplePtr[s + 1]; k++) {
                int nf = newIndex[featureIdx[k]];
                if (nf >= 0) { fi[pos] = nf; v[pos] = values[k]; pos++; }
            }
            ptr[s + 1] = pos;
        }
        return new FeatureTable(sampleIds, List.copyOf(ids), ptr, fi, v,
                lin == null ? null : lin.toArray(new Lineage[0]), metadata, false, source);
    }

    /** Drops features that are zero in every sample. */
    public FeatureTable dropEmptyFeatures() {
        int[] prev = featurePrevalence();
        boolean[] keep = new boolean[prev.length];
        for (int f = 0; f < prev.length; f++) keep[f] = prev[f] > 0;
        return selectFeatures(keep);
    }

    // ------------------------------------------------------------------ transformations

    /** Each sample divided by its total (samples with total 0 stay empty). */
    public FeatureTable relativeAbundance() {
        double[] v = values.clone();
        for (int s = 0; s < sampleCount(); s++) {
            double t = sampleTotal(s);
            if (t <= 0) continue;
            for (int k = samplePtr[s]; k < samplePtr[s + 1]; k++) v[k] = values[k] / t;
        }
        return new FeatureTable(sampleIds, featureIds, samplePtr, featureIdx, v, lineages, metadata, false, source);
    }

    /**
     * Sums features that share a lineage truncated at {@code rank} (QIIME 2 {@code taxa collapse}).
     * New feature ids are the truncated lineages ({@code k__A;p__B;...;g__X}); levels missing
     * from a lineage are padded with the bare prefix so unassigned features group together.
     * The new features' lineages are the truncated ones.
     */
    public FeatureTable collapse(Rank rank) {
        if (lineages == null) {
            throw new InputException(source, null, "cannot collapse to " + rank.label() + ": the table has no taxonomy",
                    "supply taxonomy (BIOM observation metadata, a taxonomy column or --taxonomy FILE)");
        }
        Map<String, Integer> groups = new LinkedHashMap<>();
        int[] groupOf = new int[featureCount()];
        for (int f = 0; f < groupOf.length; f++) {
            Lineage l = lineages[f] == null ? Lineage.parse("") : lineages[f];
            String key = l.truncatedId(rank);
            Integer g = groups.get(key);
            if (g == null) { g = groups.size(); groups.put(key, g); }
            groupOf[f] = g;
        }
        List<String> ids = new ArrayList<>(groups.keySet());
        Lineage[] lin = new Lineage[ids.size()];
        for (int g = 0; g < lin.length; g++) lin[g] = Lineage.parse(ids.get(g));
        return remapFeatures(ids, groupOf, lin);
    }

    /** Sums features into new features: old feature f goes to new feature {@code groupOf[f]}. */
    public FeatureTable remapFeatures(List<String> newIds, int[] groupOf, Lineage[] newLineages) {
        int ng = newIds.size();
        int[] ptr = new int[sampleCount() + 1];
        int[] fi = new int[values.length];
        double[] v = new double[values.length];
        double[] acc = new double[ng];
        boolean[] touched = new boolean[ng];
        int[] list = new int[ng];
        int pos = 0;
        for (int s = 0; s < sampleCount(); s++) {
            int n = 0;
            for (int k = samplePtr[s]; k < samplePtr[s + 1]; k++) {
                int g = groupOf[featureIdx[k]];
                if (!touched[g]) { touched[g] = true; list[n++] = g; }
                acc[g] += values[k];
            }
            Arrays.sort(list, 0, n);
            for (int i = 0; i < n; i++) {
                int g = list[i];
                if (acc[g] != 0) { fi[pos] = g; v[pos] = acc[g]; pos++; }
                acc[g] = 0; touched[g] = false;
            }
            ptr[s + 1] = pos;
        }
        return new FeatureTable(sampleIds, List.copyOf(newIds), ptr, Arrays.copyOf(fi, pos), Arrays.copyOf(v, pos),
                newLineages, metadata, false, source);
    }

    /**
     * Swaps the roles of samples and features (for example to treat a features-as-columns file
     * as usual). Lineages and metadata are dropped because they do not carry over.
     */
    public FeatureTable transpose() {
        FeatureMajor fm = byFeature();
        return new FeatureTable(featureIds, sampleIds, fm.pointers(), fm.sampleIndices(), fm.values(), null, null, false, source);
    }

    /**
     * Merges tables: the union of samples and features. A sample present in more than one table
     * is an error unless {@code sumOverlapping} is true, in which case its values are summed.
     * Lineages are kept when every table that has the feature agrees (the first one wins).
     */
    public static FeatureTable merge(List<FeatureTable> tables, boolean sumOverlapping) {
        if (tables.isEmpty()) throw new IllegalArgumentException("no tables to merge");
        Map<String, Integer> sIndex = new LinkedHashMap<>();
        Map<String, Integer> fIndex = new LinkedHashMap<>();
        Map<String, Lineage> lin = new HashMap<>();
        boolean anyLineage = false;
        for (FeatureTable t : tables) {
            for (String id : t.sampleIds) {
                if (sIndex.containsKey(id) && !sumOverlapping) {
                    throw new InputException(null, "sample id '" + id + "'", "sample appears in more than one table", "rename it, drop it from one table, or merge with --sum-overlapping");
                }
                sIndex.putIfAbsent(id, sIndex.size());
            }
            for (int f = 0; f < t.featureCount(); f++) {
                fIndex.putIfAbsent(t.featureIds.get(f), fIndex.size());
                if (t.lineages != null && t.lineages[f] != null) {
                    lin.putIfAbsent(t.featureIds.get(f), t.lineages[f]);
                    anyLineage = true;
                }
            }
        }
        Builder b = new Builder(null, new ArrayList<>(sIndex.keySet()), new ArrayList<>(fIndex.keySet()));
        for (FeatureTable t : tables) {
            int[] fmap = new int[t.featureCount()];
            for (int f = 0; f < fmap.length; f++) fmap[f] = fIndex.get(t.featureIds.get(f));
            for (int s = 0; s < t.sampleCount(); s++) {
                int ns = sIndex.get(t.sampleIds.get(s));
                for (int k = t.samplePtr[s]; k < t.samplePtr[s + 1]; k++) {
                    if (sumOverlapping) b.addSum(ns, fmap[t.featureIdx[k]], t.values[k]);
                    else b.add(ns, fmap[t.featureIdx[k]], t.values[k]);
                }
            }
        }
        FeatureTable merged = b.build();
        return anyLineage ? merged.withTaxonomy(lin) : merged;
    }

    // ------------------------------------------------------------------ equality

    /** True when ids, values (exactly), lineages and shape agree. Metadata is not compared. */
    public boolean sameData(FeatureTable o) {
        return sampleIds.equals(o.sampleIds) && featureIds.equals(o.featureIds)
                && Arrays.equals(samplePtr, o.samplePtr) && Arrays.equals(featureIdx, o.featureIdx)
                && Arrays.equals(values, o.values) && Arrays.equals(lineages, o.lineages);
    }

    @Override public String toString() {
        return "FeatureTable[" + sampleCount() + " samples x " + featureCount() + " features, " + nonZeroCount() + " non-zeros]";
    }

    static String firstFew(List<String> ids) {
        return io.gutbrain.error.Messages.firstFew(ids);
    }

    // ------------------------------------------------------------------ builder

    /**
     * Accumulates (sample, feature, value) triples in any order and builds a validated table.
     * Repeated triples for the same cell are an error (a duplicated row in the input), except
     * through {@link #addSum}. Values are checked as they arrive so the error names the cell.
     * Memory: 16 bytes per non-zero while building.
     */
    public static final class Builder {
        private final String source;
        private final List<String> sampleIds;
        private final List<String> featureIds;
        private int[] rows = new int[1024];
        private int[] cols = new int[1024];
        private double[] vals = new double[1024];
        private int n;
        private boolean allowSum;

        public Builder(String source, List<String> sampleIds, List<String> featureIds) {
            this.source = source;
            this.sampleIds = List.copyOf(sampleIds);
            this.featureIds = List.copyOf(featureIds);
        }

        /** Adds a value; zeros are ignored; negative, NaN or infinite values throw with the cell named. */
        public Builder add(int sample, int feature, double value) {
            if (value == 0) return this;
            if (sample < 0 || sample >= sampleIds.size() || feature < 0 || feature >= featureIds.size()) {
                throw new InputException(source, null, "entry (" + sample + ", " + feature + ") lies outside the declared shape "
                        + sampleIds.size() + " samples x " + featureIds.size() + " features", "fix the shape or the entry");
            }
            checkValue(source, sampleIds.get(sample), featureIds.get(feature), value);
            if (n == rows.length) {
                int cap = n * 2;
                rows = Arrays.copyOf(rows, cap);
                cols = Arrays.copyOf(cols, cap);
                vals = Arrays.copyOf(vals, cap);
            }
            rows[n] = sample; cols[n] = feature; vals[n] = value; n++;
            return this;
        }

        /** Like {@link #add} but repeated cells are summed instead of rejected. */
        public Builder addSum(int sample, int feature, double value) {
            allowSum = true;
            return add(sample, feature, value);
        }

        public FeatureTable build() {
            int ns = sampleIds.size();
            int[] ptr = new int[ns + 1];
            for (int i = 0; i < n; i++) ptr[rows[i] + 1]++;
            for (int s = 0; s < ns; s++) ptr[s + 1] += ptr[s];
            int[] fill = Arrays.copyOf(ptr, ns);
            int[] fi = new int[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                int p = fill[rows[i]]++;
                fi[p] = cols[i];
                v[p] = vals[i];
            }
            rows = null; cols = null; vals = null;
            // sort each sample's run by feature index and resolve repeats
            int out = 0;
            int[] newPtr = new int[ns + 1];
            for (int s = 0; s < ns; s++) {
                int a = ptr[s], b = ptr[s + 1];
                if (!isSorted(fi, a, b)) sortRun(fi, v, a, b);
                for (int k = a; k < b; k++) {
                    if (out > newPtr[s] && fi[out - 1] == fi[k]) {
                        if (!allowSum) {
                            throw new InputException(source, "sample '" + sampleIds.get(s) + "', feature '" + featureIds.get(fi[k]) + "'",
                                    "value given more than once", "give each sample/feature pair one value");
                        }
                        v[out - 1] += v[k];
                    } else {
                        fi[out] = fi[k];
                        v[out] = v[k];
                        out++;
                    }
                }
                newPtr[s + 1] = out;
            }
            int[] fiF = out == fi.length ? fi : Arrays.copyOf(fi, out);
            double[] vF = out == v.length ? v : Arrays.copyOf(v, out);
            return fromSampleMajor(source, sampleIds, featureIds, newPtr, fiF, vF);
        }

        private static boolean isSorted(int[] a, int from, int to) {
            for (int i = from + 1; i < to; i++) if (a[i] < a[i - 1]) return false;
            return true;
        }

        private static void sortRun(int[] idx, double[] val, int from, int to) {
            int len = to - from;
            long[] packed = new long[len];
            for (int i = 0; i < len; i++) packed[i] = ((long) idx[from + i] << 32) | i;
            Arrays.sort(packed);
            double[] tmp = Arrays.copyOfRange(val, from, to);
            for (int i = 0; i < len; i++) {
                idx[from + i] = (int) (packed[i] >>> 32);
                val[from + i] = tmp[(int) (packed[i] & 0xffffffffL)];
            }
        }
    }

    /** Shared by the readers: true if both lists have the same ids in the same order. */
    static boolean sameIds(List<String> a, List<String> b) { return Objects.equals(a, b); }
}
