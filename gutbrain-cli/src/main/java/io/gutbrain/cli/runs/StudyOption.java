package io.gutbrain.cli.runs;

import io.gutbrain.report.ResultsStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --study} option shared by the runs programs; the store is opened read-only. */
public final class StudyOption {
    @Option(names = "--study", paramLabel = "DIR", defaultValue = ".",
            description = "Study folder holding " + ResultsStore.FILE_NAME + " (default: the current folder).")
    Path study;

    /** Opens the study's store for reading (several readers may share it). */
    ResultsStore open() { return ResultsStore.openReadOnly(study); }

    /** Opens the study's store for reading, with a memory limit for queries (MiB). */
    ResultsStore open(long memoryLimitMiB) { return ResultsStore.openReadOnly(study, memoryLimitMiB); }
}
