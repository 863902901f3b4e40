package io.gutbrain.cli.intervention;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.intervention.Engraftment;
import io.gutbrain.intervention.EngraftmentResult;
import io.gutbrain.intervention.SourceTracking;
import io.gutbrain.intervention.SourceTrackingResult;
import io.gutbrain.intervention.TrialDesign;
import io.gutbrain.report.Figure;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.report.intervention.EngraftmentFigures;
import io.gutbrain.result.Provenance;
import io.gutbrain.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Faecal microbiota transplantation: per recipient and post-FMT visit, which features came from
 * the donor, stayed from before or are new ({@link Engraftment}), and the share of the post-FMT
 * community explained by the donor and by the pre-FMT sample ({@link SourceTracking}).
 */
@Command(name = "engraftment",
        description = "FMT engraftment: donor / pre-FMT / shared / new features per recipient and visit, and source tracking.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain engraftment --table fmt-counts.tsv --metadata fmt-metadata.tsv --subject subject --time time --baseline pre --donor-column donor --out engraftment-out")
public final class EngraftmentTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin TrialInput trial;
    @Option(names = "--table", required = true, paramLabel = "FILE", description = "Feature table with recipient and donor samples.") Path table;
    @Option(names = "--metadata", required = true, paramLabel = "FILE") Path metadata;
    @Option(names = "--donor-column", required = true, description = "Metadata column naming each recipient's donor sample(s) or donor subject (';' for several).") String donorColumn;
    @Option(names = "--arm", description = "Metadata column with the treatment arm (e.g. FMT vs autologous), optional.") String arm;
    @Option(names = "--detection", converter = OptionTypes.Fraction.class, defaultValue = "0", description = "A feature is present above this relative abundance (" + OptionTypes.Fraction.HELP + "; default: ${DEFAULT-VALUE} = any read).") double detection;
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder: engraftment.tsv, source_tracking.tsv, figures/, provenance.json." + FolderOutput.OUT_RULES) Path out;
    @Mixin FolderOutput folder;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        SampleMetadata md = MetadataFile.read(metadata);
        TrialDesign design = trial.design(md, arm, donorColumn, console);
        FeatureTable t = InterventionTool.tableInput().load(table, console.warnings());
        EngraftmentResult engraftment = Engraftment.compute(design, t, detection);
        SourceTrackingResult sources = Engraftment.sourceTracking(design, t, SourceTracking.Options.defaults());
        engraftment.warnings().forEach(console::warn);
        try (OutputFolder f = folder.stage(spec, out)) {
            Path e = f.resolve("engraftment.tsv");
            Path s = f.resolve("source_tracking.tsv");
            engraftment.write(e);
            sources.write(s);
            List<Path> figures = curves(f.resolve("figures"), design, engraftment, sources);
            Provenance prov = RunRecord.start(spec).input("table", table).input("metadata", metadata)
                    .output("engraftment.tsv", e, f.finalPath(e)).output("source_tracking.tsv", s, f.finalPath(s));
            for (Path fig : figures) prov.output("figure", fig, f.finalPath(fig));
            prov.write(f.resolve("provenance.json"));
            f.commit();
        }
        console.info(String.format(Locale.ROOT, "%d recipient visits; wrote %s", engraftment.rows().size(), out));
        return 0;
    }

    /** The engraftment figures ({@link EngraftmentFigures}) as SVG and PNG under {@code figures/}. */
    private static List<Path> curves(Path dir, TrialDesign design, EngraftmentResult result, SourceTrackingResult sources) {
        List<Path> written = new ArrayList<>();
        for (Figure f : EngraftmentFigures.all(design, result, sources)) written.addAll(f.writeFiles(dir));
        return written;
    }

}
