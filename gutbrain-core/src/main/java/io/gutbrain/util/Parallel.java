package io.gutbrain.util;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs index-range work on a chosen number of threads. Every kernel takes a thread count so
 * that benchmarks can compare at equal threads with peer tools; 0 means all cores.
 */
public final class Parallel {
    private Parallel() {}

    /** The thread count to use: {@code requested} if positive, else the number of cores. */
    public static int threads(int requested) {
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Calls {@code body} for every i in [0, n) on {@code threads} threads (dynamic scheduling,
     * so uneven rows balance). Exceptions from the body are rethrown unchanged.
     */
    public static void forEach(int n, int threads, IntConsumer body) {
        int t = threads(threads);
        if (t == 1 || n < 2) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(t);
        try {
            ForkJoinTask<?> task = pool.submit(() -> IntStream.range(0, n).parallel().forEach(body));
            task.join();
        } finally {
            pool.shutdown();
        }
    }
}
