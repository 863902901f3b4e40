package io.gutbrain.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gutbrain.error.InputException;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.TableIO;
import io.gutbrain.measures.InstrumentScores;
import io.gutbrain.measures.Instruments;
import io.gutbrain.measures.Scoring;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The semi-synthetic cohort on the real atlas1006 profiles (copied into the test resources). */
class CohortSimulatorTest {
    static final String COPROCOCCUS = "Coprococcus eutactus et rel.";

    static Path atlas(String file) {
        try {
            return Path.of(CohortSimulatorTest.class.getResource("/microbiome-interventions/atlas1006/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static final SimulationSource SOURCE = SimulationSource.read("atlas1006", SimulationSource.ATLAS1006_CITATION,
            atlas("counts.tsv"), atlas("metadata.tsv"));

    static SimulatedCohort simulate(SimulationParameters p) {
        return CohortSimulator.simulate(SOURCE, p);
    }

    @Test
    void sameSeedSameCohortOtherSeedOtherCohort() {
        SimulationParameters p = SimulationParameters.defaults().withSubjects(120).withSeed(7);
        SimulatedCohort a = simulate(p);
        SimulatedCohort b = simulate(p);
        assertThat(a.table().sameData(b.table())).isTrue();
        for (String c : a.metadata().columns()) assertThat(a.metadata().textColumn(c)).as(c).isEqualTo(b.metadata().textColumn(c));
        SimulatedCohort other = simulate(p.withSeed(8));
        assertThat(other.metadata().textColumn("source_sample")).isNotEqualTo(a.metadata().textColumn("source_sample"));
        assertThat(other.metadata().textColumn("severity_latent")).isNotEqualTo(a.metadata().textColumn("severity_latent"));
    }

    @Test
    void profilesAreTheRealSamplesOneSamplePerSubject() {
        SimulatedCohort c = simulate(SimulationParameters.defaults().withSubjects(300).withSeed(3));
        FeatureTable t = c.table();
        assertThat(t.sampleCount()).isEqualTo(300);
        assertThat(t.sampleIds().get(0)).isEqualTo("SIM-0001");
        assertThat(t.featureIds()).isEqualTo(SOURCE.table().featureIds());
        SampleMetadata src = SOURCE.metadata();
        java.util.Set<String> subjects = new java.util.HashSet<>();
        for (int s = 0; s < t.sampleCount(); s++) {
            String real = c.metadata().text("source_sample", t.sampleIds().get(s));
            int r = SOURCE.table().sampleIndex(real);
            assertThat(t.sampleDense(s)).isEqualTo(SOURCE.table().sampleDense(r));
            assertThat(subjects.add(src.text("subject", real))).as("one sample per subject").isTrue();
            assertThat(c.metadata().text("simulated", t.sampleIds().get(s))).isEqualTo("yes");
            double age = src.number("age", real);
            if (!Double.isNaN(age)) assertThat(c.metadata().number("age", t.sampleIds().get(s))).isEqualTo(age);
            String sex = src.text("sex", real);
            if (sex != null) assertThat(c.metadata().text("sex", t.sampleIds().get(s))).isEqualTo(sex);
        }
    }

    @Test
    void plantedAssociationIsRecoverable() {
        SimulatedCohort c = simulate(SimulationParameters.defaults().withSubjects(300).withSeed(11));
        assertThat(c.effects()).containsExactly(Map.entry(COPROCOCCUS, -0.3), Map.entry("Faecalibacterium prausnitzii et rel.", -0.2));
        double[] test = PowerAnalysis.test(c, c.table().featureIndex(COPROCOCCUS), 0.5);
        assertThat(test[0]).isNegative();
        assertThat(test[1]).isLessThan(0.001);

        SimulatedCohort none = simulate(SimulationParameters.defaults().withSubjects(300).withSeed(11).withEffects(Map.of()));
        double[] nullTest = PowerAnalysis.test(none, none.table().featureIndex(COPROCOCCUS), 0.5);
        assertThat(Math.abs(nullTest[0])).isLessThan(Math.abs(test[0]));
    }

    @Test
    void itemsInRangeDiagnosisFollowsTotalAndTraitsCorrelate() {
        SimulatedCohort c = simulate(SimulationParameters.defaults().withSubjects(500).withSeed(5).withMissingRate(0));
        SampleMetadata md = c.metadata();
        List<String> phq = Instruments.PHQ9.defaultColumns();
        int mdd = 0;
        for (String id : md.ids()) {
            int total = 0;
            for (String col : phq) {
                double v = md.number(col, id);
                assertThat(v).isIn(0.0, 1.0, 2.0, 3.0);
                total += (int) v;
            }
            for (String col : Instruments.GAD7.defaultColumns()) assertThat(md.number(col, id)).isIn(0.0, 1.0, 2.0, 3.0);
            assertThat(md.text("diagnosis", id)).isEqualTo(total >= 10 ? "MDD" : "control");
            if (total >= 10) mdd++;
            assertThat(md.number("crp_mg_l", id)).isPositive();
            assertThat(md.number("cortisol_nmol_l", id)).isPositive();
            assertThat(md.number("bmi", id)).isBetween(16.0, 50.0);
        }
        // a cohort enriched for depression: some, not most, screen positive
        assertThat(mdd / 500.0).isBetween(0.08, 0.4);
        double[] phqScore = scores(md, Instruments.PHQ9);
        double[] gadScore = scores(md, Instruments.GAD7);
        assertThat(rho(phqScore, gadScore)).as("PHQ-9 vs GAD-7").isGreaterThan(0.4);
        assertThat(rho(md.numericColumn("severity_latent"), md.numericColumn("crp_mg_l"))).as("CRP rises with severity").isPositive();
    }

    static double rho(double[] x, double[] y) {
        return io.gutbrain.stats.SpearmanCorrelation.test(x, y, 0.95).estimate();
    }

    static double[] scores(SampleMetadata md, io.gutbrain.measures.Instrument ins) {
        InstrumentScores s = Scoring.score(md, ins);
        return s.samples().stream().mapToDouble(x -> x.score().getAsInt()).toArray();
    }

    @Test
    void missingRateIsRoughlyAsSet() {
        SimulatedCohort c = simulate(SimulationParameters.defaults().withSubjects(500).withSeed(2).withMissingRate(0.1));
        int cells = 0, missing = 0;
        for (String col : c.metadata().columns()) {
            if (!col.matches("(phq9|gad7)_\\d")) continue;
            for (String v : c.metadata().textColumn(col)) {
                cells++;
                if (v == null) missing++;
            }
        }
        assertThat(cells).isEqualTo(500 * 16);
        // binomial(8000, 0.1): SD = sqrt(8000 * 0.1 * 0.9) = 26.8 cells; allow 4 SD
        assertThat(missing).isBetween(800 - 107, 800 + 107);
        assertThat((double) c.summary().get("missing_item_fraction")).isEqualTo(missing / 8000.0);
    }

    @Test
    void writtenFilesAreLabelledReadableAndScorable(@TempDir Path dir) throws Exception {
        SimulatedCohort c = simulate(SimulationParameters.defaults().withSubjects(60).withSeed(9).withMissingRate(0.05));
        List<Path> files = c.write(dir, "test-version", "gutbrain simulate --n 60 --seed 9");
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("table.tsv", "metadata.tsv", "simulation.json");

        List<String> lines = Files.readAllLines(dir.resolve("metadata.tsv"));
        assertThat(lines.get(0)).startsWith("# SIMULATED DATA generated by gutbrain simulate");
        assertThat(Files.readAllLines(dir.resolve("table.tsv")).get(0)).startsWith("# SIMULATED DATA generated by gutbrain simulate");
        SampleMetadata md = MetadataFile.read(dir.resolve("metadata.tsv"));
        assertThat(md.ids()).isEqualTo(c.metadata().ids());
        assertThat(md.columns()).isEqualTo(c.metadata().columns());
        assertThat(md.types()).isEqualTo(c.metadata().types());
        for (String col : md.columns()) assertThat(md.textColumn(col)).as(col).isEqualTo(c.metadata().textColumn(col));
        assertThat(md.levels("simulated")).containsExactly("yes");
        InstrumentScores phq = Scoring.score(md, Instruments.PHQ9);
        assertThat(phq.scoredCount()).isGreaterThan(50);
        Scoring.score(md, Instruments.GAD7);
        assertThat(TableIO.read(dir.resolve("table.tsv")).sameData(c.table())).isTrue();

        JsonNode json = new ObjectMapper().readTree(dir.resolve("simulation.json").toFile());
        assertThat(json.get("simulated").asBoolean()).isTrue();
        assertThat(json.get("seed").asLong()).isEqualTo(9);
        assertThat(json.at("/parameters/n").asInt()).isEqualTo(60);
        assertThat(json.at("/parameters/missing_rate").asDouble()).isEqualTo(0.05);
        assertThat(json.at("/parameters/effects/Coprococcus").asDouble()).isEqualTo(-0.3);
        // sha256sum of the copied atlas1006 files, computed with coreutils
        assertThat(json.at("/source/counts_sha256").asText()).isEqualTo("b7a059d6a6fda8b06b063000db2b2091e1f5b21a854a610e437a6bb62099f485");
        assertThat(json.at("/source/metadata_sha256").asText()).isEqualTo("ed6417db84939912540dfc74db56c222ebab6e2574485501dc546817a493bba0");
        assertThat(json.at("/outputs/0/sha256").asText()).isEqualTo(io.gutbrain.result.Provenance.sha256(dir.resolve("table.tsv")));
    }

    @Test
    void badParametersAreInputErrors() {
        SimulationParameters d = SimulationParameters.defaults();
        assertThatThrownBy(() -> simulate(d.withSubjects(5))).isInstanceOf(InputException.class).hasMessageContaining("parameter n");
        assertThatThrownBy(() -> simulate(d.withSubjects(1007))).isInstanceOf(InputException.class)
                .hasMessageContaining("asks for 1007 subjects but the source has 1006");
        assertThatThrownBy(() -> simulate(d.withMissingRate(0.7))).isInstanceOf(InputException.class).hasMessageContaining("parameter missing-rate");
        assertThatThrownBy(() -> simulate(d.withEffects(Map.of("Copro", -0.3)))).isInstanceOf(InputException.class)
                .hasMessageContaining("'Copro' matches 2 taxa");
        assertThatThrownBy(() -> simulate(d.withEffects(Map.of("Coprococus", -0.3)))).isInstanceOf(InputException.class)
                .hasMessageContaining("no taxon of the source is called or starts with 'Coprococus'");
        assertThatThrownBy(() -> simulate(d.withEffects(Map.of("Coprococcus", 4.0)))).isInstanceOf(InputException.class)
                .hasMessageContaining("parameter effect Coprococcus");
        assertThatThrownBy(() -> simulate(new SimulationParameters(50, 1, Map.of(), 0, 0, 1.0, 0.7, 0, 0, 0, 0.5)))
                .isInstanceOf(InputException.class).hasMessageContaining("parameter item-loading");
    }

    @Test
    void powerIncreasesWithSampleSizeAndIsNearAlphaWithoutEffect() {
        int[] sizes = {20, 60, 200};
        PowerAnalysis.Result r = PowerAnalysis.run(SOURCE, SimulationParameters.defaults(), "Coprococcus", -0.3, sizes, 100, 0.05, 0,
                io.gutbrain.util.ProgressListener.NONE);
        assertThat(r.taxon()).isEqualTo(COPROCOCCUS);
        double[] power = r.rows().stream().mapToDouble(PowerAnalysis.Row::power).toArray();
        assertThat(power[0]).isLessThan(power[1]);
        assertThat(power[1]).isLessThan(power[2]);
        assertThat(power[2]).isGreaterThan(0.8);
        assertThat(r.rows()).allSatisfy(row -> assertThat(row.meanRho()).isNegative());
        assertThat(r.toTsv().lines().findFirst()).contains("n\treplicates\tsignificant\tpower\tpower_se\tmean_rho");

        PowerAnalysis.Result again = PowerAnalysis.run(SOURCE, SimulationParameters.defaults(), "Coprococcus", -0.3, sizes, 100, 0.05, 1,
                io.gutbrain.util.ProgressListener.NONE);
        assertThat(again).as("same result on one thread").isEqualTo(r);

        PowerAnalysis.Result nullEffect = PowerAnalysis.run(SOURCE, SimulationParameters.defaults().withEffects(Map.of()), "Coprococcus", 0, new int[] {100},
                200, 0.05, 0, io.gutbrain.util.ProgressListener.NONE);
        // binomial(200, 0.05): SD 0.0154; allow 4 SD above alpha
        assertThat(nullEffect.rows().get(0).power()).isLessThan(0.05 + 4 * 0.0154);
        assertThat(Arrays.stream(sizes).sum()).isEqualTo(280);
    }
}
