package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PICRUSt2 metagenome predictions from marker genes (Douglas et al. 2020, Nat Biotechnol
 * 38:685), for example {@code KO_metagenome_out/pred_metagenome_unstrat.tsv.gz}. Three layouts
 * are read (tab-separated, gzip or not):
 *
 * <pre>
 * function	[description]	S1	S2            unstratified (description: add_descriptions.py)
 * K00001	3.2	0                        
 * function	sequence	S1	S2                stratified, --strat_out (wide)
 * K00001	ASV_7	1.5	0
 * sample	function	taxon	taxon_abun	taxon_rel_abun	genome_function_count	taxon_function_abun	...
 * S1	K00001	ASV_7	...	1.5	...                 contributions, --per_sequence_contrib (long)
 * </pre>
 *
 * The first cell of the header is {@code function} for the wide layouts (compared ignoring
 * case); a {@code sequence} (or {@code taxon}) column after it makes the file stratified, a
 * {@code description} column is skipped. The long layout is recognised by its {@code sample},
 * {@code function} and {@code taxon} columns and reads {@code taxon_function_abun}. Values must
 * be finite and non-negative; errors name the file, line and column.
 */
public final class Picrust2 {
    private Picrust2() {}

    /** Which PICRUSt2 output a file is. */
    public enum Layout { UNSTRATIFIED, STRATIFIED, CONTRIBUTIONS }

    private static final Set<String> SEQUENCE_HEADERS = Set.of("sequence", "taxon");
    private static final String CONTRIB_VALUE = "taxonfunctionabun";

    /** True when the file's first line is a PICRUSt2 header (see the class comment); reads only the head of the file. */
    public static boolean recognises(Path path) {
        String head = new String(TextInput.head(path, 4096), StandardCharsets.UTF_8);
        if (head.startsWith("\uFEFF")) head = head.substring(1);
        String first = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        String[] cells = first.split("\t", -1);
        if (TextTables.normalize(cells[0]).equals("function")) return true;
        List<String> norm = Arrays.stream(cells).map(TextTables::normalize).toList();
        return norm.contains("sample") && norm.contains("function") && norm.contains("taxon") && norm.contains(CONTRIB_VALUE);
    }

