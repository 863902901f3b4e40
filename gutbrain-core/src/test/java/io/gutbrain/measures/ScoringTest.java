package io.gutbrain.measures;

import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.metadata.SampleMetadata.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.gutbrain.measures.MeasuresFixtures.expect;
import static io.gutbrain.measures.MeasuresFixtures.metadata;
import static io.gutbrain.measures.MeasuresFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Invalid items, missing and renamed columns, and the two outputs (TSV, metadata columns). */
class ScoringTest {

    @Test
    void outOfRangeItemIsAnErrorNamingSampleAndColumn() {
        InputException e = catchThrowableOfType(InputException.class, () -> Scoring.score(metadata("phq9_invalid.tsv"), Instruments.PHQ9));
        assertThat(e.source()).isEqualTo(path("phq9_invalid.tsv").toString());
        assertThat(e.location()).isEqualTo("column 'phq9_3', sample 'V2'");
        assertThat(e.problem()).contains("PHQ-9 item 3 must be an integer from 0 to 3, found '4'").contains("outside the item range");
    }

    @Test
    void nonIntegerAndNonNumericItemsAreErrors() {
        SampleMetadata md = metadata("phq9_invalid.tsv").select(List.of("V3", "V4"));
        InputException e = catchThrowableOfType(InputException.class, () -> Scoring.score(md, Instruments.PHQ9));
        assertThat(e.location()).isEqualTo("column 'phq9_5', sample 'V3'");
        assertThat(e.problem()).contains("found '2.5'").contains("not an integer");
        InputException e2 = catchThrowableOfType(InputException.class, () -> Scoring.score(md.select(List.of("V4")), Instruments.PHQ9));
        assertThat(e2.location()).isEqualTo("column 'phq9_6', sample 'V4'");
        assertThat(e2.problem()).contains("found 'x'");
    }

    @Test
    void invalidItemsCanBeTreatedAsMissingWithOneWarning() {
        Warnings w = new Warnings();
        InstrumentScores r = Scoring.score(metadata("phq9_invalid.tsv"), Instruments.PHQ9, null, Scoring.InvalidItems.MISSING_WITH_WARNING, w);
        expect(r, "V1", 8, "mild", 0, false);       // 1×8 + 0
        expect(r, "V2", 8, "mild", 1, true);        // item 3 dropped: 7×9/8 = 7.875 → 8
        expect(r, "V3", 8, "mild", 1, true);
        expect(r, "V4", 8, "mild", 1, true);
        assertThat(w.messages()).hasSize(1);
        assertThat(w.messages().get(0)).contains("3 item values were not an integer from 0 to 3")
                .contains("sample 'V2' column 'phq9_3' '4'").contains("'2.5'").contains("'x'");
    }

