package io.gutbrain.study.check;

import io.gutbrain.study.Analyses;
import io.gutbrain.study.StudyCheck;
import io.gutbrain.study.StudyInputs;
import io.gutbrain.study.StudyProblem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rarefaction: a fixed {@code analyses.rarefaction.depth} leaves at least {@value QcCheck#MIN_SAMPLES}
 * samples kept after QC (diversity is computed on the rarefied samples); the samples it leaves
 * out are a note. {@code auto} (the smallest depth after QC) and tables that are not whole counts
 * (not rarefied) leave none out.
 */
public final class RarefactionCheck implements StudyCheck {
    @Override public List<StudyProblem> validate(StudyInputs in) {
        long depth = fixedDepth(in);
        if (depth <= 0) return List.of();
        double[] totals = in.kept().sampleTotals();
        long left = Arrays.stream(totals).filter(t -> t >= depth).count();
        if (left >= QcCheck.MIN_SAMPLES) return List.of();
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        return List.of(new StudyProblem(in.firstLine("analyses.rarefaction.depth", "analyses.rarefaction"), String.format(Locale.ROOT,
                "'analyses.rarefaction.depth' %,d leaves %d of the %d samples kept after QC (the deepest has %,.0f reads)",
                depth, left, totals.length, sorted[sorted.length - 1]),
                String.format(Locale.ROOT, "set 'depth' to at most %,.0f, or 'depth: auto' (the smallest depth after QC)",
                        sorted.length < 2 ? sorted[sorted.length - 1] : sorted[sorted.length - 2])));
    }

    @Override public List<String> notes(StudyInputs in) {
        long depth = fixedDepth(in);
        if (depth <= 0) return List.of();
        double[] totals = in.kept().sampleTotals();
        long below = Arrays.stream(totals).filter(t -> t < depth).count();
        if (below == 0 || totals.length - below < QcCheck.MIN_SAMPLES) return List.of();
        return List.of(String.format(Locale.ROOT, "rarefaction depth %,d leaves out %d of the %d samples kept after QC (shallower than %,d reads)",
                depth, below, totals.length, depth));
    }

    /** The fixed depth that will be used, or 0 when nothing can be left out (no rarefaction, auto, not whole counts, no table). */
    private static long fixedDepth(StudyInputs in) {
        Analyses.Rarefaction r = in.study().analyses().rarefaction();
        if (r == null || r.isAuto() || in.kept() == null || in.kept().sampleCount() == 0 || !in.kept().isIntegral()) return 0;
        return r.depth();
    }
}
