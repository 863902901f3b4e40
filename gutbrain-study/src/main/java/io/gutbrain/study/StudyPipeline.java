package io.gutbrain.study;

import io.gutbrain.association.ModelFit;
import io.gutbrain.intervention.ArmChange;
import io.gutbrain.association.AssociationAnalysis;
import io.gutbrain.association.AssociationOptions;
import io.gutbrain.intervention.ArmTimeModel;
import io.gutbrain.intervention.InterventionAnalysis;
import io.gutbrain.intervention.InterventionOptions;
import io.gutbrain.intervention.InterventionResult;
import io.gutbrain.intervention.TrialData;
import io.gutbrain.intervention.Bifidogenic;
import io.gutbrain.intervention.BifidogenicResult;
import io.gutbrain.intervention.Colonisation;
import io.gutbrain.intervention.ColonisationResult;
import io.gutbrain.intervention.ChangeFromBaseline;
import io.gutbrain.intervention.ChangeResult;
import io.gutbrain.intervention.Engraftment;
import io.gutbrain.intervention.EngraftmentResult;
import io.gutbrain.intervention.MeanEstimate;
import io.gutbrain.intervention.SourceTracking;
import io.gutbrain.intervention.SourceTrackingResult;
import io.gutbrain.intervention.TrialDesign;
import io.gutbrain.report.intervention.BifidogenicFigures;
import io.gutbrain.intervention.Outcome;
import io.gutbrain.intervention.ResponderResult;
import io.gutbrain.association.AssociationResult;
import io.gutbrain.association.linda.LindaResult;
import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.diversity.Rarefaction;
import io.gutbrain.diversity.RarefactionCurve;
import io.gutbrain.diversity.Rarefied;
import io.gutbrain.diversity.alpha.AlphaDiversity;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.diversity.alpha.AlphaResult;
import io.gutbrain.diversity.beta.BetaDiversity;
import io.gutbrain.diversity.beta.BetaMetric;
import io.gutbrain.diversity.beta.BetaOptions;
import io.gutbrain.diversity.beta.BetaResult;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.BiomJson;
import io.gutbrain.io.DistanceMatrixFormat;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.TableIO;
import io.gutbrain.io.TextInput;
import io.gutbrain.measures.InstrumentScores;
import io.gutbrain.measures.SampleScore;
import io.gutbrain.measures.Scoring;
import io.gutbrain.metadata.MetadataMatch;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.modules.KoInput;
import io.gutbrain.modules.ModuleOptions;
import io.gutbrain.modules.ModuleProfile;
import io.gutbrain.modules.ModuleProfiler;
import io.gutbrain.modules.ModuleSet;
import io.gutbrain.ordination.PCoA;
import io.gutbrain.report.Figure;
import io.gutbrain.report.FigureSpec;
import io.gutbrain.report.Figures;
import io.gutbrain.report.HtmlReport;
import io.gutbrain.report.intervention.EngraftmentFigures;
import io.gutbrain.result.Provenance;
import io.gutbrain.report.ResultsStore;
import io.gutbrain.result.ResultTable;
import io.gutbrain.result.StepTiming;
import io.gutbrain.stats.Permanova;
import io.gutbrain.stats.Permdisp;
import io.gutbrain.stats.PermutationOptions;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TaxonGroup;
import io.gutbrain.util.ProgressListener;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a whole study from its {@link Study} file: load and QC → questionnaire scoring →
 * rarefaction → alpha diversity → beta diversity (PCoA, PERMANOVA, PERMDISP) → association
 * (MaAsLin2), then writes one self-contained HTML report ({@link HtmlReport}) and records the
 * run in the study's {@link ResultsStore}.
 *
 * <p>Every step except the report is cached under {@code <out>/.cache/<step>-<key>/}
 * ({@link StepCache}); the key hashes the step's parameters, the gutbrain version and what the
 * step depends on (input file checksums or upstream keys). So changing only the association
 * settings or covariates recomputes only the association: load, measures, rarefaction, alpha
 * and beta are loaded from the cache and reported as cached in the log, the timings and the
 * results store.
 *
 * <pre>{@code
 * Study study = StudyFile.read(Path.of("study.yaml"));
 * StudyPipeline.Result r = StudyPipeline.run(study, Path.of("results"), StudyPipeline.Options.defaults("1.0"), StepListener.NONE);
 * r.report();   // results/report/report.html
 * }</pre>
 */
public final class StudyPipeline {
    /** Folder of the step cache inside the output folder. */
    public static final String CACHE_DIR = ".cache";
    /** Folder of the report inside the output folder. */
    public static final String REPORT_DIR = "report";
    /** Depths drawn on a rarefaction curve. */
    static final int CURVE_POINTS = 10;
    /** Alpha metrics of the rarefaction curves. */
    static final List<String> CURVE_METRICS = List.of("observed_features", "shannon");
    /** Features shown in the association heat map. */
    static final int HEATMAP_FEATURES = 20;
    /** Features with their own plot per association. */
    static final int TOP_FEATURE_PLOTS = 3;
    /** Rows of per-sample tables shown in the page (the TSV holds all). */
    static final int SAMPLE_ROWS_SHOWN = 10;

    /**
     * How to run.
     *
     * @param version gutbrain version: part of every cache key and of the provenance
     * @param command the command line, for the results store and the appendix
     * @param threads worker threads (0 = all cores)
     */
    public record Options(String version, String command, int threads) {
        /** Version given, command {@code gutbrain study run}, all cores. */
        public static Options defaults(String version) { return new Options(version, "gutbrain study run", 0); }
    }

    /**
     * What a run produced.
     *
     * @param report the report HTML file
     * @param store  the results database file
     * @param runId  the run's id in the store
     * @param steps  every step in order, with seconds and cached yes/no
     */
    public record Result(Path report, Path store, String runId, List<StepRecord> steps) {
        public Result { steps = List.copyOf(steps); }

        /** The record of a step, or null when the step did not run. */
        public StepRecord step(String name) {
            for (StepRecord r : steps) if (r.step().equals(name)) return r;
            return null;
        }
    }

    private final Study study;
    /** The inputs as {@link StudyValidation} read and checked them: each file is read once per run. */
    private final StudyInputs inputs;
    private final Path out;
    private final Options options;
    private final StepListener listener;
    private final StepCache cache;
    private final List<StepRecord> records = new ArrayList<>();
    private final Map<String, StepOutput> outputs = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
    private final List<String> plan = new ArrayList<>();

    private SampleMetadata md;
    private io.gutbrain.tree.PhyloTree tree;
    private FeatureTable filtered;
    private FeatureTable rarefied;
    private long depth;
    /** The registered steps (one class each, {@link StepRegistry}), run after the steps above on their outputs. */
    private StepRunner registered;

    private StudyPipeline(StudyInputs inputs, Path out, Options options, StepListener listener) {
        this.study = inputs.study();
        this.inputs = inputs;
        this.out = out;
        this.options = options;
        this.listener = listener == null ? StepListener.NONE : listener;
        this.cache = new StepCache(out.resolve(CACHE_DIR));
    }

    /**
     * Runs the study into {@code out}: {@code report/report.html} (with {@code figures/} and
     * {@code tables/}), {@code results.duckdb} and the step cache {@code .cache/}.
     *
     * Every input is first read and checked ({@link StudyValidation#require}), so a study that
     * {@code gutbrain study check} refuses is refused here before any step runs or anything is written.
     *
     * @throws StudyFileException listing every problem the validation finds, before anything is computed
     * @throws InputException when the data do not fit an analysis (the run is recorded as failed in a store that
     *                        existed before; what this run created is removed, see {@link RunFolder})
     */
    public static Result run(Study study, Path out, Options options, StepListener listener) {
        return run(StudyValidation.require(study), out, options, listener);
    }

    /** As {@link #run(Study, Path, Options, StepListener)} for inputs already read and checked by {@link StudyValidation#require}. */
    public static Result run(StudyInputs inputs, Path out, Options options, StepListener listener) {
        return new StudyPipeline(inputs, out, options, listener).execute();
    }

    /** The steps a study runs, in order (the report last). */
    public static List<String> steps(Study study) {
        List<String> s = new ArrayList<>(List.of("load"));
        Analyses a = study.analyses();
        if (!study.measures().isEmpty()) s.add("measures");
        if (a.rarefaction() != null) s.add("rarefaction");
        if (a.alpha() != null) s.add("alpha");
        if (a.beta() != null) s.add("beta");
        if (a.association() != null) s.add("association");
        if (a.modules() != null) s.add("modules");
        if (a.intervention() != null) s.add("intervention");
        s.addAll(StepRegistry.standard().running(a.steps()));
        s.add("report");
        return s;
    }

    private Result execute() {
        RunFolder folder = RunFolder.before(out);
        try {
            return execute(folder);
        } catch (RuntimeException e) {
            folder.removeWhatAFailedRunCreated();
            throw e;
        }
    }

    private Result execute(RunFolder folder) {
        plan.addAll(steps(study));
        try (ResultsStore store = ResultsStore.open(out)) {
            folder.recover(store, cache, listener);
            String runId = store.startRun(options.version(), options.command(), study.seed());
            try {
                step("load", loadParameters(), List.of(), this::computeLoad);
                afterLoad();
                if (plan.contains("measures")) step("measures", measureParameters(), List.of(key("load")), this::computeMeasures);
                md = plan.contains("measures") ? MetadataFile.read(outputs.get("measures").dir.resolve("metadata.tsv")) : study.metadata();
                if (plan.contains("rarefaction")) {
                    Analyses.Rarefaction r = study.analyses().rarefaction();
                    step("rarefaction", Map.of("depth", r.depth(), "iterations", r.iterations(), "seed", study.seed(), "group", str(study.design().group())),
                            List.of(key("load")), this::computeRarefaction);
                    StepOutput ro = outputs.get("rarefaction");
                    if (ro.fact("depth") != null) {
                        depth = Long.parseLong(ro.fact("depth"));
                        rarefied = BiomJson.read(ro.dir.resolve("rarefied.biom"));
                    }
                }
                List<String> diversityUp = List.of(key("load"), key("measures"), key("rarefaction"));
                if (plan.contains("alpha")) {
                    Map<String, Object> p = diversityParameters();
                    p.put("metrics", study.analyses().alpha().metrics());
                    step("alpha", p, diversityUp, this::computeAlpha);
                }
                if (plan.contains("beta")) {
                    Map<String, Object> p = diversityParameters();
                    p.put("metrics", study.analyses().beta().metrics());
                    p.put("permutations", study.analyses().beta().permutations());
                    step("beta", p, diversityUp, this::computeBeta);
                }
                if (plan.contains("association")) {
                    step("association", associationParameters(), List.of(key("load"), key("measures")), this::computeAssociation);
                }
                if (plan.contains("modules")) {
                    step("modules", moduleParameters(), List.of(key("load"), key("measures")), this::computeModules);
                }
                if (plan.contains("intervention")) {
                    step("intervention", interventionParameters(), List.of(key("load"), key("measures"), key("rarefaction"), key("alpha")), this::computeIntervention);
                }
                registered = new StepRunner(StepRegistry.standard(), out.resolve(CACHE_DIR), options.version(), options.threads(), listener);
                registered.run(study.analyses().steps(), Map.of(StepRegistry.LOAD, new StepRunner.Upstream(key("load"), filtered),
                        StepRegistry.MEASURES, new StepRunner.Upstream(key("measures"), md)), plan);
                records.addAll(registered.records());
                parameters.putAll(registered.parameters());
                long t0 = System.nanoTime();
                listener.started("report", plan.size(), plan.size(), 0);
                Provenance prov = provenance();
                List<StepTiming> timings = new ArrayList<>();
                for (StepRecord r : records) timings.add(new StepTiming(r.step(), r.seconds(), r.cached()));
                // the report cannot contain its own final timing: it shows the time up to rendering
                timings.add(new StepTiming("report", (System.nanoTime() - t0) / 1e9, false));
                Path html = buildReport(prov, timings).write(out.resolve(REPORT_DIR));
                StepRecord rep = new StepRecord("report", (System.nanoTime() - t0) / 1e9, false, "");
                records.add(rep);
                listener.finished(rep);
                record(store, runId, prov);
                store.finishRun(runId, "ok");
                return new Result(html, store.file(), runId, records);
            } catch (RuntimeException e) {
                store.finishRun(runId, "failed");
                throw e;
            }
        }
    }

