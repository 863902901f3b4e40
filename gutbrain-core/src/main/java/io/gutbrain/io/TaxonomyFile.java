package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.Lineage;
import io.gutbrain.table.Rank;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Feature taxonomy tables, in three layouts told apart by the header:
 *
 * <ol>
 *   <li><b>QIIME 2 {@code FeatureData[Taxonomy]}</b> ({@code taxonomy.tsv} inside the artifact):
 *       {@code Feature ID<tab>Taxon[<tab>Confidence]}; the second column is parsed with
 *       {@link Lineage#parse} (Greengenes, SILVA or MetaPhlAn spelling), further columns are
 *       ignored. Recognised when the first header cell is an id name ({@code Feature ID},
 *       {@code feature-id}, {@code #OTU ID}, {@code id}, ...) and the second is {@code Taxon},
 *       {@code taxonomy}, {@code lineage} or {@code Consensus Lineage}.</li>
 *   <li><b>One column per rank</b> (phyloseq {@code tax_table}, DADA2 {@code assignTaxonomy}):
 *       an id column followed by columns named after ranks ({@code Kingdom}/{@code Domain},
 *       {@code Phylum}, {@code Class}, {@code Order}, {@code Family}, {@code Genus},
 *       {@code Species}, {@code Strain}, any case), built with {@link Lineage#ofRanks}. A cell that
 *       is empty or a missing-value token ({@code NA}, ...) is stored as present-but-unassigned.
 *       Columns are mapped by their header name, not by what they contain: in the HITChip tables
 *       of the R package microbiome (peerj32, dietswap, atlas1006) the column called
 *       {@code Family} actually holds HITChip "level 2" groups such as {@code Bacilli} or
 *       {@code Clostridium cluster IV}, and they end up at the family rank.</li>
 *   <li><b>Headerless QIIME 1</b> ({@code gg_13_8_otus/taxonomy/97_otu_taxonomy.txt}): no header,
 *       {@code id<tab>lineage[<tab>confidence]} on every line; used when the first line's first
 *       cell is not an id name.</li>
 * </ol>
 *
 * Blank lines and {@code #} comment lines before the header are skipped (a {@code #} line whose
 * first cell is an id name such as {@code #OTU ID} is the header). The delimiter is a tab, or a
 * comma for {@code .csv} files; RFC 4180 quoted cells are understood. Every error names the
 * file and 1-based line.
 */
public final class TaxonomyFile {
    private TaxonomyFile() {}

    private static final Set<String> ID_HEADERS = Set.of("featureid", "otuid", "id", "taxonid", "asv", "otu", "feature");
    private static final Set<String> LINEAGE_HEADERS = Set.of("taxon", "taxonomy", "lineage", "consensuslineage");

    /**
     * Reads a taxonomy table.
     *
     * @return lineages by feature id, in file order
     * @throws InputException naming file and line for an unknown column, ragged rows, empty or
     *                        duplicate ids, or a file without rows
     */
    public static Map<String, Lineage> read(Path path) {
        try (DelimitedReader r = DelimitedReader.open(path, '\0', true)) {
            return read(r);
        }
    }

    /** Reads from an open reader (a payload inside a QIIME 2 archive); see {@link #read(Path)}. The reader is not closed. */
    static Map<String, Lineage> read(DelimitedReader r) {
        {
            TextTables.findHeader(r, cell -> ID_HEADERS.contains(TextTables.normalize(cell)), null);
            long headerLine = r.line();
            int width = r.size();
            Map<String, Lineage> out = new LinkedHashMap<>();
            Map<String, Long> lineOf = new LinkedHashMap<>();
            if (!ID_HEADERS.contains(TextTables.normalize(r.cell(0)))) {
                // headerless QIIME 1 layout: this line is already data
                if (width < 2) {
                    throw r.error("expected a header 'Feature ID<tab>Taxon' or lines 'id<tab>lineage', found one field",
                            "add a header, or separate id and lineage with a " + r.delimiterName());
                }
                do {
                    if (r.isBlank()) continue;
                    r.requireFields(width, headerLine);
                    put(r, out, lineOf, Lineage.parse(r.cell(1)));
                } while (r.next());
                return out;
            }
            if (width >= 2 && LINEAGE_HEADERS.contains(TextTables.normalize(r.cell(1)))) {
                while (r.next()) {
                    if (r.isBlank() || r.isHashLine()) continue;
                    r.requireFields(width, headerLine);
                    put(r, out, lineOf, Lineage.parse(r.cell(1)));
                }
            } else {
                Rank[] ranks = rankColumns(r);
                String[] names = new String[ranks.length];
                while (r.next()) {
                    if (r.isBlank() || r.isHashLine()) continue;
                    r.requireFields(width, headerLine);
                    for (int i = 0; i < ranks.length; i++) {
                        String v = r.cell(i + 1);
                        names[i] = SampleMetadata.DEFAULT_MISSING.contains(v) ? "" : v;
                    }
                    put(r, out, lineOf, Lineage.ofRanks(ranks, names));
                }
            }
            if (out.isEmpty()) {
                throw InputException.atLine(r.source(), headerLine, "the header is not followed by any feature rows",
                        "add one line per feature, or check that this is the right file");
            }
            return out;
        }
    }

    private static Rank[] rankColumns(DelimitedReader r) {
        int width = r.size();
        if (width < 2) {
            throw r.error("the header has only the id column", "add a 'Taxon' column or one column per rank (Phylum, Class, ...)");
        }
        Rank[] ranks = new Rank[width - 1];
        String[] seen = new String[Rank.values().length];
        for (int i = 1; i < width; i++) {
            String name = r.cell(i);
            Rank rank = Rank.parse(name);
            if (rank == null || name.length() == 1) {
                throw r.errorAtField(i, "column '" + name + "' is neither 'Taxon' nor a rank name",
                        "name the lineage column 'Taxon', or name each column after a rank: Kingdom, Phylum, Class, Order, Family, Genus, Species");
            }
            if (seen[rank.ordinal()] != null) {
                throw r.error("columns '" + seen[rank.ordinal()] + "' and '" + name + "' are the same rank", "keep one column per rank");
            }
            seen[rank.ordinal()] = name;
            ranks[i - 1] = rank;
        }
        return ranks;
    }

    private static void put(DelimitedReader r, Map<String, Lineage> out, Map<String, Long> lineOf, Lineage lineage) {
        String id = r.cell(0);
        if (id.isEmpty()) throw r.errorAtField(0, "empty feature id", "give every line a feature id in the first column");
        int bad = IdCharacters.firstForbidden(id);
        if (bad >= 0) throw r.errorAtField(0, IdCharacters.problem("feature", id, bad), IdCharacters.FIX);
        Long prev = lineOf.putIfAbsent(id, r.line());
        if (prev != null) throw r.error("duplicate feature id '" + id + "' (first on line " + prev + ")", "give each feature one line");
        out.put(id, lineage);
    }
}
