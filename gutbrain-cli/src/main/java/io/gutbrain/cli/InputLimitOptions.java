package io.gutbrain.cli;

import io.gutbrain.error.InputException;
import io.gutbrain.io.InputLimits;
import picocli.CommandLine;

/**
 * Applies the global {@code --max-line-length} and {@code --max-input-ratio} options of
 * {@link GutbrainMain} to {@link InputLimits} before a command runs. Every run starts again from
 * the environment and system properties, so an option given to one in-process run (tests) never
 * leaks into the next.
 */
final class InputLimitOptions {
    private InputLimitOptions() {}

    static int apply(CommandLine.ParseResult parseResult, Long maxLineLength, Long maxInputRatio, CommandLine.IExecutionStrategy next) {
        try {
            InputLimits.Values v = InputLimits.fromEnvironment();
            if (maxLineLength != null) v = v.withMaxLineLength(maxLineLength);
            if (maxInputRatio != null) v = v.withExpansion(maxInputRatio, v.expansionFloorBytes());
            InputLimits.set(v);
        } catch (InputException e) {
            throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(), e.getMessage(), e);
        }
        return next.execute(parseResult);
    }
}
