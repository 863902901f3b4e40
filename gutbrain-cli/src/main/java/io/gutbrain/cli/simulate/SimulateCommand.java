package io.gutbrain.cli.simulate;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.common.Version;
import io.gutbrain.error.InputException;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.simulate.CohortSimulator;
import io.gutbrain.simulate.SimulatedCohort;
import io.gutbrain.simulate.SimulationParameters;
import io.gutbrain.simulate.SimulationSource;
import io.gutbrain.study.StudyTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A semi-synthetic depression cohort: real gut profiles, simulated PHQ-9, GAD-7, CRP, cortisol
 * and diagnosis linked to chosen taxa (see {@link CohortSimulator}), plus a study file for it.
 * Every output is labelled SIMULATED.
 */
@Command(name = "simulate",
        description = "Simulate a depression cohort on real gut profiles (atlas1006): PHQ-9/GAD-7 items, CRP, cortisol, diagnosis linked to chosen taxa; labelled SIMULATED.",
        subcommands = {PowerTool.class},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain simulate --n 200 --effect Coprococcus=-0.3 --effect Faecalibacterium=-0.2 --seed 1 --ko --out simulated")
public final class SimulateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--n", converter = OptionTypes.Subjects.class, defaultValue = "200", description = "Subjects, one real sample each (" + OptionTypes.Subjects.HELP + "; default: ${DEFAULT-VALUE}).") int n;
    @Option(names = "--seed", converter = OptionTypes.Seed.class, defaultValue = "1", description = "Random seed (" + OptionTypes.Seed.HELP + "; default: ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--effect", paramLabel = "TAXON=BETA",
            description = "Planted effect on latent depression severity, in SDs per SD of the taxon's CLR; repeatable; replaces the defaults "
                    + "Coprococcus=-0.3 and Faecalibacterium=-0.2. TAXON is a feature id or its unambiguous start.")
    List<String> effects;
    @Option(names = "--missing-rate", converter = OptionTypes.MissingRate.class, defaultValue = "0.02", description = "Probability that a questionnaire item is unanswered (" + OptionTypes.MissingRate.HELP + "; default: ${DEFAULT-VALUE}).")
    double missingRate;
    @Option(names = "--mean-severity", converter = OptionTypes.MeanSeverity.class, defaultValue = "0", description = "Mean of the latent severity; raise it for a clinical cohort (" + OptionTypes.MeanSeverity.HELP + "; default: ${DEFAULT-VALUE}).")
    double meanSeverity;
    @Option(names = "--out", defaultValue = "simulated", paramLabel = "DIR",
            description = "Output folder: table.tsv, metadata.tsv, simulation.json, study.yaml (default: ${DEFAULT-VALUE})." + FolderOutput.OUT_RULES)
    Path out;
    @Mixin FolderOutput folder;
    @Option(names = "--ko", description = "Also write a SIMULATED taxon-stratified KO profile (" + SimulatedCohort.KO_TABLE
            + ", made-up genomes per taxon) and turn the modules analysis on in study.yaml.") boolean ko;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Mixin SourceOptions source;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        SimulationParameters p = parameters(SimulationParameters.defaults().withSubjects(n).withSeed(seed)
                .withMissingRate(missingRate).withMeanSeverity(meanSeverity), effects);
        p.validate();
        SimulationSource src = source.load();
        SimulatedCohort c = CohortSimulator.simulate(src, p);
        String command = RunRecord.commandLine(spec);
        try (OutputFolder f = folder.stage(spec, out)) {
            c.write(f.dir(), Version.get(), command);
            Path koTable = ko ? c.writeKoProfile(f.dir()) : null;
            // the study file names its inputs relative to its own folder, so it stays right after the rename
            StudyTemplate.write(f.resolve("study.yaml"), f.resolve(SimulatedCohort.TABLE), f.resolve(SimulatedCohort.METADATA), koTable);
            f.commit();
        }
        Map<String, Object> s = c.summary();
        console.info(String.format(Locale.ROOT, "SIMULATED DATA: %d subjects on real %s profiles; PHQ-9 mean %.1f, %.0f%% screen positive (MDD); effects %s",
                n, src.name(), (Double) s.get("phq9_complete_total_mean"), 100 * (Double) s.get("mdd_fraction"), c.effectsText()));
        console.info("wrote " + out.resolve(SimulatedCohort.TABLE) + ", " + SimulatedCohort.METADATA + ", " + SimulatedCohort.RECORD
                + (ko ? ", " + SimulatedCohort.KO_TABLE : "") + ", study.yaml; next: gutbrain study check " + out.resolve("study.yaml"));
        spec.commandLine().getOut().println(out);
        return 0;
    }

    /** The parameters with the --effect list (TAXON=BETA) in place of the default effects, when given. */
    static SimulationParameters parameters(SimulationParameters base, List<String> effects) {
        if (effects == null || effects.isEmpty()) return base;
        Map<String, Double> m = new LinkedHashMap<>();
        for (String e : effects) {
            int eq = e.lastIndexOf('=');
            Double beta = null;
            if (eq > 0) {
                try {
                    beta = Double.parseDouble(e.substring(eq + 1).strip());
                } catch (NumberFormatException ex) {
                    beta = null;
                }
            }
            if (beta == null || !Double.isFinite(beta)) {
                throw new InputException(null, "--effect", "expected TAXON=BETA, found '" + e + "'", "write e.g. --effect Coprococcus=-0.3");
            }
            if (m.put(e.substring(0, eq).strip(), beta) != null) {
                throw new InputException(null, "--effect", "taxon '" + e.substring(0, eq).strip() + "' is given twice", "give each taxon once");
            }
        }
        return base.withEffects(m);
    }
}
