package io.gutbrain.modules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A metabolic module: an ordered list of reaction steps that together turn a substrate into a
 * product (for example glutamate into GABA). A module is present in a metagenome to the degree
 * that its steps are (its coverage) and as abundant as the orthologs along its best path
 * (see {@link ModuleProfiler}).
 *
 * @param id    identifier, unique within a {@link ModuleSet} (no tabs)
 * @param name  human-readable name (may be empty)
 * @param steps at least one step
 * @param line  the 1-based line of the module's header in its file (0 when built in code)
 */
public record Module(String id, String name, List<Step> steps, long line) {
    public Module {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("module id is empty");
        if (steps.isEmpty()) throw new IllegalArgumentException("module " + id + " has no steps");
        name = name == null ? "" : name;
        steps = List.copyOf(steps);
    }

    /** A module built in code, for tests and programmatic module sets. */
    public static Module of(String id, String name, List<Step> steps) { return new Module(id, name, steps, 0); }

    /** Every KO the module mentions, in order of first appearance. */
    public Set<String> orthologs() {
        Set<String> out = new LinkedHashSet<>();
        for (Step s : steps) for (List<String> alt : s.alternatives()) out.addAll(alt);
        return out;
    }
}
