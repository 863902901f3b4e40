package io.gutbrain.study;

import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The Step contract: registry order, schema-driven parsing, template and docs, the typed cache, and the composition step. */
class StepContractTest {

    /** A step that only declares a name and needs (for ordering tests). */
    record NoConfig() {}

    record NoResult(List<String> notes) implements StepResult {}

    static Step<NoConfig, NoResult> stub(String name, String... needs) {
        return new Step<>() {
            @Override public String name() { return name; }
            @Override public String title() { return name; }
            @Override public String summary() { return name; }
            @Override public StepSchema<NoConfig> schema() { return StepSchema.whenPresent(List.of(), (v, s) -> new NoConfig()); }
            @Override public Class<NoResult> resultType() { return NoResult.class; }
            @Override public List<String> needs() { return List.of(needs); }
            @Override public NoResult compute(StepContext c, NoConfig config) { return new NoResult(List.of()); }
            @Override public void render(NoResult r, NoConfig c, StepSection s) { }
            @Override public String methods(NoResult r, NoConfig c) { return ""; }
            @Override public List<String> citations() { return List.of(); }
        };
    }

    @Test
    void registryOrdersStepsAfterWhatTheyNeed() {
        StepRegistry r = new StepRegistry(Set.of("load")).register(stub("c", "b", "a")).register(stub("b", "a")).register(stub("a", "load"));
        assertThat(r.names()).containsExactly("a", "b", "c");
    }

    @Test
    void registryRefusesCyclesMissingNeedsAndTwins() {
        StepRegistry cycle = new StepRegistry(Set.of()).register(stub("a", "b")).register(stub("b", "a")).register(stub("free"));
        assertThatThrownBy(cycle::ordered).hasMessageContaining("cycle").hasMessageContaining("a, b").hasMessageNotContaining("free");
        StepRegistry missing = new StepRegistry(Set.of("load")).register(stub("a", "beta"));
        assertThatThrownBy(missing::ordered).hasMessageContaining("needs 'beta'");
        assertThatThrownBy(() -> new StepRegistry(Set.of("load")).register(stub("load"))).hasMessageContaining("two steps");
    }

    @Test
    void standardRegistryHoldsCompositionAfterTheProvidedSteps() {
        assertThat(StepRegistry.standard().names()).contains("composition");
    }

    // ---- schema: parsing with lines, defaults, ranges ----

    private static final String MINIMAL = """
            study:
              name: s
            inputs:
              table: table.tsv
              metadata: metadata.tsv
            design:
              group: g
            analyses:
            %s
            """;

    static Path inputs(Path dir) throws Exception {
        Files.writeString(dir.resolve("table.tsv"), "#OTU ID\ts1\ts2\ts3\nf1\t1\t2\t3\nf2\t4\t5\t6\n");
        Files.writeString(dir.resolve("metadata.tsv"), "sample-id\tg\ns1\ta\ns2\tb\ns3\tb\n");
        return dir.resolve("study.yaml");
    }

    private static Study parse(Path dir, String analyses) throws Exception {
        Path study = inputs(dir);
        String text = MINIMAL.formatted(analyses);
        return StudyFile.parse(study, "study.yaml", text);
    }

    @Test
    void compositionRunsWithDefaultsWhenAbsentAndReadsItsSection(@TempDir Path dir) throws Exception {
        Study absent = parse(dir, "  qc: {}");
        CompositionStep.Config d = absent.analyses().steps().get(new CompositionStep());
        assertThat(d).isEqualTo(new CompositionStep.Config("genus", 10, "g", "a")); // reference: the first level, as R
        Study set = parse(dir, "  composition:\n    rank: Family\n    top: 5");
        assertThat(set.analyses().steps().get(new CompositionStep())).isEqualTo(new CompositionStep.Config("family", 5, "g", "a"));
        Study off = parse(dir, "  composition:\n    enabled: false");
        assertThat(off.analyses().steps().runs("composition")).isFalse();
        assertThat(StudyPipeline.steps(off)).doesNotContain("composition");
        assertThat(StudyPipeline.steps(absent)).containsSubsequence("load", "composition", "report");
    }

    @Test
    void schemaProblemsCarryTheirLines(@TempDir Path dir) throws Exception {
        // line 10: rank, line 11: top, line 12: an unknown key
        assertThatThrownBy(() -> parse(dir, "  composition:\n    rank: genuss\n    top: 40\n    colour: red"))
                .isInstanceOfSatisfying(StudyFileException.class, e -> {
                    assertThat(e.problems()).extracting(StudyProblem::line).containsExactly(10L, 11L, 12L);
                    assertThat(e.problems().get(0).message()).contains("'analyses.composition.rank'").contains("genuss").contains("did you mean 'genus'");
                    assertThat(e.problems().get(1).message()).contains("'analyses.composition.top' must be from 1 to 13, found 40");
                    assertThat(e.problems().get(2).message()).contains("unknown key 'colour'");
                });
    }

