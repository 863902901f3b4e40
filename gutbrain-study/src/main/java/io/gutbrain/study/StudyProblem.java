package io.gutbrain.study;

import io.gutbrain.error.InputException;

/**
 * One problem found in a study file, at the 1-based line of the key or value it concerns.
 *
 * @param line    1-based line in the study file (0 when the problem has no single line, e.g. an
 *                unreadable file)
 * @param message what is wrong, naming the key, e.g. {@code unknown key 'covariats' in design
 *                (did you mean 'covariates'?)}
 * @param fix     how to correct it (may be empty)
 */
public record StudyProblem(long line, String message, String fix) {

    /** Normalises a null fix to the empty string. */
    public StudyProblem {
        fix = fix == null ? "" : fix;
    }

    /**
     * A problem of the study caused by an input's own error, e.g. a table that does not parse:
     * {@code what + ": " + file:place: problem}, fixed as the input's error says (or by
     * {@code fallbackFix} when it says nothing), so the line carries one fix, not two.
     */
    public static StudyProblem of(long line, String what, InputException e, String fallbackFix) {
        String where = (e.source() == null ? "" : e.source()) + (e.location() == null ? "" : (e.source() == null ? "" : ":") + e.location());
        String fix = e.fix() == null || e.fix().isEmpty() ? fallbackFix : e.fix();
        return new StudyProblem(line, what + ": " + (where.isEmpty() ? "" : where + ": ") + e.problem(), fix);
    }

    /** {@code line 12: message} — the form used in the combined one-line error. */
    @Override public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }

    /** {@code line 12: message (fix: ...)} — the form printed one per line by {@code gutbrain study check}. */
    public String withFix() {
        return fix.isEmpty() ? toString() : toString() + " (fix: " + fix + ")";
    }
}
