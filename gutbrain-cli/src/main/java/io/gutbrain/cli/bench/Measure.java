package io.gutbrain.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** Timing and retained-heap measurement shared by the benchmark commands. */
final class Measure {
    private Measure() {}

    /** Timings of repeated runs after warm-up, in seconds. */
    record Timing(double[] seconds) {
        double median() {
            double[] s = seconds.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        double min() { return Arrays.stream(seconds).min().orElse(Double.NaN); }

        String describe() { return String.format(Locale.ROOT, "median %.3fs, min %.3fs over %d runs", median(), min(), seconds.length); }
    }

    /** Runs {@code task} {@code warmup} times untimed, then {@code repeat} times timed. */
    static Timing time(int warmup, int repeat, Runnable task) {
        for (int i = 0; i < warmup; i++) task.run();
        double[] s = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t = System.nanoTime();
            task.run();
            s[i] = (System.nanoTime() - t) / 1e9;
        }
        return new Timing(s);
    }

    /**
     * Heap retained by one object {@code make} returns: used heap after full GCs with three
     * copies alive, minus used heap before, divided by three. Holding several copies averages out
     * one-time caches (parser buffers, interned names) that belong to no single table.
     * Approximate (GC is a request), good to a few percent on objects of tens of megabytes.
     */
    static <T> long retainedBytes(Supplier<T> make) {
        final int copies = 3;
        make.get(); // fill one-time caches first
        long before = usedAfterGc();
        Object[] held = new Object[copies];
        for (int i = 0; i < copies; i++) held[i] = make.get();
        long after = usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(held);
        return (after - before) / copies;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
