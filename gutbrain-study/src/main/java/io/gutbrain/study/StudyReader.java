package io.gutbrain.study;

import io.gutbrain.association.Normalization;
import io.gutbrain.association.Transform;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.diversity.beta.BetaMetric;
import io.gutbrain.diversity.unifrac.UniFracVariant;
import io.gutbrain.error.InputException;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.measures.Instrument;
import io.gutbrain.measures.InstrumentSpec;
import io.gutbrain.measures.Instruments;
import io.gutbrain.measures.Scoring;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.modules.Estimator;
import io.gutbrain.metadata.SampleMetadata.ColumnType;
import io.gutbrain.study.YamlSection.Scalar;
import io.gutbrain.util.NearestName;
import io.gutbrain.util.SettingRanges;
import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates one study file (see {@link StudyFile}); collects every problem instead of
 * stopping at the first. One instance per read.
 */
final class StudyReader {
    private static final Pattern OUTPUT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final Path file;
    private final Path dir;
    private final String source;
    private final List<StudyProblem> problems = new ArrayList<>();
    private final Map<String, Long> lines = new LinkedHashMap<>();
    private final YamlSection.Problems sink = (line, message, fix) -> problems.add(new StudyProblem(line, message, fix));
    private SampleMetadata md;
    /** Output names of measures that were given but are invalid (already reported): not reported again where used. */
    private final Set<String> invalidOutputs = new HashSet<>();

    StudyReader(Path file, String source) {
        this.file = file.toAbsolutePath().normalize();
        this.dir = this.file.getParent();
        this.source = source;
    }

