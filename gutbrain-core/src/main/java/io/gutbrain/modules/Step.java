package io.gutbrain.modules;

import java.util.List;

/**
 * One reaction step of a module: a list of alternative ways to carry it out (tab-separated in
 * the module file, an OR), each a list of orthologs that together form the enzyme (comma-separated,
 * an AND, typically the subunits of a complex).
 *
 * @param alternatives at least one alternative, each with at least one KO id
 * @param line         the 1-based line of the module file the step was read from (0 when built in code)
 */
public record Step(List<List<String>> alternatives, long line) {
    public Step {
        if (alternatives.isEmpty()) throw new IllegalArgumentException("a step needs at least one alternative");
        alternatives = alternatives.stream().map(a -> {
            if (a.isEmpty()) throw new IllegalArgumentException("an alternative needs at least one ortholog");
            return List.copyOf(a);
        }).toList();
    }

    /** A step built in code, for tests and programmatic module sets. */
    public static Step of(List<List<String>> alternatives) { return new Step(alternatives, 0); }

    /** The step in module-file form: alternatives joined by tabs, orthologs of one alternative by commas. */
    public String toLine() {
        StringBuilder sb = new StringBuilder();
        for (List<String> alt : alternatives) {
            if (sb.length() > 0) sb.append('\t');
            sb.append(String.join(",", alt));
        }
        return sb.toString();
    }
}
