package io.gutbrain.measures;

import org.junit.jupiter.api.Test;

import static io.gutbrain.measures.MeasuresFixtures.expect;
import static io.gutbrain.measures.MeasuresFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in instruments on hand-made item data. Every expected score is summed by hand from
 * the fixture row (shown in the comments); prorated scores are {@code sum × n / answered} rounded
 * half up; bands are the published ranges listed in docs/instruments.md.
 */
class InstrumentsTest {
    private static final String PHQ_FLAG = "item9_suicidal_ideation";

    @Test
    void phq9() {
        InstrumentScores r = Scoring.score(metadata("phq9.tsv"), Instruments.PHQ9);
        assertThat(r.samples()).hasSize(18);
        expect(r, "P01", 12, "moderate", 0, false);                 // 3+2+2+1+1+0+2+1+0
        expect(r, "P02", 0, "minimal", 0, false);
        expect(r, "P03", 4, "minimal", 0, false);                   // 1+1+1+1
        expect(r, "P04", 5, "mild", 0, false);                      // 1×5
        expect(r, "P05", 9, "mild", 0, false, PHQ_FLAG);            // 1×9, item 9 = 1
        expect(r, "P06", 10, "moderate", 0, false);                 // 2×5
        expect(r, "P07", 14, "moderate", 0, false);                 // 2×7
        expect(r, "P08", 15, "moderately severe", 0, false);        // 3+3+3+2+2+2
        expect(r, "P09", 19, "moderately severe", 0, false);        // 3×5+2+2
        expect(r, "P10", 20, "severe", 0, false);                   // 3×6+2
        expect(r, "P11", 27, "severe", 0, false, PHQ_FLAG);         // 3×9
        expect(r, "P12", 18, "moderately severe", 1, true);         // item 9 "NA": 16×9/8 = 18; no flag
        expect(r, "P13", 17, "moderately severe", 2, true, PHQ_FLAG); // 13×9/7 = 16.71 → 17
        expect(r, "P14", null, null, 3, false, PHQ_FLAG);           // 3 missing: no score, but item 9 = 2 still flags
        expect(r, "P15", 5, "mild", 1, true);                       // 4×9/8 = 4.5 → 5 (halves up)
        expect(r, "P16", 1, "minimal", 0, false, PHQ_FLAG);         // only item 9 = 1
        expect(r, "P17", null, null, 9, false);                     // nothing answered
        expect(r, "P18", 4, "minimal", 0, false);                   // "2.0"+1+1
        assertThat(r.scoredCount()).isEqualTo(16);
    }

    @Test
    void gad7() {
        InstrumentScores r = Scoring.score(metadata("gad7.tsv"), Instruments.GAD7);
        expect(r, "G01", 12, "moderate", 0, false);  // 3+3+2+2+1+1+0
        expect(r, "G02", 4, "minimal", 0, false);
        expect(r, "G03", 5, "mild", 0, false);
        expect(r, "G04", 9, "mild", 0, false);       // 2×4+1
        expect(r, "G05", 10, "moderate", 0, false);
        expect(r, "G06", 14, "moderate", 0, false);
        expect(r, "G07", 15, "severe", 0, false);
        expect(r, "G08", 21, "severe", 0, false);
        expect(r, "G09", 14, "moderate", 1, true);   // 12×7/6 = 14
        expect(r, "G10", 15, "severe", 1, true);     // 13×7/6 = 15.17 → 15
        expect(r, "G11", null, null, 2, false);      // 2 of 7 missing exceeds the 1 tolerated
    }

    @Test
    void pss10ReverseScoresItems4578() {
        InstrumentScores r = Scoring.score(metadata("pss10.tsv"), Instruments.PSS10);
        // S01 raw 2 3 2 1 0 3 1 2 2 3 → 2 3 2 (4-1) (4-0) 3 (4-1) (4-2) 2 3 = 27
        expect(r, "S01", 27, "high", 0, false);
        expect(r, "S02", 16, "moderate", 0, false);  // all 0: only the four reversed items count, 4 each
        expect(r, "S03", 0, "low", 0, false);        // reversed items at 4 → 0, others 0
        expect(r, "S04", 13, "low", 0, false);       // 3+3+3+2+1+1, reversed items 0
        expect(r, "S05", 14, "moderate", 0, false);  // 3+3+3+3+1+1
        expect(r, "S06", 26, "moderate", 0, false);  // 4+4+4+4+1+1 + 4×(4-2)
        expect(r, "S07", 27, "high", 0, false);      // 4+4+4+4+2+1 + 4×2
        expect(r, "S08", 40, "high", 0, false);      // 4×6 + 4×(4-0)
        expect(r, "S09", 20, "moderate", 1, true);   // item 8 missing: 9 items scoring 2 → 18×10/9 = 20
        expect(r, "S10", 33, "high", 1, true);       // item 8 missing: 3×6 + 4×3 = 30 → 30×10/9 = 33.3 → 33
        expect(r, "S11", null, null, 2, false);
    }