    // ---- step machinery ----

    @FunctionalInterface
    private interface Compute {
        void run(StepOutput out, ProgressListener progress);
    }

    private String key(String step) {
        StepOutput o = outputs.get(step);
        return o == null ? "" : o.dir.getFileName().toString();
    }

    private void step(String name, Map<String, Object> params, List<String> upstream, Compute compute) {
        parameters.put(name, params);
        String k = StepCache.key(name, options.version(), params, upstream);
        long t0 = System.nanoTime();
        boolean cached = cache.has(name, k);
        int index = plan.indexOf(name) + 1;
        StepOutput result;
        if (cached) {
            listener.started(name, index, plan.size(), 0);
            result = cache.load(name, k);
        } else {
            listener.started(name, index, plan.size(), expectedUnits(name));
            StepOutput staged = new StepOutput(cache.staging(name, k));
            try {
                compute.run(staged, u -> listener.advance(name, u));
                result = cache.commit(name, k, staged);
            } catch (RuntimeException e) {
                StepCache.discard(staged.dir);
                throw e;
            }
        }
        outputs.put(name, result);
        StepRecord r = new StepRecord(name, (System.nanoTime() - t0) / 1e9, cached, k);
        records.add(r);
        listener.finished(r);
    }

    /** Work units of a step as reported through its progress listener (0 = unknown). */
    private long expectedUnits(String step) {
        Analyses a = study.analyses();
        return switch (step) {
            case "rarefaction" -> filtered == null ? 0 : (long) filtered.sampleCount() * (CURVE_POINTS + 1);
            case "alpha" -> a.rarefaction() == null || rarefied == null ? 1 : a.rarefaction().iterations();
            case "beta" -> (long) a.beta().metrics().size() * (1 + (study.design().group() != null ? 2L * a.beta().permutations() : 0));
            case "association" -> filtered == null ? 0 : (long) filtered.featureCount() * variablesOfInterest().size();
            default -> 0;
        };
    }

    private static String str(Object o) { return o == null ? "" : o.toString(); }

    /** The study's tree ({@code inputs.tree}), read once when a metric needs it; null when the study has none. */
    private io.gutbrain.tree.PhyloTree tree() {
        if (tree == null && study.inputs().tree() != null) {
            io.gutbrain.tree.PhyloTree t = inputs.tree();
            // checked here so the message names the tree file; the metrics themselves only know a tree object
            List<String> missing = io.gutbrain.tree.TreeOps.missingTips(t, filtered.featureIds());
            if (!missing.isEmpty()) {
                throw new InputException(study.inputs().tree().toString(), null, missing.size() + " of the " + filtered.featureCount()
                        + " features kept after QC are not tips of the tree: " + io.gutbrain.error.Messages.firstFew(missing),
                        "use the tree built for this table (study file line " + study.line("inputs.tree") + ")");
            }
            tree = t;
        }
        return tree;
    }

    /** Parameters of a diversity step: the design, and the tree's checksum when the study has one (Faith PD, UniFrac). */
    private Map<String, Object> diversityParameters() {
        Map<String, Object> p = new TreeMap<>(designParameters(false));
        if (study.inputs().tree() != null) p.put("tree_sha256", Provenance.sha256(study.inputs().tree()));
        return p;
    }

    // ---- load + QC ----

    private Map<String, Object> loadParameters() {
        Map<String, Object> p = new TreeMap<>();
        Study.Inputs in = study.inputs();
        p.put("table_sha256", Provenance.sha256(in.table()));
        p.put("metadata_sha256", Provenance.sha256(in.metadata()));
        if (in.taxonomy() != null) p.put("taxonomy_sha256", Provenance.sha256(in.taxonomy()));
        p.put("min_depth", study.analyses().qc().minDepth());
        p.put("group", str(study.design().group()));
        return p;
    }

    private void computeLoad(StepOutput o, ProgressListener progress) {
        FeatureTable raw = inputs.table(); // read (with the taxonomy) by StudyValidation
        SampleMetadata meta = study.metadata();
        MetadataMatch match = MetadataMatch.compare(raw, meta);
        Warnings w = new Warnings();
        MetadataMatch.attach(raw, meta, w); // throws when no id matches
        List<String> both = new ArrayList<>();
        for (String id : raw.sampleIds()) if (meta.hasSample(id)) both.add(id);
        FeatureTable matched = raw.subsetSamples(both).withMetadata(null);
        double[] depths = matched.sampleTotals();
        long minDepth = study.analyses().qc().minDepth();
        FeatureTable kept = matched.filterMinDepth(minDepth).dropEmptyFeatures();
        BiomJson.write(kept, o.dir.resolve("table.biom"), false);
        List<Object[]> rows = new ArrayList<>();
        for (int s = 0; s < matched.sampleCount(); s++) {
            rows.add(new Object[]{matched.sampleIds().get(s), depths[s], (long) matched.sampleNonZero(s), depths[s] >= minDepth});
        }
        String group = study.design().group();
        o.fact("table_samples", raw.sampleCount()).fact("table_features", raw.featureCount())
                .fact("metadata_samples", meta.size()).fact("matched", match.matched())
                .fact("kept", kept.sampleCount()).fact("removed", matched.sampleCount() - kept.sampleCount())
                .fact("features", kept.featureCount()).fact("integral", kept.isIntegral())
                .fact("median_depth", fmt(median(depths))).fact("min_depth", minDepth);
        o.paragraph(String.format(Locale.ROOT, "The table holds %,d samples and %,d features; the metadata %,d samples, of which %,d are in the table. "
                        + "%,d samples had fewer than %,d reads and were removed, leaving %,d samples and %,d features (median depth %s reads).",
                raw.sampleCount(), raw.featureCount(), meta.size(), match.matched(), matched.sampleCount() - kept.sampleCount(), minDepth,
                kept.sampleCount(), kept.featureCount(), fmt(median(kept.sampleTotals()))));
        for (String m : w.messages()) o.note(m);
        if (group != null) {
            Map<String, Integer> n = new TreeMap<>();
            for (String id : kept.sampleIds()) n.merge(groupOf(meta, group, id), 1, Integer::sum);
            o.paragraph("Samples per " + group + " after QC: " + n.toString().replaceAll("[{}]", "").replace("=", ": ") + ".");
        }
        o.figure(Figures.histogram(FigureSpec.of("qc-depth", "Reads per sample")
                .caption("Sequencing depth of every sample before filtering; samples below " + minDepth + " reads were removed.")
                .axes("reads per sample", "samples"), depths, 30));
        o.table(new ResultTable("qc_samples", List.of("sample_id", "reads", "observed_features", "kept"), rows),
                "Reads and observed features per sample, and whether the sample passed QC", SAMPLE_ROWS_SHOWN, true);
    }

    private void afterLoad() {
        filtered = BiomJson.read(outputs.get("load").dir.resolve("table.biom"));
        if (filtered.sampleCount() < 2) {
            throw new InputException(study.file().toString(), "line " + study.line("analyses.qc.min_depth"),
                    "only " + filtered.sampleCount() + " sample(s) remain after QC", "lower analyses.qc.min_depth");
        }
    }

    private static String groupOf(SampleMetadata meta, String column, String id) {
        String v = meta.hasSample(id) ? meta.text(column, id) : null;
        return v == null || v.isBlank() ? Figures.MISSING : v;
    }

    // ---- measures ----

    private Map<String, Object> measureParameters() {
        Map<String, Object> p = new TreeMap<>();
        List<String> m = new ArrayList<>();
        for (Study.Measure x : study.measures()) {
            m.add(x.instrument().name() + ":" + String.join(",", x.items()) + ":" + (x.spec() == null ? "" : Provenance.sha256(x.spec())));
        }
        p.put("measures", m);
        p.put("metadata_sha256", Provenance.sha256(study.inputs().metadata()));
        p.put("group", str(study.design().group()));
        return p;
    }

    private void computeMeasures(StepOutput o, ProgressListener progress) {
        SampleMetadata meta = study.metadata();
        List<InstrumentScores> all = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        String group = study.design().group();
        for (Study.Measure m : study.measures()) {
            InstrumentScores s = Scoring.score(meta, m.instrument());
            all.add(s);
            List<Double> values = new ArrayList<>();
            int prorated = 0;
            for (SampleScore x : s.samples()) {
                if (x.score().isPresent()) values.add((double) x.score().getAsInt());
                if (x.prorated()) prorated++;
            }
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            rows.add(new Object[]{m.instrument().title(), s.scoreColumn(), (long) s.samples().size(), (long) v.length, (long) prorated,
                    mean(v), sd(v), median(v)});
            if (group != null) {
                Map<String, List<Double>> byGroup = new TreeMap<>();
                for (SampleScore x : s.samples()) {
                    if (x.score().isPresent()) byGroup.computeIfAbsent(groupOf(meta, group, x.sampleId()), g -> new ArrayList<>()).add((double) x.score().getAsInt());
                }
                o.figure(Figures.boxStrip(FigureSpec.of("measures-" + m.output(), m.instrument().title() + " by " + group)
                        .caption(m.instrument().title() + " total score (" + s.scoreColumn() + ") per " + group + "; every point is a participant.")
                        .axes(group, s.scoreColumn()), arrays(byGroup)));
            }
        }
        SampleMetadata scored = InstrumentScores.addTo(meta, all);
        MetadataFile.write(scored, o.dir.resolve("metadata.tsv"), List.of("metadata with questionnaire scores added by gutbrain study run"));
        o.paragraph(all.size() + " questionnaire(s) scored from their item columns; scores with a few unanswered items were prorated by the instrument's rule.");
        o.table(new ResultTable("measures", List.of("instrument", "column", "samples", "scored", "prorated", "mean", "sd", "median"), rows),
                "Questionnaire totals", true);
    }

    // ---- rarefaction ----

    private void computeRarefaction(StepOutput o, ProgressListener progress) {
        Analyses.Rarefaction r = study.analyses().rarefaction();
        if (!filtered.isIntegral()) {
            o.note("The table does not hold whole read counts (e.g. relative abundances), so it was not rarefied; diversity uses the table as given.");
            return;
        }
        double[] totals = filtered.sampleTotals();
        double min = Arrays.stream(totals).min().orElse(0);
        long d = r.isAuto() ? (long) min : r.depth();
        long top = Math.max(d, (long) median(totals));
        long[] depths = new long[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) depths[i] = Math.max(1, Math.round(top * (i + 1) / (double) CURVE_POINTS));
        depths = Arrays.stream(depths).distinct().toArray();
        List<AlphaMetric> metrics = new ArrayList<>();
        for (String m : CURVE_METRICS) metrics.add(AlphaMetric.byName(m));
        RarefactionCurve curve = Rarefaction.curve(filtered, metrics, null, depths, r.iterations(), study.seed(), options.threads(), progress);
        String group = study.design().group();
        Map<String, String> groupOf = null;
        if (group != null) {
            groupOf = new LinkedHashMap<>();
            for (String id : filtered.sampleIds()) groupOf.put(id, groupOf(study.metadata(), group, id));
        }
        for (String m : CURVE_METRICS) {
            o.figure(Figures.rarefaction(FigureSpec.of("rarefaction-" + m, "Rarefaction curves: " + m)
                    .caption("Mean " + m + " over " + r.iterations() + " rarefactions per depth and sample"
                            + (r.iterations() > 1 ? " with its 95% band" : "") + "; a curve that flattens means the sample is sequenced deeply enough.")
                    .axes("reads", m), curve, m, groupOf));
        }
        Rarefied rf = Rarefaction.rarefy(filtered, d, study.seed(), options.threads(), progress);
        BiomJson.write(rf.table(), o.dir.resolve("rarefied.biom"), false);
        o.fact("depth", d).fact("dropped", rf.droppedSamples().size()).fact("iterations", r.iterations());
        o.paragraph(String.format(Locale.ROOT, "Tables were rarefied to %,d reads per sample (%s; seed %d)%s.", d,
                r.isAuto() ? "the smallest depth after QC" : "as set in the study file", study.seed(),
                rf.droppedSamples().isEmpty() ? "" : "; " + rf.droppedSamples().size() + " shallower samples were left out of diversity analyses"));
    }

