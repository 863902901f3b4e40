package io.gutbrain.modules;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Speed of module profiling on a seeded synthetic KO table and a seeded random module set (the
 * target: 1,000 samples × 10,000 KOs × 100 modules in under 1 s on 2 cores). The same arguments
 * always give the same data. Used by {@code gutbrain bench}; not a unit test.
 */
public final class ModuleBenchmark {
    private ModuleBenchmark() {}

    /**
     * What was measured.
     *
     * @param samples     samples in the table
     * @param kos         KO features in the table
     * @param modules     modules in the set
     * @param steps       reaction steps over all modules
     * @param nonZeros    non-zero cells of the table
     * @param threads     threads requested (0 = all cores)
     * @param seconds     wall-clock time of each timed run of {@link ModuleProfiler#profile}, after one warm-up run
     * @param cpuSeconds  process CPU time of each timed run (all threads, including the JVM's own;
     *                    -1 where the JVM does not report it): on a loaded machine wall time
     *                    overstates the cost, CPU time does not
     * @param calledPairs (sample, module) pairs called at the default cut-off in the last run, as a sanity check
     */
    public record Result(int samples, int kos, int modules, int steps, long nonZeros, int threads, double[] seconds, double[] cpuSeconds,
                         long calledPairs) {
        /** The median of the timed runs, in seconds. */
        public double medianSeconds() {
            double[] s = seconds.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        /** The fastest timed run, in seconds. */
        public double minSeconds() { return Arrays.stream(seconds).min().orElse(Double.NaN); }
    }

    /** Runs one warm-up and three timed profiles; see {@link #run(int, int, int, int, long, int)}. */
    public static Result run(int samples, int kos, int modules, int threads, long seed) {
        return run(samples, kos, modules, threads, seed, 3);
    }

    /**
     * Builds the synthetic data (not timed), profiles it once to warm up, then {@code repeats}
     * more times, timing each run with the median estimator and the default cut-off.
     *
     * <p>Data: KO ids {@code K00000..}; each sample has each KO with probability 0.5 and a
     * log-normal abundance (HUMAnN KO tables of deep metagenomes hold thousands of KOs per
     * sample); each module has 2–12 steps of 1–4 alternatives of 1–3 orthologs drawn from the
     * first half of the KO ids, so modules overlap as real module sets do.
     */
    public static Result run(int samples, int kos, int modules, int threads, long seed, int repeats) {
        if (samples < 1 || kos < 1 || modules < 1 || repeats < 1) throw new IllegalArgumentException("sizes and repeats must be positive");
        SplittableRandom rng = new SplittableRandom(seed);
        FeatureTable table = table(samples, kos, rng);
        ModuleSet set = modules(modules, kos, rng);
        ModuleOptions options = ModuleOptions.defaults().withThreads(threads);
        ModuleProfiler.profile(table, set, options, ProgressListener.NONE);
        double[] seconds = new double[repeats];
        double[] cpu = new double[repeats];
        ModuleProfile last = null;
        for (int r = 0; r < repeats; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            last = ModuleProfiler.profile(table, set, options, ProgressListener.NONE);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = c0 < 0 ? -1 : (processCpuNanos() - c0) / 1e9;
        }
        long called = 0;
        for (int s = 0; s < last.sampleCount(); s++) for (int m = 0; m < last.moduleCount(); m++) if (last.called(s, m)) called++;
        return new Result(samples, kos, modules, set.stepCount(), table.nonZeroCount(), threads, seconds, cpu, called);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
    }

    static FeatureTable table(int samples, int kos, SplittableRandom rng) {
        List<String> sampleIds = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) sampleIds.add("S" + s);
        List<String> koIds = koIds(kos);
        int[] ptr = new int[samples + 1];
        int cap = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, (long) (0.55 * samples * kos)));
        int[] idx = new int[cap];
        double[] val = new double[cap];
        int n = 0;
        for (int s = 0; s < samples; s++) {
            for (int k = 0; k < kos; k++) {
                if (rng.nextDouble() >= 0.5) continue;
                if (n == idx.length) {
                    idx = Arrays.copyOf(idx, 2 * n);
                    val = Arrays.copyOf(val, 2 * n);
                }
                idx[n] = k;
                val[n] = Math.exp(2 + 1.5 * gaussian(rng));
                n++;
            }
            ptr[s + 1] = n;
        }
        return FeatureTable.fromSampleMajor("synthetic", sampleIds, koIds, ptr, Arrays.copyOf(idx, n), Arrays.copyOf(val, n));
    }

    static ModuleSet modules(int modules, int kos, SplittableRandom rng) {
        List<String> koIds = koIds(kos);
        int pool = Math.max(1, kos / 2);
        List<Module> out = new ArrayList<>(modules);
        for (int m = 0; m < modules; m++) {
            int nSteps = 2 + rng.nextInt(11);
            List<Step> steps = new ArrayList<>(nSteps);
            for (int st = 0; st < nSteps; st++) {
                int nAlt = 1 + rng.nextInt(4);
                List<List<String>> alts = new ArrayList<>(nAlt);
                for (int a = 0; a < nAlt; a++) {
                    int nKo = 1 + rng.nextInt(3);
                    List<String> alt = new ArrayList<>(nKo);
                    for (int k = 0; k < nKo; k++) alt.add(koIds.get(rng.nextInt(pool)));
                    alts.add(alt);
                }
                steps.add(Step.of(alts));
            }
            out.add(Module.of("BM" + m, "benchmark module " + m, steps));
        }
        return ModuleSet.of("synthetic", out);
    }

    private static List<String> koIds(int kos) {
        List<String> ids = new ArrayList<>(kos);
        for (int k = 0; k < kos; k++) ids.add(String.format(java.util.Locale.ROOT, "K%05d", k));
        return ids;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
