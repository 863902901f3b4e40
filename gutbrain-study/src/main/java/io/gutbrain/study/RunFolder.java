package io.gutbrain.study;

import io.gutbrain.report.ResultsStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The output folder of one study run, kept clean across crashes and failures.
 *
 * <ul>
 *   <li>{@link #recover}: at the start of a run, with the results store open for writing (its
 *       DuckDB file lock proves no other run uses this folder), runs that a dead process left
 *       {@code running} are marked {@code interrupted} by the store, and every staging folder
 *       ({@code .cache/.staging-*}, the report's {@code .report.staging-*} and {@code .report.old-*})
 *       is removed; one note line per interrupted run says so.</li>
 *   <li>{@link #removeWhatAFailedRunCreated}: after a failed run (store closed), everything this
 *       run created is removed: the whole output folder when it did not exist before, otherwise
 *       the store, the cache and the report if they did not exist before. A store that existed
 *       keeps the run, recorded as {@code failed}.</li>
 * </ul>
 */
final class RunFolder {
    private final Path out;
    private final boolean outExisted;
    private final boolean storeExisted;
    private final boolean cacheExisted;
    private final boolean reportExisted;
    private boolean locked;

    private RunFolder(Path out) {
        this.out = out;
        this.outExisted = Files.exists(out);
        this.storeExisted = Files.exists(out.resolve(ResultsStore.FILE_NAME));
        this.cacheExisted = Files.exists(out.resolve(StudyPipeline.CACHE_DIR));
        this.reportExisted = Files.exists(out.resolve(StudyPipeline.REPORT_DIR));
    }

    /** Notes what exists before the run touches {@code out}. */
    static RunFolder before(Path out) { return new RunFolder(out.toAbsolutePath().normalize()); }

    /** Cleans up after dead runs; call right after the store was opened for writing. */
    void recover(ResultsStore store, StepCache cache, StepListener listener) {
        locked = true;
        int removed = cache.removeStaging() + removeReportStaging();
        for (ResultsStore.Run r : store.interruptedRuns()) {
            listener.note("run " + r.runId() + " (started " + r.started() + " UTC) was interrupted; marked interrupted"
                    + (removed > 0 ? ", its staging removed" : ""));
        }
        if (store.interruptedRuns().isEmpty() && removed > 0) {
            listener.note("removed " + removed + " staging folder" + (removed == 1 ? "" : "s") + " left in " + out + " by an earlier run");
        }
    }

    /** After a failed run whose store is closed: removes what this run created (nothing when it never got the store). */
    void removeWhatAFailedRunCreated() {
        if (!locked) return;
        if (!outExisted) {
            delete(out);
            return;
        }
        if (!storeExisted) {
            for (String suffix : List.of("", ".wal")) delete(out.resolve(ResultsStore.FILE_NAME + suffix));
        }
        if (!cacheExisted) delete(out.resolve(StudyPipeline.CACHE_DIR));
        if (!reportExisted) delete(out.resolve(StudyPipeline.REPORT_DIR));
    }

    /**
     * The report's staging. HtmlReport stages the report through {@link io.gutbrain.io.OutputFolder}
     * ({@code .report.staging-<pid>-*}, the old report aside as {@code .report.old-<pid>-*}), whose
     * own clean-up removes a dead run's staging and puts back an old report it had moved aside.
     */
    private int removeReportStaging() {
        return io.gutbrain.io.OutputFolder.removeStaleLeftovers(out);
    }

    private static void delete(Path p) {
        try {
            if (Files.isDirectory(p)) StepCache.deleteTree(p);
            else Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the run's own error is the message that matters
        }
    }
}
