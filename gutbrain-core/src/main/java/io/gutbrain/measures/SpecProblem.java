package io.gutbrain.measures;

/**
 * An invalid instrument definition, tagged with the spec-file key it concerns so that
 * {@link InstrumentSpec} can point at the offending line. Thrown by the {@link Instrument},
 * {@link Band} and {@link Flag} constructors: a definition built in code fails with this
 * {@link IllegalArgumentException}, one read from a file is rewrapped as an
 * {@link io.gutbrain.error.InputException} naming file and line.
 */
final class SpecProblem extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String fix;

    SpecProblem(String key, String problem, String fix) {
        super(problem);
        this.key = key;
        this.fix = fix;
    }

    /** The spec-file key the problem belongs to, e.g. {@code band}. */
    String key() { return key; }

    /** How to correct the definition. */
    String fix() { return fix; }
}
