package io.gutbrain.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link StudyValidation} on the hand-made fixture in {@code study/} (8 samples S1..S8 with depths
 * 1000, 1000, 1020, 1042, 770, 797, 1032, 1048; group control = S1, S2, S7, S8 and MDD = S3..S6;
 * crp missing in S8). Expected lines are the lines of the YAML text in each test; hostile inputs
 * (a passwd file as table, a host name as tree) are written by the test.
 */
class StudyValidationTest {

    private static Study parse(Path dir, String text) {
        return StudyFile.parse(dir.resolve("study.yaml"), "study.yaml", text);
    }

    private static List<StudyProblem> problems(Path dir, String text) {
        StudyValidation.Outcome o = StudyValidation.check(parse(dir, text));
        assertThat(o.ok()).as("expected problems in:%n%s", text).isFalse();
        return o.problems();
    }

    private static String inputs(String table, String extra) {
        return """
                study:
                  name: t
                inputs:
                  table: %s
                  metadata: %s
                %s""".formatted(table, StudyFileTest.dir().resolve("metadata.tsv"), extra);
    }

    @Test
    void theFixtureStudyPassesAndItsInputsAreLoadedOnce() {
        Study s = StudyFile.read(StudyFileTest.dir().resolve("valid.yaml"));
        StudyValidation.Outcome o = StudyValidation.check(s);
        assertThat(o.problems()).isEmpty();
        StudyInputs in = StudyValidation.require(s);
        assertThat(in.table().sampleCount()).isEqualTo(8);
        // min_depth 500 keeps all 8; the two prevalence-free features stay
        assertThat(in.kept().sampleIds()).containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8");
        assertThat(in.ko()).isNotNull();
        assertThat(in.metadata().hasColumn("phq9_score")).as("scores are added as the measures step adds them").isTrue();
    }

