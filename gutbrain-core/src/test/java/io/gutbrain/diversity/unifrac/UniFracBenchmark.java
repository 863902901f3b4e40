package io.gutbrain.diversity.unifrac;

import io.gutbrain.io.BiomHdf5;
import io.gutbrain.io.Newick;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.SyntheticTables;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.tree.SyntheticTrees;
import io.gutbrain.util.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times {@link UniFrac} on a seeded synthetic table and random tree, for side-by-side runs with
 * striped UniFrac ({@code ssu}) on the same data. Not a unit test (no timed assertions anywhere).
 *
 * <p>Run from {@code gutbrain-core} after {@code mvn test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes io.gutbrain.diversity.unifrac.UniFracBenchmark \
 *     1000 5000 0.1 weighted-normalized-unifrac 1 42 [exportDir]
 * </pre>
 * With an export directory the table is written as BIOM 2.1 HDF5 ({@code table.biom}) and the
 * tree as Newick ({@code tree.nwk}); then {@code ssu -i table.biom -t tree.nwk -m weighted_normalized
 * -o out.tsv --pcoa 0 --n-substeps 1} with {@code OMP_NUM_THREADS} equal to the thread count runs
 * the same problem. Note: {@code ssu} 1.2 crashes (SIGSEGV) on BIOM files whose id datasets are
 * fixed-length strings, as jHDF writes them; rewriting the file with biom-format
 * ({@code python3 -c "import biom,h5py; t=biom.load_table('table.biom');
 * t.to_hdf5(h5py.File('table_py.biom','w'),'x')"}) gives variable-length strings that it reads.
 */
public final class UniFracBenchmark {
    private UniFracBenchmark() {}

    /** Wall-clock seconds of one benchmark run. */
    public static final class Timings {
        public final double generateSeconds;
        /** First call in a fresh JVM, JIT warm-up included: what a command-line run pays. */
        public final double firstSeconds;
        /** Best of the following repeats. */
        public final double bestSeconds;
        /**
         * Process CPU seconds of that best repeat (all threads): comparable with {@code ssu}'s
         * user + system time, and steadier than wall time on a shared machine.
         */
        public final double bestCpuSeconds;
        public final FeatureTable table;
        public final PhyloTree tree;

        Timings(double generateSeconds, double firstSeconds, double bestSeconds, double bestCpuSeconds,
                FeatureTable table, PhyloTree tree) {
            this.generateSeconds = generateSeconds;
            this.firstSeconds = firstSeconds;
            this.bestSeconds = bestSeconds;
            this.bestCpuSeconds = bestCpuSeconds;
            this.table = table;
            this.tree = tree;
        }

        @Override public String toString() {
            return String.format("generate %.3f s, first %.3f s, best of repeats %.3f s (%.3f s CPU)",
                    generateSeconds, firstSeconds, bestSeconds, bestCpuSeconds);
        }
    }

    /**
     * Generates a table of {@code samples} × {@code features} counts with
     * {@link SyntheticTables#counts} (expected fraction {@code density} of non-zero cells, uneven
     * prevalence) and a random binary tree over the features (random pairwise joins, branch
     * lengths uniform in (0, 1)), then times {@code variant} on it: once, then three more times.
     */
    public static Timings run(int samples, int features, double density, UniFracVariant variant, int threads, long seed) {
        long t0 = System.nanoTime();
        FeatureTable table = SyntheticTables.counts(samples, features, density, seed);
        PhyloTree tree = SyntheticTrees.random(table.featureIds(), seed);
        long t1 = System.nanoTime();
        UniFrac.compute(table, tree, variant, 0.5, threads, false, ProgressListener.NONE);
        long t2 = System.nanoTime();
        double best = Double.MAX_VALUE, bestCpu = 0;
        for (int r = 0; r < 3; r++) {
            long cpu = processCpuNanos();
            long a = System.nanoTime();
            UniFrac.compute(table, tree, variant, 0.5, threads, false, ProgressListener.NONE);
            double wall = (System.nanoTime() - a) / 1e9;
            if (wall < best) {
                best = wall;
                bestCpu = (processCpuNanos() - cpu) / 1e9;
            }
        }
        return new Timings((t1 - t0) / 1e9, (t2 - t1) / 1e9, best, bestCpu, table, tree);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
    }

    /** {@code samples features density variant threads seed [exportDir]}. */
    public static void main(String[] args) {
        int samples = Integer.parseInt(args[0]);
        int features = Integer.parseInt(args[1]);
        double density = Double.parseDouble(args[2]);
        UniFracVariant variant = UniFracVariant.fromCliName(args[3]);
        int threads = Integer.parseInt(args[4]);
        long seed = Long.parseLong(args[5]);
        Timings t = run(samples, features, density, variant, threads, seed);
        System.out.println(variant.cliName() + " " + samples + " x " + features + " density " + density
                + " threads " + threads + ": " + t);
        if (args.length > 6) {
            Path dir = Path.of(args[6]);
            BiomHdf5.write(t.table, dir.resolve("table.biom"));
            Newick.write(t.tree, dir.resolve("tree.nwk"));
            System.out.println("wrote " + dir.resolve("table.biom") + " and " + dir.resolve("tree.nwk"));
        }
    }
}