    @Test
    void hadsSubscalesUseOddAndEvenItems() {
        var md = metadata("hads.tsv");
        InstrumentScores a = Scoring.score(md, Instruments.HADS_A);
        InstrumentScores d = Scoring.score(md, Instruments.HADS_D);
        // H01 items 2 1 3 0 2 1 1 0 2 1 0 2 1 0: odd 2+3+2+1+2+0+1 = 11, even 1+0+1+0+1+2+0 = 5
        expect(a, "H01", 11, "abnormal", 0, false);
        expect(d, "H01", 5, "normal", 0, false);
        expect(a, "H02", 7, "normal", 0, false);      // odd all 1
        expect(d, "H02", 8, "borderline", 0, false);  // even 2+1×6
        expect(a, "H03", 10, "borderline", 0, false); // odd 2+2+2+1+1+1+1
        expect(d, "H03", 11, "abnormal", 0, false);   // even 2+2+2+2+1+1+1
        expect(a, "H04", 12, "abnormal", 1, true);    // item 5 missing: (2+2+2+2+1+1)×7/6 = 11.67 → 12
        expect(d, "H04", null, null, 2, false);       // items 2 and 4 missing
        expect(a, "H05", 21, "abnormal", 0, false);
        expect(d, "H05", 21, "abnormal", 0, false);
        assertThat(Instruments.named("HADS")).containsExactly(Instruments.HADS_A, Instruments.HADS_D);
    }

    @Test
    void hadsHalfRuleOnRequest() {
        // Bell et al. 2016: prorate with up to half the items missing; H04 depression then has 5 of 7:
        // (1+1+1+1+1)×7/5 = 7
        InstrumentScores d = Scoring.score(metadata("hads.tsv"), Instruments.HADS_D.withMaxMissing(3));
        expect(d, "H04", 7, "normal", 2, true);
    }

    @Test
    void bdi2() {
        InstrumentScores r = Scoring.score(metadata("bdi2.tsv"), Instruments.BDI2);
        String flag = "item9_suicidal_thoughts";
        expect(r, "B01", 20, "moderate", 0, false);   // 1 on every item except item 9
        expect(r, "B02", 13, "minimal", 0, false);    // items 1-8, 10-14
        expect(r, "B03", 14, "mild", 0, false);       // items 1-8, 10-15
        expect(r, "B04", 19, "mild", 0, false);       // items 1-8, 10-20
        expect(r, "B05", 28, "moderate", 0, false);   // 2×8 + 1×12
        expect(r, "B06", 29, "severe", 0, false);     // 2×8 + 2 + 1×11
        expect(r, "B07", 63, "severe", 0, false, flag);
        expect(r, "B08", 21, "moderate", 2, true, flag); // 19 ones, 2 missing: 19×21/19 = 21
        expect(r, "B09", null, null, 3, false, flag);
        expect(r, "B10", 20, "moderate", 1, true);    // 19 over 20 answered: 19×21/20 = 19.95 → 20
    }

    @Test
    void bristolCategories() {
        InstrumentScores r = Scoring.score(metadata("bristol.tsv"), Instruments.BRISTOL);
        expect(r, "T1", 1, "constipation", 0, false);
        expect(r, "T2", 2, "constipation", 0, false);
        expect(r, "T3", 3, "normal", 0, false);
        expect(r, "T4", 4, "normal", 0, false);
        expect(r, "T5", 5, "normal", 0, false);
        expect(r, "T6", 6, "diarrhoea", 0, false);
        expect(r, "T7", 7, "diarrhoea", 0, false);
        expect(r, "TX", null, null, 1, false);
    }

    @Test
    void bandCutOffsAndOneBelow() {
        // each published cut-off c: c is in the upper band, c-1 in the lower
        assertBands(Instruments.PHQ9, new int[]{5, 10, 15, 20}, "minimal", "mild", "moderate", "moderately severe", "severe");
        assertBands(Instruments.GAD7, new int[]{5, 10, 15}, "minimal", "mild", "moderate", "severe");
        assertBands(Instruments.PSS10, new int[]{14, 27}, "low", "moderate", "high");
        assertBands(Instruments.HADS_A, new int[]{8, 11}, "normal", "borderline", "abnormal");
        assertBands(Instruments.HADS_D, new int[]{8, 11}, "normal", "borderline", "abnormal");
        assertBands(Instruments.BDI2, new int[]{14, 20, 29}, "minimal", "mild", "moderate", "severe");
        assertBands(Instruments.BRISTOL, new int[]{3, 6}, "constipation", "normal", "diarrhoea");
        assertThat(Instruments.PHQ9.band(0)).isEqualTo("minimal");
        assertThat(Instruments.PHQ9.band(27)).isEqualTo("severe");
        assertThat(Instruments.PHQ9.band(28)).isNull();
    }

    private static void assertBands(Instrument instrument, int[] cutOffs, String... labels) {
        assertThat(instrument.bandLabels()).containsExactly(labels);
        for (int k = 0; k < cutOffs.length; k++) {
            assertThat(instrument.band(cutOffs[k] - 1)).as(instrument.name() + " " + (cutOffs[k] - 1)).isEqualTo(labels[k]);
            assertThat(instrument.band(cutOffs[k])).as(instrument.name() + " " + cutOffs[k]).isEqualTo(labels[k + 1]);
        }
    }

    @Test
    void rangesAndLookups() {
        assertThat(Instruments.PHQ9.maxScore()).isEqualTo(27);
        assertThat(Instruments.PSS10.maxScore()).isEqualTo(40);
        assertThat(Instruments.BDI2.maxScore()).isEqualTo(63);
        assertThat(Instruments.HADS_A.defaultColumns()).containsExactly("hads_1", "hads_3", "hads_5", "hads_7", "hads_9", "hads_11", "hads_13");
        assertThat(Instruments.named("phq-9")).containsExactly(Instruments.PHQ9);
        assertThat(Instruments.named("BDI-II")).containsExactly(Instruments.BDI2);
        assertThat(Instruments.named("HADS-A")).containsExactly(Instruments.HADS_A);
        assertThat(Instruments.named("nope")).isEmpty();
        assertThat(Instruments.names()).contains("phq9", "hads");
    }
}
