package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark (not a unit test) of the one-factor PERMANOVA permutation kernel, for a side-by-side
 * run with scikit-bio's {@code permanova} on the same matrix.
 *
 * <p>Usage: {@code java -cp <test-classes>:<classes> io.gutbrain.stats.PermanovaBenchmark
 * SAMPLES PERMUTATIONS THREADS SEED [GROUPS] [OUT_DIR]}. The matrix is Bray–Curtis between seeded
 * random profiles (sample i in group i mod GROUPS, default 3). Timing covers {@code Permanova.test}
 * only (no matrix generation or file I/O); the first run warms the JIT up and is reported apart,
 * then the best of five runs. With OUT_DIR the condensed matrix is written as little-endian
 * float64 ({@code condensed.f64}) and the group labels one per line ({@code groups.txt}), which
 * {@code permanova_skbio_bench.py} (next to the test resources) loads into scikit-bio.
 */
public final class PermanovaBenchmark {
    private PermanovaBenchmark() {}

    /** Timings in seconds and the statistic, for the report. */
    public record Timing(int samples, int groups, int permutations, int threads, double firstSeconds, double bestSeconds,
                         double bestCpuSeconds, double f, double p) {}

    /** {@link #run(int, int, int, long, int)} with three groups. */
    public static Timing run(int samples, int permutations, int threads, long seed) {
        return run(samples, permutations, threads, seed, 3);
    }

    /** Builds the seeded matrix and times {@code Permanova.test} on it. */
    public static Timing run(int samples, int permutations, int threads, long seed, int groups) {
        return time(matrix(samples, groups, seed), codes(samples, groups), groups, permutations, threads, seed);
    }

    static int[] codes(int samples, int groups) {
        int[] c = new int[samples];
        for (int i = 0; i < samples; i++) c[i] = i % groups;
        return c;
    }

    static DistanceMatrix matrix(int samples, int groups, long seed) {
        return StatsFixtures.randomBrayCurtis(samples, 50, codes(samples, groups), 0.1, seed);
    }

    static Timing time(DistanceMatrix dm, int[] codes, int groups, int permutations, int threads, long seed) {
        List<String> levels = new ArrayList<>();
        for (int g = 0; g < groups; g++) levels.add("g" + g);
        SampleGrouping grouping = SampleGrouping.of(dm, "group", codes, levels, null);
        PermutationOptions opt = PermutationOptions.defaults().withPermutations(permutations).withThreads(threads).withSeed(seed);
        long t0 = System.nanoTime();
        Permanova.Result first = Permanova.test(grouping, opt);
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        double best = Double.POSITIVE_INFINITY, bestCpu = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 5; rep++) {
            long c = processCpuNanos();
            long t = System.nanoTime();
            Permanova.test(grouping, opt);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
            bestCpu = Math.min(bestCpu, (processCpuNanos() - c) / 1e9);
        }
        return new Timing(dm.size(), groups, permutations, threads, firstSeconds, best, bestCpu, first.term("group").f(), first.term("group").p());
    }

    /**
     * CPU time of the whole JVM (all threads, JIT and GC included): on a machine shared with other
     * work, CPU seconds compare fairly where wall-clock seconds depend on the neighbours' load.
     */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: PermanovaBenchmark SAMPLES PERMUTATIONS THREADS SEED [GROUPS] [OUT_DIR]");
            System.exit(2);
        }
        int samples = Integer.parseInt(args[0]), perms = Integer.parseInt(args[1]), threads = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        int groups = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        DistanceMatrix dm = matrix(samples, groups, seed);
        if (args.length > 5) {
            Path dir = Path.of(args[5]);
            Files.createDirectories(dir);
            double[] c = dm.condensedDoubles();
            ByteBuffer buf = ByteBuffer.allocate(c.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : c) buf.putDouble(v);
            Files.write(dir.resolve("condensed.f64"), buf.array());
            StringBuilder sb = new StringBuilder();
            for (int g : codes(samples, groups)) sb.append('g').append(g).append('\n');
            Files.writeString(dir.resolve("groups.txt"), sb);
        }
        Timing t = time(dm, codes(samples, groups), groups, perms, threads, seed);
        System.out.printf(java.util.Locale.ROOT, "gutbrain PERMANOVA: %d samples, %d groups, %d permutations, %d threads: first %.4f s, best of 5 %.4f s wall, %.4f s CPU (F = %.10g, p = %.4g)%n",
                t.samples(), t.groups(), t.permutations(), io.gutbrain.util.Parallel.threads(t.threads()), t.firstSeconds(), t.bestSeconds(),
                t.bestCpuSeconds(), t.f(), t.p());
    }
}