    @Test
    void aPasswdFileAsTableIsNotAFeatureTable(@TempDir Path dir) throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        List<StudyProblem> p = problems(dir, inputs(passwd.toString(), ""));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isEqualTo(4);
        assertThat(p.get(0).message()).startsWith("'inputs.table' is not a feature table gutbrain can read: " + passwd);
        assertThat(p.get(0).withFix()).containsOnlyOnce("(fix: ");
    }

    @Test
    void aHostNameAsTreeCoversNoFeature(@TempDir Path dir) throws Exception {
        Path hostname = Files.writeString(dir.resolve("hostname"), "vm\n");
        List<StudyProblem> p = problems(dir, inputs(StudyFileTest.dir().resolve("counts.tsv").toString(), "  tree: " + hostname + "\n"));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isEqualTo(6);
        assertThat(p.get(0).message()).startsWith("'inputs.tree'").satisfiesAnyOf(
                m -> assertThat(m).contains("6 of the 6 features kept after QC are not tips of the tree"),
                m -> assertThat(m).contains("is not a tree gutbrain can read"));
    }

    @Test
    void aMinDepthThatDropsEverySampleNamesTheDeepest(@TempDir Path dir) {
        List<StudyProblem> p = problems(dir, inputs(StudyFileTest.dir().resolve("counts.tsv").toString(), """
                analyses:
                  qc:
                    min_depth: 5000
                """));
        assertThat(p).extracting(StudyProblem::line).containsExactly(8L);
        assertThat(p.get(0).message()).isEqualTo("'analyses.qc.min_depth' 5,000 keeps 0 of the 8 samples in both table and metadata (the deepest has 1,048 reads)");
        assertThat(p.get(0).fix()).contains("at most 1,042");
    }

    @Test
    void everyDataProblemIsReportedTogetherWithItsLine(@TempDir Path dir) {
        String text = inputs(StudyFileTest.dir().resolve("counts.tsv").toString(), """
                design:
                  group: group
                  outcomes: [crp]
                  subject: subject
                  time: time
                analyses:
                  qc:
                    min_depth: 1030
                  rarefaction:
                    depth: 1045
                  intervention:
                    arm: arm
                    control: placebo
                    baseline: "0"
                    taxa: [Lactobacilus]
                """);
        List<StudyProblem> p = problems(dir, text);
        // kept after QC: S4 (MDD, crp 2.7), S7 (control, 0.5), S8 (control, crp NA)
        assertThat(p).extracting(StudyProblem::line).containsExactly(7L, 8L, 15L, 20L);
        assertThat(p.get(0).message()).isEqualTo("group 'group': level 'MDD' has fewer than 2 samples among the 3 samples kept after QC ('MDD' 1, 'control' 2)");
        assertThat(p.get(1).message()).isEqualTo("outcome 'crp' has a value in only 2 of the 3 samples kept after QC; at least 3 are needed");
        assertThat(p.get(2).message()).isEqualTo("'analyses.rarefaction.depth' 1,045 leaves 1 of the 3 samples kept after QC (the deepest has 1,048 reads)");
        assertThat(p.get(3).message()).startsWith("'analyses.intervention.taxa': taxon 'Lactobacilus'");
        assertThat(p.get(3).withFix()).contains("Lactobacillus");
        StudyFileException e = catchThrowableOfType(StudyFileException.class, () -> StudyValidation.require(parse(dir, text)));
        assertThat(e.problems()).isEqualTo(p);
        assertThat(e.oneLine()).startsWith("4 problems in ");
    }

    @Test
    void aRarefactionDepthThatLeavesSomeOutIsANoteNotAProblem(@TempDir Path dir) {
        StudyValidation.Outcome o = StudyValidation.check(parse(dir, inputs(StudyFileTest.dir().resolve("counts.tsv").toString(), """
                analyses:
                  rarefaction:
                    depth: 1000
                """)));
        assertThat(o.problems()).isEmpty();
        assertThat(o.notes()).containsExactly("rarefaction depth 1,000 leaves out 2 of the 8 samples kept after QC (shallower than 1,000 reads)");
    }

    @Test
    void aConstantCovariateAndAOneLevelRandomEffectCannotBeModelled(@TempDir Path dir) {
        List<StudyProblem> p = problems(dir, inputs(StudyFileTest.dir().resolve("counts.tsv").toString(), """
                design:
                  outcomes: [bmi]
                  covariates: [sex]
                  random_effects: [subject]
                analyses:
                  qc:
                    min_depth: 1040
                """));
        // kept: S4 (male, P2), S8 (male, P4): two samples, one sex
        assertThat(p).extracting(StudyProblem::line).containsExactly(7L, 8L);
        assertThat(p.get(0).message()).isEqualTo("outcome 'bmi' has a value in only 2 of the 2 samples kept after QC; at least 3 are needed");
        assertThat(p.get(1).message()).startsWith("covariate 'sex' has the single value 'male' in all 2 samples kept after QC");
    }

    @Test
    void theUnknownTaxonIsRefusedBeforeAnyStepRunsOrWrites(@TempDir Path dir) {
        Study s = parse(dir, inputs(StudyFileTest.dir().resolve("counts.tsv").toString(), """
                design:
                  subject: subject
                  time: time
                analyses:
                  intervention:
                    arm: arm
                    control: placebo
                    baseline: "0"
                    taxa: [Nosuchgenus]
                """));
        Path out = dir.resolve("results");
        List<String> started = new java.util.ArrayList<>();
        StepListener log = new StepListener() {
            @Override public void started(String step, int index, int total, long units) { started.add(step); }
        };
        StudyFileException e = catchThrowableOfType(StudyFileException.class,
                () -> StudyPipeline.run(s, out, StudyPipeline.Options.defaults("test"), log));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(StudyProblem::line).containsExactly(14L);
        assertThat(started).as("no step started").isEmpty();
        assertThat(out).as("nothing written, not even the cache or the store").doesNotExist();
    }
}