    /**
     * Reads a PICRUSt2 prediction in any of the three layouts.
     *
     * @throws InputException for a missing or unrecognised header, ragged rows, bad values, empty
     *                        or duplicate ids, or a file without rows
     */
    public static Picrust2Table read(Path path) {
        try (DelimitedReader r = DelimitedReader.open(path, '\t', false)) {
            TextTables.findHeader(r, cell -> true, null); // PICRUSt2 writes no comments: a '#' line is a foreign header
            if (TextTables.normalize(r.cell(0)).equals("function")) return readWide(r);
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < r.size(); i++) columns.putIfAbsent(TextTables.normalize(r.cell(i)), i);
            if (columns.containsKey("sample") && columns.containsKey("function") && columns.containsKey("taxon") && columns.containsKey(CONTRIB_VALUE)) {
                return readContributions(r, columns);
            }
            throw r.error("not a PICRUSt2 prediction: the header starts with '" + r.cell(0) + "'",
                    "give pred_metagenome_unstrat.tsv, pred_metagenome_strat.tsv or pred_metagenome_contrib.tsv as written by PICRUSt2");
        }
    }

    private static Picrust2Table readWide(DelimitedReader r) {
        int n = r.size();
        long headerLine = r.line();
        int seqCol = -1;
        int col = 1;
        while (col < n) {
            String h = TextTables.normalize(r.cell(col));
            if (seqCol < 0 && SEQUENCE_HEADERS.contains(h)) seqCol = col++;
            else if (h.equals("description")) col++;
            else break;
        }
        List<String> samples = TextTables.headerIds(r, col, n, "sample");
        SparseRows rows = new SparseRows(r.source(), "function", headerLine);
        List<String> functions = new ArrayList<>();
        List<String> taxa = new ArrayList<>();
        while (r.next()) {
            if (r.isBlank()) continue;
            r.requireFields(n, headerLine);
            rows.parse(r, col, samples);
            String function = r.cell(0);
            if (seqCol >= 0) {
                String seq = r.cell(seqCol);
                if (function.isEmpty() || seq.isEmpty()) {
                    throw r.errorAtField(function.isEmpty() ? 0 : seqCol, "empty " + (function.isEmpty() ? "function" : "sequence") + " id",
                            "give every row a function and a sequence id");
                }
                rows.keep(function + "|" + seq, r);
                functions.add(function);
                taxa.add(seq);
            } else {
                rows.keep(function, r);
            }
        }
        FeatureTable table = rows.toTable(samples, false, false);
        if (seqCol < 0) return new Picrust2Table(table, empty(table), List.of(), List.of(), Layout.UNSTRATIFIED);
        return new Picrust2Table(sumByFunction(table, functions), table, functions, taxa, Layout.STRATIFIED);
    }

    private static Picrust2Table readContributions(DelimitedReader r, Map<String, Integer> columns) {
        int n = r.size();
        long headerLine = r.line();
        int cs = columns.get("sample"), cf = columns.get("function"), ct = columns.get("taxon"), cv = columns.get(CONTRIB_VALUE);
        String valueColumn = r.cell(cv);
        String[] header = new String[n];
        for (int i = 0; i < n; i++) header[i] = r.cell(i);
        Map<String, Integer> sampleIndex = new LinkedHashMap<>();
        Map<String, Integer> featureIndex = new LinkedHashMap<>();
        List<String> functions = new ArrayList<>();
        List<String> taxa = new ArrayList<>();
        int[] si = new int[1024], fi = new int[1024];
        double[] v = new double[1024];
        int k = 0;
        while (r.next()) {
            if (r.isBlank()) continue;
            r.requireFields(n, headerLine);
            String sample = r.cell(cs), function = r.cell(cf), taxon = r.cell(ct);
            if (sample.isEmpty() || function.isEmpty() || taxon.isEmpty()) {
                int bad = sample.isEmpty() ? cs : function.isEmpty() ? cf : ct;
                throw r.errorAtField(bad, "empty '" + header[bad] + "' cell where an id was expected", "fill in the sample, function and taxon of every row");
            }
            double value = r.abundance(cv, valueColumn);
            Integer s = sampleIndex.computeIfAbsent(sample, x -> sampleIndex.size());
            String id = function + "|" + taxon;
            Integer f = featureIndex.get(id);
            if (f == null) {
                f = featureIndex.size();
                featureIndex.put(id, f);
                functions.add(function);
                taxa.add(taxon);
            }
            if (k == si.length) {
                si = Arrays.copyOf(si, 2 * k);
                fi = Arrays.copyOf(fi, 2 * k);
                v = Arrays.copyOf(v, 2 * k);
            }
            si[k] = s; fi[k] = f; v[k] = value; k++;
        }
        if (k == 0) {
            throw InputException.atLine(r.source(), headerLine, "the header is not followed by any contribution rows",
                    "add the data rows, or check that this is the right file");
        }
        FeatureTable.Builder b = new FeatureTable.Builder(r.source(), new ArrayList<>(sampleIndex.keySet()), new ArrayList<>(featureIndex.keySet()));
        for (int i = 0; i < k; i++) b.add(si[i], fi[i], v[i]);
        FeatureTable strat = b.build();
        return new Picrust2Table(sumByFunction(strat, functions), strat, functions, taxa, Layout.CONTRIBUTIONS);
    }

    private static FeatureTable empty(FeatureTable like) {
        return FeatureTable.fromSampleMajor(null, like.sampleIds(), List.of(), new int[like.sampleCount() + 1], new int[0], new double[0]);
    }

    /**
     * The community table of a stratified one: features with the same function summed (the
     * functions become the feature ids, in order of first appearance).
     */
    public static FeatureTable sumByFunction(FeatureTable strat, List<String> functionOfFeature) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        int[] groupOf = new int[functionOfFeature.size()];
        for (int f = 0; f < groupOf.length; f++) groupOf[f] = groups.computeIfAbsent(functionOfFeature.get(f), x -> groups.size());
        return strat.remapFeatures(new ArrayList<>(groups.keySet()), groupOf, null);
    }

    /**
     * Writes a stratified prediction in PICRUSt2's wide {@code --strat_out} layout
     * ({@code function<TAB>sequence<TAB>S1...}, one row per function and taxon), which
     * {@link #read} reads back. Written atomically.
     *
     * @param strat     samples × stratified features
     * @param functions the function of each feature
     * @param taxa      the taxon (sequence) of each feature
     */
    public static void writeStratified(FeatureTable strat, List<String> functions, List<String> taxa, Path path) {
        if (functions.size() != strat.featureCount() || taxa.size() != strat.featureCount()) {
            throw new IllegalArgumentException("functions and taxa must have one entry per feature");
        }
        AtomicOutput.write(path, out -> {
            java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("function\tsequence");
            for (String s : strat.sampleIds()) w.write("\t" + s);
            w.write('\n');
            FeatureMajor byFeature = strat.byFeature();
            double[] row = new double[strat.sampleCount()];
            for (int f = 0; f < strat.featureCount(); f++) {
                java.util.Arrays.fill(row, 0);
                for (int k = byFeature.featureStart(f); k < byFeature.featureEnd(f); k++) row[byFeature.sampleAt(k)] = byFeature.valueAt(k);
                w.write(functions.get(f));
                w.write('\t');
                w.write(taxa.get(f));
                for (double v : row) {
                    w.write('\t');
                    w.write(TextOutput.number(v));
                }
                w.write('\n');
            }
            w.flush();
        });
    }
}
