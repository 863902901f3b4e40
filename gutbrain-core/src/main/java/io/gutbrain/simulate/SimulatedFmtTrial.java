package io.gutbrain.simulate;

import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.TextOutput;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.result.ResultTable;
import io.gutbrain.table.FeatureTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulated FMT trial ({@link FmtTrialSimulator}): the counts of every donor and recipient
 * sample, the metadata, and the true composition of every sample.
 *
 * <p>Metadata columns: {@code simulated} ({@code yes}), {@code subject} (recipients
 * {@code R0001...}, donors {@code DONOR-1...}), {@code week} (0 = pre-FMT; empty for donor
 * samples), {@code arm} ({@code FMT} / {@code placebo}; empty for donors), {@code donor} (the
 * recipient's donor subject; for placebo the donor whose material was not given), {@code role}
 * ({@code recipient} / {@code donor}), {@code source_sample} (the real sample behind the profile;
 * {@code mixture} for post-FMT samples) and {@code symptom_score} (simulated, 0–27).
 *
 * @param table      counts, samples {@code R0001-w0}, {@code R0001-w2}, ..., {@code DONOR-1-stool}
 * @param metadata   one row per table sample
 * @param truth      the true donor / own / unknown shares of every sample, table order
 * @param parameters the settings used
 * @param source     the real data the profiles come from
 */
public record SimulatedFmtTrial(FeatureTable table, SampleMetadata metadata, List<FmtTrialSimulator.TrueComposition> truth,
                                FmtTrialSimulator.Parameters parameters, SimulationSource source) {

    /** Copies the list. */
    public SimulatedFmtTrial { truth = List.copyOf(truth); }

    /** Counts file name. */
    public static final String TABLE = "table.tsv";
    /** Metadata file name. */
    public static final String METADATA = "metadata.tsv";
    /** True-composition file name. */
    public static final String TRUTH = "true_composition.tsv";
    /** Parameter record file name. */
    public static final String RECORD = "simulation.json";

    /**
     * The true compositions as a table: {@code sample subject arm week responder donor_share
     * own_share unknown_share donor real_sample unknown_sample} (own = the recipient's pre-FMT
     * profile; missing cells empty).
     */
    public ResultTable truthTable() {
        List<Object[]> rows = new ArrayList<>();
        for (FmtTrialSimulator.TrueComposition c : truth) {
            rows.add(new Object[]{c.sample(), c.subject(), c.arm(), c.week() < 0 ? null : c.week(),
                    c.responder() == null ? null : c.responder() ? "yes" : "no", c.donorShare(), c.preShare(), c.unknownShare(),
                    c.donor(), c.realSample(), c.unknownSample()});
        }
        return new ResultTable("true_composition", List.of("sample", "subject", "arm", "week", "responder", "donor_share", "own_share",
                "unknown_share", "donor", "real_sample", "unknown_sample"), rows);
    }

    /**
     * Writes {@code table.tsv} (classic TSV), {@code metadata.tsv} (QIIME 2 metadata),
     * {@code true_composition.tsv} and {@code simulation.json} (parameters, model, source with
     * checksums, output checksums) into {@code dir}, each atomically; every file says it is
     * simulated.
     *
     * @return the four files written
     */
    public List<Path> write(Path dir, String version, String command) {
        Path tablePath = dir.resolve(TABLE);
        Path mdPath = dir.resolve(METADATA);
        Path truthPath = dir.resolve(TRUTH);
        Path record = dir.resolve(RECORD);
        ClassicTsv.write(table, tablePath, FmtTrialSimulator.LABEL + ": multinomial draws from real " + source.name()
                + " profiles and known mixtures of them; see " + TRUTH + " and " + RECORD);
        MetadataFile.write(metadata, mdPath, List.of(
                FmtTrialSimulator.LABEL + " (seed " + parameters.seed() + ", " + parameters.recipients() + " recipients, "
                        + parameters.donors() + " donors): allocation, donor shares and symptom scores are synthetic, not measured.",
                "Profiles are mixtures of real " + source.name() + " samples with known shares (" + TRUTH + "); placebo recipients name the donor they did not receive."));
        TextOutput.write(truthPath, "# " + FmtTrialSimulator.LABEL + ": true shares of every sample\n" + truthTable().toTsv());
        Map<String, Object> m = SimulationRecord.start(FmtTrialSimulator.LABEL + ": do not report these data as findings",
                "gutbrain FmtTrialSimulator", version, command, parameters.seed(), parameters.toMap());
        m.put("model", "post-FMT profile = d * donor + (1 - d - u) * own pre-FMT + u * unknown source (real samples' relative abundances); "
                + "every sample a multinomial draw of depth reads; see io.gutbrain.simulate.FmtTrialSimulator");
        m.put("source", SimulationRecord.source(source));
        SimulationRecord.write(record, m, List.of(tablePath, mdPath, truthPath));
        return List.of(tablePath, mdPath, truthPath, record);
    }

    /**
     * A study file for the written trial (files next to it): arm as group with placebo as
     * reference, {@code symptom_score} as outcome, alpha and beta diversity, and the intervention
     * analysis with the donor column (baseline week 0).
     *
     * @param name the study name
     */
    public String studyText(String name) {
        return """
                study:
                  name: %s
                  description: "SIMULATED FMT trial: known donor shares in mixtures of real %s profiles"
                inputs:
                  table: %s
                  metadata: %s
                design:
                  group: arm
                  reference: %s
                  outcomes: [symptom_score]
                  subject: subject
                  time: week
                analyses:
                  qc:
                    min_depth: 1000
                  alpha:
                    metrics: [observed_features, shannon]
                  beta:
                    metrics: [braycurtis]
                    permutations: 199
                  intervention:
                    treatment: %s
                    baseline: "%d"
                    donor: donor
                seed: %d
                """.formatted(name, source.name(), TABLE, METADATA, FmtTrialSimulator.PLACEBO, FmtTrialSimulator.FMT,
                FmtTrialSimulator.BASELINE_WEEK, parameters.seed());
    }
}
