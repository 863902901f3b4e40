package io.gutbrain.error;

/**
 * Data that parse correctly but cannot be analysed as asked: a 1 x 1 distance matrix for PCoA,
 * a single group for PERMANOVA, more axes than samples. Like every {@link InputException} it
 * is the user's to fix, so the CLI prints one line and exits with status 2; the location is the
 * analysis ("PCoA", "PERMANOVA"), the problem says why, and the fix what to change.
 */
public class AnalysisException extends InputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param analysis the analysis that cannot run, e.g. "PCoA"
     * @param problem  why, with the numbers, e.g. "needs at least 2 samples, the matrix has 1"
     * @param fix      what to change, e.g. "give a distance matrix of 2 or more samples"
     */
    public AnalysisException(String analysis, String problem, String fix) {
        this(null, analysis, problem, fix);
    }

    /** As {@link #AnalysisException(String, String, String)} for data read from {@code source} (a file name; may be null). */
    public AnalysisException(String source, String analysis, String problem, String fix) {
        super(source, analysis, problem, fix);
    }
}
