package io.gutbrain.intervention;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Feature classes and distances on a hand-made recipient whose numbers are worked out in the comments. */
class EngraftmentTest {
    @TempDir Path dir;

    //                         f1  f2  f3  f4  f5  f6
    private static final double[] DONOR = {10, 10, 20, 0, 0, 0};
    private static final double[] PRE = {0, 5, 0, 10, 5, 0};
    private static final double[] POST = {5, 5, 0, 10, 0, 5};
    private static final double[] DONOR2 = {0, 0, 0, 0, 10, 0};

    private static FeatureTable table() {
        return FeatureTable.fromDense("handmade", List.of("D", "P", "Q", "D2", "P2", "Q2"), List.of("f1", "f2", "f3", "f4", "f5", "f6"),
                new double[][]{DONOR, PRE, POST, DONOR2, PRE, POST});
    }

    private TrialDesign design() {
        SampleMetadata md = Fixtures.sheet(dir, """
                sample-id\tsubject\tday\tarm\tdonor
                P\tR1\t0\tfmt\tD
                Q\tR1\t7\tfmt\t
                P2\tR2\t0\tfmt\tD;D2
                Q2\tR2\t7\tfmt\t
                D\tDONOR\t\t\t
                D2\tDONOR2\t\t\t
                """);
        return TrialDesign.from(md, "subject", "day", "arm", "0", "donor");
    }

    @Test
    void classesFractionsAndDistances() {
        EngraftmentResult r = Engraftment.compute(design(), table(), 0);
        assertThat(r.warnings()).isEmpty();
        EngraftmentResult.Row row = r.rows().get(0);
        assertThat(row.recipient()).isEqualTo("R1");
        assertThat(row.timepoint()).isEqualTo("7");
        // post-FMT features f1 (donor-only), f2 (shared), f4 (pre-only), f6 (new); f3 did not engraft, f5 was lost
        assertThat(row.postFeatures()).isEqualTo(4);
        assertThat(List.of(row.donorOnly(), row.preOnly(), row.shared(), row.novel())).containsExactly(1, 1, 1, 1);
        assertThat(row.engraftedFraction()).isEqualTo(0.25);
        // post relative abundances: f1 5/25, f2 5/25, f4 10/25, f6 5/25
        assertThat(row.engraftedWeightedFraction()).isCloseTo(0.2, within(1e-15));
        assertThat(row.preOnlyWeight()).isCloseTo(0.4, within(1e-15));
        assertThat(row.sharedWeight()).isCloseTo(0.2, within(1e-15));
        assertThat(row.novelWeight()).isCloseTo(0.2, within(1e-15));
        // donor-specific f1, f3 (one engrafted); pre-specific f4, f5 (one retained)
        assertThat(row.donorSpecific()).isEqualTo(2);
        assertThat(row.donorSpecificEngrafted()).isEqualTo(0.5);
        assertThat(row.preSpecific()).isEqualTo(2);
        assertThat(row.preSpecificRetained()).isEqualTo(0.5);
        // Bray-Curtis on relative abundance: to donor (.25 .25 .5 0 0 0) sum|d| = .05+.05+.5+.4+.2 = 1.2 over 2;
        // to pre (0 .25 0 .5 .25 0): .2+.05+.1+.25+.2 = 0.8 over 2
        assertThat(row.brayCurtisToDonor()).isCloseTo(0.6, within(1e-12));
        assertThat(row.brayCurtisToPre()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void severalDonorSamplesArePooled() {
        EngraftmentResult.Row row = Engraftment.compute(design(), table(), 0).rows().get(1);
        assertThat(row.recipient()).isEqualTo("R2");
        assertThat(row.donorSamples()).isEqualTo("D;D2");
        // f5 is now in the donor (D2) and in pre: shared, not pre-specific; post still as above
        assertThat(List.of(row.donorOnly(), row.preOnly(), row.shared(), row.novel())).containsExactly(1, 1, 1, 1);
        assertThat(row.preSpecific()).isEqualTo(1);
        // mean donor profile (.125 .125 .25 0 .5 0) vs post (.2 .2 0 .4 0 .2): .075+.075+.25+.4+.5+.2 = 1.5 over 2
        assertThat(row.brayCurtisToDonor()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void detectionThresholdTreatsTracesAsAbsent() {
        // above 21% relative abundance only f4 (40%) is present post-FMT, and it is pre-only
        EngraftmentResult.Row row = Engraftment.compute(design(), table(), 0.21).rows().get(0);
        assertThat(row.postFeatures()).isEqualTo(1);
        assertThat(row.preOnly()).isEqualTo(1);
        assertThat(row.engraftedFraction()).isZero();
    }

    @Test
    void writesTheEngraftmentTable() {
        Engraftment.compute(design(), table(), 0).write(dir.resolve("engraftment.tsv"));
        List<String> lines = Fixtures.lines(dir.resolve("engraftment.tsv"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("recipient\tarm\ttimepoint\tpost_sample\tpre_sample\tdonor_samples\tpost_features\tdonor_only");
        String[] cells = lines.get(1).split("\t");
        assertThat(String.join("\t", java.util.Arrays.copyOf(cells, 23)))
                .isEqualTo("R1\tfmt\t7\tQ\tP\tD\t4\t1\t1\t1\t1\t0.25\t0.25\t0.25\t0.25\t0.2\t0.4\t0.2\t0.2\t2\t0.5\t2\t0.5");
        assertThat(Double.parseDouble(cells[23])).isCloseTo(0.6, within(1e-12));
        assertThat(Double.parseDouble(cells[24])).isCloseTo(0.4, within(1e-12));
        assertThat(cells[25]).isEqualTo("0");
    }

    @Test
    void donorMissingFromTheTableIsNamed() {
        FeatureTable noDonor2 = table().subsetSamples(List.of("D", "P", "Q", "P2", "Q2"));
        assertThatThrownBy(() -> Engraftment.compute(design(), noDonor2, 0))
                .isInstanceOf(InputException.class).hasMessageContaining("1 donor sample(s) are not in the table or have no reads: 'D2'");
        TrialDesign noDonors = TrialDesign.from(Fixtures.metadata("peerj32"), "subject", "time", "group", "1", null);
        assertThatThrownBy(() -> Engraftment.compute(noDonors, Fixtures.counts("peerj32"), 0))
                .isInstanceOf(InputException.class).hasMessageContaining("no recipient has a donor");
    }

    @Test
    void recipientsWithoutPreSampleInTheTableAreWarnedAbout() {
        FeatureTable noPre = table().subsetSamples(List.of("D", "Q", "D2", "P2", "Q2"));
        EngraftmentResult r = Engraftment.compute(design(), noPre, 0);
        assertThat(r.rows()).extracting(EngraftmentResult.Row::recipient).containsExactly("R2");
        assertThat(r.warnings()).containsExactly("1 recipient(s) without a pre-FMT ('0') sample in the table left out: 'R1'");
    }
}
