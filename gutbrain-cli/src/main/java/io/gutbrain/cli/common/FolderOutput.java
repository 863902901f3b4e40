package io.gutbrain.cli.common;

import io.gutbrain.io.OutputFolder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --force} option of every command that writes an output folder, and the one place
 * that opens such a folder, so the rules are the same everywhere (see {@link OutputFolder}):
 * the folder is built under a hidden staging name beside {@code --out} and renamed into place
 * when complete; an empty folder or gutbrain's own earlier output is replaced whole; a folder
 * gutbrain did not write, or one holding files it did not write, is refused in one line unless
 * {@code --force}; a file at {@code --out} is always refused.
 */
public final class FolderOutput {
    /** Said in the --out description of each folder-writing command. */
    public static final String OUT_RULES = " Written whole or not at all; an existing folder is replaced only if gutbrain wrote it (see --force).";

    @Option(names = "--force",
            description = "Replace --out even when it is a folder gutbrain did not write or holds files it did not write (deleting them). "
                    + "Without --force such a folder is refused; an empty folder or gutbrain's own earlier output is replaced whole, "
                    + "and a file at --out is always refused.")
    public boolean force;

    /** Opens {@code out} for staged writing by the running command. */
    public OutputFolder stage(CommandSpec spec, Path out) {
        return OutputFolder.stage(out, command(spec), Version.get(), force);
    }

    /** Claims {@code out} for a command that works inside it across runs (the study run, the demo). */
    public Path claim(CommandSpec spec, Path out) {
        return OutputFolder.claim(out, command(spec), Version.get(), force);
    }

    private static String command(CommandSpec spec) {
        return RunRecord.commandLine(spec);
    }
}
