package io.gutbrain.cli.common;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.DelimitedTable;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.TableIO;
import io.gutbrain.metadata.MetadataMatch;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Rank;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by every command that reads a feature table (a picocli mixin). */
public final class TableInput {
    @Option(names = "--metadata", paramLabel = "FILE", description = "Sample metadata (QIIME 2 TSV or CSV).")
    public Path metadata;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "Taxonomy for the features (QIIME 2 taxonomy TSV, per-rank TSV, or .qza).")
    public Path taxonomy;

    @Option(names = "--metaphlan-rank", converter = OptionTypes.TaxonomicRank.class, paramLabel = "RANK", defaultValue = "species",
            description = "Rank kept from a MetaPhlAn profile: " + OptionTypes.TaxonomicRank.HELP + " (default: ${DEFAULT-VALUE}).")
    public String metaphlanRank;

    @Option(names = "--samples-as-rows", description = "The delimited input has samples as rows (default: detected).")
    public boolean samplesAsRows;

    /** Reads the table (any format) and attaches metadata, warning about id mismatches. */
    public FeatureTable load(Path table, Warnings warnings) {
        Rank rank = Rank.parse(metaphlanRank);
        if (rank == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new Object()),
                    "unknown rank '" + metaphlanRank + "' (use kingdom, phylum, class, order, family, genus, species or strain)");
        }
        TableIO.ReadOptions o = new TableIO.ReadOptions().metaphlanRank(rank).taxonomy(taxonomy);
        if (samplesAsRows) o.orientation(DelimitedTable.Orientation.SAMPLES_AS_ROWS);
        FeatureTable t = TableIO.read(table, o);
        if (metadata != null) t = MetadataMatch.attach(t, MetadataFile.read(metadata), warnings);
        return t;
    }
}
