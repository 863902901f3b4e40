package io.gutbrain.cli.common;

import io.gutbrain.result.Provenance;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * The provenance of one command run: version, the exact command line, inputs with checksums,
 * parameters and seed. Written as a sidecar {@code <output>.provenance.json} next to a single
 * output file, or {@code provenance.json} in an output folder.
 */
public final class RunRecord {
    private RunRecord() {}

    /** Starts a record for the running command, with its arguments as typed. */
    public static Provenance start(CommandSpec spec) {
        CommandSpec root = spec;
        while (root.parent() != null) root = root.parent();
        List<String> args = root.commandLine().getParseResult() == null ? List.of() : root.commandLine().getParseResult().originalArgs();
        return new Provenance(Version.get(), root.name() + (args.isEmpty() ? "" : " " + String.join(" ", args)));
    }

    /** Records the output and writes {@code <output>.provenance.json}. */
    public static void finishSidecar(Provenance p, String role, Path output) {
        p.output(role, output);
        Path sidecar = output.resolveSibling(output.getFileName() + ".provenance.json");
        p.write(sidecar);
    }
}
