package io.gutbrain.cli.common;

import io.gutbrain.result.Provenance;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provenance of one command run: version, the exact command line, inputs with checksums,
 * every option of the command with its value, and seed. Written as a sidecar
 * {@code <output>.provenance.json} next to a single output file, or {@code provenance.json} in
 * an output folder.
 *
 * <p>The options are read from picocli's model of the parsed command, not listed by hand, so an
 * option added to a command is recorded without further code: each option under its longest
 * name without the leading dashes ({@code --float32} → {@code float32}), each positional
 * parameter under its lower-cased label, with the value it had in this run (the default when
 * it was not given; {@code null} when it has none). Left out: help and version switches,
 * {@code -q/--quiet} (console only), and output paths ({@code --out} and a positional
 * {@code OUT}), which the command records as outputs with their checksums.
 */
public final class RunRecord {
    private RunRecord() {}

    /** Options that change only what is printed, never what is computed. */
    private static final Set<String> CONSOLE_ONLY = Set.of("--quiet", "-q");
    /** Options and positional labels that name where results go; recorded as outputs instead. */
    private static final Set<String> OUTPUT_NAMES = Set.of("--out", "OUT");

    /** Starts a record for the running command, with its arguments as typed and the value of every option. */
    public static Provenance start(CommandSpec spec) {
        Provenance p = new Provenance(Version.get(), commandLine(spec));
        options(spec).forEach(p::parameter);
        return p;
    }

    /** The command line as typed: the root command's name and the original arguments. */
    public static String commandLine(CommandSpec spec) {
        CommandSpec root = spec;
        while (root.parent() != null) root = root.parent();
        List<String> args = root.commandLine() == null || root.commandLine().getParseResult() == null ? List.of()
                : root.commandLine().getParseResult().originalArgs();
        return root.name() + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    /** Name → value of every recorded option and positional parameter of {@code spec}, in declaration order. */
    public static Map<String, Object> options(CommandSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (isRecorded(o)) m.put(key(o), jsonValue(o.getValue()));
        }
        for (PositionalParamSpec pp : spec.positionalParameters()) {
            if (isRecorded(pp)) m.put(key(pp), jsonValue(pp.getValue()));
        }
        return m;
    }

    /** Whether an option or positional parameter is recorded as a parameter (see the class comment). */
    public static boolean isRecorded(ArgSpec a) {
        if (a instanceof OptionSpec o) {
            if (o.usageHelp() || o.versionHelp()) return false;
            for (String n : o.names()) if (CONSOLE_ONLY.contains(n) || OUTPUT_NAMES.contains(n)) return false;
            return true;
        }
        return !OUTPUT_NAMES.contains(((PositionalParamSpec) a).paramLabel());
    }

    /** The parameter name of an option or positional parameter in provenance.json. */
    public static String key(ArgSpec a) {
        if (a instanceof OptionSpec o) return o.longestName().replaceFirst("^-+", "");
        return ((PositionalParamSpec) a).paramLabel().toLowerCase(java.util.Locale.ROOT);
    }

    /** A value Jackson writes plainly: paths and enums as text, arrays and collections as lists. */
    private static Object jsonValue(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) return v;
        if (v instanceof Path || v instanceof Enum<?> || v instanceof Character) return v.toString();
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            for (Object x : c) out.add(jsonValue(x));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), jsonValue(x)));
            return out;
        }
        if (v.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) out.add(jsonValue(Array.get(v, i)));
            return out;
        }
        return v.toString();
    }

    /** Records the output and writes {@code <output>.provenance.json}. */
    public static void finishSidecar(Provenance p, String role, Path output) {
        p.output(role, output);
        Path sidecar = output.resolveSibling(output.getFileName() + ".provenance.json");
        p.write(sidecar);
    }
}
