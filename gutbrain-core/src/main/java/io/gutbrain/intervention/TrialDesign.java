package io.gutbrain.intervention;

import io.gutbrain.diversity.ValueFormat;
import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The longitudinal design of an intervention study read from sample metadata: who was sampled
 * when, in which arm, which sample is each subject's baseline and, for faecal microbiota
 * transplantation (FMT), which samples are each recipient's donor material.
 *
 * <p><b>Columns.</b> A subject column (one id per participant), a time column (visit labels or
 * numbers), optionally an arm column (treatment group, constant within a subject) and optionally
 * a donor column. Every analysis in this package works from this object, so the rules are checked
 * once, here:
 * <ul>
 *   <li><b>Timepoint order</b>: numeric order when every time value is a number (so {@code 2}
 *       comes before {@code 10}); otherwise the order given by the caller, or first-seen order in
 *       the metadata.</li>
 *   <li><b>One sample per subject and timepoint</b>; a second one is an error naming both.</li>
 *   <li><b>Arm constant within a subject</b>; otherwise an error naming the subject and its arms.</li>
 *   <li><b>Missing subject, time or arm</b> values on a recipient's row are errors naming the
 *       samples (rows of donor material are exempt, see below).</li>
 *   <li><b>Baseline</b>: the sample at the baseline timepoint. A baseline level that does not
 *       occur is an error listing the levels. Subjects without a baseline sample, or with only
 *       one timepoint, are kept in the design but left out of paired analyses, with a warning
 *       that names them. An arm with a single subject gets a warning: its confidence intervals
 *       and tests are undefined and reported as NA.</li>
 * </ul>
 *
 * <p><b>Donor column (FMT).</b> On a recipient's rows the donor column names the donor material,
 * as one or more ids separated by {@code ;}. Each id is resolved in this order:
 * <ol>
 *   <li>a <em>sample id</em> of the metadata: that sample is a donor sample;</li>
 *   <li>a <em>subject id</em> (a value of the subject column): every sample of that donor
 *       subject is a donor sample (for example several stool samples of one donor, or a donor
 *       sampled at each donation).</li>
 * </ol>
 * An id that is neither is an error naming every such id. A recipient's donor samples are the
 * union over all its rows (missing cells are ignored), in first-seen order. Donor samples and the
 * samples of donor subjects are not part of any recipient's timeline: they need no time or arm
 * value. A subject that is both a donor and a recipient is an error.
 */
public final class TrialDesign {
    /** Separator of several donor ids in one cell of the donor column. */
    public static final String DONOR_SEPARATOR = ";";

    private final String source;
    private final List<String> subjects;
    private final List<String> timepoints;
    private final String baseline;
    private final List<String> arms;
    private final Map<String, String> armOf;
    private final Map<String, Map<String, String>> samples;   // subject -> time -> sample id
    private final Map<String, List<String>> donorSamples;     // recipient -> donor sample ids
    private final List<String> paired;
    private final List<String> warnings;

