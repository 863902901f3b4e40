package io.gutbrain.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gutbrain.cli.common.BundledData;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.Version;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.AtomicOutput;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.io.Newick;
import io.gutbrain.io.TableFormat;
import io.gutbrain.io.TableIO;
import io.gutbrain.metadata.MetadataMatch;
import io.gutbrain.result.Provenance;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableSummary;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.tree.TreeOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.cli.simulate.SourceOptions;
import io.gutbrain.cli.study.RunStudy;
import io.gutbrain.simulate.CohortSimulator;
import io.gutbrain.simulate.FmtTrialSimulator;
import io.gutbrain.simulate.SimulatedFmtTrial;
import io.gutbrain.simulate.SimulatedCohort;
import io.gutbrain.simulate.SimulationParameters;
import io.gutbrain.study.StudyFile;
import io.gutbrain.study.StudyTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The main job on bundled example data. It extracts the real example data sets, loads each
 * through the same readers users use, checks it (metadata ids, tree tips, a lossless BIOM HDF5
 * round trip) and writes per-dataset summaries with provenance. Then it runs the study pipeline
 * twice: on the real probiotic trial (peerj32) and on a simulated depression cohort built on the
 * real atlas1006 profiles; the last line of standard output is the cohort's report.
 */
@Command(name = "demo",
        description = "Run gutbrain on the bundled example data: dataset summaries, then full study reports for the probiotic trial, a simulated FMT trial and a simulated depression cohort.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain demo --out gutbrain-demo")
