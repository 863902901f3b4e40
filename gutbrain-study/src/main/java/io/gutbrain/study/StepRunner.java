package io.gutbrain.study;

import io.gutbrain.report.HtmlReport;
import io.gutbrain.result.ResultTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the registered steps ({@link StepRegistry}) of a study in order: for each step that runs,
 * the cache key from its configuration and its needs' keys ({@link ResultCache#key}); the
 * cached result when the key exists, else {@link Step#compute} and the cache; then
 * {@link Step#render} and {@link Step#methods} from the result. The pipeline hands it what its own
 * (not yet ported) steps provide ({@link StepRegistry#PIPELINE_PROVIDES}) with their keys.
 */
final class StepRunner {
    /** A provided or computed result with its cache key. */
    record Upstream(String key, Object value) {}

    /** One step that ran: its record, configuration, result and drawn section. */
    record Ran(Step<?, ?> step, StepRecord record, Record config, Object result, StepSection section, String methods) {}

    private final StepRegistry registry;
    private final ResultCache cache;
    private final String version;
    private final int threads;
    private final StepListener listener;
    private final List<Ran> ran = new ArrayList<>();

    StepRunner(StepRegistry registry, Path cacheRoot, String version, int threads, StepListener listener) {
        this.registry = registry;
        this.cache = new ResultCache(new StepCache(cacheRoot));
        this.version = version;
        this.threads = threads;
        this.listener = listener == null ? StepListener.NONE : listener;
    }

    /**
     * Runs every configured step.
     *
     * @param provided  what the pipeline provides, by name
     * @param plan      the names of all steps of the run in order, for the listener's "step i of n"
     */
    List<Ran> run(StepConfigs configs, Map<String, Upstream> provided, List<String> plan) {
        Map<String, Upstream> available = new LinkedHashMap<>(provided);
        for (Step<?, ?> s : registry.ordered()) {
            if (!configs.runs(s.name())) continue;
            Ran r = runOne(s, configs.get(s.name()), available, plan);
            available.put(s.name(), new Upstream(r.record().key(), r.result()));
            ran.add(r);
        }
        return List.copyOf(ran);
    }

    private <C extends Record, R extends Record & StepResult> Ran runOne(Step<C, R> step, Record rawConfig, Map<String, Upstream> available, List<String> plan) {
        C config = castConfig(step, rawConfig);
        List<String> upstreamKeys = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String n : step.needs()) {
            Upstream u = available.get(n);
            upstreamKeys.add(u == null ? "" : u.key());
            if (u != null && u.value() != null) values.put(n, u.value());
        }
        String key = ResultCache.key(step.name(), version, config, upstreamKeys);
        long t0 = System.nanoTime();
        boolean cached = cache.has(step.name(), key);
        listener.started(step.name(), plan.indexOf(step.name()) + 1, plan.size(), 0);
        R result = cached ? cache.load(step.name(), key, step.resultType())
                : cache.store(step.name(), key, step.compute(new StepContext(step.name(), values, threads, u -> listener.advance(step.name(), u)), config),
                step.resultType());
        StepSection section = new StepSection();
        for (String note : result.notes()) section.note(note);
        step.render(result, config, section);
        StepRecord rec = new StepRecord(step.name(), (System.nanoTime() - t0) / 1e9, cached, key);
        listener.finished(rec);
        return new Ran(step, rec, config, result, section, step.methods(result, config));
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> C castConfig(Step<C, ?> step, Record c) { return (C) c; }

    /** The records of the steps that ran, in order. */
    List<StepRecord> records() {
        List<StepRecord> out = new ArrayList<>();
        for (Ran r : ran) out.add(r.record());
        return out;
    }

    /** Adds each step's section to the report. */
    void addTo(HtmlReport report) {
        for (Ran r : ran) r.section().addTo(report.section(r.step().title()));
    }

    /** The methods sentences, each preceded by a space (appended to the pipeline's methods paragraph). */
    String methods() {
        StringBuilder sb = new StringBuilder();
        for (Ran r : ran) if (!r.methods().isEmpty()) sb.append(' ').append(r.methods());
        return sb.toString();
    }

    /** Tables for the results store. */
    List<ResultTable> storedTables() {
        List<ResultTable> out = new ArrayList<>();
        for (Ran r : ran) out.addAll(r.section().storedTables());
        return out;
    }

    /** Each step's configuration as parameters (provenance and the store's parameters table). */
    Map<String, Map<String, Object>> parameters() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Ran r : ran) out.put(r.step().name(), ResultCache.parameters(r.config()));
        return out;
    }
}
