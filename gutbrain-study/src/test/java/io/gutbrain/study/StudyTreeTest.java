package io.gutbrain.study;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.io.DistanceMatrixFormat;
import io.gutbrain.report.ResultsStore;
import io.gutbrain.result.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.gutbrain.study.StudyTemplateTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A study with a tree: Faith's PD and UniFrac in the pipeline, on the synthetic 50-sample table,
 * against scikit-bio's {@code faith_pd} (reference/synthetic-s50/alpha_skbio.tsv, 4 decimals) and
 * striped UniFrac {@code ssu} (unweighted_unifrac_ssu.tsv, single precision).
 */
class StudyTreeTest {
    private static final String STUDY = """
            study:
              name: s50-tree
            inputs:
              table: s50.tsv
              metadata: s50.meta.tsv
              tree: s50.nwk
            design:
              group: group
            analyses:
              qc:
                min_depth: 1
              alpha:
                metrics: [faith_pd, shannon]
              beta:
                metrics: [unweighted-unifrac, braycurtis]
                permutations: 99
            seed: 1
            """;

    @Test
    void faithPdAndUniFracMatchTheReferences(@TempDir Path dir) throws Exception {
        for (String f : List.of("s50.tsv", "s50.meta.tsv", "s50.nwk")) Files.copy(resource("synthetic-s50/" + f), dir.resolve(f));
        Path file = Files.writeString(dir.resolve("study.yaml"), STUDY, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        StudyPipeline.Result r = StudyPipeline.run(StudyFile.read(file), out, new StudyPipeline.Options("test", "t", 2), StepListener.NONE);

        Map<String, Double> faith = new HashMap<>();
        List<String> ref = Files.readAllLines(resource("reference/synthetic-s50/alpha_skbio.tsv"));
        int col = List.of(ref.get(0).split("\t")).indexOf("faith_pd");
        for (String line : ref.subList(1, ref.size())) faith.put(line.split("\t")[0], Double.parseDouble(line.split("\t")[col]));
        try (ResultsStore store = ResultsStore.openReadOnly(out)) {
            ResultTable alpha = store.readTable(r.runId(), "alpha");
            int id = alpha.columns().indexOf("sample_id"), pd = alpha.columns().indexOf("faith_pd");
            assertThat(alpha.rowCount()).isEqualTo(faith.size());
            for (Object[] row : alpha.rows()) {
                assertThat(((Number) row[pd]).doubleValue()).as((String) row[id]).isCloseTo(faith.get((String) row[id]), within(5e-5));
            }
            ResultTable perm = store.readTable(r.runId(), "permanova");
            assertThat(perm.rows()).anyMatch(x -> "unweighted-unifrac".equals(x[0]));
        }
        Path dm;
        try (Stream<Path> s = Files.list(out.resolve(".cache"))) {
            dm = s.filter(p -> p.getFileName().toString().startsWith("beta-")).findFirst().orElseThrow().resolve("unweighted-unifrac.dm.tsv");
        }
        DistanceMatrix ours = DistanceMatrixFormat.read(dm);
        DistanceMatrix ssu = DistanceMatrixFormat.read(resource("reference/synthetic-s50/unweighted_unifrac_ssu.tsv"));
        for (int i = 0; i < ours.size(); i++) {
            for (int j = 0; j < i; j++) {
                String a = ours.ids().get(i), b = ours.ids().get(j);
                assertThat(ours.get(i, j)).as(a + " " + b).isCloseTo(ssu.get(ssu.ids().indexOf(a), ssu.ids().indexOf(b)), within(1e-6));
            }
        }
    }

    @Test
    void featuresMissingFromTheTreeNameTheTreeFile(@TempDir Path dir) throws Exception {
        for (String f : List.of("s50.tsv", "s50.meta.tsv")) Files.copy(resource("synthetic-s50/" + f), dir.resolve(f));
        String newick = Files.readString(resource("synthetic-s50/s50.nwk"));
        String tip = Files.readAllLines(resource("synthetic-s50/s50.tsv")).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow().split("\t")[0];
        assertThat(newick).contains(tip);
        Files.writeString(dir.resolve("s50.nwk"), newick.replaceFirst("\\b" + java.util.regex.Pattern.quote(tip) + "\\b", "renamed_tip"));
        Path file = Files.writeString(dir.resolve("study.yaml"), STUDY, StandardCharsets.UTF_8);
        Study study = StudyFile.read(file);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StudyPipeline.run(study, dir.resolve("out"), new StudyPipeline.Options("test", "t", 1), StepListener.NONE))
                .isInstanceOf(io.gutbrain.error.InputException.class)
                .hasMessageContaining("s50.nwk").hasMessageContaining("not tips of the tree").hasMessageContaining("'" + tip + "'");
    }
}