    // ---- alpha ----

    private Map<String, Object> designParameters(boolean association) {
        Map<String, Object> p = new TreeMap<>();
        Study.Design d = study.design();
        p.put("group", str(d.group()));
        p.put("reference", str(d.reference()));
        List<String> outcomes = new ArrayList<>();
        for (Study.Variable v : d.outcomes()) outcomes.add(v.column());
        p.put("outcomes", outcomes);
        p.put("seed", study.seed());
        // the design kind (DesignKind) is decided from these, and it decides the tests of every step
        p.put("subject", str(d.subject()));
        p.put("time", str(d.time()));
        Analyses.Intervention iv = study.analyses().intervention();
        p.put("trial", iv == null ? "" : str(iv.arm()) + "|" + str(iv.control()) + "|" + str(iv.baseline()));
        if (association) {
            List<String> cov = new ArrayList<>();
            for (Study.Variable v : d.covariates()) cov.add(v.column());
            p.put("covariates", cov);
            p.put("random_effects", d.randomEffects());
        }
        return p;
    }

    private String firstOutcome() {
        return study.design().outcomes().isEmpty() ? null : study.design().outcomes().get(0).column();
    }

    /**
     * The alpha table, as the methods text says: the mean over the rarefied tables (the
     * rarefaction step's table and {@code iterations − 1} more with seeds seed+1...), or the
     * QC-filtered table when the study does not rarefy. Every section that uses diversity reads
     * this one table (the alpha step's stored copy, see {@link #alphaOutcome}).
     */
    private AlphaTable alphaValues(List<AlphaMetric> metrics, ProgressListener progress) {
        AlphaResult first;
        double[][] sum;
        int iterations = 1;
        if (rarefied != null) {
            iterations = study.analyses().rarefaction().iterations();
            first = AlphaDiversity.compute(rarefied, metrics, tree(), options.threads(), null);
            sum = first.values();
            progress.advance(1);
            for (int i = 1; i < iterations; i++) {
                FeatureTable t = Rarefaction.rarefy(filtered, depth, study.seed() + i, options.threads()).table();
                AlphaResult r = AlphaDiversity.compute(t, metrics, tree(), options.threads(), null);
                for (int s = 0; s < sum.length; s++) {
                    for (int m = 0; m < sum[s].length; m++) sum[s][m] += r.value(r.sampleIds().indexOf(first.sampleIds().get(s)), m);
                }
                progress.advance(1);
            }
        } else {
            first = AlphaDiversity.compute(filtered, metrics, tree(), options.threads(), null);
            sum = first.values();
        }
        for (double[] row : sum) for (int m = 0; m < row.length; m++) row[m] /= iterations;
        return new AlphaTable(first.sampleIds(), first.metricNames(), sum, iterations);
    }

    /** Per-sample alpha values ({@code values[sample][metric]}), averaged over {@code iterations} rarefied tables (1 = unrarefied). */
    private record AlphaTable(List<String> ids, List<String> names, double[][] values, int iterations) {}

    private void computeAlpha(StepOutput o, ProgressListener progress) {
        List<AlphaMetric> metrics = new ArrayList<>();
        for (String m : study.analyses().alpha().metrics()) metrics.add(AlphaMetric.byName(m));
        AlphaTable at = alphaValues(metrics, progress);
        List<String> ids = at.ids();
        List<String> names = at.names();
        double[][] sum = at.values();
        List<String> cols = new ArrayList<>(List.of("sample_id"));
        cols.addAll(names);
        List<Object[]> rows = new ArrayList<>();
        for (int s = 0; s < ids.size(); s++) {
            Object[] row = new Object[cols.size()];
            row[0] = ids.get(s);
            for (int m = 0; m < names.size(); m++) row[m + 1] = sum[s][m];
            rows.add(row);
        }
        o.paragraph("Alpha diversity (" + String.join(", ", names) + ") of " + ids.size() + " samples"
                + (rarefied != null ? ", averaged over " + at.iterations() + " rarefied tables." : ", on the unrarefied table."));
        String group = study.design().group();
        String outcome = firstOutcome();
        for (int m = 0; m < names.size(); m++) {
            String metric = names.get(m);
            double[] v = new double[ids.size()];
            for (int s = 0; s < v.length; s++) v[s] = sum[s][m];
            if (group != null) {
                Map<String, List<Double>> byGroup = new TreeMap<>();
                for (int s = 0; s < v.length; s++) byGroup.computeIfAbsent(groupOf(md, group, ids.get(s)), g -> new ArrayList<>()).add(v[s]);
                o.figure(Figures.boxStrip(FigureSpec.of("alpha-" + metric + "-by-" + safe(group), metric + " by " + group)
                        .caption(metric + " per sample by " + group + ".").axes(group, metric), arrays(byGroup)));
            }
            if (outcome != null) {
                double[] x = numeric(md, outcome, ids);
                o.figure(Figures.scatterFit(FigureSpec.of("alpha-" + metric + "-vs-" + safe(outcome), metric + " vs " + outcome)
                        .caption(metric + " against " + outcome + " with the least-squares line.").axes(outcome, metric), x, v));
            }
        }
        DesignKind kind = DesignKind.of(study, md, ids);
        DesignedAlphaTests.Result tests = DesignedAlphaTests.compute(kind, md, ids, names, sum, group, outcome);
        o.paragraph(tests.methods());
        for (String n : tests.notes()) o.note(n);
        if (!tests.models().isEmpty()) {
            o.table(new ResultTable("alpha_models", DesignedAlphaTests.MODEL_COLUMNS, tests.models()),
                    "Alpha diversity by linear mixed model with a random intercept per " + kind.subject()
                            + (kind.isTrial() ? " (arm × time; the arm:time rows are the treatment effects)" : "") + ": estimate, SE, Satterthwaite df, p", true);
        }
        if (!tests.ranks().isEmpty()) {
            o.table(new ResultTable("alpha_tests", DesignedAlphaTests.RANK_COLUMNS, tests.ranks()),
                    "Alpha diversity by " + (group != null ? group + " (Kruskal–Wallis)" : "") + (group != null && outcome != null ? " and " : "")
                            + (outcome != null ? "against " + outcome + " (Spearman)" : "")
                            + (kind.isRepeated() ? ", on the independent samples at " + kind.time() + " = " + kind.baseline() : ""), true);
        }
        o.fact("design", kind.kind().name().toLowerCase(Locale.ROOT)).fact("methods", tests.methods());
        o.table(new ResultTable("alpha", cols, rows), "Alpha diversity per sample", SAMPLE_ROWS_SHOWN, true);
    }

    // ---- beta ----

    private void computeBeta(StepOutput o, ProgressListener progress) {
        FeatureTable t = rarefied != null ? rarefied : filtered;
        Analyses.Beta b = study.analyses().beta();
        String group = study.design().group();
        String outcome = firstOutcome();
        PermutationOptions perm = PermutationOptions.defaults().withPermutations(b.permutations()).withSeed(study.seed())
                .withThreads(options.threads()).withProgress(progress);
        List<Object[]> tests = new ArrayList<>();
        Warnings stepWarnings = new Warnings();
        DesignKind kind = DesignKind.of(study, md, t.sampleIds());
        o.fact("design", kind.kind().name().toLowerCase(Locale.ROOT));
        o.paragraph("Beta diversity (" + String.join(", ", b.metrics()) + ") between " + t.sampleCount() + " samples"
                + (rarefied != null ? " of the rarefied table" : "") + ", ordinated by principal coordinates analysis.");
        for (String metricName : b.metrics()) {
            DistanceMatrix dm = distances(t, metricName, stepWarnings);
            progress.advance(1);
            DistanceMatrixFormat.write(dm, o.dir.resolve(safe(metricName) + ".dm.tsv"));
            PCoA.Result pc = PCoA.compute(dm);
            double[] x = axis(pc, 0), y = axis(pc, 1);
            o.subheading(metricName);
            if (group != null) {
                String[] g = new String[pc.ids().size()];
                for (int i = 0; i < g.length; i++) g[i] = groupOf(md, group, pc.ids().get(i));
                o.figure(Figures.scatterByGroup(FigureSpec.of("pcoa-" + safe(metricName) + "-by-" + safe(group), "PCoA (" + metricName + ") by " + group)
                        .caption("First two principal coordinates of the " + metricName + " distances, coloured by " + group + ".")
                        .axes(Figures.pcoaAxisLabel(pc, 0), Figures.pcoaAxisLabel(pc, 1)), x, y, g));
            }
            if (outcome != null) {
                o.figure(Figures.scatterByValue(FigureSpec.of("pcoa-" + safe(metricName) + "-by-" + safe(outcome), "PCoA (" + metricName + ") by " + outcome)
                        .caption("First two principal coordinates of the " + metricName + " distances, coloured by " + outcome + ".")
                        .axes(Figures.pcoaAxisLabel(pc, 0), Figures.pcoaAxisLabel(pc, 1)), x, y, numeric(md, outcome, pc.ids()), outcome));
            }
            tests.addAll(DesignedBetaTests.test(kind, dm, md, metricName, group, perm, stepWarnings));
        }
        if (!tests.isEmpty()) {
            o.paragraph(kind.methods() + " " + DesignedBetaTests.methods(kind, group));
            o.fact("methods", DesignedBetaTests.methods(kind, group));
            o.table(new ResultTable("permanova", DesignedBetaTests.COLUMNS, tests),
                    "PERMANOVA (does the factor explain distances?) and PERMDISP (do groups differ in spread?) per metric; "
                            + "'samples' says which samples entered and 'permuted' how permutations were restricted", true);
            o.note("A PERMANOVA result with a significant PERMDISP may reflect different spread rather than different location (Anderson 2006).");
        }
        notes(o, stepWarnings);
    }

    /**
     * The warnings one step collected, each distinct message once (PERMANOVA and PERMDISP of one
     * grouping, or several metrics, report the same left-out samples), as notes of that step.
     */
    private static void notes(StepOutput o, Warnings stepWarnings) {
        for (String m : new java.util.LinkedHashSet<>(stepWarnings.messages())) o.note(m);
    }

    /** The distances of one metric by the shared engine ({@link BetaDiversity#compute(FeatureTable, io.gutbrain.tree.PhyloTree, String, BetaOptions, ProgressListener)}); the tree is read only for UniFrac. */
    private DistanceMatrix distances(FeatureTable t, String metricName, Warnings stepWarnings) {
        BetaResult r = BetaDiversity.compute(t, BetaDiversity.needsTree(metricName) ? tree() : null, metricName,
                BetaOptions.defaults().withThreads(options.threads()), ProgressListener.NONE);
        r.warnings().forEach(stepWarnings::warn);
        return r.distances();
    }

