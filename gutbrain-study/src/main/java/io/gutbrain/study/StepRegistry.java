package io.gutbrain.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registered {@link Step}s, ordered by their declared needs: a step comes after every step
 * it needs (registration order among independent steps). A need that is neither registered nor
 * provided by the pipeline, a name given twice, and a cycle are errors (bugs of the step code,
 * found when the registry is built: {@link IllegalStateException}).
 *
 * <p>Adding a step is one line in {@link #standard()}.
 */
public final class StepRegistry {
    /** Provided by the pipeline: the table kept after QC ({@link io.gutbrain.table.FeatureTable}). */
    public static final String LOAD = "load";
    /** Provided by the pipeline: the metadata with questionnaire scores ({@link io.gutbrain.metadata.SampleMetadata}). */
    public static final String MEASURES = "measures";
    /** What {@link StudyPipeline} provides to registered steps until its own steps are ported. */
    public static final Set<String> PIPELINE_PROVIDES = Set.of(LOAD, MEASURES);

    private static final StepRegistry STANDARD = new StepRegistry(PIPELINE_PROVIDES)
            .register(new CompositionStep());

    private final Set<String> provided;
    private final Map<String, Step<?, ?>> steps = new LinkedHashMap<>();
    private List<Step<?, ?>> ordered;

    /** An empty registry whose steps may also need the given names. */
    public StepRegistry(Set<String> provided) { this.provided = Set.copyOf(provided); }

    /** The steps of gutbrain, in order. */
    public static StepRegistry standard() { return STANDARD; }

    /** Adds a step (before the registry is first used). */
    public StepRegistry register(Step<?, ?> step) {
        if (ordered != null) throw new IllegalStateException("the registry is in use; register every step first");
        if (steps.containsKey(step.name()) || provided.contains(step.name())) throw new IllegalStateException("two steps are named " + step.name());
        steps.put(step.name(), step);
        return this;
    }

    /** The steps in an order where each comes after the steps it needs. */
    public synchronized List<Step<?, ?>> ordered() {
        if (ordered != null) return ordered;
        for (Step<?, ?> s : steps.values()) {
            for (String n : s.needs()) {
                if (!steps.containsKey(n) && !provided.contains(n)) {
                    throw new IllegalStateException("step " + s.name() + " needs '" + n + "', which is neither a registered step nor provided ("
                            + String.join(", ", new java.util.TreeSet<>(provided)) + ")");
                }
            }
        }
        List<Step<?, ?>> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>(provided);
        while (out.size() < steps.size()) {
            boolean progressed = false;
            for (Step<?, ?> s : steps.values()) {
                if (!done.contains(s.name()) && done.containsAll(s.needs())) {
                    out.add(s);
                    done.add(s.name());
                    progressed = true;
                }
            }
            if (!progressed) {
                List<String> stuck = new ArrayList<>();
                for (String n : steps.keySet()) if (!done.contains(n)) stuck.add(n);
                throw new IllegalStateException("the needs of steps " + String.join(", ", stuck) + " form a cycle");
            }
        }
        ordered = List.copyOf(out);
        return ordered;
    }

    /** Step names in order. */
    public List<String> names() {
        List<String> n = new ArrayList<>();
        for (Step<?, ?> s : ordered()) n.add(s.name());
        return n;
    }

    /** The names of the steps that run for these configurations, in order. */
    public List<String> running(StepConfigs configs) {
        List<String> n = new ArrayList<>();
        for (Step<?, ?> s : ordered()) if (configs.runs(s.name())) n.add(s.name());
        return n;
    }

    /** Reads every step's section of {@code analyses} (null when the file has none); problems go to the section's collector. */
    StepConfigs read(YamlSection analyses, StudyFacts facts) {
        Map<String, Record> out = new LinkedHashMap<>();
        for (Step<?, ?> s : ordered()) {
            Record c = s.schema().read(analyses == null ? null : analyses.section(s.name()), facts);
            if (c != null) out.put(s.name(), c);
        }
        return new StepConfigs(out);
    }

    /** The template blocks of every step (indented under {@code analyses:}). */
    public String template() {
        StringBuilder y = new StringBuilder();
        for (Step<?, ?> s : ordered()) y.append(s.schema().template(s));
        return y.toString();
    }

    /** The Markdown of every step for {@code docs/study-file.md}, between {@link #DOC_BEGIN} and {@link #DOC_END}. */
    public String markdown() {
        StringBuilder m = new StringBuilder();
        for (Step<?, ?> s : ordered()) m.append('\n').append(s.schema().markdown(s));
        return m.toString();
    }

    /** Marks where {@link #markdown()} begins in {@code docs/study-file.md}. */
    public static final String DOC_BEGIN = "<!-- generated from the step schemas (StepRegistry.markdown); do not edit by hand -->";
    /** Marks where it ends. */
    public static final String DOC_END = "<!-- end of generated step sections -->";

    /** Replaces the generated part of the study-file doc text with the current one. */
    public static String withGeneratedSteps(String doc, StepRegistry registry) {
        int b = doc.indexOf(DOC_BEGIN);
        int e = doc.indexOf(DOC_END);
        if (b < 0 || e < b) throw new IllegalArgumentException("the doc has no generated-steps markers");
        return doc.substring(0, b + DOC_BEGIN.length()) + "\n" + registry.markdown() + "\n" + doc.substring(e);
    }

    /** Writes the generated part into {@code docs/study-file.md}: {@code java ... io.gutbrain.study.StepRegistry docs/study-file.md}. */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path p = java.nio.file.Path.of(args.length == 0 ? "docs/study-file.md" : args[0]);
        java.nio.file.Files.writeString(p, withGeneratedSteps(java.nio.file.Files.readString(p), standard()));
    }
}