public final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", defaultValue = "gutbrain-demo", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}); a rerun reuses it. A folder gutbrain did not write is refused (see --force).")
    Path out;
    @Mixin FolderOutput folder;

    @Option(names = {"-q", "--quiet"}) boolean quiet;

    /** One bundled data set: its table, optional metadata, taxonomy and tree. */
    record Dataset(String name, String title, String table, String metadata, String taxonomy, String tree) {}

    static final List<Dataset> DATASETS = List.of(
            new Dataset("peerj32", "Probiotic trial (L. rhamnosus GG vs placebo), Lahti et al. 2013",
                    "peerj32/counts.tsv", "peerj32/metadata.tsv", "peerj32/taxonomy.tsv", null),
            new Dataset("dietswap", "Diet-swap trial, O'Keefe et al. 2015",
                    "dietswap/counts.tsv", "dietswap/metadata.tsv", "dietswap/taxonomy.tsv", null),
            new Dataset("american-gut-2014", "American Gut Project 2014 (BIOM 1.0 JSON)",
                    "american-gut-2014/AG_100nt_even10k.biom.gz", "american-gut-2014/AG_100nt_even10k.txt.gz", null, null),
            new Dataset("synthetic-s50", "Synthetic 50-sample table with tree (BIOM 2.1 HDF5)",
                    "synthetic-s50/s50.biom", "synthetic-s50/s50.meta.tsv", null, "synthetic-s50/s50.nwk"));

    @Override public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        long t0 = System.nanoTime();
        // the demo works inside its folder across runs (extracted data, study caches); each data set's folder is replaced whole
        folder.claim(spec, out);
        Path data = BundledData.extractTo(out.resolve("data"));
        Map<String, Object> index = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder("gutbrain demo: bundled example data, loaded, validated and summarised\n\n");
        for (Dataset d : DATASETS) {
            long t = System.nanoTime();
            Warnings warnings = new Warnings();
            Provenance prov = RunRecord.start(spec);
            Path tablePath = data.resolve(d.table());
            TableIO.ReadOptions options = new TableIO.ReadOptions();
            prov.input("table", tablePath);
            if (d.taxonomy() != null) {
                options.taxonomy(data.resolve(d.taxonomy()));
                prov.input("taxonomy", data.resolve(d.taxonomy()));
            }
            FeatureTable table = TableIO.read(tablePath, options);
            if (d.metadata() != null) {
                table = MetadataMatch.attach(table, MetadataFile.read(data.resolve(d.metadata())), warnings);
                prov.input("metadata", data.resolve(d.metadata()));
            }
            Map<String, Object> checks = new LinkedHashMap<>();
            if (d.tree() != null) {
                PhyloTree tree = Newick.read(data.resolve(d.tree()));
                prov.input("tree", data.resolve(d.tree()));
                List<String> missing = TreeOps.missingTips(tree, table.featureIds());
                if (!missing.isEmpty()) {
                    throw new InputException(d.tree(), null, missing.size() + " table features are not tips of the tree", "use the tree built for this table");
                }
                checks.put("treeTips", tree.tipCount());
                checks.put("allFeaturesInTree", true);
            }
            TableSummary s = TableSummary.of(table, 10);
            String summaryText = io.gutbrain.cli.table.SummarizeTable.text(d.table(), s, table.metadata());
            Map<String, Object> entry = new LinkedHashMap<>();
            try (OutputFolder dir = folder.stage(spec, out.resolve(d.name()))) {
                Path biom = dir.resolve("table.biom");
                TableIO.write(table, biom, TableFormat.BIOM_HDF5);
                boolean roundTrip = TableIO.read(biom).sameData(table.withMetadata(null));
                checks.put("biomHdf5RoundTripIdentical", roundTrip);
                if (!roundTrip) throw new IllegalStateException("BIOM HDF5 round trip changed " + d.name());
                AtomicOutput.write(dir.resolve("summary.txt"), o -> o.write(summaryText.getBytes(StandardCharsets.UTF_8)));
                entry.put("title", d.title());
                entry.put("summary", s);
                entry.put("checks", checks);
                entry.put("warnings", warnings.messages());
                AtomicOutput.write(dir.resolve("summary.json"), o -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(o, entry));
                for (String[] f : new String[][]{{"table", "table.biom"}, {"summary", "summary.txt"}, {"summary-json", "summary.json"}}) {
                    prov.output(f[0], dir.resolve(f[1]), dir.target().resolve(f[1]));
                }
                prov.write(dir.resolve("provenance.json"));
                dir.commit();
            }
            index.put(d.name(), entry);
            double secs = (System.nanoTime() - t) / 1e9;
            String line = String.format(Locale.ROOT, "%-18s %,6d samples x %,7d features, %,10d non-zeros, depth median %s  (%.2fs)%s",
                    d.name(), s.samples(), s.features(), s.nonZeros(), fmt(s.depthMedian()), secs,
                    warnings.isEmpty() ? "" : "  [" + warnings.messages().size() + " warning(s)]");
            text.append(line).append('\n').append(summaryText).append('\n');
            for (String w : warnings.messages()) text.append("  warning: ").append(w).append('\n');
            console.info(line);
        }
        String report = text.toString();
        AtomicOutput.write(out.resolve("summary.txt"), o -> o.write(report.getBytes(StandardCharsets.UTF_8)));
        AtomicOutput.write(out.resolve("index.json"), o -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(o, index));
        spec.commandLine().getOut().println(out.resolve("summary.txt"));
        String command = RunRecord.commandLine(spec);
        Path peerj = RunStudy.run(StudyFile.read(peerj32Study(data, out.resolve("peerj32-study"))), out.resolve("peerj32-study/results"),
                command, 0, console, spec.commandLine().getErr(), false).report();
        Path diet = RunStudy.run(StudyFile.read(dietswapStudy(data, out.resolve("dietswap-study"))), out.resolve("dietswap-study/results"),
                command, 0, console, spec.commandLine().getErr(), false).report();
        Path fmt = RunStudy.run(StudyFile.read(fmtTrial(out.resolve("fmt-simulated"), command)),
                out.resolve("fmt-simulated/results"), command, 0, console, spec.commandLine().getErr(), false).report();
        Path cohort = RunStudy.run(StudyFile.read(depressionCohort(out.resolve("depression-cohort"), command)),
                out.resolve("depression-cohort/results"), command, 0, console, spec.commandLine().getErr(), false).report();
        console.info(String.format(Locale.ROOT, "demo finished in %.1fs; summary: %s; reports: %s, %s, %s, %s",
                (System.nanoTime() - t0) / 1e9, out.resolve("summary.txt"), peerj, diet, fmt, cohort));
        spec.commandLine().getOut().println(peerj);
        spec.commandLine().getOut().println(diet);
        spec.commandLine().getOut().println(fmt);
        // the depression cohort's report stays the last line: scripts take it from there
        spec.commandLine().getOut().println(cohort);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * The study file of the real probiotic trial (peerj32: L. rhamnosus GG vs placebo, two time
     * points per subject): group and reference, the subject as random intercept, time as
     * covariate, and the trial analysis of LGG against placebo following the HITChip group that
     * holds L. rhamnosus.
     */
    static Path peerj32Study(Path data, Path dir) {
        String yaml = """
                study:
                  name: peerj32
                  description: "Probiotic trial, L. rhamnosus GG vs placebo (Lahti et al. 2013), HITChip genus-level profiles"
                inputs:
                  table: %s
                  metadata: %s
                design:
                  group: group
                  reference: Placebo
                  covariates: [time]
                  random_effects: [subject]
                  subject: subject
                  time: time
                analyses:
                  qc:
                    min_depth: 1000
                  rarefaction:
                    iterations: 5
                  alpha:
                    metrics: [observed_features, shannon]
                  beta:
                    metrics: [braycurtis, jaccard]
                    permutations: 999
                  association: {}
                  intervention:
                    treatment: LGG
                    control: Placebo
                    baseline: "1"
                    # HITChip has no probe group specific to L. rhamnosus GG. Its genus-like group
                    # "Lactobacillus plantarum et rel." covers the L. casei / rhamnosus clade, and it is
                    # the only Lactobacillus group that rises in the LGG arm here (mean 0.7 -> 8.3 per
                    # 10,000 reads vs 0.8 -> 1.5 on placebo), so it stands in for the administered strain.
                    taxa: ["Lactobacillus plantarum et rel."]
                seed: 1
                """.formatted(data.resolve("peerj32/counts.tsv").toAbsolutePath(), data.resolve("peerj32/metadata.tsv").toAbsolutePath());
        return writeStudy(dir, yaml);
    }

    /**
     * The study file of the real diet-swap trial (dietswap, O'Keefe et al. 2015): African
     * Americans (AAM) and rural Africans (AFR) swapped diets for two weeks; six visits per
     * subject (1 start, 2–3 home environment, 4–5 diet intervention, 6 end). The diet phases are
     * within-subject and confounded with the visit, so the arm is the nationality (the direction
     * of the swap) and time is the visit, baseline 1: the arm × time model of Shannon diversity
     * is the one checked against lme4/lmerTest in the tests.
     */
    static Path dietswapStudy(Path data, Path dir) {
        String yaml = """
                study:
                  name: dietswap
                  description: "Diet-swap trial, African Americans and rural Africans (O'Keefe et al. 2015), HITChip genus-level profiles"
                inputs:
                  table: %s
                  metadata: %s
                design:
                  group: nationality
                  reference: AAM
                  subject: subject
                  time: timepoint
                analyses:
                  qc:
                    min_depth: 1
                  alpha:
                    metrics: [shannon]
                  beta:
                    metrics: [braycurtis]
                    permutations: 199
                  intervention:
                    treatment: AFR
                    control: AAM
                    baseline: "1"
                seed: 1
                """.formatted(data.resolve("dietswap/counts.tsv").toAbsolutePath(), data.resolve("dietswap/metadata.tsv").toAbsolutePath());
        return writeStudy(dir, yaml);
    }

    /**
     * Simulates the FMT trial ({@link FmtTrialSimulator} defaults: 20 recipients, 4 donors, weeks
     * 0, 2, 4, 8, seed 1, on the bundled atlas1006 profiles) into {@code dir} with its study file:
     * alpha and beta diversity and the intervention analysis with the donor column.
     */
    static Path fmtTrial(Path dir, String command) {
        SimulatedFmtTrial t = FmtTrialSimulator.simulate(new SourceOptions().load(), FmtTrialSimulator.Parameters.defaults());
        t.write(dir, Version.get(), command);
        return writeStudy(dir, t.studyText("fmt-simulated"));
    }

    /**
     * Simulates the semi-synthetic depression cohort (200 subjects on the bundled atlas1006
     * profiles, seed 1) into {@code dir} with a SIMULATED KO profile for the gut-brain modules
     * and its study file, trimmed so the demo stays quick: two alpha metrics and five rarefactions.
     */
    static Path depressionCohort(Path dir, String command) {
        SimulatedCohort c = CohortSimulator.simulate(new SourceOptions().load(), SimulationParameters.defaults().withSubjects(200).withSeed(1));
        c.write(dir, Version.get(), command);
        String yaml = StudyTemplate.text(dir.resolve(STUDY_FILE), dir.resolve(SimulatedCohort.TABLE), dir.resolve(SimulatedCohort.METADATA), c.writeKoProfile(dir))
                .replace("iterations: 10", "iterations: 5")
                .replaceFirst("(?m)^(  alpha:\\n    metrics: ).*$", "$1[observed_features, shannon]");
        return writeStudy(dir, yaml);
    }

    /** Name of the study file inside each demo study's folder. */
    static final String STUDY_FILE = "study.yaml";

    /** Writes {@code yaml} as the study file of {@code dir} (atomically, creating the folder) and returns its path. */
    private static Path writeStudy(Path dir, String yaml) {
        Path study = dir.resolve(STUDY_FILE);
        io.gutbrain.io.TextOutput.write(study, yaml);
        return study;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
