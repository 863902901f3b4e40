package io.gutbrain.cli.intervention;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.diversity.alpha.AlphaDiversity;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.intervention.ArmTimeModel;
import io.gutbrain.intervention.InterventionAnalysis;
import io.gutbrain.intervention.InterventionOptions;
import io.gutbrain.intervention.InterventionResult;
import io.gutbrain.intervention.TrialData;
import io.gutbrain.intervention.Bifidogenic;
import io.gutbrain.intervention.BifidogenicResult;
import io.gutbrain.intervention.Colonisation;
import io.gutbrain.intervention.ColonisationResult;
import io.gutbrain.intervention.BaselineDistances;
import io.gutbrain.intervention.ChangeResult;
import io.gutbrain.intervention.Outcome;
import io.gutbrain.intervention.ResponderResult;
import io.gutbrain.intervention.TrialDesign;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.measures.Instrument;
import io.gutbrain.measures.Instruments;
import io.gutbrain.measures.Scoring;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.report.intervention.BifidogenicFigures;
import io.gutbrain.result.Provenance;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TaxonGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Analyses one outcome of an intervention trial: change from baseline per subject and per arm
 * (paired t and Wilcoxon signed-rank), the arm × time linear mixed model, responder and
 * remission rates when the outcome is a symptom score, and the Bray–Curtis distance of every
 * follow-up sample to the subject's baseline when a feature table is given; optionally the
 * colonisation by named taxa ({@link Colonisation}) and the bifidogenic response of a prebiotic
 * trial ({@link Bifidogenic}).
 */
@Command(name = "intervention",
        description = "Intervention trial: change from baseline per arm, arm x time mixed model, responders, distance to baseline.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain intervention --table peerj32/counts.tsv --metadata peerj32/metadata.tsv --subject subject --time time --arm group --reference-arm Placebo --baseline 1 --outcome alpha:shannon --out interv-out")
