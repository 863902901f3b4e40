package io.gutbrain.study;

import io.gutbrain.error.InputException;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.TableIO;
import io.gutbrain.io.TextOutput;
import io.gutbrain.measures.Instrument;
import io.gutbrain.measures.Instruments;
import io.gutbrain.measures.Scoring;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.metadata.SampleMetadata.ColumnType;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes a commented study file for a table and a metadata sheet, filled in from what is in
 * them, as the starting point of a study ({@code gutbrain study init}). The template is itself a
 * valid study file for those inputs ({@link StudyFile#read} accepts it unchanged).
 *
 * <p>What is guessed, and how (each guess is marked in a comment so it can be checked):
 * <ul>
 *   <li><b>group</b>: a categorical column with 2–5 levels, not named like a subject, time or
 *       sex column, with fewer levels than samples; a column named {@code group},
 *       {@code diagnosis}, {@code condition}, {@code treatment}, {@code arm}, {@code status},
 *       {@code case}, {@code disease} or {@code cohort} is preferred. Its <b>reference</b> is a
 *       level that reads like a control ({@code control}, {@code healthy}, {@code placebo},
 *       {@code HC}, ...), else the first in sort order.</li>
 *   <li><b>subject</b> and <b>time</b>: columns named like {@code subject}, {@code participant},
 *       {@code host_subject_id} / {@code time}, {@code timepoint}, {@code visit}, {@code day};
 *       the subject is also a random effect when some subject has several samples.</li>
 *   <li><b>measures</b>: every built-in questionnaire whose default item columns
 *       ({@code phq9_1..phq9_9}, ...) are all present and hold valid answers; their scores are
 *       the <b>outcomes</b>.</li>
 *   <li><b>covariates</b>: columns named {@code age}, {@code sex}, {@code gender} or {@code bmi}.</li>
 *   <li><b>qc.min_depth</b>: 1,000 reads, or the 10th percentile of the depths when that is
 *       lower; 0 and no rarefaction when the table does not hold counts.</li>
 * </ul>
 */
public final class StudyTemplate {
    private StudyTemplate() {}

    private static final List<String> GROUP_NAMES = List.of("group", "diagnosis", "condition", "treatment", "arm", "status", "case", "disease", "cohort");
    private static final Pattern SUBJECT = Pattern.compile("(?i)(subject|subject_?id|participant|participant_?id|patient|patient_?id|individual|host_subject_id|donor)");
    private static final Pattern TIME = Pattern.compile("(?i)(time|timepoint|time_point|visit|day|week|month)");
    private static final Pattern COVARIATE = Pattern.compile("(?i)(age|sex|gender|bmi)");
    private static final Pattern SEX = Pattern.compile("(?i)(sex|gender)");
    private static final Pattern CONTROL = Pattern.compile("(?i)(control|controls|ctrl|healthy|hc|placebo|normal|none|no|negative|baseline|reference)");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./+-]*( [A-Za-z0-9_./+()-]+)*");
    private static final Set<String> YAML_WORDS = Set.of("null", "~", "true", "false", "yes", "no", "on", "off");
    private static final int MIN_DEPTH = 1000;

    /**
     * Writes the template (atomically).
     *
     * @param out      the study file to write; input paths are written relative to its folder
     * @param table    the feature table (any format {@link TableIO} reads)
     * @param metadata the metadata sheet
     * @throws InputException when a file cannot be read
     */
    public static void write(Path out, Path table, Path metadata) {
        write(out, table, metadata, null);
    }

    /** As {@link #write(Path, Path, Path)}, with a KO table for the modules analysis (null for none). */
    public static void write(Path out, Path table, Path metadata, Path koTable) {
        TextOutput.write(out, text(out, table, metadata, koTable));
    }

    /** The template text for {@link #write}. */
    public static String text(Path out, Path table, Path metadata) {
        return text(out, table, metadata, null);
    }

    /**
     * The template text with a KO table: {@code inputs.ko_table} is set and the {@code modules}
     * analysis is on with its defaults.
     *
     * @param koTable a KO table for module profiling, or null for none
     */
    public static String text(Path out, Path table, Path metadata, Path koTable) {
        SampleMetadata md = MetadataFile.read(metadata);
        FeatureTable t = TableIO.read(table);
        TableSummary summary = TableSummary.of(t, 0);
        Path base = out.toAbsolutePath().normalize().getParent();
        StringBuilder y = new StringBuilder();
        y.append("# gutbrain study file, written by 'gutbrain study init' from ").append(table.getFileName())
                .append(" and ").append(metadata.getFileName()).append(".\n")
                .append("# Check the guesses marked below, then: gutbrain study check ").append(out.getFileName()).append('\n')
                .append("# Format: docs/study-file.md. Paths are relative to this file's folder.\n\n");

        y.append("study:\n  name: ").append(quote(studyName(metadata))).append('\n')
                .append("  description: \"\"\n\n");

        y.append("inputs:\n");
        line(y, "  table: " + quote(relative(base, table)), String.format(Locale.ROOT, "%,d samples x %,d features%s",
                t.sampleCount(), t.featureCount(), summary.integral() ? ", counts" : ", not counts (relative abundances?)"));
        line(y, "  metadata: " + quote(relative(base, metadata)), String.format(Locale.ROOT, "%,d samples x %,d columns; %,d of them in the table",
                md.size(), md.columns().size(), overlap(md, t)));
        line(y, "  # taxonomy: taxonomy.tsv", null);
        line(y, "  # tree: tree.nwk", "needed for faith_pd and UniFrac");
        if (koTable == null) line(y, "  # ko_table: ko.tsv", "needed for modules");
        else line(y, "  ko_table: " + quote(relative(base, koTable)), "KO profile for the gut-brain modules");
        y.append('\n');

        columnsComment(y, md);

        List<Instrument> instruments = instruments(md);
        List<String> outcomes = new ArrayList<>();
        y.append("measures:");
        if (instruments.isEmpty()) line(y, " []", "no questionnaire item columns (phq9_1.., gad7_1.., ...) found");
        else y.append('\n');
        for (Instrument ins : instruments) {
            line(y, "  - instrument: " + ins.name(), ins.title() + " items " + ins.defaultColumns().get(0) + ".." + ins.defaultColumns().get(ins.itemCount() - 1) + " found");
            outcomes.add(ins.name());
        }
        y.append('\n');

        String subject = find(md, SUBJECT);
        String time = find(md, TIME);
        String group = guessGroup(md, subject, time);
        y.append("design:\n");
        if (group == null) {
            line(y, "  # group: COLUMN", "no categorical column with 2-5 levels found");
        } else {
            List<String> levels = sorted(md.levels(group));
            line(y, "  group: " + quote(group), "guessed: categorical, " + levels.size() + " levels: " + String.join(", ", levels));
            line(y, "  reference: " + quote(reference(levels)), "the level the others are compared with");
        }
        line(y, "  outcomes: " + list(outcomes), outcomes.isEmpty() ? "numeric columns or measure outputs" : "scores of the measures");
        List<String> covariates = new ArrayList<>();
        for (String c : md.columns()) if (COVARIATE.matcher(c).matches() && !c.equals(group)) covariates.add(c);
        y.append("  covariates: ").append(list(covariates)).append('\n');
        boolean repeated = subject != null && md.levels(subject).size() < md.size();
        if (subject != null && repeated) line(y, "  random_effects: " + list(List.of(subject)), "subjects with several samples");
        else line(y, "  random_effects: []", null);
        y.append(subject == null ? "  # subject: COLUMN\n" : "  subject: " + quote(subject) + '\n');
        y.append(time == null ? "  # time: COLUMN\n" : "  time: " + quote(time) + '\n');
        y.append('\n');

        double[] depths = t.sampleTotals();
        Arrays.sort(depths);
        analyses(y, summary, TableSummary.quantile(depths, 0.1), koTable != null);
        y.append("\nseed: 1\n");
        return y.toString();
    }

    private static void analyses(StringBuilder y, TableSummary s, double depth10, boolean modules) {
        y.append("analyses:\n");
        if (s.integral()) {
            long minDepth = Math.min(MIN_DEPTH, (long) Math.floor(depth10));
            y.append("  qc:\n");
            line(y, "    min_depth: " + minDepth, String.format(Locale.ROOT, "depths %,.0f to %,.0f, median %,.0f", s.depthMin(), s.depthMax(), s.depthMedian()));
            y.append("  rarefaction:\n");
            line(y, "    depth: auto", "the smallest depth after qc");
            y.append("    iterations: 10\n");
            y.append("  alpha:\n    metrics: ").append(list(Analyses.Alpha.DEFAULT_METRICS)).append('\n');
        } else {
            y.append("  qc:\n");
            line(y, "    min_depth: 0", "the table does not hold counts: no depth filter, no rarefaction");
            y.append("  alpha:\n    metrics: [shannon, simpson, inverse_simpson, pielou_e]\n");
        }
        y.append("  beta:\n");
        line(y, "    metrics: " + list(Analyses.Beta.DEFAULT_METRICS), "UniFrac needs inputs.tree");
        y.append("    permutations: 999\n  association:\n");
        line(y, "    method: maaslin2", "maaslin2 | linda | nonparametric");
        line(y, "    normalization: tss", "tss | clr | css | tmm | none (maaslin2 only)");
        line(y, "    transform: log", "log | ast | logit | none (maaslin2 only)");
        y.append("    min_prevalence: 0.1\n    max_significance: 0.25\n");
        String c = modules ? "" : "# ";
        line(y, "  " + c + "modules:", modules ? "gut-brain modules from inputs.ko_table" : "needs inputs.ko_table");
        line(y, "  " + c + "  set: builtin", "builtin (docs/modules.md) or a module file");
        line(y, "  " + c + "  coverage: 0.66", "or learn");
        line(y, "  " + c + "  estimator: median", "median | average");
        line(y, "  # intervention:", "needs design.subject and design.time");
        y.append("  #   treatment: LEVEL_OF_GROUP\n  #   baseline: LEVEL_OF_TIME\n");
        line(y, "  #   donor: COLUMN", "FMT: column naming each recipient's donor");
        line(y, "  #   taxa: [genus:Bifidobacterium]", "administered taxa: feature ids or taxon names");
        line(y, "  #   bifidogenic: yes", "prebiotic: Bifidobacterium, treatment vs control");
        y.append(StepRegistry.standard().template()); // the registered steps' blocks, from their schemas
    }

    /** One line, with the comment (if any) starting at column 40 so that comments line up. */
    private static void line(StringBuilder y, String text, String comment) {
        y.append(text);
        if (comment != null) {
            for (int i = text.length(); i < 39; i++) y.append(' ');
            y.append(" # ").append(comment);
        }
        y.append('\n');
    }

    private static void columnsComment(StringBuilder y, SampleMetadata md) {
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        for (String c : md.columns()) {
            if (md.type(c) == ColumnType.NUMERIC) numeric.add(c);
            else categorical.add(c + " (" + md.levels(c).size() + ")");
        }
        y.append("# Metadata columns\n");
        wrap(y, "#   numeric: ", numeric);
        wrap(y, "#   categorical (levels): ", categorical);
        y.append('\n');
    }

    private static void wrap(StringBuilder y, String head, List<String> items) {
        StringBuilder line = new StringBuilder(head);
        if (items.isEmpty()) line.append("none");
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i + 1 < items.size() ? "," : "");
            if (line.length() + item.length() + 1 > 100 && line.length() > head.length()) {
                y.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder("#     ");
            }
            line.append(item).append(' ');
        }
        y.append(line.toString().stripTrailing()).append('\n');
    }

    /** Built-in instruments whose default items are all present and scorable, and whose score column is new. */
    private static List<Instrument> instruments(SampleMetadata md) {
        List<Instrument> out = new ArrayList<>();
        for (Instrument ins : Instruments.all()) {
            boolean present = true;
            for (String c : ins.defaultColumns()) present &= md.hasColumn(c);
            if (!present || md.hasColumn(ins.name() + "_score")) continue;
            try {
                Scoring.score(md, ins);
                out.add(ins);
            } catch (InputException e) {
                // invalid answers: leave the instrument out; 'study check' explains once it is added
            }
        }
        return out;
    }

    private static String find(SampleMetadata md, Pattern p) {
        for (String c : md.columns()) if (p.matcher(c).matches()) return c;
        return null;
    }

    private static String guessGroup(SampleMetadata md, String subject, String time) {
        List<String> candidates = new ArrayList<>();
        for (String c : md.columns()) {
            if (md.type(c) != ColumnType.CATEGORICAL || c.equals(subject) || c.equals(time) || SEX.matcher(c).matches()
                    || SUBJECT.matcher(c).matches() || TIME.matcher(c).matches() || c.equalsIgnoreCase("simulated")) continue;
            int levels = md.levels(c).size();
            if (levels >= 2 && levels <= 5 && levels < md.size()) candidates.add(c);
        }
        for (String preferred : GROUP_NAMES) {
            for (String c : candidates) if (c.equalsIgnoreCase(preferred)) return c;
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static String reference(List<String> sortedLevels) {
        for (String l : sortedLevels) if (CONTROL.matcher(l).matches()) return l;
        return sortedLevels.get(0);
    }

    private static List<String> sorted(List<String> levels) {
        return new ArrayList<>(new TreeSet<>(levels));
    }

    private static long overlap(SampleMetadata md, FeatureTable t) {
        Set<String> ids = new HashSet<>(t.sampleIds());
        return md.ids().stream().filter(ids::contains).count();
    }

    private static String studyName(Path metadata) {
        Path dir = metadata.toAbsolutePath().normalize().getParent();
        String name = dir == null || dir.getFileName() == null ? "my-study" : dir.getFileName().toString();
        return name.isBlank() ? "my-study" : name;
    }

    private static String relative(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return base.relativize(abs).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return abs.toString(); // another drive or root: keep it absolute
        }
    }

    /** A YAML flow list of quoted-as-needed values. */
    private static String list(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) sb.append(i > 0 ? ", " : "").append(quote(items.get(i)));
        return sb.append(']').toString();
    }

    /** The value as a plain YAML scalar when that reads back as the same text, else double-quoted. */
    static String quote(String v) {
        if (PLAIN.matcher(v).matches() && !YAML_WORDS.contains(v.toLowerCase(Locale.ROOT))) return v;
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c == '\t') sb.append("\\t");
            else if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
