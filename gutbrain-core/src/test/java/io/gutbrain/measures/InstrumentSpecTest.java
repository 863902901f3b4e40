package io.gutbrain.measures;

import io.gutbrain.error.InputException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.gutbrain.measures.MeasuresFixtures.expect;
import static io.gutbrain.measures.MeasuresFixtures.metadata;
import static io.gutbrain.measures.MeasuresFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** User-defined instruments: a hand-made spec scored on hand-made data, and strict rejection of bad specs. */
class InstrumentSpecTest {

    @Test
    void customInstrumentParsesAndScores() {
        Instrument gi = InstrumentSpec.read(path("gi_symptoms.spec"));
        assertThat(gi.name()).isEqualTo("gi_symptoms");
        assertThat(gi.title()).isEqualTo("GI symptoms (test)");
        assertThat(gi.defaultColumns()).containsExactly("gi_1", "gi_2", "gi_3", "gi_4");
        assertThat(gi.reverseItems()).containsExactly(2);
        assertThat(gi.minScore()).isEqualTo(4);
        assertThat(gi.maxScore()).isEqualTo(28);
        assertThat(gi.flags()).containsExactly(new Flag("severe_pain", 3, Flag.Comparison.GE, 6));
        InstrumentScores r = Scoring.score(metadata("gi_symptoms.tsv"), gi);
        expect(r, "C1", 8, "low", 0, false);                    // 2 + (8-6) + 3 + 1
        expect(r, "C2", 27, "high", 0, false, "severe_pain");   // 7 + (8-1) + 6 + 7; item 3 = 6
        expect(r, "C3", 16, "moderate", 1, true);               // (4+5+3)×4/3
        expect(r, "C4", null, null, 2, false);
        expect(r, "C5", 4, "low", 0, false);                    // 1 + (8-7) + 1 + 1
    }

    @Test
    void builtInsSurviveFormatAndParse() {
        for (Instrument i : Instruments.all()) {
            assertThat(InstrumentSpec.parse("x", InstrumentSpec.format(i))).as(i.name()).isEqualTo(i);
        }
        assertThat(InstrumentSpec.format(Instruments.PSS10)).contains("reverse: 4, 5, 7, 8\n").contains("band: moderate, 14, 26\n");
    }

    @Test
    void badSpecFilesNameLineAndKey() {
        assertError(path("bad_band_gap.spec"), "line 4", "key 'band': scores 4..4 are in no band");
        assertError(path("bad_unknown_key.spec"), "line 3", "unknown key 'item_range'");
        assertError(path("bad_flag.spec"), "line 4", "key 'flag': 'q4' is neither an item position nor one of the item columns");
    }

    @Test
    void badSpecTexts() {
        String head = "name: s\nitems: a, b, c\nitem-range: 0, 3\n";
        assertParseError("name: s\nitems: a\n", "key 'item-range'", "required key 'item-range' is missing");
        assertParseError("items: a\nitem-range: 0, 1\n", "key 'name'", "required key 'name' is missing");
        assertParseError(head + "just text\n", "line 4", "expected 'key: value', found 'just text'");
        assertParseError(head + "name: t\n", "line 4", "key 'name' given again (first on line 1)");
        assertParseError(head + "title:\n", "line 4", "key 'title' has no value");
        assertParseError("name: 9lives\nitems: a\nitem-range: 0, 1\n", "line 1", "key 'name': instrument name '9lives' is not a valid column prefix");
        assertParseError("name: s\nitems: a, b, a\nitem-range: 0, 3\n", "line 2", "item column 'a' is listed twice");
        assertParseError("name: s\nitems: q1..p3\nitem-range: 0, 3\n", "line 2", "cannot expand 'q1..p3'");
        assertParseError("name: s\nitems: q3..q1\nitem-range: 0, 3\n", "line 2", "does not run upwards");
        assertParseError("name: s\nitems: a\nitem-range: 0 3\n", "line 3", "expected two integers 'min, max'");
        assertParseError("name: s\nitems: a\nitem-range: 3, 3\n", "line 3", "key 'item-range': item range 3..3 is empty or a single value");
        assertParseError(head + "reverse: 4\n", "line 4", "item 4 is not one of items 1..3");
        assertParseError(head + "reverse: b, 2\n", "line 4", "item 2 is listed twice");
        assertParseError(head + "band: low, 0, 5\nband: high, 5, 9\n", "line 4", "band 'high' starts at 5 but the previous band ends at 5");
        assertParseError(head + "band: low, 1, 9\n", "line 4", "scores 0..0 are in no band");
        assertParseError(head + "band: low, -1, 9\n", "line 4", "band 'low' starts at -1 but the lowest possible score is 0");
        assertParseError(head + "band: low, 0, 8\n", "line 4", "scores 9..9 are in no band");
        assertParseError(head + "band: low, 0, 10\n", "line 4", "the last band ends at 10 but the highest possible score is 9");
        assertParseError(head + "band: low, 5, 0\n", "line 4", "band 'low' ends (0) below its start (5)");
        assertParseError(head + "band: low, 0\n", "line 4", "expected 'label, min, max'");
        assertParseError(head + "band: a, 0, 4\nband: a, 5, 9\n", "line 4", "band label 'a' is used twice");
        assertParseError(head + "max-missing: 1\n", "line 4", "max-missing 1 with proration 'none'");
        assertParseError(head + "max-missing: 3\nproration: mean\n", "line 4", "max-missing 3 must be from 0 to 2");
        assertParseError(head + "proration: median\n", "line 4", "unknown proration rule 'median'");
        assertParseError(head + "flag: f when c => 1\n", "line 4", "expected 'label when item op value'");
        assertParseError(head + "flag: f when c > 4\n", "line 4", "compares with 4, outside the item range 0..3");
        assertParseError(head + "flag: f when c > 1\nflag: f when a > 1\n", "line 4", "flag label 'f' is used twice");
        assertParseError(head + "flag: f;g when c > 1\n", "line 4", "flag label 'f;g' is empty or has characters not allowed");
    }

    @Test
    void commentsAndRangesAreUnderstood() {
        Instrument i = InstrumentSpec.parse("x", "# heading\nname: s   # trailing\nitems: x1..x3, y\n\nitem-range: 1, 5\n"
                + "band: very low, 4, 10\nband: rest, 11, 20\nreference: Issue#4 stays\nflag: top when 4 == 5\n");
        assertThat(i.defaultColumns()).containsExactly("x1", "x2", "x3", "y");
        assertThat(i.bandLabels()).containsExactly("very low", "rest");
        assertThat(i.reference()).isEqualTo("Issue#4 stays");
        assertThat(i.flags().get(0).item()).isEqualTo(4);
        assertThat(i.proration()).isEqualTo(Proration.NONE);
        assertThat(i.maxMissing()).isZero();
    }

    private static void assertError(Path file, String location, String problem) {
        InputException e = catchThrowableOfType(InputException.class, () -> InstrumentSpec.read(file));
        assertThat(e).as(file.toString()).isNotNull();
        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.location()).isEqualTo(location);
        assertThat(e.problem()).contains(problem);
    }

    private static void assertParseError(String text, String location, String problem) {
        InputException e = catchThrowableOfType(InputException.class, () -> InstrumentSpec.parse("spec.txt", text));
        assertThat(e).as(text).isNotNull();
        assertThat(e.source()).as(text).isEqualTo("spec.txt");
        assertThat(e.location()).as(text).isEqualTo(location);
        assertThat(e.problem()).as(text).contains(problem);
        assertThat(e.fix()).as(text).isNotBlank();
    }
}
