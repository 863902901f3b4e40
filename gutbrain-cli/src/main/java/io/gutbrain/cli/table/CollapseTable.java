package io.gutbrain.cli.table;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Rank;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Sums features that share a lineage down to a rank (QIIME 2 {@code taxa collapse}). */
@Command(name = "collapse",
        description = "Sum features sharing a lineage down to a taxonomic rank (e.g. genus).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain table collapse table.biom genus.tsv --rank genus")
public final class CollapseTable implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "IN") Path in;
    @Parameters(index = "1", paramLabel = "OUT") Path out;
    @Mixin TableInput input;
    @Mixin OutputTableOptions output;

    @Option(names = "--rank", converter = OptionTypes.TaxonomicRank.class, required = true, description = "kingdom, phylum, class, order, family, genus, species or strain.")
    String rank;

    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() {
        Rank r = Rank.parse(rank);
        if (r == null) throw new InputException(null, "--rank", "unknown rank '" + rank + "'", "use kingdom, phylum, class, order, family, genus, species or strain");
        Console console = new Console(spec.commandLine().getErr(), quiet);
        FeatureTable t = input.load(in, console.warnings());
        FeatureTable c = t.collapse(r);
        output.write(c, out);
        console.info(String.format(Locale.ROOT, "collapsed %d features to %d at %s; wrote %s", t.featureCount(), c.featureCount(), r.label(), out));
        return 0;
    }
}