    @Test
    void missingColumnsAreAllListed() {
        SampleMetadata full = metadata("phq9.tsv");
        List<String> keep = new ArrayList<>(full.columns());
        keep.remove("phq9_4");
        keep.remove("phq9_7");
        String[][] values = new String[keep.size()][];
        for (int c = 0; c < keep.size(); c++) values[c] = full.textColumn(keep.get(c));
        SampleMetadata md = new SampleMetadata("m.tsv", full.ids(), keep, values, null);
        assertThatThrownBy(() -> Scoring.score(md, Instruments.PHQ9)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("m.tsv:header: PHQ-9 needs item columns phq9_4, phq9_7, which are not in the metadata");
    }

    @Test
    void itemColumnsCanBeRenamed() {
        SampleMetadata md = new SampleMetadata("m.tsv", List.of("A", "B"), List.of("sleep", "appetite"), new String[][]{{"1", "7"}, {"3", null}}, null);
        Instrument two = new Instrument("pair", null, List.of("x1", "x2"), 1, 7, java.util.Set.of(2), List.of(), 1, Proration.MEAN, List.of(), null);
        InstrumentScores r = Scoring.score(md, two, List.of("sleep", "appetite"), Scoring.InvalidItems.ERROR, new Warnings());
        expect(r, "A", 6, null, 0, false);   // 1 + (1+7-3)
        expect(r, "B", 14, null, 1, true);   // 7 alone: 7×2/1
        assertThat(r.columns()).containsExactly("sleep", "appetite");
        assertThatThrownBy(() -> Scoring.score(md, two, List.of("sleep"), Scoring.InvalidItems.ERROR, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("has 2 items but 1 column name was given");
        assertThatThrownBy(() -> Scoring.score(md, two, List.of("sleep", "sleep"), Scoring.InvalidItems.ERROR, new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("column 'sleep' is given for two");
    }

    @Test
    void tsvHasFiveColumnsPerInstrumentAndReadsBackAsMetadata(@TempDir Path dir) throws IOException {
        SampleMetadata md = metadata("hads.tsv");
        InstrumentScores a = Scoring.score(md, Instruments.HADS_A);
        InstrumentScores d = Scoring.score(md, Instruments.HADS_D);
        Path out = dir.resolve("hads_scores.tsv");
        InstrumentScores.writeTsv(out, List.of(a, d));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("sample-id\thads_a_score\thads_a_band\thads_a_missing\thads_a_prorated\thads_a_flags"
                + "\thads_d_score\thads_d_band\thads_d_missing\thads_d_prorated\thads_d_flags");
        assertThat(lines.get(4)).isEqualTo("H04\t12\tabnormal\t1\ttrue\t\t\t\t2\tfalse\t");
        assertThat(lines).hasSize(6);
        SampleMetadata back = MetadataFile.read(out);
        assertThat(back.number("hads_a_score", "H01")).isEqualTo(11.0);
        assertThat(back.text("hads_d_band", "H02")).isEqualTo("borderline");
        assertThat(Files.list(dir)).containsExactly(out); // no temporary file left behind
    }

    @Test
    void flagsColumnJoinsLabels(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("phq.tsv");
        Scoring.score(metadata("phq9.tsv").select(List.of("P13", "P17")), Instruments.PHQ9).writeTsv(out);
        assertThat(Files.readAllLines(out)).containsExactly(
                "sample-id\tphq9_score\tphq9_band\tphq9_missing\tphq9_prorated\tphq9_flags",
                "P13\t17\tmoderately severe\t2\ttrue\titem9_suicidal_ideation",
                "P17\t\t\t9\tfalse\t");
    }

    @Test
    void scoresBecomeMetadataColumns() {
        SampleMetadata md = metadata("gad7.tsv");
        InstrumentScores r = Scoring.score(md, Instruments.GAD7);
        SampleMetadata with = r.addTo(md);
        assertThat(with.columns()).endsWith("gad7_score", "gad7_band");
        assertThat(with.type("gad7_score")).isEqualTo(ColumnType.NUMERIC);
        assertThat(with.type("gad7_band")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(with.number("gad7_score", "G10")).isEqualTo(15.0);
        assertThat(with.number("gad7_score", "G11")).isNaN();
        assertThat(with.text("gad7_band", "G03")).isEqualTo("mild");
        assertThat(with.text("gad7_1", "G01")).isEqualTo("3");
        assertThat(with.levels("gad7_band")).containsExactly("moderate", "minimal", "mild", "severe");
        assertThatThrownBy(() -> r.addTo(with)).isInstanceOf(InputException.class).hasMessageContaining("already has a column named 'gad7_score'");
    }

    @Test
    void allMissingScoresStillMakeAColumn() {
        SampleMetadata md = metadata("bristol.tsv").select(List.of("TX"));
        SampleMetadata with = Scoring.score(md, Instruments.BRISTOL).addTo(md);
        assertThat(with.type("bristol_score")).isEqualTo(ColumnType.NUMERIC);
        assertThat(with.number("bristol_score", "TX")).isNaN();
        assertThat(with.text("bristol_band", "TX")).isNull();
    }
}