    private static double[] axis(PCoA.Result pc, int a) {
        double[] v = new double[pc.ids().size()];
        for (int i = 0; i < v.length; i++) v[i] = pc.axes() > a ? pc.coordinates()[i][a] : 0;
        return v;
    }

    // ---- association ----

    private Map<String, Object> associationParameters() {
        Map<String, Object> p = new TreeMap<>(designParameters(true));
        Analyses.Association a = study.analyses().association();
        p.put("method", a.method().label());
        p.put("normalization", a.normalization().name());
        p.put("transform", a.transform().name());
        p.put("min_prevalence", a.minPrevalence());
        p.put("max_significance", a.maxSignificance());
        return p;
    }

    /** The variables tested one at a time: the group, then each outcome. */
    private List<String> variablesOfInterest() {
        List<String> v = new ArrayList<>();
        if (study.design().group() != null) v.add(study.design().group());
        for (Study.Variable x : study.design().outcomes()) v.add(x.column());
        return v;
    }

    /** Columns of the per-feature association tables (features and modules). */
    private static final List<String> ASSOCIATION_COLUMNS = List.of("tested", "feature", "method", "value", "coef", "stderr", "n", "n_not_zero", "pval", "qval");

    /**
     * How an association section names and draws what it tests.
     *
     * @param noun        "feature" or "module", for captions
     * @param prefix      figure-name prefix, so two sections never write the same file
     * @param plotted     the values drawn (samples × the tested ids), e.g. relative abundances
     * @param label       what {@code plotted} holds, for axes and captions
     * @param pseudocount added before log10 in plots
     * @param names       display name of each tested id (ids without an entry show as themselves)
     */
    private record AbundanceScale(String noun, String prefix, FeatureTable plotted, String label, double pseudocount, Map<String, String> names) {
        String display(String id) {
            String n = names.get(id);
            return n == null ? id : id + " " + n;
        }
    }

    /**
     * How features are tested: the engine and its settings (normalisation and transform apply
     * to MaAsLin2 only).
     */
    private record Engine(Analyses.Method method, io.gutbrain.association.Normalization normalization, io.gutbrain.association.Transform transform,
                          double minPrevalence, double maxSignificance) {}

    /** What one variable's test gave: the rows (smallest q first), features and samples tested, and the model in words. */
    private record Tested(List<AssociationResult> hits, int features, int samples, String model, String term, List<String> notes) {}

    private void computeAssociation(StepOutput o, ProgressListener progress) {
        Analyses.Association a = study.analyses().association();
        AbundanceScale scale = new AbundanceScale("feature", "", filtered.relativeAbundance(), "relative abundance", 1e-5, Map.of());
        Engine engine = new Engine(a.method(), a.normalization(), a.transform(), a.minPrevalence(), a.maxSignificance());
        List<Object[]> rows = associationSections(o, filtered, engine, scale, progress);
        o.table(new ResultTable("association", ASSOCIATION_COLUMNS, rows),
                "Every feature and tested variable with its q-value (" + a.method().label() + "; smallest q first per variable)", 30, true);
    }

    /**
     * One model or test per variable of interest (the group, then each outcome) on
     * {@code table}; adds per variable a subheading, a summary, a volcano plot, a heat map of the
     * top hits by group and plots of the top three. Returns one row per tested feature and
     * variable (smallest q first per variable) and records the last model as the fact
     * {@code formula}.
     */
    private List<Object[]> associationSections(StepOutput o, FeatureTable table, Engine engine, AbundanceScale scale, ProgressListener progress) {
        Study.Design d = study.design();
        List<Object[]> rows = new ArrayList<>();
        String model = "";
        if (engine.method() == Analyses.Method.NONPARAMETRIC && (!d.covariates().isEmpty() || !d.randomEffects().isEmpty())) {
            o.note("Rank tests cannot adjust for covariates or random effects: the " + scale.noun() + "s were tested against each variable alone."
                    + " Use method maaslin2 or linda for adjusted models.");
        }
        DesignKind kind = DesignKind.of(study, md, table.sampleIds());
        o.fact("design", kind.kind().name().toLowerCase(Locale.ROOT));
        o.paragraph(kind.methods());
        for (String v : variablesOfInterest()) {
            Warnings stepWarnings = new Warnings();
            Tested r = testVariable(engine, table, v, kind, stepWarnings, progress);
            model = r.model();
            List<AssociationResult> hits = r.hits();
            for (AssociationResult x : hits) {
                rows.add(new Object[]{r.term(), x.feature(), x.method(), x.level(), x.estimate(), x.stderr(), (long) x.n(), (long) x.nNotZero(), x.pValue(), x.qValue()});
            }
            long significant = hits.stream().filter(h -> h.qValue() <= engine.maxSignificance()).count();
            o.subheading(r.term().equals(v) ? v : v + " (" + r.term() + ")");
            o.paragraph(String.format(Locale.ROOT, "%s: %d %ss tested in %d samples; %d association(s) of %s with q ≤ %s.",
                    r.model(), r.features(), scale.noun(), r.samples(), significant, r.term(), fmt(engine.maxSignificance())));
            for (String n : r.notes()) o.note(n);
            notes(o, stepWarnings);
            String[] ids = hits.stream().map(AssociationResult::feature).toArray(String[]::new);
            String effect = engine.method() == Analyses.Method.NONPARAMETRIC ? "Effect (Hodges–Lehmann shift or Spearman ρ)" : "Coefficient";
            o.figure(Figures.volcano(FigureSpec.of(scale.prefix() + "volcano-" + safe(v), "Volcano plot: " + v)
                    .caption(effect + " of " + v + " against −log10 q for every " + scale.noun() + "; coloured points have q ≤ " + fmt(engine.maxSignificance()) + ".")
                    .axes(engine.method() == Analyses.Method.NONPARAMETRIC ? "effect" : "coefficient", "-log10 q"), ids,
                    hits.stream().mapToDouble(AssociationResult::estimate).toArray(), hits.stream().mapToDouble(AssociationResult::qValue).toArray(), engine.maxSignificance(), 10));
            List<String> top = new ArrayList<>();
            for (String h : ids) if (!top.contains(h) && top.size() < HEATMAP_FEATURES) top.add(h);
            if (d.group() != null && !top.isEmpty()) o.figure(heatmap(scale, top, d.group(), v));
            for (int i = 0; i < Math.min(TOP_FEATURE_PLOTS, top.size()); i++) o.figure(featurePlot(scale, top.get(i), v, i + 1));
        }
        o.fact("formula", model);
        if (kind.isRepeated() && engine.method() != Analyses.Method.NONPARAMETRIC) {
            o.fact("design_methods", "Subjects contribute several samples, so every model has a random intercept per " + kind.subject()
                    + (kind.isTrial() ? ", and " + kind.arm() + " is tested by the " + kind.arm() + ":" + kind.time()
                    + " interaction (difference in change from baseline against " + kind.control() + "; " + kind.time() + " categorical, reference " + kind.baseline() + ")" : "")
                    + ".");
        } else if (kind.isRepeated() && kind.time() != null) {
            o.fact("design_methods", "Rank tests assume independent samples, so only the samples at " + kind.time() + " = " + kind.baseline() + " were tested.");
        }
        return rows;
    }

    /**
     * Tests every feature of {@code table} against variable {@code v} with the engine:
     * MaAsLin2 or LinDA adjusted for the covariates with the design's random effects, or a rank
     * test of {@code v} alone (Wilcoxon rank-sum for two levels, Kruskal–Wallis for more,
     * Spearman for a numeric variable). Rows whose p-value is undefined are left out of plots
     * but kept with NaN.
     */
    private Tested testVariable(Engine engine, FeatureTable table, String v, DesignKind kind, Warnings stepWarnings, ProgressListener progress) {
        AssociationDesign ad = AssociationDesign.of(kind, study.design(), md, v);
        AssociationOptions.Method method = AssociationOptions.Method.valueOf(engine.method().name());
        AssociationOptions opt = AssociationOptions.defaults(ad.fixed()).withMethod(method).withRandom(ad.random()).withReferences(ad.references())
                .withNormalization(engine.normalization()).withTransform(engine.transform()).withMinPrevalence(engine.minPrevalence())
                .withMaxSignificance(engine.maxSignificance()).withThreads(options.threads());
        SampleMetadata tested = ad.metadata();
        String term = ad.tested();
        List<String> notes = ad.notes();
        if (method == AssociationOptions.Method.NONPARAMETRIC) {
            // rank tests take the variable alone, on independent samples: one visit per subject
            opt = opt.withFixed(List.of(v));
            tested = md;
            term = v;
            notes = new ArrayList<>();
            if (kind.isRepeated() && kind.time() != null && kind.baseline() != null) {
                List<String> at = kind.samplesAt(md, table.sampleIds(), kind.baseline());
                table = table.subsetSamples(at);
                notes.add("Rank tests assume independent samples, so only the " + at.size() + " samples at " + kind.time() + " = "
                        + kind.baseline() + " (one visit per subject) were tested.");
            }
        }
        AssociationAnalysis.Result r = AssociationAnalysis.run(table, tested, opt, stepWarnings, progress);
        List<AssociationResult> hits = new ArrayList<>(r.rowsOf(term));
        hits.sort((p, q) -> Double.compare(p.qValue(), q.qValue()));
        return new Tested(hits, r.features(), r.samples(), r.model(), term, notes);
    }

    private Figure heatmap(AbundanceScale scale, List<String> features, String group, String v) {
        FeatureTable rel = scale.plotted();
        List<String> levels = new ArrayList<>(new java.util.TreeSet<>(md.levels(group)));
        double[][] values = groupMeans(rel, features, group, levels);
        for (double[] row : values) for (int l = 0; l < row.length; l++) row[l] = Math.log10(row[l] + scale.pseudocount());
        List<String> labels = features.stream().map(scale::display).toList();
        return Figures.heatmap(FigureSpec.of(scale.prefix() + "heatmap-" + safe(v), "Top " + scale.noun() + "s for " + v + " by " + group)
                .caption("Mean " + scale.label() + " (log10, pseudocount " + plain(scale.pseudocount()) + ") of the " + features.size() + " " + scale.noun()
                        + "s with the smallest q for " + v + ", per " + group + ".")
                .axes(group, scale.noun()), labels, levels, values, "log10 mean " + scale.label());
    }

    /** Mean of each feature per group level (NaN for a level without samples); rows follow {@code features}. */
    private double[][] groupMeans(FeatureTable t, List<String> features, String group, List<String> levels) {
        double[][] v = new double[t.sampleCount()][features.size()];
        for (int s = 0; s < v.length; s++) for (int f = 0; f < features.size(); f++) v[s][f] = t.get(s, t.featureIndex(features.get(f)));
        return groupMeans(t.sampleIds(), v, group, levels);
    }

    /** Mean of each column of {@code bySample} (samples × rows of the result) per group level; NaN for a level without samples. */
    private double[][] groupMeans(List<String> sampleIds, double[][] bySample, String group, List<String> levels) {
        int rows = bySample.length == 0 ? 0 : bySample[0].length;
        double[][] values = new double[rows][levels.size()];
        int[] counts = new int[levels.size()];
        for (int s = 0; s < sampleIds.size(); s++) {
            int l = levels.indexOf(groupOf(md, group, sampleIds.get(s)));
            if (l < 0) continue;
            counts[l]++;
            for (int f = 0; f < rows; f++) values[f][l] += bySample[s][f];
        }
        for (double[] row : values) for (int l = 0; l < row.length; l++) row[l] = counts[l] == 0 ? Double.NaN : row[l] / counts[l];
        return values;
    }

