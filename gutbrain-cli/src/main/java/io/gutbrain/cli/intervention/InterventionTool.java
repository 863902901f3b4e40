package io.gutbrain.cli.intervention;

import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.TableInput;
import io.gutbrain.diversity.alpha.AlphaDiversity;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.diversity.beta.BetaDiversity;
import io.gutbrain.diversity.beta.BetaMetric;
import io.gutbrain.diversity.beta.BrayCurtis;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.intervention.ArmTimeModel;
import io.gutbrain.intervention.Colonisation;
import io.gutbrain.intervention.ColonisationResult;
import io.gutbrain.intervention.BaselineDistances;
import io.gutbrain.intervention.ChangeFromBaseline;
import io.gutbrain.intervention.ChangeResult;
import io.gutbrain.intervention.Outcome;
import io.gutbrain.intervention.ResponderResult;
import io.gutbrain.intervention.Responders;
import io.gutbrain.intervention.TrialDesign;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.measures.Instrument;
import io.gutbrain.measures.Instruments;
import io.gutbrain.measures.Scoring;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.report.Provenance;
import io.gutbrain.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Analyses one outcome of an intervention trial: change from baseline per subject and per arm
 * (paired t and Wilcoxon signed-rank), the arm × time linear mixed model, responder and
 * remission rates when the outcome is a symptom score, and the Bray–Curtis distance of every
 * follow-up sample to the subject's baseline when a feature table is given.
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
    @Option(names = "--outcome", required = true, description = "A numeric metadata COLUMN, alpha:METRIC (e.g. alpha:shannon), taxon:FEATURE_ID (relative abundance) "
            + "or an instrument scored from its items (phq9, gad7, pss10, hads_a, hads_d, bdi2).") String outcome;
    @Option(names = "--responder-drop", defaultValue = "0.5", description = "Score outcomes: a responder's score falls by at least this fraction of baseline (default: ${DEFAULT-VALUE}).") double responderDrop;
    @Option(names = "--remission-below", description = "Score outcomes: remission is a score below this at follow-up (e.g. 5 for PHQ-9); default: no remission rates.") Double remissionBelow;
    @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).") double level;
    @Option(names = "--colonisation", split = ",", paramLabel = "FEATURE_ID",
            description = "Administered taxa to follow (e.g. the probiotic genus): change in relative abundance from baseline to the last visit, active vs reference arm, and new colonisations. Needs --table and --arm.")
    List<String> colonisation;
    @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        Warnings warnings = console.warnings();
        SampleMetadata md = MetadataFile.read(metadata);
        TrialDesign design = trial.design(md, arm, null, console);
        if (referenceArm != null && arm == null) throw new InputException(null, "--reference-arm", "a reference arm needs an arm column", "add --arm COLUMN");
        String reference = arm == null ? null : referenceArm == null ? design.arms().get(0) : design.requireArm(referenceArm);
        FeatureTable t = table == null ? null : tableInput().load(table, warnings);
        boolean score = false;
        Outcome y;
        if (outcome.startsWith("alpha:") || outcome.startsWith("taxon:")) {
            if (t == null) throw new InputException(null, "--outcome", "outcome '" + outcome + "' is computed from the feature table", "add --table FILE");
            String what = outcome.substring(6);
            y = outcome.startsWith("alpha:")
                    ? Outcome.alpha(AlphaDiversity.compute(t, List.of(AlphaMetric.byName(what)), null, 1, null), AlphaMetric.byName(what).name())
                    : Outcome.relativeAbundance(t, what);
        } else if (!md.hasColumn(outcome) && Instruments.named(outcome).size() == 1) {
            Instrument instrument = Instruments.named(outcome).get(0);
            y = Outcome.instrument(Scoring.score(md, instrument));
            score = true;
        } else {
            y = Outcome.metadata(md, outcome);
        }

        Files.createDirectories(out);
        Provenance prov = RunRecord.start(spec).input("metadata", metadata).parameter("subject", trial.subject).parameter("time", trial.time)
                .parameter("baseline", trial.baseline).parameter("arm", arm).parameter("referenceArm", reference).parameter("outcome", outcome)
                .parameter("level", level);
        if (table != null) prov.input("table", table);

        ChangeResult change = ChangeFromBaseline.compute(design, y, level);
        change.warnings().forEach(console::warn);
        write(prov, "change_from_baseline.tsv", change::writeChanges);
        write(prov, "arm_summaries.tsv", change::writeSummaries);

        ArmTimeModel.Result lmm = ArmTimeModel.fit(design, y, reference == null ? design.arms().get(0) : reference);
        write(prov, "arm_time_lmm.tsv", lmm::write);

        if (score) {
            Responders.Criteria criteria = new Responders.Criteria(responderDrop, remissionBelow == null ? Double.NaN : remissionBelow);
            String last = design.followUps().get(design.followUps().size() - 1);
            String active = null;
            if (reference != null && design.arms().size() == 2) active = design.arms().get(design.arms().get(0).equals(reference) ? 1 : 0);
            ResponderResult responders = Responders.compute(design, y, last, criteria, active, active == null ? null : reference, level);
            responders.warnings().forEach(console::warn);
            write(prov, "responders.tsv", responders::writeSubjects);
            write(prov, "responder_rates.tsv", responders::writeRates);
            if (active != null) write(prov, "responder_comparison.tsv", responders::writeComparison);
            prov.parameter("responderDrop", responderDrop).parameter("remissionBelow", remissionBelow);
        }
        if (t != null) {
            BaselineDistances d = ChangeFromBaseline.distanceToBaseline(design,
                    BetaDiversity.compute(t, BetaMetric.byName(BrayCurtis.NAME)).distances(), level);
            d.warnings().forEach(console::warn);
            write(prov, "distance_to_baseline.tsv", d::writeRows);
            write(prov, "distance_to_baseline_summaries.tsv", d::writeSummaries);
        }
        if (colonisation != null && !colonisation.isEmpty()) {
            if (t == null) throw new InputException(null, "--colonisation", "colonisation is measured in the feature table", "add --table FILE");
            if (reference == null || design.arms().size() != 2) {
                throw new InputException(null, "--colonisation", "colonisation compares an active arm with a reference arm", "give --arm with two arms and --reference-arm");
            }
            String active = design.arms().get(design.arms().get(0).equals(reference) ? 1 : 0);
            String last = design.followUps().get(design.followUps().size() - 1);
            ColonisationResult c = Colonisation.compute(design, t, colonisation, last, active, reference,
                    new Colonisation.Options(Colonisation.Scale.RELATIVE, Double.NaN, 0, level));
            write(prov, "colonisation.tsv", c::write);
            prov.parameter("colonisation", colonisation);
        }
        prov.write(out.resolve("provenance.json"));
        console.info(String.format(Locale.ROOT, "%s: %d subjects, %d samples in the arm x time model; wrote %s", y.name(), lmm.subjects(), lmm.samples(), out));
        return 0;
    }

    private void write(Provenance prov, String name, Consumer<Path> writer) {
        Path p = out.resolve(name);
        writer.accept(p);
        prov.output(name, p);
    }

    /** A table reader with the defaults of the shared table options (no metadata attached: the design reads it). */
    static TableInput tableInput() {
        TableInput in = new TableInput();
        in.metaphlanRank = "species";
        return in;
    }
}
