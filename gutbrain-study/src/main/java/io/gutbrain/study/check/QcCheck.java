package io.gutbrain.study.check;

import io.gutbrain.study.StudyCheck;
import io.gutbrain.study.StudyInputs;
import io.gutbrain.study.StudyProblem;
import io.gutbrain.table.FeatureTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Load + QC: {@code analyses.qc.min_depth} keeps at least {@value #MIN_SAMPLES} samples (every later step compares samples). */
public final class QcCheck implements StudyCheck {
    /** Samples QC must keep. */
    public static final int MIN_SAMPLES = 2;

    @Override public List<StudyProblem> validate(StudyInputs in) {
        if (in.kept() == null || in.kept().sampleCount() >= MIN_SAMPLES) return List.of();
        long minDepth = in.study().analyses().qc().minDepth();
        double[] depths = matchedDepths(in);
        double deepest = Arrays.stream(depths).max().orElse(0);
        double second = depths.length < 2 ? deepest : Arrays.stream(depths).sorted().toArray()[depths.length - 2];
        return List.of(new StudyProblem(in.firstLine("analyses.qc.min_depth", "analyses.qc", "analyses"), String.format(java.util.Locale.ROOT,
                "'analyses.qc.min_depth' %,d keeps %d of the %d samples in both table and metadata (the deepest has %,.0f reads)",
                minDepth, in.kept().sampleCount(), depths.length, deepest),
                depths.length < MIN_SAMPLES ? "give a table and metadata that share at least " + MIN_SAMPLES + " samples"
                        : String.format(java.util.Locale.ROOT, "lower 'analyses.qc.min_depth' to at most %,.0f so that at least %d samples remain", second, MIN_SAMPLES)));
    }

    /** Depths of the samples in both the table and the metadata, before the depth filter. */
    private static double[] matchedDepths(StudyInputs in) {
        List<String> both = new ArrayList<>();
        for (String id : in.table().sampleIds()) if (in.metadata().hasSample(id)) both.add(id);
        FeatureTable matched = in.table().subsetSamples(both);
        return matched.sampleTotals();
    }
}
