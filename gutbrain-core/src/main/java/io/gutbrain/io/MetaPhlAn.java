package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import io.gutbrain.table.Rank;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MetaPhlAn 3/4 taxonomic profiles (Blanco-Míguez et al. 2023, Nat Biotechnol 41:1633;
 * Beghini et al. 2021, eLife 10:e65088).
 *
 * <p><b>Merged tables</b> ({@code merge_metaphlan_tables.py}): an optional {@code #mpa_v...}
 * database line, a header {@code clade_name} (MetaPhlAn 2: {@code ID}) optionally followed by a
 * {@code NCBI_tax_id} or {@code clade_taxid} column, then one column per sample.
 *
 * <p><b>Single-sample profiles</b> ({@code metaphlan ... -o profile.txt}): {@code #} lines (database,
 * command line, {@code #SampleID<tab>name}, read counts), then the header
 * {@code #clade_name<tab>NCBI_tax_id<tab>relative_abundance<tab>additional_species}; only the
 * {@code relative_abundance} column is read. The sample id is the name on the
 * {@code #SampleID} line unless it is MetaPhlAn's default {@code Metaphlan_Analysis}, in which
 * case it is the file name without {@code .gz} and its last extension.
 *
 * <p>Rows are clades written {@code k__Bacteria|p__Firmicutes|...|s__Name|t__SGB123}; every
 * level appears as its own row, so summing all rows would count each read several times.
 * {@link #read(Path, Rank)} keeps only the rows whose <em>deepest</em> level is exactly the
 * requested rank (species rows, not their {@code t__} strain rows nor their genus rows). Each
 * kept feature's id is the clade's last token (e.g. {@code s__Bacteroides_dorei}) and its
 * lineage is parsed from the whole clade string. Values are MetaPhlAn's relative abundances in
 * percent, kept as they are (a sample's species sum to about 100 minus the unclassified share).
 *
 * <p>{@code UNKNOWN} (MetaPhlAn 3 {@code --unknown_estimation}) and {@code UNCLASSIFIED}
 * (MetaPhlAn 4) rows have no rank. They are dropped unless {@code keepUnclassified} is true, in
 * which case they are kept at every rank under their own name with an unassigned lineage, so
 * that a sample's values sum to 100.
 */
public final class MetaPhlAn {
    private MetaPhlAn() {}

    private static final String DEFAULT_SAMPLE_NAME = "Metaphlan_Analysis";

    /** Reads the rows at {@code rank}, dropping UNKNOWN/UNCLASSIFIED rows. */
    public static FeatureTable read(Path path, Rank rank) {
        return read(path, rank, false);
    }

    /**
     * Reads the rows whose deepest level is {@code rank}.
     *
     * @param keepUnclassified keep {@code UNKNOWN}/{@code UNCLASSIFIED} rows as features of their own
     * @throws InputException naming file, line and column for a missing header, ragged rows,
     *                        bad values, a clade without rank prefix, duplicate names at the rank,
     *                        or no clade at the rank
     */
    public static FeatureTable read(Path path, Rank rank, boolean keepUnclassified) {
        try (DelimitedReader r = DelimitedReader.open(path, '\t', false)) {
            String[] declaredName = {null};
            TextTables.findHeader(r, MetaPhlAn::isCladeHeader, c -> {
                if (TextTables.normalize(c.cell(0)).equals("sampleid") && c.size() >= 2) declaredName[0] = c.cell(1);
            });
            if (!isCladeHeader(r.cell(0))) {
                throw r.error("missing header: expected a line starting 'clade_name' (or '#clade_name' in a single-sample profile), found '"
                        + r.cell(0) + "'", "use the output of metaphlan or merge_metaphlan_tables.py unchanged");
            }
            int n = r.size();
            long headerLine = r.line();
            int relativeAbundance = -1;
            for (int i = 1; i < n; i++) {
                if (TextTables.normalize(r.cell(i)).equals("relativeabundance")) relativeAbundance = i;
            }
            List<String> samples;
            int firstValue;
            if (relativeAbundance >= 0) {
                samples = List.of(singleSampleName(declaredName[0], path));
                firstValue = relativeAbundance;
            } else {
                firstValue = n > 1 && isTaxidHeader(r.cell(1)) ? 2 : 1;
                samples = TextTables.headerIds(r, firstValue, n, "sample");
            }
            SparseRows rows = new SparseRows(r.source(), "feature", headerLine);
            List<Lineage> lineages = new ArrayList<>();
            Rank deepest = null;
            int atRank = 0;
            while (r.next()) {
                if (r.isBlank() || r.isHashLine()) continue;
                if (relativeAbundance >= 0) {
                    if (r.size() <= relativeAbundance) r.requireFields(n, headerLine);
                } else {
                    r.requireFields(n, headerLine);
                }
                rows.parse(r, firstValue, samples);
                String clade = r.cell(0);
                if (isUnclassified(clade)) {
                    if (keepUnclassified) {
                        rows.keep(clade, r);
                        lineages.add(Lineage.parse(""));
                    } else {
                        rows.discard();
                    }
                    continue;
                }
                String last = clade.substring(clade.lastIndexOf('|') + 1);
                Rank level = rankOf(last);
                if (level == null) {
                    throw r.errorAtField(0, "clade '" + clade + "' does not end in a rank-prefixed name such as 's__Name'",
                            "use MetaPhlAn's clade names unchanged (k__, p__, c__, o__, f__, g__, s__, t__)");
                }
                if (deepest == null || level.compareTo(deepest) > 0) deepest = level;
                if (level != rank) {
                    rows.discard();
                    continue;
                }
                rows.keep(last, r);
                lineages.add(Lineage.parse(clade));
                atRank++;
            }
            if (atRank == 0) {
                throw InputException.atLine(r.source(), headerLine, "no clade at rank '" + rank.label() + "'"
                                + (deepest == null ? "" : "; the deepest rank in the file is '" + deepest.label() + "'"),
                        "choose a rank present in the profile");
            }
            return rows.toTable(samples, false, false).withTaxonomy(lineages.toArray(new Lineage[0]));
        }
    }

    private static boolean isCladeHeader(String cell) {
        String h = TextTables.normalize(cell);
        return h.equals("cladename") || h.equals("id");
    }

    private static boolean isTaxidHeader(String cell) {
        String h = TextTables.normalize(cell);
        return h.equals("ncbitaxid") || h.equals("cladetaxid") || h.equals("taxid");
    }

    private static boolean isUnclassified(String clade) {
        String c = clade.toUpperCase(Locale.ROOT);
        return c.equals("UNKNOWN") || c.equals("UNCLASSIFIED");
    }

    /** The rank of a token like {@code s__Name}, or null when it has no rank prefix. */
    private static Rank rankOf(String token) {
        if (token.length() < 3 || token.charAt(1) != '_' || token.charAt(2) != '_') return null;
        return Rank.fromPrefix(token.charAt(0));
    }

    private static String singleSampleName(String declared, Path path) {
        if (declared != null && !declared.isEmpty() && !declared.equals(DEFAULT_SAMPLE_NAME)) return declared;
        String name = path.getFileName() == null ? "sample" : path.getFileName().toString();
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