    private Figure featurePlot(AbundanceScale scale, String feature, String v, int rank) {
        FeatureTable rel = scale.plotted();
        int f = rel.featureIndex(feature);
        List<String> ids = rel.sampleIds();
        double[] y = new double[ids.size()];
        for (int s = 0; s < y.length; s++) y[s] = Math.log10(rel.get(s, f) + scale.pseudocount());
        String name = scale.display(feature);
        FigureSpec spec = FigureSpec.of(scale.prefix() + "feature-" + safe(v) + "-" + rank, name + " by " + v)
                .caption(capitalise(scale.label()) + " (log10, pseudocount " + plain(scale.pseudocount()) + ") of " + name + ", hit " + rank + " for " + v + ".")
                .axes(v, "log10 " + scale.label());
        if (md.type(v) == SampleMetadata.ColumnType.NUMERIC) return Figures.scatterFit(spec, numeric(md, v, ids), y);
        Map<String, List<Double>> byGroup = new TreeMap<>();
        for (int s = 0; s < y.length; s++) byGroup.computeIfAbsent(groupOf(md, v, ids.get(s)), g -> new ArrayList<>()).add(y[s]);
        return Figures.boxStrip(spec, arrays(byGroup));
    }

    /** Three significant digits without trailing zeros: 0.66, 0.623. */
    private static String sig3(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String plain(double v) { return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(); }

    private static String capitalise(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    // ---- modules ----

    /** Scale of module abundances in the report and the association models: per million KO reads of the sample. */
    static final double PER_MILLION = 1e6;
    /** Taxa shown in the contribution heat map of stratified input. */
    static final int CONTRIBUTION_TAXA = 15;

    private Map<String, Object> moduleParameters() {
        Analyses.Modules m = study.analyses().modules();
        Analyses.Association a = moduleAssociationSettings();
        Map<String, Object> p = new TreeMap<>(designParameters(true));
        p.put("ko_table_sha256", Provenance.sha256(study.inputs().koTable()));
        p.put("set", m.set() == null ? "builtin" : Provenance.sha256(m.set()));
        p.put("coverage", Double.isNaN(m.coverage()) ? "learn" : m.coverage());
        p.put("estimator", m.estimator().label());
        p.put("normalize_by_length", m.normalizeByLength());
        p.put("distribute", m.distribute());
        p.put("min_prevalence", a.minPrevalence());
        p.put("max_significance", a.maxSignificance());
        return p;
    }

    /** The association settings modules are tested with: the study's, else MaAsLin2's defaults. */
    private Analyses.Association moduleAssociationSettings() {
        return study.analyses().association() != null ? study.analyses().association() : Analyses.Association.DEFAULT;
    }

    /**
     * Module profiling of {@code inputs.ko_table} on the samples kept by QC: abundance and
     * coverage matrices, how often each module is present, a heat map of module abundance by
     * group, MaAsLin2 models of the modules against the group and the outcomes (abundance per
     * million KO reads, no further normalisation, log transform; same covariates and random
     * effects as the feature associations), and for stratified input the taxa that carry each
     * module.
     */
    private void computeModules(StepOutput o, ProgressListener progress) {
        Analyses.Modules m = study.analyses().modules();
        Path koPath = study.inputs().koTable();
        ModuleSet set = m.set() == null ? ModuleSet.builtin() : ModuleSet.read(m.set());
        ModuleOptions opt = ModuleOptions.defaults().withEstimator(m.estimator()).withNormalizeByLength(m.normalizeByLength())
                .withDistribute(m.distribute()).withThreads(options.threads());
        opt = Double.isNaN(m.coverage()) ? opt.withLearnedCoverage() : opt.withCoverage(m.coverage());
        KoInput in = inputs.ko();
        List<String> keep = new ArrayList<>();
        for (String id : filtered.sampleIds()) if (in.community().sampleIndex(id) >= 0) keep.add(id);
        if (keep.isEmpty()) {
            throw new InputException(study.file().toString(), "line " + study.line("inputs.ko_table"),
                    "none of the " + in.community().sampleCount() + " samples of the KO table " + koPath.getFileName() + " is among the "
                            + filtered.sampleCount() + " samples kept after QC (e.g. '" + in.community().sampleIds().get(0) + "' vs '" + filtered.sampleIds().get(0) + "')",
                    "give a KO table whose sample ids are those of the metadata");
        }
        if (keep.size() < filtered.sampleCount()) {
            List<String> missing = new ArrayList<>(filtered.sampleIds());
            missing.removeAll(keep);
            o.note(missing.size() + " sample(s) kept after QC have no column in the KO table and are not profiled: "
                    + io.gutbrain.error.Messages.firstFew(missing) + ".");
        }
        FeatureTable ko = in.community().subsetSamples(keep).withMetadata(null);
        ModuleProfile profile = ModuleProfiler.profile(ko, set, opt, progress);
        double[] koTotals = koTotals(ko);
        FeatureTable perMillion = perMillion(profile, koTotals);
        Map<String, String> names = new LinkedHashMap<>();
        for (io.gutbrain.modules.Module mod : set.modules()) names.put(mod.id(), mod.name());
        int called = 0;
        List<Object[]> summary = new ArrayList<>();
        for (int j = 0; j < profile.moduleCount(); j++) {
            double[] cov = new double[profile.sampleCount()];
            List<Double> present = new ArrayList<>();
            for (int s = 0; s < cov.length; s++) {
                cov[s] = profile.coverage(s, j);
                if (profile.called(s, j)) present.add(perMillion.get(s, j));
            }
            if (!present.isEmpty()) called++;
            double[] p = present.stream().mapToDouble(Double::doubleValue).toArray();
            summary.add(new Object[]{set.get(j).id(), set.get(j).name(), (long) set.get(j).steps().size(), (long) p.length,
                    100.0 * p.length / cov.length, mean(cov), median(p)});
        }
        o.paragraph(String.format(Locale.ROOT, "%d modules (%s) were scored on %s (%s%s) for %d samples with Omixer-RPM's method: a module is present when at least "
                        + "%s of its steps are observed%s; its abundance is the %s of the best path's step values. %d of the set's %d KOs occur in the table; "
                        + "%d module(s) are present in at least one sample. Abundances are shown per million KO reads of the sample.",
                set.size(), set.source(), koPath.getFileName(), in.format(), in.isStratified() ? ", stratified by taxon" : "", keep.size(),
                sig3(profile.cutoff()), opt.learnsCutoff() ? " (cut-off learned from the coverage distribution)" : "", opt.estimator().label(),
                profile.moduleKosPresent(), set.orthologs().size(), called));
        if (profile.otherFeatures() > 0) o.note(profile.otherFeatures() + " feature(s) of the KO table are not KO ids (e.g. UNMAPPED) and were not scored.");
        if (profile.moduleKosPresent() == 0) o.note("None of the module set's KOs occurs in the KO table: every module scores 0. Check that the table holds KEGG orthologs.");
        o.fact("modules", set.size()).fact("cutoff", sig3(profile.cutoff())).fact("estimator", opt.estimator().label()).fact("called", called);
        List<String> order = new ArrayList<>(set.ids());
        boolean everywhere = summary.stream().allMatch(r -> (double) r[4] == 100.0);
        if (everywhere) {
            o.paragraph("Every module is present in every sample, so the analysis below compares abundances only.");
        } else {
            o.figure(Figures.bars(tall(FigureSpec.of("modules-prevalence", "Module presence"), order.size())
                    .caption("Share of samples in which each module is present (coverage ≥ " + sig3(profile.cutoff()) + ").")
                    .axes("module", "% of samples"), order.stream().map(id -> id + " " + names.get(id)).toList(),
                    summary.stream().mapToDouble(r -> (double) r[4]).toArray()));
        }
        String group = study.design().group();
        if (group != null) {
            List<String> shown = new ArrayList<>();
            for (int j = 0; j < profile.moduleCount(); j++) if (profile.calledSamples(j) > 0) shown.add(set.get(j).id());
            if (!shown.isEmpty()) {
                List<String> levels = new ArrayList<>(new java.util.TreeSet<>(md.levels(group)));
                double[][] v = groupMeans(perMillion.sampleIds(), standardisedLog(perMillion, shown), group, levels);
                o.figure(Figures.heatmap(tall(FigureSpec.of("modules-heatmap-by-" + safe(group), "Module abundance by " + group), shown.size())
                        .caption("Module abundance by " + group + ": log10(abundance per million KO reads + 1) standardised per module across samples (z-score), "
                                + "then averaged per " + group + "; warm colours are above the module's average, blue below. Modules present in at least one sample.")
                        .axes(group, "module"), shown.stream().map(id -> id + " " + names.get(id)).toList(), levels, v, "mean z-score"));
            }
        }
        o.table(new ResultTable("module_summary", List.of("module", "name", "steps", "samples_present", "percent_present", "mean_coverage", "median_abundance_per_million"),
                summary), "Each module: steps, samples in which it is present, mean coverage and median abundance (per million KO reads) where present", 50, true);
        if (!variablesOfInterest().isEmpty()) {
            Analyses.Association a = moduleAssociationSettings();
            o.subheading("Modules and the study variables");
            o.paragraph("Each module's abundance per million KO reads was tested against each variable with MaAsLin2-compatible models (no further normalisation, "
                    + "log transform), with the study's covariates and random effects; q-values by Benjamini–Hochberg within each variable.");
            AbundanceScale scale = new AbundanceScale("module", "modules-", perMillion, "abundance per million KO reads", 1, names);
            Engine engine = new Engine(Analyses.Method.MAASLIN2, io.gutbrain.association.Normalization.NONE, io.gutbrain.association.Transform.LOG,
                    a.minPrevalence(), a.maxSignificance());
            List<Object[]> rows = associationSections(o, perMillion, engine, scale, ProgressListener.NONE);
            List<String> cols = new ArrayList<>(ASSOCIATION_COLUMNS);
            cols.set(1, "module");
            cols.add(2, "name");
            List<Object[]> named = new ArrayList<>();
            for (Object[] r : rows) {
                Object[] x = new Object[r.length + 1];
                x[0] = r[0];
                x[1] = r[1];
                x[2] = names.getOrDefault((String) r[1], "");
                System.arraycopy(r, 2, x, 3, r.length - 2);
                named.add(x);
            }
            o.table(new ResultTable("module_association", cols, named),
                    "Modules against each tested variable (MaAsLin2 models; smallest q first per variable)", 20, true);
        }
        if (in.isStratified()) moduleContributions(o, in, keep, set, opt, profile.cutoff(), names);
        o.table(moduleMatrix("module_abundance", perMillion), "Module abundance per million KO reads per sample (0 = module not present)", SAMPLE_ROWS_SHOWN, true);
        o.table(moduleMatrix("module_coverage", profile.coverageTable()), "Module coverage (observed steps / steps of the best path) per sample", SAMPLE_ROWS_SHOWN, true);
    }

    /** A figure tall and wide enough for one readable label per row (long module names on the left). */
    private static FigureSpec tall(FigureSpec spec, int rows) {
        return spec.size(Math.max(spec.width(), 960), Math.max(spec.height(), 160 + 20 * rows));
    }

    /** The listed features' log10(x + 1), each standardised across samples (mean 0, SD 1; a constant feature gives 0): samples × features. */
    private static double[][] standardisedLog(FeatureTable t, List<String> features) {
        double[][] z = new double[t.sampleCount()][features.size()];
        for (int j = 0; j < features.size(); j++) {
            int f = t.featureIndex(features.get(j));
            double[] v = new double[t.sampleCount()];
            for (int s = 0; s < v.length; s++) v[s] = Math.log10(t.get(s, f) + 1);
            double m = mean(v), sd = sd(v);
            for (int s = 0; s < v.length; s++) z[s][j] = sd > 0 ? (v[s] - m) / sd : 0;
        }
        return z;
    }

    /** Per sample, the summed abundance of the table's KO features (other features such as UNMAPPED left out). */
    private static double[] koTotals(FeatureTable ko) {
        boolean[] isKo = new boolean[ko.featureCount()];
        for (int f = 0; f < isKo.length; f++) isKo[f] = io.gutbrain.modules.KoIds.normalize(ko.featureIds().get(f)) != null;
        double[] total = new double[ko.sampleCount()];
        for (int s = 0; s < total.length; s++) {
            for (int k = ko.sampleStart(s); k < ko.sampleEnd(s); k++) if (isKo[ko.indexAt(k)]) total[s] += ko.valueAt(k);
        }
        return total;
    }

    private static FeatureTable perMillion(ModuleProfile profile, double[] koTotals) {
        double[][] v = new double[profile.sampleCount()][profile.moduleCount()];
        for (int s = 0; s < v.length; s++) {
            for (int j = 0; j < v[s].length; j++) v[s][j] = koTotals[s] > 0 ? profile.abundance(s, j) / koTotals[s] * PER_MILLION : 0;
        }
        return FeatureTable.fromDense(profile.modules().source(), profile.sampleIds(), profile.modules().ids(), v);
    }

    private static ResultTable moduleMatrix(String name, FeatureTable t) {
        List<String> cols = new ArrayList<>(List.of("sample_id"));
        cols.addAll(t.featureIds());
        List<Object[]> rows = new ArrayList<>();
        for (int s = 0; s < t.sampleCount(); s++) {
            Object[] r = new Object[cols.size()];
            r[0] = t.sampleIds().get(s);
            for (int j = 0; j < t.featureCount(); j++) r[j + 1] = t.get(s, j);
            rows.add(r);
        }
        return new ResultTable(name, cols, rows);
    }

    /**
     * Which taxa carry each module (stratified KO input): per module, each taxon's share of the
     * summed per-taxon module abundance over all samples, and in how many samples the taxon's
     * own KOs complete the module; a heat map of the shares of the taxa that contribute most.
     */
    private void moduleContributions(StepOutput o, KoInput in, List<String> keep, ModuleSet set, ModuleOptions opt, double cutoff, Map<String, String> names) {
        io.gutbrain.modules.StratifiedKo strat = in.stratified();
        io.gutbrain.modules.StratifiedKo kept = new io.gutbrain.modules.StratifiedKo(strat.table().subsetSamples(keep).withMetadata(null), strat.functions(), strat.taxa());
        io.gutbrain.modules.ModuleContributions c = ModuleProfiler.contributions(kept, set, opt, cutoff, ProgressListener.NONE);
        Map<String, Map<String, double[]>> byModule = new LinkedHashMap<>(); // module -> taxon -> {abundance sum, samples}
        for (int r = 0; r < c.size(); r++) {
            double[] acc = byModule.computeIfAbsent(c.module(r), k -> new LinkedHashMap<>()).computeIfAbsent(c.taxon(r), k -> new double[2]);
            acc[0] += c.abundance(r);
            acc[1]++;
        }
        List<Object[]> rows = new ArrayList<>();
        Map<String, Double> taxonWeight = new LinkedHashMap<>();
        Map<String, Map<String, Double>> share = new LinkedHashMap<>();
        for (String module : set.ids()) {
            Map<String, double[]> taxa = byModule.get(module);
            if (taxa == null) continue;
            double total = taxa.values().stream().mapToDouble(a -> a[0]).sum();
            List<Map.Entry<String, double[]>> sorted = new ArrayList<>(taxa.entrySet());
            sorted.sort((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0]));
            for (Map.Entry<String, double[]> e : sorted) {
                double sh = total > 0 ? e.getValue()[0] / total : 0;
                rows.add(new Object[]{module, names.get(module), e.getKey(), sh, (long) e.getValue()[1]});
                share.computeIfAbsent(module, k -> new LinkedHashMap<>()).put(e.getKey(), sh);
                taxonWeight.merge(e.getKey(), sh, Double::sum);
            }
        }
        o.subheading("Taxa carrying the modules");
        o.paragraph(String.format(Locale.ROOT, "Each taxon's KOs were scored on their own (%d taxa, %d taxon-module-sample calls at coverage ≥ %s). "
                + "The share is the taxon's part of the module abundance summed over taxa and samples.", kept.taxa().stream().distinct().count(), c.size(), sig3(cutoff)));
        if (!share.isEmpty()) {
            List<String> taxa = taxonWeight.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                    .limit(CONTRIBUTION_TAXA).map(Map.Entry::getKey).toList();
            List<String> modules = new ArrayList<>(share.keySet());
            double[][] v = new double[modules.size()][taxa.size()];
            for (int i = 0; i < modules.size(); i++) {
                for (int t = 0; t < taxa.size(); t++) v[i][t] = share.get(modules.get(i)).getOrDefault(taxa.get(t), 0.0);
            }
            o.figure(Figures.heatmap(tall(FigureSpec.of("modules-contributions", "Taxa carrying each module"), modules.size())
                    .caption("Share of each module's abundance contributed by the " + taxa.size() + " taxa that contribute most across modules.")
                    .axes("taxon", "module"), modules.stream().map(id -> id + " " + names.get(id)).toList(), taxa, v, "share of module abundance"));
        }
        o.table(new ResultTable("module_contributions", List.of("module", "name", "taxon", "share", "samples_present"), rows),
                "Per module, the taxa whose own KOs complete it, largest share first", 30, true);
    }

    // ---- report + store ----

    private Provenance provenance() {
        Provenance p = new Provenance(options.version(), options.command()).seed(study.seed());
        Study.Inputs in = study.inputs();
        p.input("study", study.file()).input("table", in.table()).input("metadata", in.metadata());
        if (in.taxonomy() != null) p.input("taxonomy", in.taxonomy());
        for (Map.Entry<String, Map<String, Object>> e : parameters.entrySet()) {
            for (Map.Entry<String, Object> q : e.getValue().entrySet()) {
                if (!q.getKey().endsWith("_sha256")) p.parameter(e.getKey() + "." + q.getKey(), q.getValue());
            }
        }
        return p;
    }

    private HtmlReport buildReport(Provenance prov, List<StepTiming> timings) {
        HtmlReport r = new HtmlReport(study.name() + ": gutbrain study report")
                .subtitle(study.description().isEmpty() ? "Study file " + study.file().getFileName() : study.description())
                .methods(methods());
        if (isSimulated()) r.simulatedData(true);
        StepOutput load = outputs.get("load");
        HtmlReport.Section overview = r.section("Overview");
        overview.paragraph(String.format(Locale.ROOT, "%s samples with %s features were analysed (of %s samples in the table and %s in the metadata).",
                load.fact("kept"), load.fact("features"), load.fact("table_samples"), load.fact("metadata_samples")));
        List<Object[]> design = new ArrayList<>();
        for (String line : study.describe().strip().split("\n")) {
            String t = line.strip();
            int sp = t.indexOf(' ');
            design.add(new Object[]{sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp).strip()});
        }
        overview.table(new ResultTable("study_design", List.of("item", "value"), design), "The study as read from " + study.file().getFileName());
        HtmlReport.Section qc = r.section("Quality control");
        load.addTo(qc);
        if (outputs.containsKey("rarefaction")) outputs.get("rarefaction").addTo(qc);
        String[][] sections = {{"measures", "Measures"}, {"alpha", "Alpha diversity"}, {"beta", "Beta diversity"}, {"association", "Association"},
                {"modules", "Gut-brain modules"}, {"intervention", "Intervention"}};
        for (String[] s : sections) {
            if (outputs.containsKey(s[0])) outputs.get(s[0]).addTo(r.section(s[1]));
        }
        if (registered != null) registered.addTo(r);
        return r.provenance(prov).timings(timings);
    }

