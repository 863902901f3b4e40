package io.gutbrain.cli.table;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.error.InputException;
import io.gutbrain.io.TextInput;
import io.gutbrain.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Filters samples (ids, metadata, depth) then features (total, prevalence, relative abundance).
 * Samples first, so that feature prevalence is computed on the samples that remain.
 */
@Command(name = "filter",
        description = "Filter samples (ids, metadata, minimum depth) and features (total, prevalence, relative abundance).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain table filter table.biom filtered.biom --min-depth 1000 --min-prevalence 0.1 --metadata md.tsv --where \"group=case\"")
public final class FilterTable implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN") Path in;
    @Parameters(index = "1", paramLabel = "OUT") Path out;
    @Mixin TableInput input;
    @Mixin OutputTableOptions output;

    @Option(names = "--min-depth", converter = OptionTypes.NonNegative.class, defaultValue = "0", description = "Drop samples whose total is below this (" + OptionTypes.NonNegative.HELP + "; default: ${DEFAULT-VALUE}).") double minDepth;
    @Option(names = "--samples", paramLabel = "FILE", description = "Keep only the sample ids listed in FILE (one per line; '#' comments).") Path samplesFile;
    @Option(names = "--where", paramLabel = "COLUMN=VALUE", description = "Keep samples whose metadata COLUMN equals VALUE (repeatable; all must hold). Needs --metadata.") List<String> where = new ArrayList<>();
    @Option(names = "--min-total", converter = OptionTypes.NonNegative.class, defaultValue = "0", description = "Drop features whose total over samples is below this (" + OptionTypes.NonNegative.HELP + "; default: ${DEFAULT-VALUE}).") double minTotal;
    @Option(names = "--min-prevalence", converter = OptionTypes.Fraction.class, defaultValue = "0", description = "Drop features present in fewer than this fraction of samples (" + OptionTypes.Fraction.HELP + "; default: ${DEFAULT-VALUE}).") double minPrevalence;
    @Option(names = "--min-relative-abundance", converter = OptionTypes.Fraction.class, defaultValue = "0", description = "Drop features that never reach this relative abundance in any sample (" + OptionTypes.Fraction.HELP + "; default: ${DEFAULT-VALUE}).") double minRelAbundance;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() throws IOException {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        FeatureTable t = input.load(in, console.warnings());
        int s0 = t.sampleCount(), f0 = t.featureCount();
        if (samplesFile != null) t = t.subsetSamples(readIds(samplesFile));
        for (String w : where) {
            int eq = w.indexOf('=');
            if (eq <= 0) throw new InputException(null, "--where " + w, "expected COLUMN=VALUE", "e.g. --where \"diagnosis=MDD\"");
            if (t.metadata() == null) throw new InputException(null, "--where", "filtering by metadata needs --metadata FILE", "add --metadata");
            String col = w.substring(0, eq), val = w.substring(eq + 1);
            t.metadata().type(col); // fails early with the list of columns if unknown
            t = t.filterSamplesByMetadata(row -> val.equals(row.get(col)));
        }
        if (minDepth > 0) t = t.filterMinDepth(minDepth);
        t = t.filterFeatures(minTotal, minPrevalence, minRelAbundance);
        if (t.sampleCount() == 0) throw new InputException(in.toString(), null, "no samples left after filtering", "relax the sample filters");
        if (t.featureCount() == 0) throw new InputException(in.toString(), null, "no features left after filtering", "relax the feature filters");
        output.write(t, out);
        console.info(String.format(Locale.ROOT, "kept %d of %d samples and %d of %d features; wrote %s", t.sampleCount(), s0, t.featureCount(), f0, out));
        return 0;
    }

    static List<String> readIds(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new InputException(file.toString(), null, "file not found", "check the path");
        List<String> ids = new ArrayList<>();
        try (BufferedReader r = TextInput.reader(file)) { // strict UTF-8, bounded lines, gzip, as every text input
            for (String line; (line = r.readLine()) != null; ) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                int tab = s.indexOf('\t');
                ids.add(tab >= 0 ? s.substring(0, tab) : s);
            }
        }
        return ids;
    }
}
