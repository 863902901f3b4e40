package io.gutbrain.simulate;

import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated cohort (see {@link CohortSimulator}): the real profiles of the chosen samples under
 * new ids ({@code SIM-0001}, ...) and the simulated metadata.
 *
 * <p>Metadata columns: {@code simulated} ({@code yes}), {@code source_sample} (the real sample the
 * profile comes from), {@code age}, {@code sex}, {@code bmi_group}, {@code bmi},
 * {@code diagnosis} ({@code MDD} / {@code control}), {@code phq9_1..phq9_9} and
 * {@code gad7_1..gad7_7} (item answers 0–3, empty when missing; the default item columns of
 * {@link io.gutbrain.measures.Instruments#PHQ9} and {@code GAD7}), {@code crp_mg_l},
 * {@code cortisol_nmol_l}, and {@code severity_latent} (the true latent severity, which no real
 * study observes: it is there to check methods against).
 *
 * @param table      counts of the chosen samples, sample ids {@code SIM-0001...}
 * @param metadata   the simulated phenotypes, one row per table sample, same order
 * @param parameters the settings used
 * @param source     the real data the profiles come from
 * @param effects    the planted effects by resolved feature id
 * @param imputed    how many subjects had age, sex or BMI drawn from another source sample
 * @param summary    figures of the cohort: mean and SD of the complete PHQ-9 total, fraction MDD,
 *                   fraction of item answers missing
 */
public record SimulatedCohort(FeatureTable table, SampleMetadata metadata, SimulationParameters parameters,
                              SimulationSource source, Map<String, Double> effects, Map<String, Integer> imputed,
                              Map<String, Object> summary) {

    /** Copies the maps, keeping their order. */
    public SimulatedCohort {
        effects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(effects));
        imputed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(imputed));
        summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    /** File names inside the output folder. */
    public static final String TABLE = "table.tsv";
    /** Simulated metadata file name. */
    public static final String METADATA = "metadata.tsv";
    /** Parameter record file name. */
    public static final String RECORD = "simulation.json";
    /** Simulated taxon-stratified KO profile (PICRUSt2 layout), see {@link #writeKoProfile}. */
    public static final String KO_TABLE = "ko_SIMULATED_strat.tsv";

    /**
     * Writes a SIMULATED KO profile of the cohort's profiles ({@link KoProfileSimulator} with
     * the cohort's seed and the built-in module set) as {@value #KO_TABLE} in PICRUSt2's
     * stratified layout, for trying module profiling; atomically.
     *
     * @return the file written
     */
    public Path writeKoProfile(Path dir) {
        io.gutbrain.modules.StratifiedKo ko = KoProfileSimulator.simulate(table, io.gutbrain.modules.ModuleSet.builtin(),
                KoProfileSimulator.Parameters.defaults(parameters.seed()));
        Path file = dir.resolve(KO_TABLE);
        io.gutbrain.io.Picrust2.writeStratified(ko.table(), ko.functions(), ko.taxa(), file);
        return file;
    }

    /**
     * Writes {@code table.tsv} (classic TSV), {@code metadata.tsv} (QIIME 2 metadata) and
     * {@code simulation.json} (all parameters, the seed, the model, the source and its checksums,
     * the outputs' checksums) into {@code dir}, each atomically; every file says it is simulated.
     *
     * @param version gutbrain version for the record
     * @param command the command line that made the cohort, for the record
     * @return the three files written
     */
    public List<Path> write(Path dir, String version, String command) {
        String effectText = effectsText();
        Path tablePath = dir.resolve(TABLE);
        Path mdPath = dir.resolve(METADATA);
        Path record = dir.resolve(RECORD);
        ClassicTsv.write(table, tablePath, CohortSimulator.LABEL + ": real " + source.name() + " profiles of simulated subjects "
                + "(sample ids are new; source_sample in metadata.tsv names the real sample); see simulation.json");
        MetadataFile.write(metadata, mdPath, List.of(
                CohortSimulator.LABEL + " (seed " + parameters.seed() + ", " + parameters.subjects() + " subjects): phenotypes are synthetic, not measured.",
                "Microbiome profiles are real " + source.name() + " samples; planted effects on latent depression severity: " + effectText + ". See simulation.json."));
        Map<String, Object> m = SimulationRecord.start(CohortSimulator.LABEL + ": the phenotypes are synthetic; do not report them as findings",
                "gutbrain simulate", version, command, parameters.seed(), parameters.toMap());
        m.put("resolved_effects", effects);
        m.put("model", model());
        m.put("source", SimulationRecord.source(source));
        m.put("imputed_covariates", imputed);
        m.put("summary", summary);
        SimulationRecord.write(record, m, List.of(tablePath, mdPath));
        return List.of(tablePath, mdPath, record);
    }

    /** "Coprococcus eutactus et rel. -0.3, Faecalibacterium prausnitzii et rel. -0.2". */
    public String effectsText() {
        List<String> parts = new ArrayList<>();
        effects.forEach((k, v) -> parts.add(k + " " + io.gutbrain.io.TextOutput.number(v)));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latent", "L = mean_severity + sum_k beta_k * (clr_k - population mean_k) / population sd_k + female_effect * female + N(0,1); "
                + "clr = ln(count + pseudocount) - mean over taxa; population = all source samples");
        m.put("items", "ordinal probit: item = number of thresholds tau_jt = qnorm(1 - p_jt) below item_loading * trait + sqrt(1 - item_loading^2) * N(0,1); "
                + "PHQ-9 trait L, GAD-7 trait A = anxiety_correlation * L + sqrt(1 - anxiety_correlation^2) * N(0,1)");
        m.put("phq9_endorsement_p_ge_1_2_3", CohortSimulator.PHQ9_ENDORSEMENT);
        m.put("gad7_endorsement_p_ge_1_2_3", CohortSimulator.GAD7_ENDORSEMENT);
        m.put("missing_items", "each answer missing independently with probability missing_rate (MCAR)");
        m.put("diagnosis", "MDD when the complete PHQ-9 total >= " + CohortSimulator.MDD_CUTOFF + ", else control");
        m.put("crp_mg_l", "exp(crp_effect * L + 0.1 * (bmi - 25) + 0.8 * N(0,1))");
        m.put("cortisol_nmol_l", "exp(ln 350 + cortisol_effect * L + 0.35 * N(0,1))");
        m.put("age_sex_bmi", "from the source sample's metadata (bmi drawn uniformly inside bmi_group); missing values from a random source sample (hot deck)");
        return m;
    }
}
