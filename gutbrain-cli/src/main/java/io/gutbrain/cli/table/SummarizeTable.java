package io.gutbrain.cli.table;

import io.gutbrain.cli.common.options.OptionTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.tree.TreeChecks;
import io.gutbrain.tree.TreeOps;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableSummary;
import io.gutbrain.io.TreeIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Prints the shape, sparsity, depth distribution and top taxa of a table. */
@Command(name = "summarize",
        description = "Shape, non-zeros, density, sequencing depth (min/median/max) and top taxa of a table.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain table summarize table.biom --metadata metadata.tsv --json")
public final class SummarizeTable implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE", description = "Table in any supported format (BIOM JSON/HDF5, TSV, CSV, MetaPhlAn, HUMAnN, .qza; gzip ok).")
    Path table;

    @Mixin TableInput input;

    @Option(names = "--tree", paramLabel = "NEWICK", description = "Also check a tree (Newick or Phylogeny .qza) against the table's features.")
    Path tree;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--top", converter = OptionTypes.Top.class, defaultValue = "10", description = "How many top taxa to list (" + OptionTypes.Top.HELP + "; default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings.")
    boolean quiet;

    @Override public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        FeatureTable t = input.load(table, console.warnings());
        TableSummary s = TableSummary.of(t, top);
        Map<String, Object> treeCheck = tree == null ? null : checkTree(t);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", table.toString());
            m.put("summary", s);
            if (t.metadata() != null) m.put("metadataColumns", metadataColumns(t.metadata()));
            if (treeCheck != null) m.put("tree", treeCheck);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            out.print(text(table.toString(), s, t.metadata()));
            if (treeCheck != null) {
                out.printf(Locale.ROOT, "tree       %s: %,d tips, all %,d features present%n", tree, treeCheck.get("tips"), t.featureCount());
            }
        }
        out.flush();
        return 0;
    }

    /** Fails (exit 2) naming up to five features that are not tips of the tree. */
    private Map<String, Object> checkTree(FeatureTable t) {
        PhyloTree phylo = TreeIO.read(tree);
        List<String> missing = TreeOps.missingTips(phylo, t.featureIds());
        if (!missing.isEmpty()) {
            throw new InputException(tree.toString(), null, missing.size() + " of " + t.featureCount() + " table features are not tips of the tree (e.g. '"
                    + String.join("', '", missing.subList(0, Math.min(5, missing.size()))) + "')", "use the tree built for this table's features");
        }
        TreeChecks.requireNonNegativeLengths(phylo, tree.toString());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", tree.toString());
        m.put("tips", phylo.tipCount());
        m.put("nodes", phylo.nodeCount());
        m.put("allFeaturesPresent", true);
        return m;
    }

    private static Map<String, String> metadataColumns(SampleMetadata md) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : md.columns()) m.put(c, md.type(c).name().toLowerCase(Locale.ROOT));
        return m;
    }

    public static String text(String name, TableSummary s, SampleMetadata md) {
        StringBuilder b = new StringBuilder();
        b.append("table      ").append(name).append('\n');
        b.append(String.format(Locale.ROOT, "samples    %,d%n", s.samples()));
        b.append(String.format(Locale.ROOT, "features   %,d%n", s.features()));
        b.append(String.format(Locale.ROOT, "non-zeros  %,d (density %.4f)%n", s.nonZeros(), s.density()));
        b.append("values     ").append(s.integral() ? "counts (integers)" : "non-integer (proportions or normalised)").append('\n');
        b.append(String.format(Locale.ROOT, "depth      min %s, Q1 %s, median %s, Q3 %s, max %s, mean %s%n",
                num(s.depthMin()), num(s.depthQ1()), num(s.depthMedian()), num(s.depthQ3()), num(s.depthMax()), num(s.depthMean())));
        if (s.emptySamples() > 0) b.append(String.format(Locale.ROOT, "empty      %d sample(s) with depth 0%n", s.emptySamples()));
        if (s.emptyFeatures() > 0) b.append(String.format(Locale.ROOT, "absent     %d feature(s) zero in every sample%n", s.emptyFeatures()));
        b.append("taxonomy   ").append(s.hasTaxonomy() ? "yes" : "no").append('\n');
        if (md != null) {
            long numeric = md.columns().stream().filter(c -> md.type(c) == SampleMetadata.ColumnType.NUMERIC).count();
            b.append(String.format(Locale.ROOT, "metadata   %d columns (%d numeric, %d categorical)%n", md.columns().size(), numeric, md.columns().size() - numeric));
        }
        if (!s.topTaxa().isEmpty()) {
            b.append("top taxa (mean relative abundance, prevalence):\n");
            int i = 1;
            for (TableSummary.TopTaxon x : s.topTaxa()) {
                b.append(String.format(Locale.ROOT, "  %2d. %-50s %7.3f%%  %5.1f%%%n", i++, truncate(x.name(), 50),
                        100 * x.meanRelativeAbundance(), 100 * x.prevalence()));
            }
        }
        return b.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "NA";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.1f", v);
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String truncate(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "…"; }
}
