package io.gutbrain.study;

import io.gutbrain.association.AssociationResult;
import io.gutbrain.association.linda.Linda;
import io.gutbrain.association.linda.LindaOptions;
import io.gutbrain.io.BiomJson;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.report.ResultsStore;
import io.gutbrain.result.ResultTable;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code association.method: linda} and {@code nonparametric} in a study run. */
class StudyAssociationMethodsTest {
    private static final String STUDY = """
            study:
              name: methods
            inputs:
              table: data/table.tsv
              metadata: data/metadata.tsv
            measures:
              - instrument: phq9
            design:
              group: diagnosis
              reference: control
              outcomes: [phq9]
              covariates: [%s]
            analyses:
              qc:
                min_depth: 1000
              association:
                method: %s
                min_prevalence: 0.5
            seed: 1
            """;

    private static StudyPipeline.Result run(Path dir, String method, String covariates) throws Exception {
        StudyPipelineTest.cohort(dir, "age");
        Path file = Files.writeString(dir.resolve("study.yaml"), STUDY.formatted(covariates, method), StandardCharsets.UTF_8);
        return StudyPipeline.run(StudyFile.read(file), dir.resolve("out"), new StudyPipeline.Options("test", "t", 2), StepListener.NONE);
    }

    /** The QC-filtered table and the scored metadata the step used, read back from the cache. */
    private static FeatureTable cached(Path out, String step, String file) throws Exception {
        return BiomJson.read(cacheDir(out, step).resolve(file));
    }

    private static Path cacheDir(Path out, String step) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve(".cache"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(step + "-")).findFirst().orElseThrow();
        }
    }

    @Test
    void lindaRowsAreLindasOwnForEachVariableAdjustedForTheCovariates(@TempDir Path dir) throws Exception {
        StudyPipeline.Result r = run(dir, "linda", "age");
        Path out = dir.resolve("out");
        FeatureTable table = cached(out, "load", "table.biom");
        SampleMetadata md = MetadataFile.read(cacheDir(out, "measures").resolve("metadata.tsv"));
        List<AssociationResult> direct = Linda.run(table, md, List.of("phq9_score", "age"), LindaOptions.builder().minPrevalence(0.5).threads(1).build()).rows();
        try (ResultsStore store = ResultsStore.openReadOnly(out)) {
            ResultTable t = store.readTable(r.runId(), "association");
            int tested = t.columns().indexOf("tested"), feature = t.columns().indexOf("feature"), coef = t.columns().indexOf("coef"),
                    q = t.columns().indexOf("qval"), method = t.columns().indexOf("method");
            List<Object[]> phq9 = t.rows().stream().filter(x -> "phq9_score".equals(x[tested])).toList();
            List<AssociationResult> expected = direct.stream().filter(x -> x.variable().equals("phq9_score")).toList();
            assertThat(phq9).hasSize(expected.size()).isNotEmpty();
            for (AssociationResult e : expected) {
                Object[] row = phq9.stream().filter(x -> e.feature().equals(x[feature])).findFirst().orElseThrow();
                assertThat(row[method]).isEqualTo("linda");
                assertThat(((Number) row[coef]).doubleValue()).isCloseTo(e.estimate(), within(1e-12));
                assertThat(((Number) row[q]).doubleValue()).isCloseTo(e.qValue(), within(1e-12));
            }
        }
        assertThat(Files.readString(r.report())).contains("LinDA (Zhou et al. 2022)").contains("adjusted for age");
    }

    @Test
    void nonparametricSpearmanMatchesAHandComputedRankCorrelation(@TempDir Path dir) throws Exception {
        StudyPipeline.Result r = run(dir, "nonparametric", "age");
        Path out = dir.resolve("out");
        FeatureTable table = cached(out, "load", "table.biom").relativeAbundance();
        SampleMetadata md = MetadataFile.read(cacheDir(out, "measures").resolve("metadata.tsv"));
        try (ResultsStore store = ResultsStore.openReadOnly(out)) {
            ResultTable t = store.readTable(r.runId(), "association");
            int tested = t.columns().indexOf("tested"), feature = t.columns().indexOf("feature"), coef = t.columns().indexOf("coef"),
                    method = t.columns().indexOf("method");
            Object[] top = t.rows().stream().filter(x -> "phq9_score".equals(x[tested])).findFirst().orElseThrow();
            assertThat(top[method]).isEqualTo("spearman");
            int f = table.featureIndex((String) top[feature]);
            List<double[]> xy = new ArrayList<>();
            for (int s = 0; s < table.sampleCount(); s++) {
                double y = md.number("phq9_score", table.sampleIds().get(s));
                if (Double.isFinite(y)) xy.add(new double[]{table.get(s, f), y});
            }
            assertThat(((Number) top[coef]).doubleValue()).isCloseTo(spearman(xy), within(1e-12));
            assertThat(t.rows()).anyMatch(x -> "diagnosis".equals(x[tested]) && "wilcoxon".equals(x[method]));
        }
        assertThat(Files.readString(r.report())).contains("Rank tests cannot adjust for covariates").contains("Spearman");
    }

    /** Pearson correlation of mid-ranks. */
    private static double spearman(List<double[]> xy) {
        double[] rx = ranks(xy.stream().mapToDouble(p -> p[0]).toArray());
        double[] ry = ranks(xy.stream().mapToDouble(p -> p[1]).toArray());
        double mx = Arrays.stream(rx).average().orElseThrow(), my = Arrays.stream(ry).average().orElseThrow();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j < v.length && v[order[j]] == v[order[i]]) j++;
            for (int k = i; k < j; k++) r[order[k]] = (i + 1 + j) / 2.0;
            i = j;
        }
        return r;
    }
}
