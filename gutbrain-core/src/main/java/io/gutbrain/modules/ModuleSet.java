package io.gutbrain.modules;

import io.gutbrain.error.InputException;
import io.gutbrain.io.TextInput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, ordered set of {@link Module}s with unique ids, read from a module file in
 * Omixer-RPM's format (see {@link ModuleFileParser}) or taken from the open set shipped with
 * gutbrain ({@link #builtin()}).
 */
public final class ModuleSet {
    /** Class-path resource (next to this class) holding gutbrain's open neuroactive module set. */
    public static final String BUILTIN_RESOURCE = "gutbrain-neuroactive-modules.txt";

    private final String source;
    private final List<Module> modules;
    private final Map<String, Integer> index;

    private ModuleSet(String source, List<Module> modules) {
        this.source = source;
        this.modules = List.copyOf(modules);
        this.index = new HashMap<>(modules.size() * 2);
        for (int m = 0; m < this.modules.size(); m++) {
            Module mod = this.modules.get(m);
            Integer prev = index.putIfAbsent(mod.id(), m);
            if (prev != null) {
                throw new InputException(source, mod.line() > 0 ? "line " + mod.line() : null,
                        "duplicate module id '" + mod.id() + "'" + (this.modules.get(prev).line() > 0 ? " (first on line " + this.modules.get(prev).line() + ")" : ""),
                        "give every module a unique id");
            }
        }
    }

    /**
     * A set from modules built in code.
     *
     * @throws InputException when two modules share an id
     */
    public static ModuleSet of(String source, List<Module> modules) {
        if (modules.isEmpty()) throw new InputException(source, null, "the module set is empty", "define at least one module");
        return new ModuleSet(source, modules);
    }

    /** Reads a module file (gzip is decompressed transparently). */
    public static ModuleSet read(Path path) {
        try (BufferedReader r = TextInput.reader(path)) {
            return parse(TextInput.name(path), r);
        } catch (IOException e) {
            throw new InputException(path.toString(), null, "cannot read: " + e.getMessage(), "check the file", e);
        }
    }

    /**
     * Parses module-file text.
     *
     * @param source the file name, for error messages
     * @throws InputException naming the line for every malformed module (see {@link ModuleFileParser})
     */
    public static ModuleSet parse(String source, BufferedReader reader) {
        return new ModuleSet(source, ModuleFileParser.parse(source, reader));
    }

    /**
     * gutbrain's open set of neuroactive and gut-brain-relevant modules, written by the gutbrain
     * project from primary literature and enzyme data and licensed Apache-2.0 (the file header
     * says so; {@code docs/modules.md} cites every step).
     */
    public static ModuleSet builtin() { return Builtin.SET; }

    private static final class Builtin {
        static final ModuleSet SET = load();

        private static ModuleSet load() {
            try (InputStream in = ModuleSet.class.getResourceAsStream(BUILTIN_RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + BUILTIN_RESOURCE);
                return parse("builtin:" + BUILTIN_RESOURCE, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Where the set came from: a file name, or {@code builtin:...}. */
    public String source() { return source; }

    /** The modules in file order. */
    public List<Module> modules() { return modules; }

    /** Number of modules. */
    public int size() { return modules.size(); }

    /** Module {@code m} (0-based, file order). */
    public Module get(int m) { return modules.get(m); }

    /** Index of a module id, or -1. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** The module ids in set order. */
    public List<String> ids() { return modules.stream().map(Module::id).toList(); }

    /** Every KO used by any module, in order of first appearance. */
    public Set<String> orthologs() {
        Set<String> out = new LinkedHashSet<>();
        for (Module m : modules) out.addAll(m.orthologs());
        return out;
    }

    /** Total number of reaction steps over all modules. */
    public int stepCount() {
        int n = 0;
        for (Module m : modules) n += m.steps().size();
        return n;
    }

    @Override public String toString() {
        return "ModuleSet[" + source + ": " + modules.size() + " modules, " + stepCount() + " steps]";
    }
}