    private TrialDesign(String source, List<String> subjects, List<String> timepoints, String baseline, List<String> arms,
                        Map<String, String> armOf, Map<String, Map<String, String>> samples,
                        Map<String, List<String>> donorSamples, List<String> paired, List<String> warnings) {
        this.source = source;
        this.subjects = List.copyOf(subjects);
        this.timepoints = List.copyOf(timepoints);
        this.baseline = baseline;
        this.arms = List.copyOf(arms);
        this.armOf = Collections.unmodifiableMap(armOf);
        this.samples = Collections.unmodifiableMap(samples);
        this.donorSamples = Collections.unmodifiableMap(donorSamples);
        this.paired = List.copyOf(paired);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads the design with the timepoint order taken from the data (numeric, else first-seen).
     *
     * @param metadata      the sample metadata
     * @param subjectColumn column holding the subject (participant) id
     * @param timeColumn    column holding the visit / timepoint
     * @param armColumn     column holding the treatment arm, or null for a single-arm study
     * @param baselineLevel the timepoint value that is baseline (pre-intervention, pre-FMT)
     * @param donorColumn   column naming each recipient's donor sample(s) or donor subject, or null
     * @throws InputException for any of the problems listed in the class comment
     */
    public static TrialDesign from(SampleMetadata metadata, String subjectColumn, String timeColumn, String armColumn,
                                   String baselineLevel, String donorColumn) {
        return from(metadata, subjectColumn, timeColumn, armColumn, baselineLevel, donorColumn, null);
    }

    /**
     * Reads the design; as {@link #from(SampleMetadata, String, String, String, String, String)}
     * with an explicit timepoint order for non-numeric visit labels.
     *
     * @param timeOrder every time label in study order, or null for the default order. Ignored
     *                  when all time values are numbers. A label that does not occur, or an
     *                  occurring label that is not listed, is an error.
     */
    public static TrialDesign from(SampleMetadata metadata, String subjectColumn, String timeColumn, String armColumn,
                                   String baselineLevel, String donorColumn, List<String> timeOrder) {
        return new Reader(metadata, subjectColumn, timeColumn, armColumn, donorColumn).read(baselineLevel, timeOrder);
    }

    // ------------------------------------------------------------------ accessors

    /** The metadata's file name, for messages (may be null). */
    public String source() { return source; }

    /** Recipient / participant subjects in first-seen metadata order (donor subjects excluded). */
    public List<String> subjects() { return subjects; }

    /** All timepoints in study order, baseline included. */
    public List<String> timepoints() { return timepoints; }

    /** The baseline timepoint label. */
    public String baseline() { return baseline; }

    /** Timepoints other than baseline, in study order. */
    public List<String> followUps() {
        List<String> out = new ArrayList<>(timepoints);
        out.remove(baseline);
        return out;
    }

    /** Arms in first-seen order; a single unnamed arm {@code "all"} when there is no arm column. */
    public List<String> arms() { return arms; }

    /** The arm of a subject. */
    public String arm(String subject) { return armOf.get(requireSubject(subject)); }

    /** Subjects of one arm in design order. */
    public List<String> subjectsIn(String arm) {
        requireArm(arm);
        List<String> out = new ArrayList<>();
        for (String s : subjects) if (armOf.get(s).equals(arm)) out.add(s);
        return out;
    }

    /** The sample of a subject at a timepoint, or null when that visit was not sampled. */
    public String sample(String subject, String timepoint) { return samples.get(requireSubject(subject)).get(timepoint); }

    /** The baseline sample of a subject, or null when it has none. */
    public String baselineSample(String subject) { return sample(subject, baseline); }

    /** A subject's samples by timepoint, in study order (unmodifiable). */
    public Map<String, String> samplesOf(String subject) { return samples.get(requireSubject(subject)); }

    /**
     * Subjects with a baseline sample and at least one other timepoint: the ones that enter
     * paired (change-from-baseline) analyses.
     */
    public List<String> pairedSubjects() { return paired; }

    /** Whether a donor column was given. */
    public boolean hasDonors() { return !donorSamples.isEmpty(); }

    /** The donor samples of a recipient (empty when it has none or there is no donor column). */
    public List<String> donorSamples(String subject) {
        return donorSamples.getOrDefault(requireSubject(subject), List.of());
    }

    /**
     * Non-fatal findings, one line each: subjects with one timepoint or no baseline, single-subject
     * arms. For the CLI to print and a report to list.
     */
    public List<String> warnings() { return warnings; }

    /** The arm name, checked; an unknown name is an error listing the arms. */
    public String requireArm(String arm) {
        if (!arms.contains(arm)) {
            throw new InputException(source, "arm '" + arm + "'", "no such arm", "use one of: " + String.join(", ", arms));
        }
        return arm;
    }

    /** The timepoint label, checked; an unknown label is an error listing the timepoints. */
    public String requireTimepoint(String timepoint) {
        if (!timepoints.contains(timepoint)) {
            throw new InputException(source, "timepoint '" + timepoint + "'", "no such timepoint",
                    "use one of: " + String.join(", ", timepoints));
        }
        return timepoint;
    }

    private String requireSubject(String subject) {
        if (!samples.containsKey(subject)) {
            throw new IllegalArgumentException("no subject '" + subject + "' in the design");
        }
        return subject;
    }

    @Override public String toString() {
        return "TrialDesign[" + subjects.size() + " subjects, " + timepoints.size() + " timepoints, " + arms.size() + " arms]";
    }

    // ------------------------------------------------------------------ reading

    /** One pass over the metadata; separate so that the checks read in order. */
    private static final class Reader {
        private final SampleMetadata md;
        private final String source;
        private final String subjectColumn;
        private final String timeColumn;
        private final String armColumn;
        private final String donorColumn;
        private final String[] subject;
        private final String[] time;
        private final String[] arm;
        private final String[] donor;
        private final List<String> warnings = new ArrayList<>();

        Reader(SampleMetadata md, String subjectColumn, String timeColumn, String armColumn, String donorColumn) {
            this.md = md;
            this.source = md.source();
            this.subjectColumn = subjectColumn;
            this.timeColumn = timeColumn;
            this.armColumn = armColumn;
            this.donorColumn = donorColumn;
            this.subject = md.textColumn(subjectColumn);   // fails naming the columns if absent
            this.time = md.textColumn(timeColumn);
            this.arm = armColumn == null ? null : md.textColumn(armColumn);
            this.donor = donorColumn == null ? null : md.textColumn(donorColumn);
        }

        TrialDesign read(String baselineLevel, List<String> timeOrder) {
            List<String> ids = md.ids();
            Map<String, List<String>> donorsOfRecipient = new LinkedHashMap<>();
            Set<String> donorRows = donor == null ? Set.of() : resolveDonors(donorsOfRecipient);

            List<String> missing = new ArrayList<>();
            for (int r = 0; r < ids.size(); r++) {
                if (donorRows.contains(ids.get(r))) continue;
                if (subject[r] == null || time[r] == null) missing.add(ids.get(r));
            }
            if (!missing.isEmpty()) {
                throw new InputException(source, "columns '" + subjectColumn + "', '" + timeColumn + "'",
                        missing.size() + " sample(s) have no subject or no time value: " + ValueFormat.firstFew(missing),
                        "fill in both values, or remove these rows from the metadata");
            }

            List<String> times = orderTimes(donorRows, timeOrder);
            if (baselineLevel == null || !times.contains(baselineLevel)) {
                throw new InputException(source, "column '" + timeColumn + "'",
                        "baseline level '" + baselineLevel + "' does not occur", "use one of: " + String.join(", ", times));
            }

            Map<String, Map<String, String>> byTime = new LinkedHashMap<>();
            Map<String, String> armOf = new LinkedHashMap<>();
            List<String> armLevels = new ArrayList<>();
            for (int r = 0; r < ids.size(); r++) {
                String id = ids.get(r);
                if (donorRows.contains(id)) continue;
                String subj = subject[r];
                String previous = byTime.computeIfAbsent(subj, k -> new HashMap<>()).putIfAbsent(time[r], id);
                if (previous != null) {
                    throw new InputException(source, "subject '" + subj + "', time '" + time[r] + "'",
                            "two samples at the same timepoint: '" + previous + "' and '" + id + "'",
                            "keep one sample per subject and timepoint (drop or relabel the other)");
                }
                String a = armOf(r);
                String known = armOf.putIfAbsent(subj, a);
                if (known != null && !known.equals(a)) {
                    throw new InputException(source, "subject '" + subj + "', column '" + armColumn + "'",
                            "the arm changes within the subject ('" + known + "' and '" + a + "', sample '" + id + "')",
                            "give every sample of a subject the same arm");
                }
                if (!armLevels.contains(a)) armLevels.add(a);
            }

            List<String> subjects = new ArrayList<>(byTime.keySet());
            Map<String, Map<String, String>> ordered = new LinkedHashMap<>();
            for (String s : subjects) {
                Map<String, String> m = new LinkedHashMap<>();
                for (String t : times) {
                    String id = byTime.get(s).get(t);
                    if (id != null) m.put(t, id);
                }
                ordered.put(s, Collections.unmodifiableMap(m));
            }
            List<String> paired = pairing(subjects, ordered, baselineLevel);
            warnSingletonArms(armLevels, armOf);
            Map<String, List<String>> donors = new LinkedHashMap<>();
            donorsOfRecipient.forEach((k, v) -> donors.put(k, List.copyOf(v)));
            return new TrialDesign(source, subjects, times, baselineLevel, armLevels, armOf, ordered, donors, paired, warnings);
        }

        private String armOf(int r) {
            if (arm == null) return "all";
            if (arm[r] == null) {
                throw new InputException(source, "sample '" + md.ids().get(r) + "', column '" + armColumn + "'",
                        "no arm value", "fill in the arm of every participant sample");
            }
            return arm[r];
        }

        /**
         * Resolves the donor column: fills recipient -> donor samples and returns every sample
         * that is donor material (exempt from the timeline checks).
         */
        private Set<String> resolveDonors(Map<String, List<String>> donorsOfRecipient) {
            List<String> ids = md.ids();
            Map<String, List<String>> samplesOfSubject = new HashMap<>();
            for (int r = 0; r < ids.size(); r++) {
                if (subject[r] != null) samplesOfSubject.computeIfAbsent(subject[r], k -> new ArrayList<>()).add(ids.get(r));
            }
            Set<String> unknown = new LinkedHashSet<>();
            Set<String> donorSubjects = new HashSet<>();
            Set<String> donorSamples = new LinkedHashSet<>();
            for (int r = 0; r < ids.size(); r++) {
                if (donor[r] == null) continue;
                if (subject[r] == null) {
                    throw new InputException(source, "sample '" + ids.get(r) + "', column '" + subjectColumn + "'",
                            "a row with a donor has no subject", "fill in the recipient's subject id");
                }
                List<String> list = donorsOfRecipient.computeIfAbsent(subject[r], k -> new ArrayList<>());
                for (String part : donor[r].split(DONOR_SEPARATOR, -1)) {
                    String d = part.trim();
                    if (d.isEmpty()) continue;
                    List<String> resolved;
                    if (md.hasSample(d)) {
                        resolved = List.of(d);
                    } else if (samplesOfSubject.containsKey(d)) {
                        resolved = samplesOfSubject.get(d);
                        donorSubjects.add(d);
                    } else {
                        unknown.add(d);
                        continue;
                    }
                    for (String s : resolved) {
                        if (!list.contains(s)) list.add(s);
                        donorSamples.add(s);
                    }
                }
            }
            if (!unknown.isEmpty()) {
                throw new InputException(source, "column '" + donorColumn + "'",
                        unknown.size() + " donor(s) are neither a sample id nor a subject id of the metadata: "
                                + ValueFormat.firstFew(new ArrayList<>(unknown)),
                        "add the donor samples to the metadata (and table), or correct the donor ids");
            }
            for (String recipient : donorsOfRecipient.keySet()) {
                if (donorSubjects.contains(recipient)) {
                    throw new InputException(source, "subject '" + recipient + "'", "the subject is both a donor and a recipient",
                            "give the donor material its own subject id");
                }
                for (String s : samplesOfSubject.getOrDefault(recipient, List.of())) {
                    if (donorSamples.contains(s)) {
                        throw new InputException(source, "sample '" + s + "'", "a recipient's own sample is named as donor material",
                                "name the donor's sample or subject in column '" + donorColumn + "'");
                    }
                }
            }
            donorsOfRecipient.values().removeIf(List::isEmpty);
            return donorSamples;
        }

        private List<String> orderTimes(Set<String> donorRows, List<String> given) {
            List<String> seen = new ArrayList<>();
            Set<String> set = new HashSet<>();
            boolean numeric = true;
            Map<String, Double> value = new HashMap<>();
            for (int r = 0; r < time.length; r++) {
                if (donorRows.contains(md.ids().get(r)) || time[r] == null) continue;
                if (set.add(time[r])) {
                    seen.add(time[r]);
                    Double v = parse(time[r]);
                    if (v == null) numeric = false; else value.put(time[r], v);
                }
            }
            if (numeric) {
                List<String> out = new ArrayList<>(seen);
                out.sort(Comparator.comparingDouble(value::get)); // stable: equal numbers keep first-seen order
                return out;
            }
            if (given == null) return seen;
            List<String> notListed = new ArrayList<>();
            for (String t : seen) if (!given.contains(t)) notListed.add(t);
            List<String> absent = new ArrayList<>();
            for (String t : given) if (!set.contains(t)) absent.add(t);
            if (!notListed.isEmpty() || !absent.isEmpty()) {
                throw new InputException(source, "column '" + timeColumn + "'",
                        "the timepoint order does not match the data"
                                + (notListed.isEmpty() ? "" : "; not in the order: " + ValueFormat.firstFew(notListed))
                                + (absent.isEmpty() ? "" : "; not in the data: " + ValueFormat.firstFew(absent)),
                        "list exactly these timepoints: " + String.join(", ", seen));
            }
            return List.copyOf(new LinkedHashSet<>(given));
        }

        private static Double parse(String s) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private List<String> pairing(List<String> subjects, Map<String, Map<String, String>> ordered, String baselineLevel) {
            List<String> paired = new ArrayList<>();
            List<String> single = new ArrayList<>();
            List<String> noBaseline = new ArrayList<>();
            for (String s : subjects) {
                Map<String, String> m = ordered.get(s);
                if (m.size() < 2) single.add(s);
                else if (!m.containsKey(baselineLevel)) noBaseline.add(s);
                else paired.add(s);
            }
            if (!single.isEmpty()) {
                warnings.add(single.size() + " subject(s) with a single timepoint left out of paired analyses: " + ValueFormat.firstFew(single));
            }
            if (!noBaseline.isEmpty()) {
                warnings.add(noBaseline.size() + " subject(s) without a baseline ('" + baselineLevel
                        + "') sample left out of paired analyses: " + ValueFormat.firstFew(noBaseline));
            }
            return paired;
        }

        private void warnSingletonArms(List<String> armLevels, Map<String, String> armOf) {
            for (String a : armLevels) {
                long n = armOf.values().stream().filter(a::equals).count();
                if (n == 1) {
                    warnings.add("arm '" + a + "' has a single subject: its confidence intervals and tests are undefined (NA)");
                }
            }
        }
    }

    /**
     * Where a timepoint goes on a plot's time axis: its value when every timepoint is a number
     * (days, weeks, visit numbers), so that unequal gaps show; else its position in the design's
     * order (0, 1, ...).
     */
    public double timePosition(String timepoint) {
        if (numericTimes()) return Double.parseDouble(timepoint.trim());
        return timepoints.indexOf(timepoint);
    }

    /** The label of the time axis that matches {@link #timePosition}. */
    public String timeAxisLabel() {
        return numericTimes() ? "time (baseline = " + baseline + ")"
                : "visit (0 = " + timepoints.get(0) + "; order " + String.join(", ", timepoints) + ")";
    }

    private boolean numericTimes() {
        for (String t : timepoints) {
            try {
                if (!Double.isFinite(Double.parseDouble(t.trim()))) return false;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