    @Test
    void templateAndDocsComeFromTheSchema() throws Exception {
        String template = StepRegistry.standard().template();
        assertThat(template).contains("  composition:").contains("    rank: genus").contains("    top: 10").contains("whole number, 1 to 13");
        Path doc = Path.of("..", "docs", "study-file.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        assertThat(StepRegistry.withGeneratedSteps(text, StepRegistry.standard()))
                .as("docs/study-file.md is out of date: run StepRegistry.main (docs/pipeline.md, Adding a step)").isEqualTo(text);
    }

    @Test
    void initTemplateWithTheStepBlockIsAValidStudyFile(@TempDir Path dir) throws Exception {
        Path study = inputs(dir);
        String yaml = StudyTemplate.text(study, dir.resolve("table.tsv"), dir.resolve("metadata.tsv"));
        assertThat(yaml).contains(StepRegistry.standard().template());
        Files.writeString(study, yaml);
        assertThat(StudyFile.read(study).analyses().steps().runs("composition")).isTrue();
    }

    // ---- composition numbers by hand ----

    /** Three samples, four features; f1 and f2 are both genus A, f3 is B, f4 is unassigned at genus (family F). */
    static FeatureTable tiny() {
        FeatureTable t = FeatureTable.fromDense("tiny", List.of("s1", "s2", "s3"), List.of("f1", "f2", "f3", "f4"),
                new double[][]{{1, 1, 2, 6}, {0, 3, 1, 0}, {5, 0, 0, 5}});
        return t.withTaxonomy(new Lineage[]{Lineage.parse("k__K;f__F;g__A"), Lineage.parse("k__K;f__F;g__A"),
                Lineage.parse("k__K;f__F;g__B"), Lineage.parse("k__K;f__F;g__")});
    }

    static SampleMetadata groups() {
        return new SampleMetadata("md", List.of("s1", "s2", "s3"), List.of("g"), new String[][]{{"x", "y", "y"}}, null);
    }

    @Test
    void compositionNumbersByHand() {
        CompositionStep.Result r = CompositionStep.compute(tiny(), groups(), new CompositionStep.Config("genus", 2, "g", "y"));
        // shares: s1 A .2 B .2 unclassified F .6; s2 A .75 B .25; s3 A .5 F .5
        // means: A .4833, unclassified F .3667, B .15 -> top 2 = A, unclassified F; other = B
        assertThat(r.taxa()).containsExactly("A", "unclassified F", "other");
        assertThat(r.groups()).containsExactly("y", "x"); // the reference first
        assertThat(r.samples()).containsExactly("s2", "s3", "s1");
        assertThat(r.groupSizes()).containsExactly(2, 1);
        double[][] expected = {{0.75, 0, 0.25}, {0.5, 0.5, 0}, {0.2, 0.6, 0.2}};
        for (int s = 0; s < 3; s++) {
            double sum = 0;
            for (int t = 0; t < 3; t++) {
                assertThat(r.sampleShares().get(s).get(t)).isCloseTo(expected[s][t], within(1e-12));
                sum += r.sampleShares().get(s).get(t);
            }
            assertThat(sum).isCloseTo(1, within(1e-12));
        }
        assertThat(r.groupMeans().get(0)).satisfiesExactly(a -> assertThat(a).isCloseTo(0.625, within(1e-12)),
                f -> assertThat(f).isCloseTo(0.25, within(1e-12)), o -> assertThat(o).isCloseTo(0.125, within(1e-12)));
        assertThat(r.groupMeans().get(1)).satisfiesExactly(a -> assertThat(a).isCloseTo(0.2, within(1e-12)),
                f -> assertThat(f).isCloseTo(0.6, within(1e-12)), o -> assertThat(o).isCloseTo(0.2, within(1e-12)));
        assertThat(r.taxaCount()).isEqualTo(3);
    }

    @Test
    void withoutTaxonomyTheBarsShowFeatureIdsAndSaySo() {
        FeatureTable t = FeatureTable.fromDense("t", List.of("s1", "s2"), List.of("f1", "f2"), new double[][]{{1, 3}, {0, 0}});
        CompositionStep.Result r = CompositionStep.compute(t, new SampleMetadata("md", List.of("s1", "s2"), List.of(), new String[0][], null), new CompositionStep.Config("genus", 10, null, null));
        assertThat(r.rank()).isEqualTo("feature");
        assertThat(r.taxa()).containsExactly("f2", "f1"); // no "other": every taxon is shown
        assertThat(r.groups()).containsExactly("all samples");
        assertThat(r.samples()).containsExactly("s1");
        assertThat(r.notes()).anyMatch(n -> n.contains("no taxonomy")).anyMatch(n -> n.contains("1 sample(s) without reads"));
    }

    // ---- the cache ----

    @Test
    void cachedResultEqualsTheFreshOneFieldByField(@TempDir Path dir) {
        CompositionStep.Config config = new CompositionStep.Config("genus", 2, "g", "y");
        CompositionStep.Result fresh = CompositionStep.compute(tiny(), groups(), config);
        ResultCache cache = new ResultCache(new StepCache(dir));
        String key = ResultCache.key("composition", "test", config, List.of("k1", ""));
        cache.store("composition", key, fresh, CompositionStep.Result.class);
        assertThat(cache.has("composition", key)).isTrue();
        CompositionStep.Result back = cache.load("composition", key, CompositionStep.Result.class);
        assertThat(back).isNotSameAs(fresh).isEqualTo(fresh);
        assertThat(back).usingRecursiveComparison().isEqualTo(fresh);
    }

    @Test
    void cacheKeyFollowsTheConfigurationVersionAndUpstream() {
        CompositionStep.Config a = new CompositionStep.Config("genus", 10, "g", null);
        String k = ResultCache.key("composition", "1", a, List.of("u"));
        assertThat(ResultCache.key("composition", "1", new CompositionStep.Config("genus", 10, "g", null), List.of("u"))).isEqualTo(k);
        assertThat(ResultCache.key("composition", "1", new CompositionStep.Config("genus", 9, "g", null), List.of("u"))).isNotEqualTo(k);
        assertThat(ResultCache.key("composition", "1", new CompositionStep.Config("genus", 10, "h", null), List.of("u"))).isNotEqualTo(k);
        assertThat(ResultCache.key("composition", "2", a, List.of("u"))).isNotEqualTo(k);
        assertThat(ResultCache.key("composition", "1", a, List.of("v"))).isNotEqualTo(k);
    }
}
