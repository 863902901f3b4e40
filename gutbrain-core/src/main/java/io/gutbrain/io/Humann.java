package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * HUMAnN 3 functional profiles (Beghini et al. 2021, eLife 10:e65088): gene families, KOs or
 * other regrouped functions, and pathway abundance or coverage, single-sample or joined with
 * {@code humann_join_tables}.
 *
 * <pre>
 * # Gene Family	S1_Abundance-RPKs	S2_Abundance-RPKs
 * UNMAPPED	1200.0	980.5
 * UniRef90_A0A015QQE8	12.5	0.0
 * UniRef90_A0A015QQE8|g__Bacteroides.s__Bacteroides_fragilis	10.0	0.0
 * UniRef90_A0A015QQE8|unclassified	2.5	0.0
 * </pre>
 *
 * The header is the first non-blank line and must start with {@code #} (any label: {@code # Gene
 * Family}, {@code # Pathway}, ...); the other header cells are sample names. Rows without
 * {@code |} form the unstratified table, rows {@code FUNCTION|taxon} the stratified one (see
 * {@link HumannTable}). Values are non-negative numbers (RPK, CPM, relative abundance or
 * coverage) and are kept as written.
 *
 * <p><b>Unassigned rows.</b> {@code UNMAPPED}, {@code UNINTEGRATED} and {@code UNGROUPED} (and
 * their stratified forms such as {@code UNINTEGRATED|g__X.s__Y}) are kept by default, because
 * HUMAnN's own normalisations count them, and can be recognised with
 * {@link HumannTable#isUnassignedRow}; {@link Options#dropUnassigned} removes them instead.
 *
 * <p><b>Sample names.</b> HUMAnN appends the measure to each sample name. With
 * {@link Options#stripSampleSuffixes} the suffixes {@code _Abundance-RPKs},
 * {@code _Abundance-CPM}, {@code _Abundance-RELAB}, {@code _Abundance} and {@code _Coverage}
 * are removed so the ids match the metadata; names that become equal are an error.
 */
public final class Humann {
    private Humann() {}

    /** Suffixes HUMAnN adds to sample names, longest first so that {@code _Abundance} is tried last. */
    static final List<String> SAMPLE_SUFFIXES = List.of("_Abundance-RPKs", "_Abundance-RELAB", "_Abundance-CPM", "_Abundance", "_Coverage");

    /**
     * Reading options.
     *
     * @param dropUnassigned      drop {@code UNMAPPED}, {@code UNINTEGRATED} and {@code UNGROUPED} rows
     * @param stripSampleSuffixes remove HUMAnN's measure suffixes from sample names
     */
    public record Options(boolean dropUnassigned, boolean stripSampleSuffixes) {
        /** Keep every row and the sample names as written. */
        public static final Options DEFAULT = new Options(false, false);
    }

    /** Reads with {@link Options#DEFAULT}: every row kept, sample names as written. */
    public static HumannTable read(Path path) {
        return read(path, Options.DEFAULT);
    }

    /**
     * Reads a HUMAnN table.
     *
     * @throws InputException naming file, line and column for a missing header, ragged rows,
     *                        bad values, empty or duplicate ids, or a file without rows
     */
    public static HumannTable read(Path path, Options options) {
        try (DelimitedReader r = DelimitedReader.open(path, '\t', false)) {
            TextTables.findHeader(r, cell -> true, null);
            if (!r.isHashLine()) {
                throw r.error("missing header: expected a first line like '# Gene Family<tab>sample1_Abundance-RPKs', found '"
                        + r.cell(0) + "'", "use HUMAnN's output unchanged; its header line starts with '#'");
            }
            String label = r.cell(0);
            int n = r.size();
            long headerLine = r.line();
            UnaryOperator<String> rename = options.stripSampleSuffixes() ? Humann::stripSuffix : UnaryOperator.identity();
            List<String> samples = TextTables.headerIds(r, 1, n, "sample", rename);
            SparseRows unstratified = new SparseRows(r.source(), "function", headerLine);
            SparseRows stratified = new SparseRows(r.source(), "function", headerLine);
            List<String> functions = new ArrayList<>();
            List<String> taxa = new ArrayList<>();
            while (r.next()) {
                if (r.isBlank()) continue;
                r.requireFields(n, headerLine);
                String id = r.cell(0);
                int bar = id.indexOf('|');
                SparseRows target = bar < 0 ? unstratified : stratified;
                target.parse(r, 1, samples);
                if (options.dropUnassigned() && isUnassigned(id)) {
                    target.discard();
                    continue;
                }
                if (bar == 0 || bar == id.length() - 1) {
                    throw r.errorAtField(0, "stratified row '" + id + "' has an empty function or taxon",
                            "write stratified rows as FUNCTION|taxon");
                }
                target.keep(id, r);
                if (bar >= 0) {
                    functions.add(id.substring(0, bar));
                    taxa.add(id.substring(bar + 1));
                }
            }
            if (unstratified.size() == 0 && stratified.size() == 0) {
                throw InputException.atLine(r.source(), headerLine, "the header is not followed by any function rows",
                        "add the data rows, or check that this is the right file");
            }
            return new HumannTable(label, unstratified.toTable(samples, false, true), stratified.toTable(samples, false, true), functions, taxa);
        }
    }

    /** True when the function part of a row id is {@code UNMAPPED}, {@code UNINTEGRATED} or {@code UNGROUPED}. */
    static boolean isUnassigned(String id) {
        int bar = id.indexOf('|');
        return HumannTable.UNASSIGNED_ROWS.contains(bar < 0 ? id : id.substring(0, bar));
    }

    /** A sample name without HUMAnN's measure suffix, if it has one. */
    static String stripSuffix(String name) {
        for (String suffix : SAMPLE_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) return name.substring(0, name.length() - suffix.length());
        }
        return name;
    }
}