public final class InterventionTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin TrialInput trial;
    @Option(names = "--table", paramLabel = "FILE", description = "Feature table (needed for alpha:/taxon: outcomes and the distance to baseline).") Path table;
    @Option(names = "--metadata", required = true, paramLabel = "FILE") Path metadata;
    @Option(names = "--arm", description = "Metadata column with the treatment arm (omit for a single-arm study).") String arm;
    @Option(names = "--reference-arm", description = "The control arm (placebo, sham); default: the first arm in the metadata.") String referenceArm;
    @Option(names = "--outcome", required = true, description = "A numeric metadata COLUMN, alpha:METRIC (e.g. alpha:shannon), taxon:TAXON (relative abundance of a feature id "
            + "or of a taxon name summed over its features, e.g. taxon:genus:Bifidobacterium) "
            + "or an instrument scored from its items (phq9, gad7, pss10, hads_a, hads_d, bdi2).") String outcome;
    @Option(names = "--responder-drop", converter = OptionTypes.PositiveFraction.class, defaultValue = "0.5", description = "Score outcomes: a responder's score falls by at least this fraction of baseline (" + OptionTypes.PositiveFraction.HELP + "; default: ${DEFAULT-VALUE}).") double responderDrop;
    @Option(names = "--remission-below", converter = OptionTypes.Positive.class, description = "Score outcomes: remission is a score below this at follow-up (" + OptionTypes.Positive.HELP + ", e.g. 5 for PHQ-9; default: below the instrument's lowest band, as in a study).") Double remissionBelow;
    @Option(names = "--level", converter = OptionTypes.Probability.class, defaultValue = "0.95", description = "Confidence level (" + OptionTypes.Probability.HELP + "; default: ${DEFAULT-VALUE}).") double level;
    @Option(names = "--colonisation", split = ",", paramLabel = "TAXON",
            description = "Administered taxa to follow (e.g. the probiotic genus): change in relative abundance from baseline to the last visit, active vs reference arm, and new colonisations. "
                    + "A TAXON is a feature id or a taxon name matched against the table's lineages (Bifidobacterium, g__Bifidobacterium, genus:Bifidobacterium; "
                    + "a name's features are summed; give --taxonomy when the table has none). Needs --table and --arm.")
    List<String> colonisation;
    @Option(names = "--colonisation-scale", converter = OptionTypes.ColonisationScale.class, defaultValue = "relative", paramLabel = "relative|log|clr",
            description = "Scale of the colonisation change: relative abundance, ln(relative abundance + pseudocount) or CLR: " + OptionTypes.ColonisationScale.HELP + " (default: ${DEFAULT-VALUE}).")
    String colonisationScale;
    @Option(names = "--bifidogenic", description = "Bifidogenic response (prebiotic trials): log fold change of Bifidobacterium from baseline to the last visit, "
            + "active vs reference arm (ratio of fold changes, Welch), and the fraction of subjects whose Bifidobacterium at least doubled. Needs --table and --arm.")
    boolean bifidogenic;
    @Option(names = "--bifidogenic-fold", converter = OptionTypes.FoldAboveOne.class, defaultValue = "2", paramLabel = "F",
            description = "With --bifidogenic: a responder's Bifidobacterium rose at least F-fold (" + OptionTypes.FoldAboveOne.HELP + "; default: ${DEFAULT-VALUE}).")
    double bifidogenicFold;
    @Option(names = "--taxonomy", paramLabel = "FILE", description = "Taxonomy of the table's features (QIIME 2 taxonomy TSV, per-rank TSV or .qza), to match taxon names.") Path taxonomy;
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder: change_from_baseline.tsv, arm_summaries.tsv, arm_time_lmm.tsv, the tables of the options given, provenance.json." + FolderOutput.OUT_RULES) Path out;
    @Mixin FolderOutput folder;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        // option values are checked before anything is read or written, so a typo leaves no partial output
        Colonisation.Scale colonisationScale = scale();
        Warnings warnings = console.warnings();
        SampleMetadata md = MetadataFile.read(metadata);
        TrialDesign design = trial.design(md, arm, null, console);
        if (referenceArm != null && arm == null) throw new InputException(null, "--reference-arm", "a reference arm needs an arm column", "add --arm COLUMN");
        // the default control (the first arm) is the engine's choice, as in the study step
        String reference = referenceArm == null ? null : design.requireArm(referenceArm);
        TableInput in = tableInput();
        in.taxonomy = taxonomy;
        FeatureTable t = table == null ? null : in.load(table, warnings);
        Instrument instrument = null; // set when the outcome is a questionnaire score: responders follow
        Outcome y;
        if (outcome.startsWith("alpha:") || outcome.startsWith("taxon:")) {
            if (t == null) throw new InputException(null, "--outcome", "outcome '" + outcome + "' is computed from the feature table", "add --table FILE");
            String what = outcome.substring(6);
            y = outcome.startsWith("alpha:")
                    ? Outcome.alpha(AlphaDiversity.compute(t, List.of(AlphaMetric.byName(what)), null, 1, null), AlphaMetric.byName(what).name())
                    : taxonOutcome(t, what, console);
        } else if (!md.hasColumn(outcome) && Instruments.named(outcome).size() == 1) {
            instrument = Instruments.named(outcome).get(0);
            y = Outcome.instrument(Scoring.score(md, instrument));
        } else {
            y = Outcome.metadata(md, outcome);
        }

        // the statistical choices (control and active arm, responder rule, comparisons) are the
        // shared engine's, so this tool and the study's intervention step agree by construction
        InterventionOptions options = InterventionOptions.defaults().withArms(null, reference).withLevel(level)
                .withResponders(responderDrop, remissionBelow == null ? Double.NaN : remissionBelow)
                .withColonisationScale(colonisationScale).withBifidogenicFold(bifidogenicFold).withDistanceToBaseline(t != null);
        List<TaxonGroup> taxa = List.of();
        if (colonisation != null && !colonisation.isEmpty()) {
            requireActiveArm(design, arm, t, "--colonisation", "colonisation");
            taxa = TaxonGroup.resolveAll(t, colonisation);
            taxa.forEach(g -> console.info("colonisation: " + g.describe()));
        }
        TaxonGroup bifidobacterium = null;
        if (bifidogenic) {
            requireActiveArm(design, arm, t, "--bifidogenic", "the bifidogenic response");
            bifidobacterium = TaxonGroup.resolve(t, Bifidogenic.GENUS);
        }
        // everything is computed before the first file is written, so an input problem found on the
        // way (an unknown taxon, a design the model cannot fit) leaves no partial output behind
        InterventionResult result = InterventionAnalysis.run(new TrialData(design, List.of(y), instrument, t, taxa, bifidobacterium), options);
        ChangeResult change = result.primary().change();
        ArmTimeModel.Result lmm = result.primary().model();
        ResponderResult responders = result.responders();
        BaselineDistances distances = result.distances();
        ColonisationResult colonised = result.colonisation();
        BifidogenicResult bifido = result.bifidogenic();
        String shownReference = result.arms().control();

        try (OutputFolder f = folder.stage(spec, out)) {
            // every option is recorded from the parsed command; these are what the engine resolved
            Provenance prov = RunRecord.start(spec).input("metadata", metadata).parameter("control_arm", result.arms().control())
                    .parameter("active_arm", result.arms().active());
            if (responders != null) prov.parameter("remission_below_used", InterventionAnalysis.remissionBelow(options, instrument));
            if (table != null) prov.input("table", table);
            if (taxonomy != null) prov.input("taxonomy", taxonomy);
            change.warnings().forEach(console::warn);
            write(f, prov, "change_from_baseline.tsv", change::writeChanges);
            write(f, prov, "arm_summaries.tsv", change::writeSummaries);
            write(f, prov, "arm_time_lmm.tsv", lmm::write);
            if (responders != null) {
                responders.warnings().forEach(console::warn);
                write(f, prov, "responders.tsv", responders::writeSubjects);
                write(f, prov, "responder_rates.tsv", responders::writeRates);
                if (responders.activeArm() != null) write(f, prov, "responder_comparison.tsv", responders::writeComparison);
            }
            if (distances != null) {
                distances.warnings().forEach(console::warn);
                write(f, prov, "distance_to_baseline.tsv", distances::writeRows);
                write(f, prov, "distance_to_baseline_summaries.tsv", distances::writeSummaries);
            }
            if (colonised != null) {
                colonised.warnings().forEach(console::warn);
                write(f, prov, "colonisation.tsv", colonised::write);
            }
            if (bifido != null) {
                BifidogenicResult b = bifido;
                b.warnings().forEach(console::warn);
                write(f, prov, "bifidogenic.tsv", b::write);
                write(f, prov, "bifidogenic_subjects.tsv", b::writeSubjects);
                for (Path fig : BifidogenicFigures.perArm(b, "bifidogenic-log-fold-change").writeFiles(f.resolve("figures"))) prov.output("figure", fig, f.finalPath(fig));
                console.info(String.format(Locale.ROOT, "%s: fold change %s %.3g vs %s %.3g, ratio %.3g (%.0f%% CI %.3g to %.3g); at least doubled: %d/%d vs %d/%d",
                        b.genus().matchedBy().equals("feature id") ? Bifidogenic.GENUS : Bifidogenic.GENUS + " (" + b.genus().features().size() + " features)",
                        b.activeArm(), Math.exp(b.active().mean()), shownReference, Math.exp(b.reference().mean()), b.ratio(), 100 * level, b.ratioLower(), b.ratioUpper(),
                        b.responders().active().events(), b.responders().active().n(), b.responders().reference().events(), b.responders().reference().n()));
            }
            prov.write(f.resolve("provenance.json"));
            f.commit();
        }
        console.info(String.format(Locale.ROOT, "%s: %d subjects, %d samples in the arm x time model; wrote %s", y.name(), lmm.subjects(), lmm.samples(), out));
        return 0;
    }

    /** Checks that an analysis of the active against the reference arm can run: a table and exactly two arms. */
    private static void requireActiveArm(TrialDesign design, String armColumn, FeatureTable t, String option, String what) {
        if (t == null) throw new InputException(null, option, what + " is measured in the feature table", "add --table FILE");
        if (armColumn == null || design.arms().size() != 2) {
            throw new InputException(null, option, what + " compares an active arm with a reference arm", "give --arm with two arms and --reference-arm");
        }
    }

    /** The relative abundance of a feature id or a taxon name, saying which features were summed. */
    private static Outcome taxonOutcome(FeatureTable t, String taxon, Console console) {
        TaxonGroup g = TaxonGroup.resolve(t, taxon);
        console.info("outcome taxon: " + g.describe());
        return Outcome.relativeAbundance(t, g);
    }

    private void write(OutputFolder f, Provenance prov, String name, Consumer<Path> writer) {
        Path p = f.resolve(name);
        writer.accept(p);
        prov.output(name, p, out.resolve(name));
    }

    /** A table reader with the defaults of the shared table options (no metadata attached: the design reads it). */
    static TableInput tableInput() {
        TableInput in = new TableInput();
        in.metaphlanRank = "species";
        return in;
    }

    private Colonisation.Scale scale() {
        for (Colonisation.Scale sc : Colonisation.Scale.values()) if (sc.name().equalsIgnoreCase(colonisationScale.strip())) return sc;
        throw new io.gutbrain.error.InputException(null, "--colonisation-scale", "unknown scale '" + colonisationScale + "'", "use relative, log or clr");
    }
}