    /** Problems found so far, sorted by line (stable). */
    List<StudyProblem> problems() {
        List<StudyProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingLong(StudyProblem::line));
        return out;
    }

    /** Validates the composed document; returns null when there were problems. */
    Study read(Node root) {
        YamlSection top = new YamlSection(root, "", 1, sink, lines::put);
        top.allowOnly("study", "inputs", "measures", "design", "analyses", "seed");

        YamlSection study = required(top, "study", "add a 'study:' section with 'name: ...'");
        String name = study == null ? null : study.text("name", true, "give the study a short name, e.g. 'name: depression-cohort'");
        String description = study == null ? null : study.text("description", false, null);
        if (study != null) study.allowOnly("name", "description");

        Study.Inputs inputs = inputs(required(top, "inputs", "add an 'inputs:' section naming at least 'table' and 'metadata'"));
        List<Study.Measure> measures = measures(top);
        Study.Design design = design(top.section("design"), measures);
        long seed = top.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Analyses analyses = analyses(top.section("analyses"), inputs, design, new StudyFacts(inputs, design, md, seed));
        if (!problems.isEmpty()) return null;
        return new Study(file, name, description == null ? "" : description, inputs, measures, design, analyses, seed, md, lines);
    }

    private YamlSection required(YamlSection parent, String key, String fix) {
        if (!parent.has(key)) {
            parent.missing(key, fix);
            return null;
        }
        return parent.section(key);
    }

    private void problem(long line, String message, String fix) {
        sink.add(line, message, fix);
    }

    // ---- inputs ----------------------------------------------------------------------------

    private Study.Inputs inputs(YamlSection s) {
        if (s == null) return new Study.Inputs(null, null, null, null, null);
        s.allowOnly("table", "taxonomy", "tree", "metadata", "ko_table");
        Path table = file(s, "table", true);
        Path taxonomy = file(s, "taxonomy", false);
        Path tree = file(s, "tree", false);
        Path metadata = file(s, "metadata", true);
        Path ko = file(s, "ko_table", false);
        if (metadata != null) {
            try {
                md = MetadataFile.read(metadata);
            } catch (InputException e) {
                problems.add(StudyProblem.of(s.lineOf("metadata"), "'inputs.metadata' cannot be read", e, "correct the metadata file"));
            }
        }
        return new Study.Inputs(table, taxonomy, tree, metadata, ko);
    }

    /** A path relative to the study file's folder; a problem when it is not an existing file. */
    private Path file(YamlSection s, String key, boolean required) {
        YamlSection.Scalar v = s.scalar(key, required, "give the path of the " + key.replace('_', ' ') + " file, relative to " + file.getFileName());
        if (v == null) return null;
        return resolveFile(s.qualify(key), v, "give a path relative to the study file's folder (" + dir + ") or an absolute path");
    }

    private Path resolveFile(String what, YamlSection.Scalar v, String fix) {
        Path p;
        try {
            p = dir.resolve(v.value()).normalize();
        } catch (InvalidPathException e) {
            problem(v.line(), "'" + what + "': '" + v.value() + "' is not a valid path", fix);
            return null;
        }
        if (!Files.isRegularFile(p)) {
            problem(v.line(), "'" + what + "': file '" + v.value() + "' not found" + (Files.isDirectory(p) ? " (it is a folder)" : "") + " (looked for " + p + ")", fix);
            return null;
        }
        return p;
    }

    // ---- measures --------------------------------------------------------------------------

    private List<Study.Measure> measures(YamlSection top) {
        List<Node> entries = top.sequence("measures");
        List<Study.Measure> out = new ArrayList<>();
        if (entries == null) return out;
        Map<String, Long> outputs = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Node n = entries.get(i);
            YamlSection m = new YamlSection(n, "measures." + i, YamlSection.line(n), sink, lines::put);
            m.allowOnly("instrument", "spec", "items", "output", "max_missing");
            List<Study.Measure> valid = measure(m);
            if (valid.isEmpty()) rememberInvalid(m);
            for (Study.Measure measure : valid) {
                Long prev = outputs.putIfAbsent(measure.output(), measure.line());
                if (prev != null) {
                    problem(measure.line(), "two measures write the output '" + measure.output() + "' (the other on line " + prev + ")",
                            "give one of them another 'output:' name");
                    continue;
                }
                out.add(measure);
            }
        }
        return out;
    }

    private void rememberInvalid(YamlSection m) {
        String output = m.peek("output");
        if (output == null) output = m.peek("instrument");
        if (output == null) return;
        invalidOutputs.add(output);
        for (Instrument i : Instruments.named(output)) invalidOutputs.add(i.name());
    }

    private List<Study.Measure> measure(YamlSection m) {
        Scalar builtin = m.scalar("instrument", false, null);
        Scalar spec = m.scalar("spec", false, null);
        if ((builtin == null) == (spec == null)) {
            problem(m.line(), "'" + m.path() + "' needs exactly one of 'instrument' (a built-in questionnaire) or 'spec' (an instrument file)",
                    "write e.g. '- instrument: phq9' or '- spec: my_scale.spec'");
            return List.of();
        }
        List<Instrument> instruments;
        Path specFile = null;
        if (builtin != null) {
            instruments = Instruments.named(builtin.value());
            if (instruments.isEmpty()) {
                problem(builtin.line(), "unknown instrument '" + builtin.value() + "'" + NearestName.hint(builtin.value(), Instruments.names()),
                        "use one of: " + String.join(", ", Instruments.names()) + ", or 'spec: FILE' for your own questionnaire");
                return List.of();
            }
        } else {
            specFile = resolveFile(m.qualify("spec"), spec, "give the instrument file's path relative to the study file");
            if (specFile == null) return List.of();
            try {
                instruments = List.of(InstrumentSpec.read(specFile));
            } catch (InputException e) {
                problems.add(StudyProblem.of(spec.line(), "instrument file is invalid", e, "correct the instrument file (see docs/instruments.md)"));
                return List.of();
            }
        }
        List<Scalar> items = m.list("items");
        Scalar output = m.scalar("output", false, null);
        boolean hasMaxMissing = m.has("max_missing");
        if (instruments.size() > 1 && (items != null || output != null || hasMaxMissing)) {
            problem(m.line(), "instrument '" + builtin.value() + "' is " + instruments.size() + " subscales; 'items', 'output' and 'max_missing' need one instrument",
                    "list the subscales separately, e.g. '- instrument: hads_a' and '- instrument: hads_d'");
            return List.of();
        }
        List<Study.Measure> out = new ArrayList<>();
        for (Instrument base : instruments) {
            Instrument ins = configure(m, base, items, output, hasMaxMissing);
            if (ins == null) continue;
            Study.Measure measure = new Study.Measure(ins, specFile, m.line());
            if (checkItems(m, measure, items != null)) out.add(measure);
        }
        return out;
    }

    /** The instrument with the study's items, output name and missing-item rule; null after a problem. */
    private Instrument configure(YamlSection m, Instrument base, List<Scalar> items, Scalar output, boolean hasMaxMissing) {
        List<String> columns = base.defaultColumns();
        if (items != null) {
            if (items.size() != base.itemCount()) {
                problem(m.lineOf("items"), base.title() + " has " + base.itemCount() + " items but 'items' lists " + items.size(),
                        "list one metadata column per item, in item order");
                return null;
            }
            columns = new ArrayList<>();
            for (Scalar s : items) columns.add(s.value());
        }
        String name = base.name();
        if (output != null) {
            if (!OUTPUT_NAME.matcher(output.value()).matches()) {
                problem(output.line(), "output name '" + output.value() + "' is not a valid column prefix", "start with a letter and use only letters, digits and '_'");
                return null;
            }
            name = output.value();
        }
        int maxMissing = (int) m.integer("max_missing", base.maxMissing(), 0, base.itemCount() - 1);
        try {
            return new Instrument(name, base.title(), columns, base.itemMin(), base.itemMax(), base.reverseItems(), base.bands(),
                    maxMissing, base.proration(), base.flags(), base.reference());
        } catch (IllegalArgumentException e) {
            problem(hasMaxMissing ? m.lineOf("max_missing") : m.lineOf("items"), base.title() + ": " + e.getMessage(), "correct the measure");
            return null;
        }
    }

    /** Checks the item columns exist and hold valid answers, and that the score column is new. */
    private boolean checkItems(YamlSection m, Study.Measure measure, boolean explicitItems) {
        if (md == null) return true; // metadata unreadable or missing: already reported
        long line = explicitItems ? m.lineOf("items") : m.line();
        Instrument ins = measure.instrument();
        List<String> absent = new ArrayList<>();
        for (String c : measure.items()) if (!md.hasColumn(c)) absent.add(c);
        if (!absent.isEmpty()) {
            problem(line, ins.title() + " item column" + (absent.size() == 1 ? " " : "s ") + String.join(", ", absent)
                            + (absent.size() == 1 ? " is" : " are") + " not in the metadata" + NearestName.hint(absent.get(0), md.columns()),
                    explicitItems ? "name the metadata columns that hold the items"
                            : "name the item columns with 'items: [...]' in item order (the default names are " + String.join(", ", ins.defaultColumns()) + ")");
            return false;
        }
        try {
            Scoring.score(md, ins);
        } catch (InputException e) {
            problems.add(StudyProblem.of(line, ins.title() + " items cannot be scored", e, "correct the item values in the metadata"));
            return false;
        }
        if (md.hasColumn(measure.scoreColumn())) {
            problem(m.line(), "the metadata already has a column '" + measure.scoreColumn() + "', which scoring " + ins.title() + " would write",
                    "set another 'output:' name, or drop the measure and use the column '" + measure.scoreColumn() + "' directly");
            return false;
        }
        return true;
    }

    // ---- design ----------------------------------------------------------------------------

    private Study.Design design(YamlSection s, List<Study.Measure> measures) {
        if (s == null) return new Study.Design(null, null, List.of(), List.of(), List.of(), null, null);
        s.allowOnly("group", "reference", "outcomes", "covariates", "random_effects", "subject", "time");
        Scalar groupS = s.scalar("group", false, "name the metadata column of the groups");
        String group = groupS != null && column(s.qualify("group"), groupS) ? groupS.value() : null;
        String reference = reference(s, group);
        List<Study.Variable> outcomes = new ArrayList<>();
        for (Scalar v : listOrEmpty(s, "outcomes")) {
            Study.Variable var = variable(s.qualify("outcomes"), v, measures);
            if (var == null) continue;
            if (var.type() != ColumnType.NUMERIC) {
                problem(v.line(), "outcome '" + v.value() + "' is not numeric (it holds values such as '" + firstValue(var.column()) + "')",
                        "choose a numeric column or a scored questionnaire; use a categorical column as 'group' or a covariate");
                continue;
            }
            outcomes.add(var);
        }
        List<Study.Variable> covariates = new ArrayList<>();
        Set<String> outcomeColumns = new HashSet<>();
        for (Study.Variable o : outcomes) outcomeColumns.add(o.column());
        for (Scalar v : listOrEmpty(s, "covariates")) {
            Study.Variable var = variable(s.qualify("covariates"), v, measures);
            if (var == null) continue;
            if (outcomeColumns.contains(var.column()) || var.column().equals(group)) {
                problem(v.line(), "'" + v.value() + "' is both a covariate and " + (var.column().equals(group) ? "the group" : "an outcome"),
                        "remove it from the covariates");
                continue;
            }
            covariates.add(var);
        }
        List<String> random = new ArrayList<>();
        for (Scalar v : listOrEmpty(s, "random_effects")) if (column(s.qualify("random_effects"), v)) random.add(v.value());
        Scalar subjectS = s.scalar("subject", false, "name the metadata column that identifies participants");
        String subject = subjectS != null && column(s.qualify("subject"), subjectS) ? subjectS.value() : null;
        Scalar timeS = s.scalar("time", false, "name the metadata column of the time point");
        String time = timeS != null && column(s.qualify("time"), timeS) ? timeS.value() : null;
        return new Study.Design(group, reference, outcomes, covariates, random, subject, time);
    }

    private String reference(YamlSection s, String group) {
        Scalar ref = s.scalar("reference", false, "name the reference level of the group");
        if (group == null || md == null) {
            if (ref != null && md != null && !s.has("group")) problem(ref.line(), "'design.reference' is set but 'design.group' is not", "add 'group: COLUMN' or remove 'reference'");
            return ref == null ? null : ref.value();
        }
        List<String> levels = md.levels(group);
        if (levels.size() < 2) {
            problem(s.lineOf("group"), "group column '" + group + "' has " + (levels.isEmpty() ? "no values" : "a single level '" + levels.get(0) + "'"),
                    "choose a column with at least two groups");
            return null;
        }
        if (ref == null) return new TreeSet<>(levels).first(); // R's factor() default: the first level in sort order
        if (!levels.contains(ref.value())) {
            problem(ref.line(), "reference level '" + ref.value() + "' is not a value of '" + group + "'" + NearestName.hint(ref.value(), levels),
                    "use one of: " + abbreviate(levels));
            return null;
        }
        return ref.value();
    }

    private List<Scalar> listOrEmpty(YamlSection s, String key) {
        List<Scalar> l = s.list(key);
        return l == null ? List.of() : l;
    }

    /** A metadata column or a questionnaire output; null (and a problem) when it is neither. */
    private Study.Variable variable(String what, Scalar v, List<Study.Measure> measures) {
        for (Study.Measure m : measures) {
            if (m.output().equals(v.value()) || m.scoreColumn().equals(v.value())) {
                return new Study.Variable(v.value(), m.scoreColumn(), m, ColumnType.NUMERIC);
            }
        }
        if (md == null) return null;
        if (!md.hasColumn(v.value())) {
            String base = v.value().endsWith("_score") ? v.value().substring(0, v.value().length() - "_score".length()) : v.value();
            if (invalidOutputs.contains(base)) return null; // the measure's own problem says why
            List<String> names = new ArrayList<>(md.columns());
            for (Study.Measure m : measures) names.add(m.output());
            problem(v.line(), "'" + what + "': '" + v.value() + "' is neither a metadata column nor a scored measure" + NearestName.hint(v.value(), names),
                    "use a column of " + md.source() + " or the output name of a measure");
            return null;
        }
        return new Study.Variable(v.value(), v.value(), null, md.type(v.value()));
    }

    /** Whether the scalar names a metadata column (reported when not; unchecked without metadata). */
    private boolean column(String what, Scalar v) {
        if (md == null) return false;
        if (md.hasColumn(v.value())) return true;
        problem(v.line(), "'" + what + "': column '" + v.value() + "' is not in the metadata" + NearestName.hint(v.value(), md.columns()),
                "use one of: " + abbreviate(md.columns()));
        return false;
    }

    private String firstValue(String column) {
        for (String t : md.textColumn(column)) if (t != null) return t;
        return "";
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 12 ? String.join(", ", names) : String.join(", ", names.subList(0, 12)) + ", ... (" + names.size() + " in all)";
    }

    // ---- analyses --------------------------------------------------------------------------

    private Analyses analyses(YamlSection s, Study.Inputs inputs, Study.Design design, StudyFacts facts) {
        StepConfigs steps = StepRegistry.standard().read(s, facts);
        if (s == null) return new Analyses(Analyses.Qc.DEFAULT, null, null, null, null, null, null, steps);
        List<String> known = new ArrayList<>(List.of("qc", "rarefaction", "alpha", "beta", "association", "modules", "intervention"));
        known.addAll(StepRegistry.standard().names());
        s.allowOnly(known.toArray(String[]::new));
        YamlSection qcS = s.section("qc");
        Analyses.Qc qc = Analyses.Qc.DEFAULT;
        if (qcS != null) {
            qcS.allowOnly("min_depth");
            qc = new Analyses.Qc(qcS.integer("min_depth", 0, 0, Long.MAX_VALUE));
        }
        return new Analyses(qc, rarefaction(s.section("rarefaction")), alpha(s.section("alpha"), inputs), beta(s.section("beta"), inputs),
                association(s.section("association"), design), modules(s.section("modules"), inputs), intervention(s.section("intervention"), design), steps);
    }

    private Analyses.Rarefaction rarefaction(YamlSection s) {
        if (s == null) return null;
        s.allowOnly("depth", "iterations");
        long depth = Analyses.Rarefaction.AUTO;
        Scalar d = s.scalar("depth", false, null);
        if (d != null && !d.value().equalsIgnoreCase("auto")) {
            depth = s.integer("depth", Analyses.Rarefaction.AUTO, 1, Long.MAX_VALUE);
        }
        int iterations = (int) s.integer("iterations", Analyses.Rarefaction.DEFAULT_ITERATIONS, 1, SettingRanges.MAX_RAREFACTION_ITERATIONS);
        return new Analyses.Rarefaction(depth, iterations);
    }

    private Analyses.Alpha alpha(YamlSection s, Study.Inputs inputs) {
        if (s == null) return null;
        s.allowOnly("metrics");
        List<Scalar> given = s.list("metrics");
        if (given == null) return new Analyses.Alpha(Analyses.Alpha.DEFAULT_METRICS);
        List<String> metrics = new ArrayList<>();
        for (Scalar v : given) {
            AlphaMetric metric;
            try {
                metric = AlphaMetric.byName(v.value());
            } catch (InputException e) {
                problem(v.line(), "'" + s.qualify("metrics") + "': " + e.problem() + " '" + v.value() + "'" + NearestName.hint(v.value(), AlphaMetric.names()),
                        e.fix());
                continue;
            }
            if (metric.name().equals("faith_pd") && inputs.tree() == null) {
                problem(v.line(), "alpha metric faith_pd needs a tree", "add 'tree: FILE' to 'inputs' or drop faith_pd");
                continue;
            }
            if (!metrics.contains(metric.name())) metrics.add(metric.name());
        }
        return new Analyses.Alpha(metrics);
    }

    private Analyses.Beta beta(YamlSection s, Study.Inputs inputs) {
        if (s == null) return null;
        s.allowOnly("metrics", "permutations");
        List<String> all = io.gutbrain.diversity.beta.BetaDiversity.metricNames();
        List<Scalar> given = s.list("metrics");
        List<String> metrics = new ArrayList<>();
        if (given == null) metrics.addAll(Analyses.Beta.DEFAULT_METRICS);
        for (Scalar v : given == null ? List.<Scalar>of() : given) {
            String m = v.value().toLowerCase(Locale.ROOT).replace('_', '-');
            if (!all.contains(m)) {
                problem(v.line(), "'" + s.qualify("metrics") + "': unknown beta-diversity metric '" + v.value() + "'" + NearestName.hint(m, all), "use one of: " + String.join(", ", all));
            } else if (io.gutbrain.diversity.beta.BetaDiversity.needsTree(m) && inputs.tree() == null) {
                problem(v.line(), "beta metric " + m + " needs a tree", "add 'tree: FILE' to 'inputs' or drop " + m);
            } else if (!metrics.contains(m)) {
                metrics.add(m);
            }
        }
        int permutations = (int) s.integer("permutations", Analyses.Beta.DEFAULT_PERMUTATIONS, 0, SettingRanges.MAX_PERMUTATIONS);
        return new Analyses.Beta(metrics, permutations);
    }

    private Analyses.Association association(YamlSection s, Study.Design design) {
        if (s == null) return null;
        s.allowOnly("method", "normalization", "transform", "min_prevalence", "max_significance");
        Analyses.Association d = Analyses.Association.DEFAULT;
        Analyses.Method method = s.choice("method", Analyses.Method.class, d.method());
        if (method != Analyses.Method.MAASLIN2) {
            for (String k : List.of("normalization", "transform")) {
                if (s.has(k)) problem(s.lineOf(k), "'" + s.qualify(k) + "' applies to method maaslin2 only, not " + method.label(), "remove it or use 'method: maaslin2'");
            }
        }
        Normalization norm = s.choice("normalization", Normalization.class, d.normalization());
        Transform transform = s.choice("transform", Transform.class, d.transform());
        double prevalence = s.number("min_prevalence", d.minPrevalence(), 0, 1, false);
        double significance = s.number("max_significance", d.maxSignificance(), 0, 1, true);
        if (design.group() == null && design.outcomes().isEmpty() && md != null) {
            problem(s.line(), "association testing needs 'design.group' or 'design.outcomes'", "name the group column or the outcomes in 'design'");
        }
        return new Analyses.Association(method, norm, transform, prevalence, significance);
    }

    private Analyses.Modules modules(YamlSection s, Study.Inputs inputs) {
        if (s == null) return null;
        s.allowOnly("set", "coverage", "estimator", "normalize_by_length", "distribute");
        if (inputs.koTable() == null && !problemsAtKeyOf("inputs.ko_table")) {
            problem(s.line(), "module profiling needs a KO table", "add 'ko_table: FILE' to 'inputs' (HUMAnN, PICRUSt2 or any table with KEGG orthology ids)");
        }
        Path set = null;
        Scalar setS = s.scalar("set", false, null);
        if (setS != null && !setS.value().equalsIgnoreCase("builtin")) {
            set = resolveFile(s.qualify("set"), setS, "write 'builtin' for the gut-brain modules or the path of a module file");
        }
        double coverage = Analyses.Modules.DEFAULT_COVERAGE;
        Scalar cov = s.scalar("coverage", false, null);
        if (cov != null) coverage = cov.value().equalsIgnoreCase("learn") ? Double.NaN : s.checkedNumber("coverage", cov, coverage, 0, 1, false);
        Estimator estimator = s.choice("estimator", Estimator.class, Estimator.MEDIAN);
        return new Analyses.Modules(set, coverage, estimator, s.bool("normalize_by_length", false), s.bool("distribute", false));
    }

    /** Whether a problem was already reported on the line of the given key (to avoid reporting one mistake twice). */
    private boolean problemsAtKeyOf(String keyPath) {
        Long l = lines.get(keyPath);
        if (l == null) return false;
        for (StudyProblem p : problems) if (p.line() == l) return true;
        return false;
    }

    private Analyses.Intervention intervention(YamlSection s, Study.Design design) {
        if (s == null) return null;
        s.allowOnly("arm", "treatment", "control", "baseline", "taxa", "donor", "bifidogenic", "taxa_scale");
        if (md == null) return null;
        for (String k : List.of("subject", "time")) {
            boolean set = k.equals("subject") ? design.subject() != null : design.time() != null;
            if (!set && !lines.containsKey("design." + k)) {
                problem(s.line(), "intervention analysis needs 'design." + k + "'", "name the metadata column of the " + (k.equals("subject") ? "participant" : "time point") + " in 'design'");
            }
        }
        Scalar armS = s.scalar("arm", false, null);
        String arm = armS == null ? design.group() : (column(s.qualify("arm"), armS) ? armS.value() : null);
        if (armS == null && arm == null && !lines.containsKey("design.group")) {
            problem(s.line(), "intervention analysis needs the arm column", "add 'arm: COLUMN' or set 'design.group'");
        }
        String treatment = optionalLevel(s, "treatment", arm);
        String control = level(s, "control", arm, armS == null ? design.reference() : null);
        if (treatment != null && treatment.equals(control)) {
            problem(s.lineOf("treatment"), "treatment and control are the same level '" + treatment + "'", "name two different arms");
        }
        String baseline = level(s, "baseline", design.time(), null);
        List<String> taxa = new ArrayList<>();
        for (Scalar t : listOrEmpty(s, "taxa")) taxa.add(t.value());
        Scalar donorS = s.scalar("donor", false, null);
        String donor = donorS != null && column(s.qualify("donor"), donorS) ? donorS.value() : null;
        if (donor != null && (donor.equals(design.subject()) || donor.equals(design.time()) || donor.equals(arm))) {
            problem(donorS.line(), "'" + s.qualify("donor") + "': column '" + donor + "' is already the subject, time or arm column",
                    "name the column that holds each recipient's donor sample or donor subject");
        }
        boolean bifidogenic = s.bool("bifidogenic", false);
        io.gutbrain.intervention.Colonisation.Scale scale = s.choice("taxa_scale", io.gutbrain.intervention.Colonisation.Scale.class,
                io.gutbrain.intervention.Colonisation.Scale.RELATIVE);
        return new Analyses.Intervention(arm, treatment, control, baseline, taxa, donor, bifidogenic, scale);
    }

    /** An optional level of {@code column}: null when absent; checked like {@link #level}. */
    private String optionalLevel(YamlSection s, String key, String column) {
        return s.has(key) ? level(s, key, column, null) : null;
    }

    /** A required level of {@code column} ({@code dflt} when absent and not null). */
    private String level(YamlSection s, String key, String column, String dflt) {
        Scalar v = s.scalar(key, dflt == null && column != null, "name a value of the column '" + column + "'");
        if (v == null) return dflt;
        if (column == null) return v.value();
        List<String> levels = md.levels(column);
        if (!levels.contains(v.value())) {
            problem(v.line(), "'" + s.qualify(key) + "': '" + v.value() + "' is not a value of '" + column + "'" + NearestName.hint(v.value(), levels),
                    "use one of: " + abbreviate(levels));
            return null;
        }
        return v.value();
    }
}
