package io.gutbrain.cli.common.options;

import picocli.CommandLine.TypeConversionException;

/**
 * An option value outside its type's range. The message is {@code problem (fix: fix)}; picocli
 * adds which option it was, and {@code GutbrainMain} prints the whole as one line, exit status 2.
 */
public final class OptionValueException extends TypeConversionException {
    private static final long serialVersionUID = 1L;
    private final String problem;
    private final String fix;

    public OptionValueException(String problem, String fix) {
        super(problem + " (fix: " + fix + ")");
        this.problem = problem;
        this.fix = fix;
    }

    /** What is wrong, e.g. "expected a whole number from 0 to 1024, found '-1'". */
    public String problem() { return problem; }

    /** How to fix it. */
    public String fix() { return fix; }
}
