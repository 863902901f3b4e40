package io.gutbrain.study;

import io.gutbrain.intervention.TrialDesign;
import io.gutbrain.metadata.SampleMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What kind of design a study has, decided once from its settings ({@code design.subject},
 * {@code design.time}, {@code design.group}, {@code analyses.intervention.arm/control/baseline})
 * <em>and</em> the data (does any subject contribute more than one analysed sample?), so that
 * every step chooses the test a reviewer expects and says why:
 * <ul>
 *   <li>{@link Kind#CROSS_SECTIONAL}: no subject column, or every subject has one sample —
 *       samples are independent; rank tests and free permutations are valid.</li>
 *   <li>{@link Kind#REPEATED_MEASURES}: some subject has several samples, but there is no
 *       between-subject arm observed over time — group (and time) are fixed effects with a
 *       random intercept per subject.</li>
 *   <li>{@link Kind#TRIAL}: repeated samples over {@code time} of subjects each in one arm
 *       (the intervention's arm column, else {@code design.group}, constant within subject, with
 *       at least two levels) — the arm × time interaction is the tested effect.</li>
 * </ul>
 * The classification only reads the metadata; it never fails. A trial whose baseline or arm
 * settings are unusable falls back to repeated measures with the reason in {@link #reason()}.
 *
 * @param kind       the design kind
 * @param subject    the subject column (null when cross-sectional without one)
 * @param time       the time column, or null
 * @param arm        the between-subject arm column of a trial, else the group column or null
 * @param control    the reference arm of a trial (else the group's reference), or null
 * @param baseline   the baseline time level of a trial (else the first time level), or null
 * @param subjects   subjects with at least one analysed sample (0 without a subject column)
 * @param repeated   subjects with more than one analysed sample
 * @param reason     one sentence on why this kind was chosen, for the methods text
 * @param groupBetweenSubjects whether {@code design.group} is set and has one value per subject
 *                   (a between-subject factor, tested across subjects at one visit), as opposed
 *                   to a group that changes within subjects
 */
public record DesignKind(Kind kind, String subject, String time, String arm, String control, String baseline,
                         int subjects, int repeated, String reason, boolean groupBetweenSubjects) {

    /** The three designs a step distinguishes. */
    public enum Kind { CROSS_SECTIONAL, REPEATED_MEASURES, TRIAL }

    /** Whether samples of one subject are correlated (repeated measures or a trial). */
    public boolean isRepeated() { return kind != Kind.CROSS_SECTIONAL; }

    /** Whether the arm × time interaction is the tested effect. */
    public boolean isTrial() { return kind == Kind.TRIAL; }

    /**
     * Classifies the study on the samples that a step analyses.
     *
     * @param study     the study (its design and intervention settings)
     * @param metadata  the metadata, including scores added by the pipeline
     * @param sampleIds the samples analysed (e.g. those kept after QC); ids without metadata are ignored
     */
    public static DesignKind of(Study study, SampleMetadata metadata, List<String> sampleIds) {
        Study.Design d = study.design();
        Analyses.Intervention iv = study.analyses().intervention();
        String group = d.group();
        String subject = d.subject();
        String time = d.time();
        if (subject == null || !metadata.hasColumn(subject)) {
            return new DesignKind(Kind.CROSS_SECTIONAL, null, time, group, d.reference(), null, 0, 0,
                    "no subject column is set, so every sample is treated as an independent observation", false);
        }
        Map<String, Integer> perSubject = new HashMap<>();
        List<String> present = new ArrayList<>();
        for (String id : sampleIds) {
            if (!metadata.hasSample(id)) continue;
            String s = metadata.text(subject, id);
            if (s == null || s.isBlank()) continue;
            perSubject.merge(s, 1, Integer::sum);
            present.add(id);
        }
        int repeated = (int) perSubject.values().stream().filter(n -> n > 1).count();
        int subjects = perSubject.size();
        if (repeated == 0) {
            return new DesignKind(Kind.CROSS_SECTIONAL, subject, time, group, d.reference(), null, subjects, 0,
                    "each of the " + subjects + " subjects (column " + subject + ") has one sample, so samples are independent", false);
        }
        String where = repeated + " of " + subjects + " subjects (column " + subject + ") have more than one sample";
        String armColumn = iv != null && iv.arm() != null ? iv.arm() : group;
        String baseline = time == null || !metadata.hasColumn(time) ? null
                : iv != null && iv.baseline() != null ? iv.baseline() : firstLevel(metadata, time, present);
        boolean groupBetween = group != null && metadata.hasColumn(group) && constantWithinSubject(metadata, subject, group, present);
        String fallback = null;
        if (time != null && armColumn != null && metadata.hasColumn(armColumn) && metadata.hasColumn(time)) {
            if (!constantWithinSubject(metadata, subject, armColumn, present)) {
                fallback = armColumn + " changes within subjects, so it is a within-subject factor, not an arm";
            } else {
                List<String> arms = levels(metadata, armColumn, present);
                String control = iv != null && iv.control() != null ? iv.control()
                        : d.reference() != null && armColumn.equals(group) ? d.reference() : arms.isEmpty() ? null : arms.get(0);
                if (arms.size() < 2) {
                    fallback = armColumn + " has a single level among the analysed samples";
                } else if (!arms.contains(control)) {
                    fallback = "the control arm '" + control + "' does not occur among the analysed samples";
                } else if (!trialReadable(metadata, present, subject, time, armColumn, baseline)) {
                    fallback = "the visits do not form a trial timeline with baseline " + time + " = " + baseline;
                } else {
                    return new DesignKind(Kind.TRIAL, subject, time, armColumn, control, baseline, subjects, repeated,
                            where + " over " + time + ", and each subject is in one arm of " + armColumn
                                    + ", so this is a trial analysed by the arm × time interaction (control " + control + ", baseline " + time + " = " + baseline + ")",
                            groupBetween);
                }
            }
        }
        return new DesignKind(Kind.REPEATED_MEASURES, subject, time, group, d.reference(), baseline, subjects, repeated,
                where + ", so their samples are not independent and subject is a random effect" + (fallback == null ? "" : " (not a trial: " + fallback + ")"),
                groupBetween);
    }

    /** One methods sentence on the design and what it implies for the tests. */
    public String methods() {
        return switch (kind) {
            case CROSS_SECTIONAL -> "Design: cross-sectional (" + reason + "); group differences are tested by rank tests and freely permuted PERMANOVA.";
            case REPEATED_MEASURES -> "Design: repeated measures (" + reason + "); alpha diversity and taxa are modelled with a random intercept per "
                    + subject + ", PERMANOVA permutations of within-subject terms stay within " + subject
                    + ", and rank tests are used only where samples are independent.";
            case TRIAL -> "Design: trial (" + reason + "); alpha diversity and taxa are modelled as outcome ~ " + arm + " × " + time + " + (1 | "
                    + subject + ") and the " + arm + ":" + time + " interaction (difference in change from baseline against " + control
                    + ") is the tested effect; rank tests are used only where samples are independent (the baseline visit).";
        };
    }

    /** The samples of {@code ids} taken at time level {@code level} (those that are independent across subjects). */
    public List<String> samplesAt(SampleMetadata metadata, List<String> ids, String level) {
        List<String> out = new ArrayList<>();
        if (time == null || level == null) return out;
        for (String id : ids) if (metadata.hasSample(id) && level.equals(metadata.text(time, id))) out.add(id);
        return out;
    }

    private static boolean trialReadable(SampleMetadata md, List<String> ids, String subject, String time, String arm, String baseline) {
        if (baseline == null) return false;
        try {
            TrialDesign t = TrialDesign.from(md.select(ids), subject, time, arm, baseline, null);
            return !t.pairedSubjects().isEmpty();
        } catch (RuntimeException e) {
            return false; // why: the classification never fails; the intervention step reports the problem itself
        }
    }

    private static boolean constantWithinSubject(SampleMetadata md, String subject, String column, List<String> ids) {
        Map<String, String> seen = new HashMap<>();
        for (String id : ids) {
            String v = md.text(column, id);
            if (v == null || v.isBlank()) continue;
            String before = seen.putIfAbsent(md.text(subject, id), v);
            if (before != null && !before.equals(v)) return false;
        }
        return true;
    }

    private static List<String> levels(SampleMetadata md, String column, List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            String v = md.text(column, id);
            if (v != null && !v.isBlank()) out.add(v);
        }
        return new ArrayList<>(out);
    }

    /** The first time level: the smallest when all are numbers, else the first seen. */
    static String firstLevel(SampleMetadata md, String time, List<String> ids) {
        List<String> levels = levels(md, time, ids);
        if (levels.isEmpty()) return null;
        try {
            return levels.stream().min(Comparator.comparingDouble(Double::parseDouble)).orElseThrow();
        } catch (NumberFormatException e) {
            return levels.get(0);
        }
    }
}