    /** The methods paragraph, from the parameters and facts actually used. */
    String methods() {
        StringBuilder sb = new StringBuilder();
        StepOutput load = outputs.get("load");
        sb.append(String.format(Locale.ROOT, "Analyses were run with gutbrain %s (seed %d). Samples with fewer than %s reads were removed (%s of %s; %s remained).",
                options.version(), study.seed(), load.fact("min_depth"), load.fact("removed"), load.fact("matched"), load.fact("kept")));
        if (!study.measures().isEmpty()) {
            List<String> t = new ArrayList<>();
            for (Study.Measure m : study.measures()) t.add(m.instrument().title());
            sb.append(" Questionnaires (").append(String.join(", ", t)).append(") were scored from their items, prorating scores with few missing items.");
        }
        StepOutput rf = outputs.get("rarefaction");
        if (rf != null && rf.fact("depth") != null) {
            sb.append(String.format(Locale.ROOT, " Tables were rarefied to %s reads (seed %d); alpha diversity was averaged over %s rarefactions.",
                    rf.fact("depth"), study.seed(), rf.fact("iterations")));
        }
        if (outputs.containsKey("alpha")) {
            sb.append(" Alpha diversity: ").append(String.join(", ", study.analyses().alpha().metrics())).append('.');
            String m = outputs.get("alpha").fact("methods");
            if (m != null) sb.append(' ').append(m);
        }
        if (outputs.containsKey("beta")) {
            Analyses.Beta b = study.analyses().beta();
            sb.append(" Beta diversity (").append(String.join(", ", b.metrics())).append(") was ordinated by PCoA");
            String bm = outputs.get("beta").fact("methods");
            if (bm != null && !"cross_sectional".equals(outputs.get("beta").fact("design"))) {
                sb.append(String.format(Locale.ROOT, "; PERMANOVA (Anderson 2001) and PERMDISP (Anderson 2006) used %d permutations each. ", b.permutations())).append(bm);
                sb.setLength(sb.length() - 1); // the sentence's full stop is added below
            } else if (study.design().group() != null) {
                sb.append(String.format(Locale.ROOT, "; differences by %s were tested with PERMANOVA (Anderson 2001) and dispersion with PERMDISP (Anderson 2006), %d permutations each",
                        study.design().group(), b.permutations()));
            }
            sb.append('.');
        }
        if (outputs.containsKey("association")) {
            Analyses.Association a = study.analyses().association();
            Study.Design d = study.design();
            List<String> cov = new ArrayList<>();
            for (Study.Variable v : d.covariates()) cov.add(v.column());
            String tested = String.join(", ", variablesOfInterest());
            switch (a.method()) {
                case MAASLIN2 -> {
                    sb.append(String.format(Locale.ROOT, " Feature associations used MaAsLin2-compatible %s (normalization %s, transform %s, minimum prevalence %s)",
                            d.randomEffects().isEmpty() ? "linear models" : "linear mixed models", a.normalization().name(), a.transform().name(), fmt(a.minPrevalence())));
                    adjustments(sb, d, cov);
                    sb.append(String.format(Locale.ROOT, "; one model per tested variable (%s), q-values by Benjamini–Hochberg, significant at q ≤ %s (Mallick et al. 2021).",
                            tested, fmt(a.maxSignificance())));
                }
                case LINDA -> {
                    sb.append(String.format(Locale.ROOT, " Feature associations used LinDA (Zhou et al. 2022): %s on centred log-ratios of the counts with the"
                            + " compositional bias removed (minimum prevalence %s)", d.randomEffects().isEmpty() ? "linear models" : "linear mixed models", fmt(a.minPrevalence())));
                    adjustments(sb, d, cov);
                    sb.append(String.format(Locale.ROOT, "; one model per tested variable (%s), q-values by Benjamini–Hochberg, significant at q ≤ %s.", tested, fmt(a.maxSignificance())));
                }
                case NONPARAMETRIC -> sb.append(String.format(Locale.ROOT, " Feature associations used rank tests on relative abundances (minimum prevalence %s):"
                        + " Wilcoxon rank-sum with the Hodges–Lehmann shift (Kruskal–Wallis for more than two levels) for categorical variables and"
                        + " Spearman's correlation for numeric ones, unadjusted; tested variables %s; q-values by Benjamini–Hochberg, significant at q ≤ %s.",
                        fmt(a.minPrevalence()), tested, fmt(a.maxSignificance())));
            }
            String dm = outputs.get("association").fact("design_methods");
            if (dm != null) sb.append(' ').append(dm);
        }
        StepOutput mo = outputs.get("modules");
        if (mo != null) {
            sb.append(String.format(Locale.ROOT, " Gut-brain modules (%s modules of %s) were profiled from the KO table with Omixer-RPM's method (Darzi et al. 2016;"
                            + " Valles-Colomer et al. 2019): coverage cut-off %s, %s of the best path's step values, abundances per million KO reads",
                    mo.fact("modules"), study.analyses().modules().set() == null ? "gutbrain's open neuroactive set" : study.analyses().modules().set().getFileName(),
                    mo.fact("cutoff"), mo.fact("estimator")));
            sb.append(variablesOfInterest().isEmpty() ? "." : "; modules were tested against " + String.join(", ", variablesOfInterest())
                    + " with MaAsLin2-compatible models (no normalisation, log transform).");
        }
        if (outputs.containsKey("intervention")) {
            sb.append(" Intervention effects were estimated as change from baseline per arm (paired t and Wilcoxon signed-rank tests) and by the linear mixed model"
                    + " outcome ~ arm × time + (1 | subject) fitted by REML with Satterthwaite degrees of freedom (as lmerTest; Kuznetsova et al. 2017).");
            if (outputs.get("intervention").fact("bifidogenic_ratio") != null) {
                sb.append(" The bifidogenic response was the difference between arms of the mean log fold change of the relative abundance of"
                        + " Bifidobacterium (pseudocount half the smallest non-zero relative abundance) with Welch's interval, reported as a ratio of"
                        + " geometric-mean fold changes, and the share of subjects whose Bifidobacterium at least doubled (Wilson intervals,"
                        + " Newcombe's interval for the difference).");
            }
            if (outputs.get("intervention").fact("engraftment_recipients") != null) {
                sb.append(" FMT engraftment was described per recipient and post-FMT visit by the donor-only, pre-only, shared and new feature classes"
                        + " (engrafted donor fraction, unweighted and read-weighted) and Bray–Curtis distances to the donor and to the pre-FMT sample,"
                        + " and the donor, pre-FMT and unknown shares were estimated by FEAST-type source tracking (Shenhav et al. 2019) with a penalised unknown source.");
            }
        }
        if (registered != null) sb.append(registered.methods());
        return sb.toString();
    }

