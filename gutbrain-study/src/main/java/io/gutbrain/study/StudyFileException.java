package io.gutbrain.study;

import io.gutbrain.error.InputException;

import java.util.List;

/**
 * Every problem of a study file at once, so that a researcher fixes them in one round instead
 * of one run per typo. The message is a single line:
 * {@code 2 problems in study.yaml: line 12: ...; line 15: ...}; with a single problem it is the
 * usual {@code study.yaml:line 12: problem (fix: ...)}. {@link #problems()} gives the list, each
 * with its own fix, for tests, {@code gutbrain study check} and reports.
 */
public final class StudyFileException extends InputException {
    private static final long serialVersionUID = 1L;

    private final transient List<StudyProblem> problems;

    StudyFileException(String source, List<StudyProblem> problems) {
        super(problems.size() == 1 ? source : null,
                problems.size() == 1 && problems.get(0).line() > 0 ? "line " + problems.get(0).line() : null,
                problems.size() == 1 ? problems.get(0).message() : summary(source, problems),
                problems.size() == 1 ? problems.get(0).fix() : "correct the lines listed; 'gutbrain study check " + source + "' shows how to fix each");
        this.problems = List.copyOf(problems);
    }

    private static String summary(String source, List<StudyProblem> problems) {
        StringBuilder sb = new StringBuilder().append(problems.size()).append(" problems in ").append(source).append(": ");
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) sb.append("; ");
            sb.append(problems.get(i));
        }
        return sb.toString();
    }

    /** The problems in file order (by line). */
    public List<StudyProblem> problems() { return problems; }
}
