package io.gutbrain.intervention;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TrialDesignTest {
    @TempDir Path dir;

    @Test
    void peerj32ProbioticTrial() {
        // Lahti et al. 2013: 22 adults, LGG or placebo, sampled before (time 1) and after (time 2)
        TrialDesign d = TrialDesign.from(Fixtures.metadata("peerj32"), "subject", "time", "group", "1", null);
        assertThat(d.subjects()).hasSize(22).startsWith("S1", "S2");
        assertThat(d.timepoints()).containsExactly("1", "2");
        assertThat(d.followUps()).containsExactly("2");
        assertThat(d.arms()).containsExactly("Placebo", "LGG");
        assertThat(d.subjectsIn("Placebo")).hasSize(14);
        assertThat(d.subjectsIn("LGG")).hasSize(8);
        assertThat(d.baselineSample("S1")).isEqualTo("sample-1");
        assertThat(d.sample("S1", "2")).isEqualTo("sample-2");
        assertThat(d.pairedSubjects()).hasSize(22);
        assertThat(d.hasDonors()).isFalse();
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void numericTimesAreOrderedByValueAndSingleVisitSubjectsAreWarnedAbout() {
        // atlas1006: 1,006 subjects, 928 sampled once; times are years from the first sample (0, 0.2 ... 36)
        TrialDesign d = TrialDesign.from(Fixtures.metadata("atlas1006"), "subject", "time", null, "0", null);
        assertThat(d.subjects()).hasSize(1006);
        assertThat(d.timepoints()).startsWith("0", "0.2", "0.7", "0.9", "1.4", "2.1").endsWith("9.1", "12", "24", "36");
        assertThat(d.arms()).containsExactly("all");
        assertThat(d.pairedSubjects()).hasSize(1006 - 928);
        assertThat(d.warnings()).singleElement().asString().startsWith("928 subject(s) with a single timepoint left out of paired analyses");
    }

    @Test
    void dietswapTimepointsAndNationalityArms() {
        TrialDesign d = TrialDesign.from(Fixtures.metadata("dietswap"), "subject", "timepoint", "nationality", "1", null);
        assertThat(d.subjects()).hasSize(38);
        assertThat(d.timepoints()).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(d.arms()).containsExactly("AAM", "AFR");
        assertThat(d.samplesOf("byn")).containsExactly(java.util.Map.entry("1", "Sample-40"), java.util.Map.entry("2", "Sample-154"),
                java.util.Map.entry("3", "Sample-127"), java.util.Map.entry("4", "Sample-1"), java.util.Map.entry("5", "Sample-148"),
                java.util.Map.entry("6", "Sample-49"));
    }

    @Test
    void armThatChangesWithinASubjectIsAnError() {
        // in dietswap the diet group changes within each subject (the diets are swapped)
        InputException e = catchThrowableOfType(() -> TrialDesign.from(Fixtures.metadata("dietswap"), "subject", "timepoint", "group", "1", null),
                InputException.class);
        assertThat(e.location()).contains("subject '").contains("column 'group'");
        assertThat(e.problem()).contains("the arm changes within the subject");
    }

    @Test
    void unknownBaselineListsTheLevels() {
        InputException e = catchThrowableOfType(() -> TrialDesign.from(Fixtures.metadata("peerj32"), "subject", "time", "group", "0", null),
                InputException.class);
        assertThat(e.problem()).contains("baseline level '0' does not occur");
        assertThat(e.fix()).isEqualTo("use one of: 1, 2");
    }

    @Test
    void unknownColumnNamesTheColumns() {
        assertThatThrownBy(() -> TrialDesign.from(Fixtures.metadata("peerj32"), "participant", "time", null, "1", null))
                .isInstanceOf(InputException.class).hasMessageContaining("no such metadata column").hasMessageContaining("subject");
    }

    @Test
    void textVisitsInFirstSeenOrGivenOrder() {
        TrialDesign first = TrialDesign.from(Fixtures.sheet(dir, """
                sample-id\tsubject\tvisit
                a2\tA\tweek2
                a0\tA\tscreen
                b0\tB\tscreen
                b2\tB\tweek2
                """), "subject", "visit", null, "screen", null);
        assertThat(first.timepoints()).containsExactly("week2", "screen");
        TrialDesign given = TrialDesign.from(Fixtures.sheet(dir, """
                sample-id\tsubject\tvisit
                a2\tA\tweek2
                a0\tA\tscreen
                """), "subject", "visit", null, "screen", null, List.of("screen", "week2"));
        assertThat(given.timepoints()).containsExactly("screen", "week2");
        assertThat(given.followUps()).containsExactly("week2");
    }

    @Test
    void givenOrderMustMatchTheData() {
        SampleMetadata md = Fixtures.sheet(dir, """
                sample-id\tsubject\tvisit
                a2\tA\tweek2
                a0\tA\tscreen
                """);
        InputException e = catchThrowableOfType(() -> TrialDesign.from(md, "subject", "visit", null, "screen", null, List.of("screen", "week4")),
                InputException.class);
        assertThat(e.problem()).contains("not in the order: 'week2'").contains("not in the data: 'week4'");
        assertThat(e.fix()).isEqualTo("list exactly these timepoints: week2, screen");
    }

    /** The error of reading a sheet with columns subject and visit, baseline 0, no arm or donor. */
    private InputException visitError(String rows) {
        return readError("sample-id\tsubject\tvisit\n" + rows, "visit", null);
    }

    /** The error of reading a sheet with columns subject, day and donor, baseline 0. */
    private InputException donorError(String rows) {
        return readError("sample-id\tsubject\tday\tdonor\n" + rows, "day", "donor");
    }

    private InputException readError(String sheet, String time, String donor) {
        SampleMetadata md = Fixtures.sheet(dir, sheet);
        return catchThrowableOfType(() -> TrialDesign.from(md, "subject", time, null, "0", donor), InputException.class);
    }

    @Test
    void missingSubjectOrTimeNamesTheSamples() {
        InputException e = visitError("a0\tA\t0\na1\tA\t\nx1\t\t1\n");
        assertThat(e.problem()).isEqualTo("2 sample(s) have no subject or no time value: 'a1', 'x1'");
        assertThat(e.source()).endsWith("metadata.tsv");
    }

    @Test
    void twoSamplesAtOneVisitNameBoth() {
        InputException e = visitError("a0\tA\t0\na0b\tA\t0\n");
        assertThat(e.location()).isEqualTo("subject 'A', time '0'");
        assertThat(e.problem()).contains("'a0' and 'a0b'");
    }

    @Test
    void missingArmAndSingleSubjectArmsAndMissingBaselines() {
        SampleMetadata md = Fixtures.sheet(dir, """
                sample-id\tsubject\tvisit\tarm
                a0\tA\t0\tactive
                a1\tA\t1\tactive
                b0\tB\t0\tplacebo
                b1\tB\t1\tplacebo
                c0\tC\t0\tplacebo
                c1\tC\t1\tplacebo
                d1\tD\t1\tactive
                d2\tD\t2\tactive
                """);
        TrialDesign d = TrialDesign.from(md, "subject", "visit", "arm", "0", null);
        assertThat(d.pairedSubjects()).containsExactly("A", "B", "C");
        assertThat(d.warnings()).containsExactly("1 subject(s) without a baseline ('0') sample left out of paired analyses: 'D'");
        SampleMetadata single = Fixtures.sheet(dir, """
                sample-id\tsubject\tvisit\tarm
                a0\tA\t0\tactive
                a1\tA\t1\tactive
                b0\tB\t0\tplacebo
                b1\tB\t1\tplacebo
                c0\tC\t0\tplacebo
                """);
        assertThat(TrialDesign.from(single, "subject", "visit", "arm", "0", null).warnings()).containsExactly(
                "1 subject(s) with a single timepoint left out of paired analyses: 'C'",
                "arm 'active' has a single subject: its confidence intervals and tests are undefined (NA)");
        SampleMetadata noArm = Fixtures.sheet(dir, """
                sample-id\tsubject\tvisit\tarm
                a0\tA\t0\tactive
                a1\tA\t1\t
                """);
        assertThatThrownBy(() -> TrialDesign.from(noArm, "subject", "visit", "arm", "0", null))
                .isInstanceOf(InputException.class).hasMessageContaining("sample 'a1', column 'arm'").hasMessageContaining("no arm value");
        assertThatThrownBy(() -> d.requireArm("sham")).hasMessageContaining("use one of: active, placebo");
    }

    @Test
    void donorsBySampleIdOrBySubjectId() {
        // R1's donor is a sample id; R2's donor is a donor subject with two stool samples (no visit);
        // R3 names two donor samples in one cell
        SampleMetadata md = Fixtures.sheet(dir, """
                sample-id\tsubject\tday\tarm\tdonor
                r1-0\tR1\t0\tfmt\tDS-1
                r1-7\tR1\t7\tfmt\t
                r2-0\tR2\t0\tfmt\tD2
                r2-7\tR2\t7\tfmt\tD2
                r3-0\tR3\t0\tfmt\tDS-1; DS-3
                r3-7\tR3\t7\tfmt\t
                s1-0\tS1\t0\tsham\t
                s1-7\tS1\t7\tsham\t
                DS-1\tD1\t\t\t
                DS-2a\tD2\t\t\t
                DS-2b\tD2\t\t\t
                DS-3\tD3\t\t\t
                """);
        TrialDesign d = TrialDesign.from(md, "subject", "day", "arm", "0", "donor");
        assertThat(d.subjects()).containsExactly("R1", "R2", "R3", "S1");
        assertThat(d.hasDonors()).isTrue();
        assertThat(d.donorSamples("R1")).containsExactly("DS-1");
        assertThat(d.donorSamples("R2")).containsExactly("DS-2a", "DS-2b");
        assertThat(d.donorSamples("R3")).containsExactly("DS-1", "DS-3");
        assertThat(d.donorSamples("S1")).isEmpty();
        assertThat(d.timepoints()).containsExactly("0", "7");
        assertThat(d.arms()).containsExactly("fmt", "sham");
    }

    @Test
    void unknownDonorsAreNamed() {
        InputException e = donorError("r1-0\tR1\t0\tDS-9\nr1-7\tR1\t7\t\nr2-0\tR2\t0\tDX;DS-1\nDS-1\tD1\t\t\n");
        assertThat(e.location()).isEqualTo("column 'donor'");
        assertThat(e.problem()).isEqualTo("2 donor(s) are neither a sample id nor a subject id of the metadata: 'DS-9', 'DX'");
    }

    @Test
    void aRecipientCannotBeItsOwnDonor() {
        assertThat(donorError("r1-0\tR1\t0\tr1-7\nr1-7\tR1\t7\t\n").problem())
                .isEqualTo("a recipient's own sample is named as donor material");
    }
}
