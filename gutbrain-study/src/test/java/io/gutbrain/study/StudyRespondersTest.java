package io.gutbrain.study;

import io.gutbrain.report.ResultsStore;
import io.gutbrain.result.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Responders and remission in a study's intervention section: the hand-made PHQ-9 trial
 * ({@code intervention/phq9_trial.tsv}, totals) written as nine item answers per visit, so the
 * pipeline scores PHQ-9 itself. Counts by hand from the file (as in {@code RespondersTest}),
 * intervals from R ({@code reference/intervention/wilson_newcombe_R.tsv}, row 8/12 vs 3/12).
 */
class StudyRespondersTest {
    private static final String STUDY = """
            study:
              name: phq9-trial
            inputs:
              table: counts.tsv
              metadata: metadata.tsv
            measures:
              - instrument: phq9
            design:
              group: arm
              reference: placebo
              outcomes: [phq9]
              subject: subject
              time: visit
            analyses:
              qc:
                min_depth: 1
              intervention:
                treatment: active
                control: placebo
                baseline: baseline
            seed: 1
            """;

    /** Nine answers 0..3 summing to {@code total} (the first items take the larger share). */
    private static int[] items(int total) {
        int[] a = new int[9];
        for (int i = 0; i < 9; i++) a[i] = total / 9 + (i < total % 9 ? 1 : 0);
        return a;
    }

    @Test
    void respondersRemissionAndNumberNeededToTreat(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(StudyRespondersTest.class.getClassLoader().getResource("intervention/phq9_trial.tsv").toURI()));
        StringBuilder md = new StringBuilder("sample-id\tsubject\tvisit\tarm");
        for (int i = 1; i <= 9; i++) md.append("\tphq9_").append(i);
        md.append('\n');
        List<String> samples = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            samples.add(c[0]);
            md.append(c[0]).append('\t').append(c[1]).append('\t').append(c[2]).append('\t').append(c[3]);
            if (c[4].isBlank() || c[4].equals("NA")) {
                md.append("\t".repeat(9));
            } else {
                for (int v : items(Integer.parseInt(c[4]))) md.append('\t').append(v);
            }
            md.append('\n');
        }
        Files.writeString(dir.resolve("metadata.tsv"), md.toString(), StandardCharsets.UTF_8);
        StringBuilder counts = new StringBuilder("#OTU ID\t" + String.join("\t", samples) + "\n");
        for (int f = 0; f < 3; f++) {
            counts.append("taxon").append(f);
            for (int s = 0; s < samples.size(); s++) counts.append('\t').append(100 + 37 * ((s * (f + 3)) % 11));
            counts.append('\n');
        }
        Files.writeString(dir.resolve("counts.tsv"), counts.toString(), StandardCharsets.UTF_8);
        Path studyFile = Files.writeString(dir.resolve("study.yaml"), STUDY, StandardCharsets.UTF_8);

        StudyPipeline.Result r = StudyPipeline.run(StudyFile.read(studyFile), dir.resolve("out"), new StudyPipeline.Options("test", "t", 1), StepListener.NONE);
        assertThat(Files.readString(r.report())).contains("Responders and remission").contains("remission is a score below 5");
        try (ResultsStore store = ResultsStore.openReadOnly(dir.resolve("out"))) {
            ResultTable rates = store.readTable(r.runId(), "intervention_responder_rates");
            int measure = rates.columns().indexOf("measure"), arm = rates.columns().indexOf("arm"), events = rates.columns().indexOf("events"),
                    n = rates.columns().indexOf("n"), timepoint = rates.columns().indexOf("timepoint");
            // week 8: 8/12 responders and 5/12 remitters under active, 3/12 and 1/12 under placebo
            assertThat(rates.rows()).allMatch(x -> "week8".equals(x[timepoint]));
            long[][] expected = {{8, 12}, {3, 12}, {5, 12}, {1, 12}};
            String[][] keys = {{"response", "active"}, {"response", "placebo"}, {"remission", "active"}, {"remission", "placebo"}};
            for (int k = 0; k < keys.length; k++) {
                String[] key = keys[k];
                Object[] row = rates.rows().stream().filter(x -> key[0].equals(x[measure]) && key[1].equals(x[arm])).findFirst().orElseThrow();
                assertThat(((Number) row[events]).longValue()).as(String.join(" ", key)).isEqualTo(expected[k][0]);
                assertThat(((Number) row[n]).longValue()).as(String.join(" ", key)).isEqualTo(expected[k][1]);
            }
            ResultTable cmp = store.readTable(r.runId(), "intervention_responder_comparison");
            int m = cmp.columns().indexOf("measure"), rd = cmp.columns().indexOf("risk_difference"), lo = cmp.columns().indexOf("ci_lower"),
                    hi = cmp.columns().indexOf("ci_upper"), nnt = cmp.columns().indexOf("nnt");
            Object[] response = cmp.rows().stream().filter(x -> "response".equals(x[m])).findFirst().orElseThrow();
            // R: Newcombe hybrid score interval of 8/12 - 3/12
            assertThat(((Number) response[rd]).doubleValue()).isCloseTo(0.41666666666666663, within(1e-12));
            assertThat(((Number) response[lo]).doubleValue()).isCloseTo(0.021828837854194594, within(1e-9));
            assertThat(((Number) response[hi]).doubleValue()).isCloseTo(0.66974372237573587, within(1e-9));
            assertThat(((Number) response[nnt]).doubleValue()).isCloseTo(1 / 0.41666666666666663, within(1e-9));
        }
    }
}
