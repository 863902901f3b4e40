package io.gutbrain.study;

import io.gutbrain.error.InputException;
import io.gutbrain.measures.Instruments;
import io.gutbrain.metadata.SampleMetadata.ColumnType;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Study files over the hand-made fixture in {@code study/} (8 samples, 4 subjects × 2 visits,
 * PHQ-9 and GAD-7 items). Expected values are read off the fixture by hand; expected lines are
 * the lines of the YAML text in each test.
 */
class StudyFileTest {

    static Path dir() {
        try {
            return Path.of(StudyFileTest.class.getResource("/study/metadata.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A minimal valid file; tests append or replace lines. */
    static final String HEAD = """
            study:
              name: t
            inputs:
              table: counts.tsv
              metadata: metadata.tsv
            """;

    static Study parse(String text) {
        return StudyFile.parse(dir().resolve("study.yaml"), "study.yaml", text);
    }

    static List<StudyProblem> problems(String text) {
        StudyFileException e = catchThrowableOfType(StudyFileException.class, () -> parse(text));
        assertThat(e).as("expected problems in:%n%s", text).isNotNull();
        return new java.util.ArrayList<>(e.problems());
    }

    @Test
    void validFileParsesIntoTypedStudy() {
        Study s = StudyFile.read(dir().resolve("valid.yaml"));
        assertThat(s.name()).isEqualTo("fixture-study");
        assertThat(s.description()).isEqualTo("hand-made metadata with PHQ-9 and GAD-7 items");
        assertThat(s.inputs().table()).isEqualTo(dir().resolve("counts.tsv"));
        assertThat(s.inputs().koTable()).isEqualTo(dir().getParent().resolve("handmade/ko_cpm_joined.tsv"));
        assertThat(s.inputs().tree()).isNull();
        assertThat(s.metadata().size()).isEqualTo(8);
        assertThat(s.seed()).isEqualTo(42);

        assertThat(s.measures()).hasSize(2);
        Study.Measure phq = s.measures().get(0);
        assertThat(phq.output()).isEqualTo("phq9");
        assertThat(phq.items()).isEqualTo(Instruments.PHQ9.defaultColumns());
        assertThat(phq.instrument().maxMissing()).isEqualTo(2);
        Study.Measure anx = s.measures().get(1);
        assertThat(anx.output()).isEqualTo("anxiety");
        assertThat(anx.scoreColumn()).isEqualTo("anxiety_score");
        assertThat(anx.items()).isEqualTo(Instruments.GAD7.defaultColumns());
        assertThat(anx.instrument().maxMissing()).isZero();
        assertThat(anx.instrument().title()).isEqualTo("GAD-7");

        Study.Design d = s.design();
        assertThat(d.group()).isEqualTo("group");
        assertThat(d.reference()).isEqualTo("control");
        assertThat(d.outcomes()).extracting(Study.Variable::column).containsExactly("phq9_score", "crp");
        assertThat(d.outcomes().get(0).isScore()).isTrue();
        assertThat(d.outcomes().get(1).type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(d.covariates()).extracting(Study.Variable::column).containsExactly("age", "sex", "anxiety_score");
        assertThat(d.covariates().get(1).type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(d.randomEffects()).containsExactly("subject");
        assertThat(d.subject()).isEqualTo("subject");
        assertThat(d.time()).isEqualTo("time");

        Analyses a = s.analyses();
        assertThat(a.qc().minDepth()).isEqualTo(500);
        assertThat(a.rarefaction().isAuto()).isTrue();
        assertThat(a.rarefaction().iterations()).isEqualTo(5);
        assertThat(a.alpha().metrics()).containsExactly("shannon", "observed_features", "shannon_base2");
        assertThat(a.beta().metrics()).containsExactly("braycurtis", "robust-aitchison");
        assertThat(a.beta().permutations()).isEqualTo(99);
        assertThat(a.association()).isEqualTo(new Analyses.Association(Analyses.Method.MAASLIN2, io.gutbrain.association.Normalization.CLR,
                io.gutbrain.association.Transform.NONE, 0.25, 0.1));
        assertThat(a.modules().set()).isNull();
        assertThat(a.modules().coverage()).isNaN();
        assertThat(a.modules().estimator()).isEqualTo(io.gutbrain.modules.Estimator.AVERAGE);
        assertThat(a.modules().distribute()).isTrue();
        assertThat(a.modules().normalizeByLength()).isFalse();
        assertThat(a.intervention()).isEqualTo(new Analyses.Intervention("arm", "probiotic", "placebo", "0", List.of("Lactobacillus"), null, false, null));

        // lines of valid.yaml, counted by hand
        assertThat(s.line("design.group")).isEqualTo(18);
        assertThat(s.line("measures.1.output")).isEqualTo(14);
        assertThat(s.line("analyses.intervention.baseline")).isEqualTo(54);
        assertThat(s.line("design.nonexistent")).isZero();
    }

    @Test
    void defaultsWhenSectionsAreEmpty() {
        Study s = parse(HEAD + """
                design:
                  group: arm
                analyses:
                  alpha:
                  beta: {}
                  association:
                """);
        assertThat(s.design().reference()).as("first level in sort order, as R's factor()").isEqualTo("placebo");
        assertThat(s.analyses().qc()).isEqualTo(Analyses.Qc.DEFAULT);
        assertThat(s.analyses().rarefaction()).isNull();
        assertThat(s.analyses().alpha().metrics()).isEqualTo(Analyses.Alpha.DEFAULT_METRICS);
        assertThat(s.analyses().beta()).isEqualTo(new Analyses.Beta(List.of("braycurtis", "jaccard"), 999));
        assertThat(s.analyses().association()).isEqualTo(Analyses.Association.DEFAULT);
        assertThat(s.analyses().modules()).isNull();
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.measures()).isEmpty();
    }

    @Test
    void unknownKeySuggestsNearestValidKey() {
        List<StudyProblem> p = problems(HEAD + """
                design:
                  group: group
                  covariats: [age]
                """);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isEqualTo(8);
        assertThat(p.get(0).message()).isEqualTo("unknown key 'covariats' in 'design' (did you mean 'covariates'?)");
        assertThat(p.get(0).fix()).contains("covariates", "random_effects");
    }

    @Test
    void unknownTopLevelKeyWithoutCloseMatchHasNoSuggestion() {
        List<StudyProblem> p = problems(HEAD + "plots: yes\n");
        assertThat(p).extracting(StudyProblem::toString).containsExactly("line 6: unknown key 'plots'");
    }

    @Test
    void missingFilesAreResolvedAgainstTheStudyFolder() {
        List<StudyProblem> p = problems("""
                study: {name: t}
                inputs:
                  table: no_such_table.tsv
                  metadata: metadata.tsv
                  tree: ../study
                """);
        assertThat(p).hasSize(2);
        assertThat(p.get(0).line()).isEqualTo(3);
        assertThat(p.get(0).message()).contains("'inputs.table': file 'no_such_table.tsv' not found", dir().resolve("no_such_table.tsv").toString());
        assertThat(p.get(1).line()).isEqualTo(5);
        assertThat(p.get(1).message()).contains("(it is a folder)");
    }

    @Test
    void missingRequiredKeysAreReportedAtTheirSection() {
        List<StudyProblem> p = problems("""
                study:
                  description: no name
                inputs:
                  table: counts.tsv
                """);
        assertThat(p).extracting(StudyProblem::toString)
                .containsExactly("line 1: 'study' has no 'name'", "line 3: 'inputs' has no 'metadata'");
    }

    @Test
    void missingColumnIsReportedWithNearestColumn() {
        List<StudyProblem> p = problems(HEAD + """
                design:
                  group: grup
                  covariates: [age, bmi_group]
                  subject: subject_id
                """);
        assertThat(p).extracting(StudyProblem::line).containsExactly(7L, 8L, 9L);
        assertThat(p.get(0).message()).isEqualTo("'design.group': column 'grup' is not in the metadata (did you mean 'group'?)");
        assertThat(p.get(1).message()).startsWith("'design.covariates': 'bmi_group' is neither a metadata column nor a scored measure");
        assertThat(p.get(2).message()).isEqualTo("'design.subject': column 'subject_id' is not in the metadata (did you mean 'subject'?)");
    }

    @Test
    void nonNumericOutcomeIsRejected() {
        List<StudyProblem> p = problems(HEAD + """
                design:
                  outcomes:
                    - crp
                    - sex
                """);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isEqualTo(9);
        assertThat(p.get(0).message()).isEqualTo("outcome 'sex' is not numeric (it holds values such as 'female')");
    }

    @Test
    void badEnumValuesSuggestTheNearestValue() {
        List<StudyProblem> p = problems(HEAD + """
                design: {group: group}
                analyses:
                  association:
                    method: maslin2
                    transform: sqrt
                  beta:
                    metrics: [bray-curtis, unweighted-unifrac]
                  alpha:
                    metrics: [shanon]
                """);
        assertThat(p).extracting(StudyProblem::line).containsExactly(9L, 10L, 12L, 12L, 14L);
        assertThat(p.get(0).message()).isEqualTo("'analyses.association.method' has unknown value 'maslin2' (did you mean 'maaslin2'?)");
        assertThat(p.get(1).message()).isEqualTo("'analyses.association.transform' has unknown value 'sqrt'");
        assertThat(p.get(1).fix()).isEqualTo("use one of: log, ast, logit, none");
        assertThat(p.get(2).message()).contains("unknown beta-diversity metric 'bray-curtis' (did you mean 'braycurtis'?)");
        assertThat(p.get(3).message()).isEqualTo("beta metric unweighted-unifrac needs a tree");
        assertThat(p.get(4).message()).contains("unknown alpha-diversity metric 'shanon' (did you mean 'shannon'?)");
    }

    @Test
    void wrongTypesAndRanges() {
        List<StudyProblem> p = problems(HEAD + """
                design: [group]
                analyses:
                  qc:
                    min_depth: lots
                  rarefaction:
                    iterations: 0
                  beta:
                    permutations: 9.5
                  association:
                    min_prevalence: 1.5
                    max_significance: 0
                seed: [1]
                """);
        assertThat(p).extracting(StudyProblem::line).containsExactly(6L, 9L, 11L, 13L, 14L, 15L, 16L, 17L);
        assertThat(p.remove(4).message()).as("design is unusable, so association has nothing to test")
                .isEqualTo("association testing needs 'design.group' or 'design.outcomes'");
        assertThat(p.get(0).message()).isEqualTo("'design' must be a mapping of 'key: value' lines, found a list");
        assertThat(p.get(1).message()).isEqualTo("'analyses.qc.min_depth' must be a whole number, found 'lots'");
        assertThat(p.get(2).message()).isEqualTo("'analyses.rarefaction.iterations' must be from 1 to 1000, found 0");
        assertThat(p.get(3).message()).isEqualTo("'analyses.beta.permutations' must be a whole number, found '9.5'");
        assertThat(p.get(4).message()).isEqualTo("'analyses.association.min_prevalence' must be from 0 to 1, found 1.5");
        assertThat(p.get(5).message()).isEqualTo("'analyses.association.max_significance' must be above 0 and up to 1, found 0");
        assertThat(p.get(6).message()).isEqualTo("'seed' must be a single value, found a list");
    }

    @Test
    void measuresAreCheckedAgainstTheMetadata() {
        List<StudyProblem> p = problems(HEAD + """
                measures:
                  - instrument: phq-8
                  - instrument: pss10
                  - instrument: gad7
                    items: [gad7_1, gad7_2]
                  - instrument: phq9
                    output: phq9
                  - instrument: phq9
                  - spec: missing.spec
                  - instrument: bristol
                    spec: x.spec
                """);
        assertThat(p).extracting(StudyProblem::line).containsExactly(7L, 8L, 10L, 13L, 14L, 15L);
        assertThat(p.get(0).message()).isEqualTo("unknown instrument 'phq-8' (did you mean 'phq9'?)");
        assertThat(p.get(1).message()).startsWith("PSS-10 item columns pss10_1, pss10_2, ");
        assertThat(p.get(1).fix()).contains("items: [...]");
        assertThat(p.get(2).message()).isEqualTo("GAD-7 has 7 items but 'items' lists 2");
        assertThat(p.get(3).message()).isEqualTo("two measures write the output 'phq9' (the other on line 11)");
        assertThat(p.get(4).message()).contains("'measures.5.spec': file 'missing.spec' not found");
        assertThat(p.get(5).message()).startsWith("'measures.6' needs exactly one of 'instrument'");
    }

    @Test
    void anInvalidMeasureIsNotReportedAgainWhereItIsUsed() {
        List<StudyProblem> p = problems(HEAD + """
                measures:
                  - instrument: pss10
                design:
                  outcomes: [pss10, pss10_score]
                  covariates: [phq9]
                """);
        assertThat(p).extracting(StudyProblem::line).containsExactly(7L, 10L);
        assertThat(p.get(0).message()).startsWith("PSS-10 item columns");
        assertThat(p.get(1).message()).startsWith("'design.covariates': 'phq9' is neither a metadata column nor a scored measure");
    }

    @Test
    void referenceLevelAndInterventionLevelsMustExist() {
        List<StudyProblem> p = problems(HEAD + """
                design:
                  group: group
                  reference: Control
                analyses:
                  intervention:
                    arm: arm
                    treatment: probiotic
                    control: placebo
                    baseline: "0"
                """);
        assertThat(p).extracting(StudyProblem::toString).containsExactly(
                "line 8: reference level 'Control' is not a value of 'group' (did you mean 'control'?)",
                "line 10: intervention analysis needs 'design.subject'",
                "line 10: intervention analysis needs 'design.time'");
    }

    /** The intervention section with subject and time, and {@code extra} lines inside it. */
    private static String intervention(String extra) {
        return HEAD + """
                design:
                  subject: subject
                  time: time
                analyses:
                  intervention:
                    arm: arm
                    control: placebo
                    baseline: "0"
                """ + extra;
    }

    @Test
    void donorColumnAndOptionalTreatment() {
        // the fixture has no donor column; any metadata column is accepted as one ('note')
        Study s = parse(intervention("    donor: note\n"));
        assertThat(s.analyses().intervention()).isEqualTo(new Analyses.Intervention("arm", null, "placebo", "0", List.of(), "note", false, null));
        assertThat(s.line("analyses.intervention.donor")).isEqualTo(14);
        assertThat(s.describe()).contains("intervention every arm vs placebo, FMT engraftment (donor column note)");
        assertThat(parse(intervention("")).analyses().intervention().donor()).isNull();
        Study b = parse(intervention("    bifidogenic: yes\n"));
        assertThat(b.analyses().intervention().bifidogenic()).isTrue();
        assertThat(b.describe()).contains("bifidogenic response");
        assertThat(problems(intervention("    bifidogenic: maybe\n")).get(0).message())
                .contains("'analyses.intervention.bifidogenic' must be true or false, found 'maybe'");
    }

    @Test
    void donorColumnMustExistAndDifferFromTheDesignColumns() {
        assertThat(problems(intervention("    donor: donr\n"))).extracting(StudyProblem::toString).containsExactly(
                "line 14: 'analyses.intervention.donor': column 'donr' is not in the metadata");
        assertThat(problems(intervention("    donor: subject\n"))).extracting(StudyProblem::toString).containsExactly(
                "line 14: 'analyses.intervention.donor': column 'subject' is already the subject, time or arm column");
    }

    @Test
    void optionsThatDoNotApplyAreRejected() {
        List<StudyProblem> p = problems(HEAD + """
                analyses:
                  association:
                    method: linda
                    normalization: tss
                  modules:
                    coverage: 2
                """);
        assertThat(p).extracting(StudyProblem::toString).containsExactly(
                "line 7: association testing needs 'design.group' or 'design.outcomes'",
                "line 9: 'analyses.association.normalization' applies to method maaslin2 only, not linda",
                "line 10: module profiling needs a KO table",
                "line 11: 'analyses.modules.coverage' must be from 0 to 1, found 2");
    }

    @Test
    void severalProblemsAreReportedTogetherOnOneLine() {
        String text = HEAD + """
                design:
                  group: group
                  covariats: [age]
                  outcomes: [sex]
                analyses:
                  beta:
                    permutations: many
                """;
        StudyFileException e = catchThrowableOfType(StudyFileException.class, () -> parse(text));
        assertThat(e.problems()).extracting(StudyProblem::line).containsExactly(8L, 9L, 12L);
        assertThat(e.getMessage()).doesNotContain("\n")
                .startsWith("3 problems in study.yaml: line 8: unknown key 'covariats' in 'design' (did you mean 'covariates'?); line 9: outcome 'sex' is not numeric")
                .contains("; line 12: 'analyses.beta.permutations' must be a whole number, found 'many'");
        assertThat(e).isInstanceOf(InputException.class);
    }

    @Test
    void singleProblemUsesTheUsualOneLineForm() {
        InputException e = catchThrowableOfType(InputException.class, () -> parse(HEAD + "seed: x\n"));
        assertThat(e.oneLine()).isEqualTo("study.yaml:line 6: 'seed' must be a whole number, found 'x' (fix: write a whole number from "
                + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
    }

    @Test
    void duplicateKeysAndYamlSyntaxErrors() {
        List<StudyProblem> dup = problems(HEAD + "seed: 1\nseed: 2\n");
        assertThat(dup).extracting(StudyProblem::toString).containsExactly("line 7: key 'seed' in the top level is given twice (first on line 6)");

        List<StudyProblem> syntax = problems("study:\n  name: t\n inputs: [a\n");
        assertThat(syntax).hasSize(1);
        assertThat(syntax.get(0).message()).startsWith("not valid YAML");
        assertThat(syntax.get(0).line()).isBetween(2L, 4L);

        assertThat(problems("# only a comment\n")).extracting(StudyProblem::message).containsExactly("the study file is empty");
    }

    @Test
    void invalidItemAnswersAreFoundBeforeAnyComputation(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Files.copy(dir().resolve("counts.tsv"), tmp.resolve("counts.tsv"));
        String md = Files.readString(dir().resolve("metadata.tsv")).replace("S3\tP2\t0\tprobiotic\tMDD\t51\tmale\t27.5\t3.9\t2", "S3\tP2\t0\tprobiotic\tMDD\t51\tmale\t27.5\t3.9\t7");
        Files.writeString(tmp.resolve("metadata.tsv"), md);
        Files.writeString(tmp.resolve("study.yaml"), HEAD + "measures:\n  - instrument: phq9\n");
        StudyFileException e = catchThrowableOfType(StudyFileException.class, () -> StudyFile.read(tmp.resolve("study.yaml")));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).line()).isEqualTo(7);
        assertThat(e.problems().get(0).message()).contains("PHQ-9 items cannot be scored", "sample 'S3'", "found '7'");
    }

    @Test
    void missingStudyFileIsAnInputException() {
        assertThatThrownBy(() -> StudyFile.read(dir().resolve("nope.yaml")))
                .isInstanceOf(InputException.class).hasMessageContaining("study file not found");
    }
}