    private static void adjustments(StringBuilder sb, Study.Design d, List<String> covariates) {
        if (!d.randomEffects().isEmpty()) sb.append(" with random intercepts for ").append(String.join(", ", d.randomEffects()));
        if (!covariates.isEmpty()) sb.append(", adjusted for ").append(String.join(", ", covariates));
    }

    /** True when the metadata say the data are simulated: a {@code simulated} column with yes/true, or a {@code # ... SIMULATED} comment. */
    boolean isSimulated() {
        SampleMetadata m = study.metadata();
        if (m.hasColumn("simulated")) {
            for (String v : m.textColumn("simulated")) {
                if (v != null && (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true"))) return true;
            }
        }
        try (BufferedReader r = TextInput.reader(study.inputs().metadata())) {
            for (String line = r.readLine(); line != null && line.startsWith("#"); line = r.readLine()) {
                if (line.contains("SIMULATED")) return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private void record(ResultsStore store, String runId, Provenance prov) {
        store.recordProvenance(runId, prov);
        for (Map.Entry<String, Map<String, Object>> e : parameters.entrySet()) {
            for (Map.Entry<String, Object> q : e.getValue().entrySet()) store.parameter(runId, e.getKey(), q.getKey(), q.getValue());
        }
        for (StepRecord r : records) store.timing(runId, new StepTiming(r.step(), r.seconds(), r.cached()));
        for (StepOutput o : outputs.values()) for (ResultTable t : o.storedTables()) store.writeTable(runId, t);
        if (registered != null) for (ResultTable t : registered.storedTables()) store.writeTable(runId, t);
    }

    // ---- intervention ----

    private Map<String, Object> interventionParameters() {
        Analyses.Intervention iv = study.analyses().intervention();
        Map<String, Object> p = new TreeMap<>(designParameters(false));
        p.put("arm", str(iv.arm()));
        p.put("treatment", str(iv.treatment()));
        p.put("control", str(iv.control()));
        p.put("baseline", str(iv.baseline()));
        p.put("taxa", iv.taxa());
        p.put("taxa_scale", iv.taxaScale().name().toLowerCase(Locale.ROOT));
        p.put("donor", str(iv.donor()));
        p.put("bifidogenic", iv.bifidogenic());
        p.put("subject", str(study.design().subject()));
        p.put("time", str(study.design().time()));
        return p;
    }

    /** The shared intervention engine's options from {@code analyses.intervention}: 95% intervals, responders at a halving, remission from the instrument's bands. */
    private InterventionOptions interventionOptions() {
        Analyses.Intervention iv = study.analyses().intervention();
        return InterventionOptions.defaults().withArms(iv.treatment(), iv.control()).withColonisationScale(iv.taxaScale());
    }

    /**
     * The trial: the first outcome (or Shannon diversity when the study has none) and each
     * administered taxon's relative abundance, each by change from baseline per arm and by the
     * arm × time mixed model ({@link ArmTimeModel}); spaghetti plot and mean change with its
     * 95% interval for the first of them. With {@code treatment}, only that arm and the control
     * enter. With {@code donor}, FMT engraftment and source tracking follow ({@link #engraftment}).
     */
    private void computeIntervention(StepOutput o, ProgressListener progress) {
        Analyses.Intervention iv = study.analyses().intervention();
        Study.Design d = study.design();
        TrialDesign trial = TrialDesign.from(md, d.subject(), d.time(), iv.arm(), iv.baseline(), iv.donor());
        if (iv.control() != null) requireArm(trial, iv.control(), "control");
        if (iv.treatment() != null) requireArm(trial, iv.treatment(), "treatment");
        InterventionOptions ivOptions = interventionOptions();
        String control = InterventionAnalysis.arms(trial, ivOptions).control();
        if (iv.treatment() != null) {
            List<String> left = trial.arms().stream().filter(a -> !a.equals(iv.treatment()) && !a.equals(control)).toList();
            if (!left.isEmpty()) {
                java.util.Set<String> drop = new java.util.HashSet<>();
                for (String a : left) for (String s : trial.subjectsIn(a)) drop.addAll(trial.samplesOf(s).values());
                List<String> keep = md.ids().stream().filter(id -> !drop.contains(id)).toList();
                trial = TrialDesign.from(md.select(keep), d.subject(), d.time(), iv.arm(), iv.baseline(), iv.donor());
                o.note("Only " + iv.treatment() + " and " + control + " are compared (analyses.intervention.treatment); arm(s) left out: "
                        + String.join(", ", left) + ".");
            }
        }
        for (String w : trial.warnings()) o.note(w);
        List<Outcome> ys = new ArrayList<>();
        String first = firstOutcome();
        if (first != null) {
            ys.add(Outcome.metadata(md, first));
        } else {
            ys.add(alphaOutcome(o, "shannon"));
        }
        List<TaxonGroup> taxa = new ArrayList<>();
        for (String taxon : iv.taxa()) {
            TaxonGroup g = studyTaxon(taxon, "taxa");
            taxa.add(g);
            ys.add(Outcome.relativeAbundance(filtered, g));
            if (g.rank() != null) o.note("Taxon " + g.describe() + ": " + io.gutbrain.error.Messages.firstFew(g.featureIds()) + ".");
        }
        o.paragraph(String.format(Locale.ROOT, "%d subjects in arms %s (control %s), baseline %s = %s. For each outcome: change from baseline per arm "
                        + "(paired t and Wilcoxon signed-rank tests) and the linear mixed model outcome ~ arm × time + (1 | subject) (REML, "
                        + "Satterthwaite df as lmerTest); each arm:time coefficient is the difference in change from baseline against %s.",
                trial.subjects().size(), String.join(", ", trial.arms()), control, d.time(), trial.baseline(), control));
        Study.Variable firstVar = study.design().outcomes().isEmpty() ? null : study.design().outcomes().get(0);
        io.gutbrain.measures.Instrument instrument = firstVar != null && firstVar.isScore() ? firstVar.measure().instrument() : null;
        // the choices (arms, responder rule, which comparisons run) are the shared engine's, as in 'gutbrain intervention'
        InterventionResult result = InterventionAnalysis.run(new TrialData(trial, ys, instrument, filtered, taxa,
                iv.bifidogenic() && InterventionAnalysis.arms(trial, ivOptions).active() != null ? studyTaxon(Bifidogenic.GENUS, "bifidogenic") : null), ivOptions);
        List<Object[]> lmmRows = new ArrayList<>();
        List<Object[]> changeRows = new ArrayList<>();
        for (int k = 0; k < ys.size(); k++) {
            Outcome y = ys.get(k);
            ChangeResult change = result.outcomes().get(k).change();
            for (String w : change.warnings()) o.note(w);
            for (ArmChange a : change.summaries()) {
                MeanEstimate c = a.change();
                changeRows.add(new Object[]{y.name(), a.arm(), a.timepoint(), c.n(), c.mean(), c.lower(), c.upper(), c.p(), a.wilcoxon().pValue()});
            }
            ArmTimeModel.Result lmm = result.outcomes().get(k).model();
            for (ModelFit.Estimate e : lmm.rows()) {
                lmmRows.add(new Object[]{y.name(), e.name(), e.estimate(), e.stdError(), e.df(), e.t(), e.p(), e.ciLow(), e.ciHigh()});
            }
            if (k == 0) interventionFigures(o, trial, y, change);
        }
        o.table(new ResultTable("intervention_change", List.of("outcome", "arm", "timepoint", "n", "mean_change", "ci_lower", "ci_upper", "p_t", "p_wilcoxon"),
                changeRows), "Change from baseline per arm and visit (paired t-test and Wilcoxon signed-rank test)", true);
        o.table(new ResultTable("intervention_arm_time", List.of("outcome", "term", "estimate", "se", "df", "t", "p", "ci_low", "ci_high"), lmmRows),
                "Arm × time linear mixed model (REML, Satterthwaite df); arm:time rows are the treatment effects", true);
        String active = result.arms().active();
        String last = result.lastVisit();
        if (result.responders() != null) responders(o, result.responders(), instrument, InterventionAnalysis.remissionBelow(ivOptions, instrument), last, active, control);
        if (result.colonisation() != null) {
            ColonisationResult c = result.colonisation();
            o.subheading("Administered taxa");
            o.paragraph(String.format(Locale.ROOT, "Change in %s of each listed taxon from %s to %s, %s against %s: difference of mean "
                    + "changes with Welch's 95%% interval and test, and per arm the subjects in whom the taxon was absent at baseline and present at %s "
                    + "(colonised). A taxon named by its lineage is the sum of its features.", scaleText(iv.taxaScale()), trial.baseline(), last, active, control, last));
            o.table(c.table("intervention_colonisation"), "Administered taxa: change from baseline, " + active + " vs " + control + ", and colonisation", true);
        }
        if (iv.bifidogenic()) {
            if (active == null) {
                throw new InputException(study.file().toString(), "line " + study.line("analyses.intervention.bifidogenic"),
                        "the bifidogenic response compares two arms, but the trial has " + trial.arms().size() + " (" + String.join(", ", trial.arms()) + ")",
                        "name the prebiotic arm with 'analyses.intervention.treatment'");
            }
            bifidogenic(o, result.bifidogenic(), trial, active, control, last);
        }
        if (iv.donor() != null) engraftment(o, trial, iv.donor());
    }

    /**
     * Responders and remission for a questionnaire outcome at the last visit: response is a
     * drop of at least 50% from baseline (the usual criterion in depression trials, e.g. for
     * PHQ-9 and HAM-D), remission a score in the instrument's lowest band (PHQ-9 and GAD-7 below
     * 5, HADS below 8, BDI-II below 14); rates per arm with Wilson intervals and, for two arms,
     * the risk difference with Newcombe's interval and the number needed to treat.
     */
    /**
     * One alpha metric from the report's one alpha table: the alpha step's stored table when it
     * has the metric (so this section and the alpha section agree exactly), else computed here
     * by the same rule ({@link #alphaValues}) with a note.
     */
    private Outcome alphaOutcome(StepOutput o, String metric) {
        StepOutput alpha = outputs.get("alpha");
        if (alpha != null) {
            for (StepOutput.Block b : alpha.blocks) {
                if (b instanceof StepOutput.Tab t && t.table().name().equals("alpha") && t.table().columns().contains(metric)) {
                    int id = t.table().columns().indexOf("sample_id"), c = t.table().columns().indexOf(metric);
                    Map<String, Double> v = new java.util.HashMap<>();
                    for (Object[] row : t.table().rows()) v.put((String) row[id], ((Number) row[c]).doubleValue());
                    return new Outcome(metric, v);
                }
            }
        }
        AlphaTable at = alphaValues(List.of(AlphaMetric.byName(metric)), ProgressListener.NONE);
        Map<String, Double> v = new java.util.HashMap<>();
        for (int s = 0; s < at.ids().size(); s++) v.put(at.ids().get(s), at.values()[s][0]);
        o.note(capitalise(metric) + " is computed as the alpha section would (" + (at.iterations() > 1 || rarefied != null
                ? "mean over " + at.iterations() + " rarefied tables" : "unrarefied table") + "), because the study's alpha analysis does not include it.");
        return new Outcome(metric, v);
    }

    private void responders(StepOutput o, ResponderResult r, io.gutbrain.measures.Instrument instrument, double remissionBelow, String last, String active, String control) {
        for (String w : r.warnings()) o.note(w);
        o.subheading("Responders and remission");
        o.paragraph(String.format(Locale.ROOT, "%s at %s = %s against baseline: a responder's score fell by at least half%s. Rates per arm with Wilson 95%% intervals%s.",
                instrument.title(), study.design().time(), last,
                Double.isNaN(remissionBelow) ? " (the instrument has no bands, so no remission)" : "; remission is a score below " + fmt(remissionBelow)
                        + " (the instrument's lowest band, '" + instrument.bands().get(0).label() + "')",
                active == null ? "" : "; " + active + " against " + control + " as a risk difference with Newcombe's interval and the number needed to treat"));
        o.table(r.ratesTable("intervention_responder_rates"), "Responders and remitters per arm at " + last, true);
        if (r.response() != null) {
            o.table(r.comparisonTable("intervention_responder_comparison"), "Difference in response and remission rates and the number needed to treat", true);
            o.fact("nnt_response", r.response().numberNeededToTreat().describe());
        }
    }

    private static String scaleText(Colonisation.Scale scale) {
        return switch (scale) {
            case RELATIVE -> "relative abundance";
            case LOG -> "ln(relative abundance + pseudocount)";
            case CLR -> "centred log-ratio abundance";
        };
    }

    /** A taxon of {@code analyses.intervention}, resolved against the QC-filtered table; errors name the study file line. */
    private TaxonGroup studyTaxon(String taxon, String key) {
        try {
            return TaxonGroup.resolve(filtered, taxon);
        } catch (InputException e) {
            throw new InputException(study.file().toString(), "line " + study.line("analyses.intervention." + key),
                    "'analyses.intervention." + key + "': " + e.location() + ": " + e.problem(), e.fix(), e);
        }
    }

    /**
     * The bifidogenic response ({@link Bifidogenic}): log fold change of Bifidobacterium from
     * baseline to the last visit, prebiotic vs control, with responders at ≥ 2-fold; a paragraph,
     * a box/strip figure and the table {@code intervention_bifidogenic}.
     */
    private void bifidogenic(StepOutput o, BifidogenicResult b, TrialDesign trial, String active, String control, String last) {
        for (String w : b.warnings()) o.note(w);
        o.fact("bifidogenic_ratio", fmt(b.ratio()));
        o.subheading("Bifidogenic response");
        ColonisationResult.Row g = b.genus();
        String which = g.matchedBy().equals("feature id") ? "the feature " + g.taxon()
                : "the sum of the " + g.features().size() + " features of the " + g.matchedBy() + " " + g.taxon();
        o.paragraph(String.format(Locale.ROOT, "Bifidobacterium (%s) from %s to %s: per subject the log fold change ln((p₁ + c)/(p₀ + c)) of its relative "
                        + "abundance (pseudocount c = %.3g). Geometric-mean fold change %s %s (n = %d) and %s %s (n = %d); ratio %s / %s %s "
                        + "(95%% CI %s to %s, Welch p = %s). Subjects whose Bifidobacterium at least doubled (bifidogenic responders): %d/%d under %s "
                        + "and %d/%d under %s, difference %s (Newcombe 95%% CI %s to %s). Relative abundances are compositional: a rise can also "
                        + "come from other taxa falling.",
                which, trial.baseline(), last, b.pseudocount(), active, fmt(Math.exp(b.active().mean())), b.active().n(),
                control, fmt(Math.exp(b.reference().mean())), b.reference().n(), active, control, fmt(b.ratio()), fmt(b.ratioLower()),
                fmt(b.ratioUpper()), fmt(g.change().p()),
                b.responders().active().events(), b.responders().active().n(), active,
                b.responders().reference().events(), b.responders().reference().n(), control,
                fmt(b.responders().difference()), fmt(b.responders().lower()), fmt(b.responders().upper())));
        o.figure(BifidogenicFigures.perArm(b, "intervention-bifidogenic"));
        o.table(b.table("intervention_bifidogenic"), "Bifidogenic response: log fold change of Bifidobacterium per arm and between arms (natural log; "
                + "fold_change = exp), responders at ≥ 2-fold", true);
    }

    /** The arm, checked against the trial's arms; an error names the study file line of {@code analyses.intervention.<key>}. */
    private String requireArm(TrialDesign trial, String arm, String key) {
        if (!trial.arms().contains(arm)) {
            throw new InputException(study.file().toString(), "line " + study.line("analyses.intervention." + key),
                    "'analyses.intervention." + key + "': '" + arm + "' is not an arm of any participant with a time value (arms: "
                            + String.join(", ", trial.arms()) + ")", "use one of: " + String.join(", ", trial.arms()));
        }
        return arm;
    }

    /**
     * FMT engraftment ({@link Engraftment#compute}, presence = any read) and source tracking
     * ({@link Engraftment#sourceTracking}, default options, deterministic) on the QC-filtered
     * counts, with the figures of {@link EngraftmentFigures}.
     */
    private void engraftment(StepOutput o, TrialDesign trial, String donorColumn) {
        EngraftmentResult e = Engraftment.compute(trial, filtered, 0);
        SourceTrackingResult st = Engraftment.sourceTracking(trial, filtered, SourceTracking.Options.defaults());
        o.subheading("FMT engraftment");
        long recipients = e.rows().stream().map(EngraftmentResult.Row::recipient).distinct().count();
        o.fact("engraftment_recipients", recipients);
        o.paragraph(String.format(Locale.ROOT, "%d recipients with a donor (column %s), a pre-FMT (%s) sample and %d post-FMT samples in all. "
                        + "For each post-FMT sample, every feature present (any read) was classed by where it was seen before: in the donor only "
                        + "(engrafted), before FMT only (retained), in both, or in neither; the engrafted donor fraction is the share of post-FMT features "
                        + "(unweighted) and of post-FMT reads (weighted) in the donor-only class. Bray–Curtis dissimilarity was computed to the mean donor "
                        + "profile and to the pre-FMT sample. Source tracking estimated the share of each post-FMT community that comes from the donor, "
                        + "from the recipient's pre-FMT community and from an unknown source (FEAST-type EM, Shenhav et al. 2019, with a penalty of %s nats "
                        + "per read given to the unknown source; differences below about 0.05 are noise).",
                recipients, donorColumn, trial.baseline(), e.rows().size(), fmt(st.options().unknownPenalty())));
        for (String w : e.warnings()) o.note(w);
        for (String w : st.warnings()) if (!e.warnings().contains(w)) o.note(w);
        for (Figure f : EngraftmentFigures.all(trial, e, st)) o.figure(f);
        o.table(e.table("engraftment"), "Engraftment per recipient and post-FMT visit: feature classes (counts, fractions, weighted) and Bray–Curtis distances", true);
        o.table(st.table("source_tracking"), "Source tracking per post-FMT sample: shares from the donor, the pre-FMT community and an unknown source", true);
    }

    private static void interventionFigures(StepOutput o, TrialDesign trial, Outcome y, ChangeResult change) {
        List<Figures.Trajectory> lines = new ArrayList<>();
        for (String subject : trial.subjects()) {
            List<double[]> pts = new ArrayList<>();
            trial.samplesOf(subject).forEach((t, sample) -> pts.add(new double[]{trial.timePosition(t), y.value(sample)}));
            double[] tx = new double[pts.size()];
            double[] vy = new double[pts.size()];
            for (int i = 0; i < tx.length; i++) { tx[i] = pts.get(i)[0]; vy[i] = pts.get(i)[1]; }
            lines.add(new Figures.Trajectory(subject, trial.arm(subject), tx, vy));
        }
        String timeAxis = trial.timeAxisLabel();
        o.figure(Figures.spaghetti(FigureSpec.of("intervention-" + safe(y.name()) + "-spaghetti", y.name() + " per subject over time")
                .caption(y.name() + " of each subject across visits, coloured by arm.").axes(timeAxis, y.name()), lines));
        List<Figures.ArmSummary> arms = new ArrayList<>();
        for (String arm : trial.arms()) {
            List<ArmChange> in = change.summaries().stream().filter(a -> a.arm().equals(arm)).toList();
            int n = in.size() + 1;
            double[] t = new double[n], m = new double[n], lo = new double[n], hi = new double[n];
            t[0] = trial.timePosition(trial.baseline());
            lo[0] = Double.NaN;
            hi[0] = Double.NaN;
            for (int i = 0; i < in.size(); i++) {
                MeanEstimate c = in.get(i).change();
                t[i + 1] = trial.timePosition(in.get(i).timepoint());
                m[i + 1] = c.mean();
                lo[i + 1] = c.lower();
                hi[i + 1] = c.upper();
            }
            arms.add(new Figures.ArmSummary(arm, t, m, lo, hi));
        }
        o.figure(Figures.meanWithCi(FigureSpec.of("intervention-" + safe(y.name()) + "-mean-change", "Mean change in " + y.name())
                .caption("Mean change from baseline of " + y.name() + " per arm with its 95% t interval.").axes(timeAxis, "change in " + y.name()), arms));
    }

    // ---- small helpers ----

    private static Map<String, double[]> arrays(Map<String, List<Double>> m) {
        Map<String, double[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private static double[] numeric(SampleMetadata m, String column, List<String> ids) {
        double[] x = new double[ids.size()];
        for (int i = 0; i < x.length; i++) x[i] = m.hasSample(ids.get(i)) ? m.number(column, ids.get(i)) : Double.NaN;
        return x;
    }

    private static String safe(String s) { return s.replaceAll("[^A-Za-z0-9_.-]", "_"); }

    static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double mean(double[] v) { return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length; }

    private static double sd(double[] v) {
        if (v.length < 2) return Double.NaN;
        double m = mean(v), ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (v.length - 1));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
