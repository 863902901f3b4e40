package io.gutbrain.cli.common.options;

import java.util.List;

/**
 * A picocli converter that checks an option's value at parse time, before any file is read.
 *
 * <p>Every numeric and enumerated option of every gutbrain command uses one (see {@link OptionTypes}),
 * so the same option name has the same range in every command. A bad value makes the converter
 * throw {@link OptionValueException}; {@code GutbrainMain} prints it as one line
 * {@code gutbrain: error: --threads: expected ... (fix: ...)} and exits with status 2.
 */
public interface ValidatedOption {
    /** What a valid value is, as shown in errors: "a whole number from 0 to 1024". */
    String expected();

    /** Values this type refuses: the test suite feeds each one to every option of this type. */
    List<String> invalidExamples();
}
