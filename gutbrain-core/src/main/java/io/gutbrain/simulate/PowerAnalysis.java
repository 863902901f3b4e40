package io.gutbrain.simulate;

import io.gutbrain.error.InputException;
import io.gutbrain.io.TextOutput;
import io.gutbrain.measures.InstrumentScores;
import io.gutbrain.measures.Instruments;
import io.gutbrain.measures.SampleScore;
import io.gutbrain.measures.Scoring;
import io.gutbrain.stats.RankTestResult;
import io.gutbrain.stats.SpearmanCorrelation;
import io.gutbrain.util.Parallel;
import io.gutbrain.util.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Power by simulation: for each sample size, many cohorts are simulated with a planted effect of
 * one taxon and the association is tested in each; the power is the fraction of cohorts in which
 * the test is significant.
 *
 * <p>Each replicate simulates a cohort with {@link CohortSimulator} (all settings of the base
 * parameters, the target taxon's β set to the effect asked for), scores PHQ-9 from its items as a
 * study would ({@link Scoring}, prorating up to 2 missing items; subjects without a score are
 * left out), and tests Spearman's ρ between the taxon's CLR (same pseudocount) and the PHQ-9
 * score, two-sided, with R's {@code cor.test(method = "spearman")} p-value
 * ({@link SpearmanCorrelation}; PHQ-9 scores are tied, so this is the t approximation). Power is
 * reported with its Monte Carlo standard error √(p(1 − p)/R).
 *
 * <p>Replicate r of the i-th sample size uses the seed SplitMix64(seed + (i·R + r + 1)·γ), γ =
 * 0x9E3779B97F4A7C15 (Steele, Lea &amp; Flood 2014), so results do not depend on the number of
 * threads.
 */
public final class PowerAnalysis {
    private PowerAnalysis() {}

    /**
     * Power at one sample size.
     *
     * @param n           subjects per cohort
     * @param replicates  cohorts simulated
     * @param significant cohorts with p &lt; α
     * @param power       significant / replicates
     * @param standardError Monte Carlo standard error of the power
     * @param meanRho     mean Spearman ρ over the cohorts
     */
    public record Row(int n, int replicates, int significant, double power, double standardError, double meanRho) {}

    /**
     * The estimate over all sample sizes.
     *
     * @param taxon  the resolved feature id of the target taxon
     * @param effect its β
     * @param alpha  the significance level
     * @param rows   one row per sample size, in the order asked
     */
    public record Result(String taxon, double effect, double alpha, List<Row> rows) {
        /** Copies the rows. */
        public Result { rows = List.copyOf(rows); }

        /** TSV: {@code n, replicates, significant, power, power_se, mean_rho}. */
        public String toTsv() {
            StringBuilder sb = new StringBuilder("n\treplicates\tsignificant\tpower\tpower_se\tmean_rho\n");
            for (Row r : rows) {
                sb.append(r.n).append('\t').append(r.replicates).append('\t').append(r.significant).append('\t')
                        .append(TextOutput.number(r.power)).append('\t').append(TextOutput.number(CohortSimulator.round(r.standardError, 6)))
                        .append('\t').append(TextOutput.number(CohortSimulator.round(r.meanRho, 6))).append('\n');
            }
            return sb.toString();
        }

        /** Writes {@link #toTsv()} atomically. */
        public void write(Path target) { TextOutput.write(target, toTsv()); }

        /** A table for people: power with its standard error per N. */
        public String toText() {
            StringBuilder sb = new StringBuilder("Power to detect " + taxon + " (beta " + TextOutput.number(effect)
                    + ") with Spearman vs PHQ-9, alpha " + TextOutput.number(alpha) + " (SIMULATED cohorts)\n");
            sb.append(String.format(Locale.ROOT, "%8s %10s %8s %8s %9s%n", "N", "replicates", "power", "se", "mean rho"));
            for (Row r : rows) {
                sb.append(String.format(Locale.ROOT, "%8d %10d %8.3f %8.3f %9.3f%n", r.n, r.replicates, r.power, r.standardError, r.meanRho));
            }
            return sb.toString();
        }
    }

    /**
     * Estimates the power at each sample size.
     *
     * @param base       settings of every simulated cohort (its seed seeds the replicates; its
     *                   subject count is replaced by each N)
     * @param taxon      the target taxon (feature id or unambiguous prefix)
     * @param effect     its β (replaces any effect given for it in {@code base})
     * @param sizes      sample sizes, each at least 10
     * @param replicates cohorts per sample size, 1 to 1,000,000
     * @param alpha      significance level, in (0, 1)
     * @param threads    threads (0 = all cores)
     * @param progress   advanced once per cohort
     * @throws InputException for bad settings
     */
    public static Result run(SimulationSource source, SimulationParameters base, String taxon, double effect, int[] sizes,
                             int replicates, double alpha, int threads, ProgressListener progress) {
        if (sizes.length == 0) throw new InputException(null, "parameter n", "no sample sizes given", "give one or more, e.g. 50,100,200");
        if (replicates < 1 || replicates > 1_000_000) throw new InputException(null, "parameter replicates", "got " + replicates + ", expected 1 to 1,000,000", "choose a value in that range");
        if (!(alpha > 0 && alpha < 1)) throw new InputException(null, "parameter alpha", "got " + alpha + ", expected a level above 0 and below 1", "use e.g. 0.05");
        String id = CohortSimulator.resolveTaxon(source.table(), taxon);
        Map<String, Double> effects = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : CohortSimulator.resolveEffects(source.table(), base.effects()).entrySet()) {
            if (!e.getKey().equals(id)) effects.put(e.getKey(), e.getValue());
        }
        effects.put(id, effect);
        SimulationParameters template = base.withEffects(effects);
        for (int n : sizes) template.withSubjects(n).validate();
        int feature = source.table().featureIndex(id);
        CohortSimulator.Prepared prepared = new CohortSimulator.Prepared(source, effects, template.pseudocount());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            int n = sizes[i];
            int offset = i * replicates;
            double[] rho = new double[replicates];
            boolean[] significant = new boolean[replicates];
            Parallel.forEach(replicates, threads, r -> {
                SimulatedCohort c = CohortSimulator.simulate(prepared, template.withSubjects(n).withSeed(replicateSeed(base.seed(), offset + r)));
                double[] test = test(c, feature, template.pseudocount());
                rho[r] = test[0];
                significant[r] = test[1] < alpha;
                progress.advance(1);
            });
            int sig = 0;
            double sumRho = 0;
            for (int r = 0; r < replicates; r++) {
                if (significant[r]) sig++;
                sumRho += rho[r];
            }
            double power = sig / (double) replicates;
            rows.add(new Row(n, replicates, sig, power, Math.sqrt(power * (1 - power) / replicates), sumRho / replicates));
        }
        return new Result(id, effect, alpha, rows);
    }

    /** {ρ, p} of Spearman between the feature's CLR and the scored PHQ-9 over subjects with a score. */
    static double[] test(SimulatedCohort c, int feature, double pseudocount) {
        double[] clr = CohortSimulator.clr(c.table(), new int[] {feature}, pseudocount)[0];
        InstrumentScores scores = Scoring.score(c.metadata(), Instruments.PHQ9);
        double[] x = new double[clr.length];
        double[] y = new double[clr.length];
        int m = 0;
        for (int s = 0; s < clr.length; s++) {
            SampleScore score = scores.samples().get(s);
            if (score.score().isEmpty()) continue;
            x[m] = clr[s];
            y[m++] = score.score().getAsInt();
        }
        RankTestResult r = SpearmanCorrelation.test(java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m), 0.95);
        return new double[] {r.estimate(), r.pValue()};
    }

    /** SplitMix64 of {@code seed + (index + 1) · γ}: independent seeds for replicate {@code index}. */
    static long replicateSeed(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
