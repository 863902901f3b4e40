package io.gutbrain.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The built-in mental-health and gut instruments, with their default item columns, bands and
 * missing-item rules. {@code docs/instruments.md} describes each one at greater length.
 *
 * <p>Item columns must hold item <em>scores</em> as defined by each instrument's scoring key
 * (e.g. 0–3 with higher = more symptomatic for the HADS, whose printed answer order alternates),
 * not the position of the ticked box; the only recoding done here is the reverse scoring that
 * the instrument itself prescribes (PSS-10 items 4, 5, 7, 8).
 *
 * <p>Missing-item rules: where the instrument's authors give one it is used; where they do not,
 * the rule is the project's own conservative choice and says so. Any tolerance can be changed
 * with {@link Instrument#withMaxMissing(int)}.
 */
public final class Instruments {
    private Instruments() {}

    /**
     * PHQ-9 (Kroenke, Spitzer &amp; Williams 2001, J Gen Intern Med 16:606–613): 9 items 0–3,
     * total 0–27; bands minimal 0–4, mild 5–9, moderate 10–14, moderately severe 15–19, severe
     * 20–27 (Kroenke 2001). Flag {@code item9_suicidal_ideation} when item 9 (thoughts of being
     * better off dead or of self-harm) is above 0, which calls for clinical follow-up whatever
     * the total. Missing items: Kroenke et al. give no rule; up to 2 missing are prorated (mean of
     * the answered items × 9), the rule of the qscorer R package, which cites Arrieta et al. 2017
     * (J Clin Psychol 73:1076, doi:10.1002/jclp.22390) for it; 3 or more leave the score missing. Columns {@code phq9_1..phq9_9}.
     */
    public static final Instrument PHQ9 = new Instrument("phq9", "PHQ-9", numbered("phq9_", 1, 9, 1), 0, 3, Set.of(),
            List.of(new Band("minimal", 0, 4), new Band("mild", 5, 9), new Band("moderate", 10, 14),
                    new Band("moderately severe", 15, 19), new Band("severe", 20, 27)),
            2, Proration.MEAN, List.of(new Flag("item9_suicidal_ideation", 9, Flag.Comparison.GT, 0)),
            "Kroenke, Spitzer & Williams 2001 (J Gen Intern Med 16:606); missing items: prorate up to 2 of 9, Arrieta et al. 2017 (J Clin Psychol 73:1076)");

    /**
     * GAD-7 (Spitzer, Kroenke, Williams &amp; Löwe 2006, Arch Intern Med 166:1092–1097): 7 items
     * 0–3, total 0–21; bands minimal 0–4, mild 5–9, moderate 10–14, severe 15–21 (Spitzer 2006).
     * Missing items: Spitzer et al. give no rule; the project prorates when at most 1 item is
     * missing (14% of the scale — the PHQ-9 rule tolerates 22%, but 2 of 7 would be 29%), a
     * conservative choice. Columns {@code gad7_1..gad7_7}.
     */
    public static final Instrument GAD7 = new Instrument("gad7", "GAD-7", numbered("gad7_", 1, 7, 1), 0, 3, Set.of(),
            List.of(new Band("minimal", 0, 4), new Band("mild", 5, 9), new Band("moderate", 10, 14), new Band("severe", 15, 21)),
            1, Proration.MEAN, List.of(),
            "Spitzer, Kroenke, Williams & Löwe 2006 (Arch Intern Med 166:1092); missing items: no published rule, project rule prorates at most 1 of 7");

    /**
     * PSS-10 (Cohen &amp; Williamson 1988, in Spacapan &amp; Oskamp (eds.), The Social Psychology
     * of Health; the 14-item original is Cohen, Kamarck &amp; Mermelstein 1983, J Health Soc Behav
     * 24:385–396): 10 items 0–4, total 0–40; the positively worded items 4, 5, 7 and 8 are
     * reverse-scored as {@code 4 - x} (Cohen's scoring notes). Bands low 0–13, moderate 14–26,
     * high 27–40 are a convention in common use, not Cohen's (who publishes norms, not
     * cut-offs). Missing items: Cohen gives no rule; the project prorates when at most 1 item is
     * missing (10%), a conservative choice. Columns {@code pss10_1..pss10_10}.
     */
    public static final Instrument PSS10 = new Instrument("pss10", "PSS-10", numbered("pss10_", 1, 10, 1), 0, 4, Set.of(4, 5, 7, 8),
            List.of(new Band("low", 0, 13), new Band("moderate", 14, 26), new Band("high", 27, 40)),
            1, Proration.MEAN, List.of(),
            "Cohen & Williamson 1988; Cohen, Kamarck & Mermelstein 1983 (J Health Soc Behav 24:385); bands: common convention; missing items: no published rule, project rule prorates at most 1 of 10");

    private static final List<Band> HADS_BANDS = List.of(new Band("normal", 0, 7), new Band("borderline", 8, 10), new Band("abnormal", 11, 21));
    private static final String HADS_REFERENCE = "Zigmond & Snaith 1983 (Acta Psychiatr Scand 67:361); missing items: prorate at most 1 of 7 per subscale "
            + "(rule attributed to the HADS manual, Snaith & Zigmond 1994); Bell et al. 2016 (BMC Res Notes 9:479) support up to 3 ('half rule')";

    /**
     * HADS anxiety subscale (Zigmond &amp; Snaith 1983, Acta Psychiatr Scand 67:361–370): the odd
     * HADS items 1, 3, ..., 13, each scored 0–3, subscale 0–21; bands normal 0–7, borderline
     * 8–10, abnormal 11–21 (cut-offs 8 and 11, Zigmond &amp; Snaith 1983). Missing items: at most
     * 1 of the 7 is prorated (mean of the answered subscale items × 7), the rule attributed to the
     * HADS manual (Snaith &amp; Zigmond 1994); Bell, Fairclough, Fiero &amp; Butow 2016 (BMC Res
     * Notes 9:479) found prorating with up to half the items missing acceptable — use
     * {@code withMaxMissing(3)} for that. Columns {@code hads_1, hads_3, ..., hads_13}.
     */
    public static final Instrument HADS_A = new Instrument("hads_a", "HADS anxiety", numbered("hads_", 1, 13, 2), 0, 3, Set.of(),
            HADS_BANDS, 1, Proration.MEAN, List.of(), HADS_REFERENCE);

    /**
     * HADS depression subscale: the even HADS items 2, 4, ..., 14; otherwise as {@link #HADS_A}.
     * Columns {@code hads_2, hads_4, ..., hads_14}.
     */
    public static final Instrument HADS_D = new Instrument("hads_d", "HADS depression", numbered("hads_", 2, 14, 2), 0, 3, Set.of(),
            HADS_BANDS, 1, Proration.MEAN, List.of(), HADS_REFERENCE);

    /**
     * BDI-II (Beck, Steer &amp; Brown 1996, BDI-II Manual, Psychological Corporation): 21 items
     * 0–3, total 0–63; bands minimal 0–13, mild 14–19, moderate 20–28, severe 29–63 (manual).
     * Items 16 (sleep) and 18 (appetite) have options 1a/1b, 2a/2b, 3a/3b: record their number
     * only. Flag {@code item9_suicidal_thoughts} when item 9 is above 0. Missing items: the manual
     * tells to score the highest of several endorsed options but gives no proration rule that the
     * project could verify; the project prorates when at most 2 items are missing (about 10%), a
     * conservative choice (the qscorer R package tolerates 4). Columns {@code bdi_1..bdi_21}.
     */
    public static final Instrument BDI2 = new Instrument("bdi2", "BDI-II", numbered("bdi_", 1, 21, 1), 0, 3, Set.of(),
            List.of(new Band("minimal", 0, 13), new Band("mild", 14, 19), new Band("moderate", 20, 28), new Band("severe", 29, 63)),
            2, Proration.MEAN, List.of(new Flag("item9_suicidal_thoughts", 9, Flag.Comparison.GT, 0)),
            "Beck, Steer & Brown 1996 (BDI-II Manual); missing items: no rule in the manual, project rule prorates at most 2 of 21");

    /**
     * Bristol stool form scale (Lewis &amp; Heaton 1997, Scand J Gastroenterol 32:920–924): one
     * item, stool type 1–7, used as a covariate for transit time; categories constipation 1–2,
     * normal 3–5, diarrhoea 6–7. A single item cannot be prorated: missing is missing. Column
     * {@code bristol}.
     */
    public static final Instrument BRISTOL = new Instrument("bristol", "Bristol stool form", List.of("bristol"), 1, 7, Set.of(),
            List.of(new Band("constipation", 1, 2), new Band("normal", 3, 5), new Band("diarrhoea", 6, 7)),
            0, Proration.NONE, List.of(),
            "Lewis & Heaton 1997 (Scand J Gastroenterol 32:920); single item, no proration");

    private static final List<Instrument> ALL = List.of(PHQ9, GAD7, PSS10, HADS_A, HADS_D, BDI2, BRISTOL);

    /** All built-in instruments. */
    public static List<Instrument> all() { return ALL; }

    /**
     * The built-in instrument(s) called {@code name}, ignoring case, '-', '_' and spaces: an instrument name or title
     * ({@code phq9}, {@code gad7}, {@code pss10}, {@code hads_a}, {@code hads_d}, {@code bdi2},
     * {@code bristol}) or {@code hads} for both HADS subscales. Empty when unknown.
     */
    public static List<Instrument> named(String name) {
        String key = normalized(name);
        if (key.equals("hads")) return List.of(HADS_A, HADS_D);
        List<Instrument> out = new ArrayList<>(1);
        for (Instrument i : ALL) {
            if (normalized(i.name()).equals(key) || normalized(i.title()).equals(key)) out.add(i);
        }
        return out;
    }

    /** Lower case without '-', '_' and spaces, so that "PHQ-9", "phq_9" and "phq9" are the same name. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
    }

    /** Names accepted by {@link #named(String)}, for messages. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Instrument i : ALL) out.add(i.name());
        out.add("hads");
        return out;
    }

    /** {@code prefix + from}, {@code prefix + (from + step)}, ... up to {@code to} inclusive. */
    static List<String> numbered(String prefix, int from, int to, int step) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i += step) out.add(prefix + i);
        return out;
    }
}
