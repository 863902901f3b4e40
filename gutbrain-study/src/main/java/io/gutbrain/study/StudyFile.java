package io.gutbrain.study;

import io.gutbrain.error.InputException;
import io.gutbrain.io.InputLimits;
import io.gutbrain.io.SafeYaml;
import io.gutbrain.io.TextInput;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a study file ({@code study.yaml}, format in {@code docs/study-file.md}) into a validated
 * {@link Study}.
 *
 * <p>Everything that can be checked before computing is checked, and every problem is reported
 * at once with its line: unknown keys (with the nearest valid key as a suggestion), values of the
 * wrong kind or out of range, unknown option values, input files that do not exist (paths are
 * relative to the study file's folder), metadata columns that do not exist, outcomes that are not
 * numeric, reference levels that are not in the group, questionnaire items that are absent or
 * hold invalid answers. YAML is parsed with snakeyaml-engine (YAML 1.2) into its node tree,
 * which keeps the line of every key; values are typed by gutbrain, not by YAML tags.
 */
public final class StudyFile {
    private StudyFile() {}

    /**
     * Reads and validates a study file.
     *
     * @throws StudyFileException listing every problem with its line (a YAML syntax error stops
     *                            reading, so it is reported alone)
     * @throws InputException     when the file cannot be read at all
     */
    public static Study read(Path path) {
        String source = TextInput.name(path);
        if (!Files.isRegularFile(path)) {
            throw new InputException(source, null, "study file not found", "give the path of a study file; 'gutbrain study init' writes one");
        }
        String text = readBounded(path, source);
        return parse(path, source, text);
    }

    /**
     * Reads the text, refusing at once a file larger than {@link InputLimits#MAX_STUDY_FILE_BYTES}
     * (checked on the file size before reading, and again on the decompressed characters for a
     * gzipped file): a real study file is a few kilobytes, and YAML parsing time grows with size.
     */
    private static String readBounded(Path path, String source) {
        long max = InputLimits.MAX_STUDY_FILE_BYTES;
        try {
            long size = Files.size(path);
            if (size > max) throw tooLarge(source, size + " bytes");
        } catch (IOException e) {
            throw new InputException(source, null, "cannot read: " + e.getMessage(), "check the file", e);
        }
        try (BufferedReader r = TextInput.reader(path)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1 << 14];
            int n;
            while ((n = r.read(buf)) > 0) {
                if (sb.length() + n > max) throw tooLarge(source, "more than " + max + " characters");
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new InputException(source, null, "cannot read: " + e.getMessage(), "check the file", e);
        }
    }

    private static InputException tooLarge(String source, String size) {
        return new InputException(source, null, "study file is " + size + "; at most " + InputLimits.MAX_STUDY_FILE_BYTES
                + " bytes (1 MiB) are read", "a study file names its inputs and options in a few kilobytes: keep long text"
                + " (descriptions, notes) in a separate file and data in the input files");
    }

    /**
     * Validates study-file text as if it were the file {@code path} (relative input paths are
     * resolved against its folder); for tests and editors.
     */
    public static Study parse(Path path, String source, String text) {
        Node root = compose(source, text);
        StudyReader reader = new StudyReader(path, source);
        Study study = reader.read(root);
        List<StudyProblem> problems = reader.problems();
        if (!problems.isEmpty()) throw new StudyFileException(source, problems);
        return study;
    }

    private static Node compose(String source, String text) {
        Optional<Node> root;
        try {
            root = SafeYaml.compose(source, text, (line, problem, fix) ->
                    new StudyFileException(source, List.of(new StudyProblem(line, problem, fix))));
        } catch (MarkedYamlEngineException e) {
            long line = e.getProblemMark().map(m -> (long) m.getLine() + 1).orElse(0L);
            String problem = "not valid YAML: " + (e.getProblem() == null ? "syntax error" : e.getProblem())
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")");
            throw new StudyFileException(source, List.of(new StudyProblem(line, problem,
                    "check the indentation (spaces, not tabs) and that every 'key: value' has a space after the colon")));
        } catch (YamlEngineException e) {
            throw new StudyFileException(source, List.of(new StudyProblem(0, "not valid YAML: " + e.getMessage(), "check the file's syntax")));
        }
        if (root.isEmpty()) {
            throw new StudyFileException(source, List.of(new StudyProblem(1, "the study file is empty",
                    "write at least 'study', 'inputs: {table, metadata}'; 'gutbrain study init' writes a template")));
        }
        return root.get();
    }
}
