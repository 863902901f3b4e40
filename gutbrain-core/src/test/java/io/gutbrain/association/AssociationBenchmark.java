package io.gutbrain.association;

import io.gutbrain.error.Warnings;
import io.gutbrain.io.DelimitedTable;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.SyntheticTables;
import io.gutbrain.util.ProgressListener;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Throughput of the association engine (not a unit test; run {@code main} from the
 * gutbrain-core directory with the test classpath):
 * <ol>
 *   <li>HMP2 (1,595 samples, 87 species) with MaAsLin2's test model — 7 fixed effects plus
 *       random intercepts for site and subject (REML, Satterthwaite df) — features per second;</li>
 *   <li>a seeded synthetic table of 1,000 samples × 2,000 features (density 0.3) with three
 *       covariates (numeric, 3-level categorical, binary), fixed effects only — features per second
 *       for the model fits alone and for the whole MaAsLin2 pipeline (filter, TSS, LOG, fit, BH).</li>
 * </ol>
 * Each measurement is the best of several repetitions after a warm-up run.
 */
public final class AssociationBenchmark {
    private AssociationBenchmark() {}

    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 0);
    }

    /**
     * Runs both benchmarks and prints one line per measurement.
     *
     * @param threads threads for the pipeline runs (0 = all cores); model-only rates are single-threaded
     */
    public static void run(PrintStream out, int threads) {
        out.println("cores available: " + Runtime.getRuntime().availableProcessors());
        // ---- HMP2 mixed model
        Path dir = Path.of("src/test/resources/maaslin2-hmp2");
        FeatureTable hmp2 = DelimitedTable.read(dir.resolve("HMP2_taxonomy.tsv"));
        SampleMetadata md = MetadataFile.read(dir.resolve("HMP2_metadata.tsv"));
        Maaslin2.Options o = Maaslin2.Options.defaults().withTransform(Transform.AST)
                .withFixedEffects(List.of("diagnosis", "dysbiosisnonIBD", "dysbiosisUC", "dysbiosisCD", "antibiotics", "age"))
                .withRandomEffects(List.of("site", "subject")).withReferenceLevels(Map.of("diagnosis", "nonIBD")).withStandardize(false);
        for (int t : new int[] {1, threads}) {
            Maaslin2.Options ot = o.withThreads(t);
            double best = best(5, () -> Maaslin2.run(hmp2, md, ot, new Warnings(), ProgressListener.NONE));
            out.printf(Locale.ROOT, "HMP2 LMM pipeline (%d features, %s threads): %.3f s, %.0f features/s%n", 87, t == 0 ? "all" : Integer.toString(t), best, 87 / best);
        }

        // ---- synthetic fixed effects
        int ns = 1000;
        int nf = 2000;
        FeatureTable syn = SyntheticTables.counts(ns, nf, 0.3, 42);
        Random rnd = new Random(7);
        String[][] values = new String[3][ns];
        for (int s = 0; s < ns; s++) {
            values[0][s] = Double.toString(20 + 50 * rnd.nextDouble());
            values[1][s] = new String[] {"A", "B", "C"}[rnd.nextInt(3)];
            values[2][s] = rnd.nextBoolean() ? "yes" : "no";
        }
        SampleMetadata smd = new SampleMetadata("synthetic", syn.sampleIds(), List.of("age", "group", "treated"), values, null);
        DesignMatrix d = DesignMatrix.build(smd, new ModelSpec(List.of("age", "group", "treated"), List.of(), Map.of(), true, true));
        LinearModel lm = LinearModel.of(d);
        Normalization.Normalized norm = Normalization.TSS.prepare(syn);
        List<double[]> ys = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            double[] y = Transform.LOG.apply(norm.feature(f), new String[1]);
            if (y != null) ys.add(y);
        }
        double fitOnly = best(5, () -> { for (double[] y : ys) lm.fit(y); return null; });
        out.printf(Locale.ROOT, "synthetic %dx%d LM fits only (%d features with a positive value, 1 thread): %.3f s, %.0f features/s%n", ns, nf, ys.size(), fitOnly, ys.size() / fitOnly);
        Maaslin2.Options so = Maaslin2.Options.defaults().withFixedEffects(List.of("age", "group", "treated"))
                .withReferenceLevels(Map.of("group", "A")).withMinPrevalence(0);
        for (int t : new int[] {1, threads}) {
            Maaslin2.Options ot = so.withThreads(t);
            double best = best(5, () -> Maaslin2.run(syn, smd, ot, new Warnings(), ProgressListener.NONE));
            out.printf(Locale.ROOT, "synthetic %dx%d MaAsLin2 pipeline, LM (%s threads): %.3f s, %.0f features/s%n", ns, nf, t == 0 ? "all" : Integer.toString(t), best, nf / best);
        }
    }

    private static double best(int reps, java.util.function.Supplier<?> work) {
        work.get();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
