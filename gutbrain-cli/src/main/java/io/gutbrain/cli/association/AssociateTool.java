package io.gutbrain.cli.association;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.association.AssociationAnalysis;
import io.gutbrain.association.AssociationOptions;
import io.gutbrain.association.AssociationResult;
import io.gutbrain.association.AssociationTsv;
import io.gutbrain.association.Maaslin2;
import io.gutbrain.association.Normalization;
import io.gutbrain.association.Transform;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.result.Provenance;
import io.gutbrain.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Per-feature association of taxa or functions with symptom scores or diagnoses, adjusted for
 * covariates, with random intercepts for repeated measures.
 */
@Command(name = "associate",
        description = "Taxa/functions vs outcomes per feature: MaAsLin2-compatible LM/LMM, LinDA, or rank tests; BH q-values and effect sizes.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain associate --table taxa.tsv --metadata md.tsv --fixed \"diagnosis,age\" --random \"site,subject\" --reference \"diagnosis,nonIBD\" --method maaslin2 --transform AST --out maaslin2-out")
public final class AssociateTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--table", required = true, paramLabel = "FILE", description = "Feature table (any supported format; samples as rows or columns).") Path table;
    @Option(names = "--metadata", required = true, paramLabel = "FILE") Path metadata;
    @Option(names = "--fixed", required = true, description = "Fixed effects, comma-separated (interactions as a:b).") String fixed;
    @Option(names = "--random", description = "Grouping factors for random intercepts, comma-separated (e.g. subject or site,subject).") String random;
    @Option(names = "--reference", description = "Reference levels: \"column,level[;column,level]\" (MaAsLin2's syntax).") String reference;
    @Option(names = "--method", converter = OptionTypes.AssociationMethod.class, defaultValue = "maaslin2", description = "maaslin2, linda or nonparametric (default: ${DEFAULT-VALUE}).") String method;
    @Option(names = "--test", converter = OptionTypes.NonparametricTest.class, defaultValue = "auto", description = "nonparametric: wilcoxon, kruskal, spearman, signed-rank, or auto (from the first fixed effect's type and levels; default: ${DEFAULT-VALUE}).") String test;
    @Option(names = "--subject", description = "nonparametric signed-rank: the column pairing samples of one subject.") String subject;
    @Option(names = "--normalization", converter = OptionTypes.Normalization.class, defaultValue = "TSS", description = "TSS, CLR, CSS, TMM or NONE (default: ${DEFAULT-VALUE}).") String normalization;
    @Option(names = "--transform", converter = OptionTypes.Transform.class, defaultValue = "LOG", description = "LOG, AST, LOGIT or NONE (default: ${DEFAULT-VALUE}).") String transform;
    @Option(names = "--min-abundance", converter = OptionTypes.NonNegative.class, description = "Keep features whose abundance (after normalization) exceeds this in at least --min-prevalence of samples (" + OptionTypes.NonNegative.HELP + "; default: ${DEFAULT-VALUE}).", defaultValue = "0") double minAbundance;
    @Option(names = "--min-prevalence", converter = OptionTypes.Fraction.class, description = "Fraction of samples in which a feature must exceed --min-abundance (" + OptionTypes.Fraction.HELP + "; default: ${DEFAULT-VALUE}).", defaultValue = "0.1") double minPrevalence;
    @Option(names = "--max-significance", converter = OptionTypes.PositiveFraction.class, defaultValue = "0.25", description = "q-value cut-off of significant_results.tsv (" + OptionTypes.PositiveFraction.HELP + "; default: ${DEFAULT-VALUE}).") double maxSignificance;
    @Option(names = "--standardize", negatable = true, defaultValue = "true", fallbackValue = "true", description = "z-score numeric metadata (MaAsLin2's default: true).") boolean standardize;
    @Option(names = "--samples-as-rows", description = "The table has samples as rows (MaAsLin2's input layout); default: detected.") boolean samplesAsRows;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.", defaultValue = "0") int threads;
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder: all_results.tsv, significant_results.tsv (all_results_extended.tsv for maaslin2), provenance.json." + FolderOutput.OUT_RULES) Path out;
    @Mixin FolderOutput folder;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() throws Exception {
        AssociationOptions.Method m = parseEnum(AssociationOptions.Method.class, method, "--method");
        Console console = new Console(spec.commandLine().getErr(), quiet);
        Warnings warnings = console.warnings();
        // the engine, its settings and the rank test are chosen by the shared engine, as in the study's association step
        AssociationOptions options = AssociationOptions.defaults(split(fixed)).withMethod(m)
                .withRandom(random == null ? List.of() : split(random))
                .withReferences(reference == null ? java.util.Map.of() : Maaslin2.Options.parseReference(reference))
                .withNormalization(parseEnum(Normalization.class, normalization, "--normalization"))
                .withTransform(parseEnum(Transform.class, transform, "--transform"))
                .withMinAbundance(minAbundance).withMinPrevalence(minPrevalence).withMaxSignificance(maxSignificance)
                .withStandardize(standardize).withRankTest(rankTest(), subject).withThreads(threads);
        if (options.test() == AssociationOptions.RankTest.SIGNED_RANK && subject == null) {
            throw new InputException(null, "--subject", "the signed-rank test pairs samples by subject", "add --subject COLUMN");
        }
        TableInput in = new TableInput();
        in.samplesAsRows = samplesAsRows;
        in.metaphlanRank = "species";
        FeatureTable t = in.load(table, warnings);
        SampleMetadata md = MetadataFile.read(metadata);
        AssociationAnalysis.Result r;
        try (Progress p = console.progress("associating features", t.featureCount())) {
            r = AssociationAnalysis.run(t, md, options, warnings, p);
        }
        // every option is recorded from the parsed command; the model is what the engine chose
        Provenance prov = RunRecord.start(spec).input("table", table).input("metadata", metadata).parameter("model", r.model());
        List<AssociationResult> significant = r.rows().stream().filter(x -> x.qValue() <= maxSignificance).toList();
        try (OutputFolder f = folder.stage(spec, out)) {
            if (r.maaslin2() != null) {
                r.maaslin2().writeAll(f.dir()); // MaAsLin2's own layout, with R's feature names
            } else {
                AssociationTsv.write(f.resolve("all_results.tsv"), r.rows());
                AssociationTsv.write(f.resolve("significant_results.tsv"), significant);
            }
            for (String name : new String[]{"all_results.tsv", "significant_results.tsv", "all_results_extended.tsv"}) {
                if (Files.exists(f.resolve(name))) prov.output(name, f.resolve(name), out.resolve(name));
            }
            prov.write(f.resolve("provenance.json"));
            f.commit();
        }
        if (r.maaslin2() != null) {
            Maaslin2.Result mr = r.maaslin2();
            console.info(String.format(Locale.ROOT, "%d features x %d terms tested, %d significant at q <= %s; wrote %s",
                    mr.featuresTested(), mr.all().isEmpty() ? 0 : mr.all().size() / Math.max(1, mr.featuresTested()), mr.significant().size(), maxSignificance, out));
        } else {
            console.info(String.format(Locale.ROOT, "%s: %d rows, %d significant at q <= %s; wrote %s", r.model(), r.rows().size(), significant.size(), maxSignificance, out));
        }
        return 0;
    }

    private AssociationOptions.RankTest rankTest() {
        try {
            return AssociationOptions.RankTest.byLabel(test);
        } catch (InputException e) {
            throw new InputException(null, "--test", e.problem(), e.fix());
        }
    }

    static List<String> split(String s) {
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(null, option, "unknown value '" + value + "'", "use one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
