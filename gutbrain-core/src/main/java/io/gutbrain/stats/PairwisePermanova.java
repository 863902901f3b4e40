package io.gutbrain.stats;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.TextOutput;
import io.gutbrain.metadata.SampleMetadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PERMANOVA between every pair of groups (the usual follow-up of a significant overall test,
 * e.g. pairwiseAdonis): for levels a &lt; b, a one-factor {@link Permanova} on the sub-matrix of
 * the samples in a or b, then Benjamini–Hochberg adjustment of the pairs' p-values
 * ({@link MultipleTesting#benjaminiHochberg}). Pair k uses seed {@code k}-th
 * {@code nextLong()} of {@code SplittableRandom(opt.seed())}, so pairs have independent
 * permutation streams; strata restrict permutations as in the overall test.
 */
public final class PairwisePermanova {
    private PairwisePermanova() {}

    /** One pair: its PERMANOVA and the BH-adjusted p ({@code q}). */
    public record Row(String group1, String group2, int samples, double f, double r2, double p, double q) {}

    /** All pairs in level order. */
    public record Result(List<Row> rows, int permutations) {
        public Result { rows = List.copyOf(rows); }

        /** TSV: group1, group2, samples, pseudo-F, R2, p-value, q-value (BH). */
        public String toTsv() {
            StringBuilder sb = new StringBuilder("group1\tgroup2\tsamples\tpseudo-F\tR2\tp-value\tq-value\n");
            for (Row r : rows) {
                sb.append(r.group1()).append('\t').append(r.group2()).append('\t').append(r.samples()).append('\t')
                        .append(TextOutput.number(r.f())).append('\t').append(TextOutput.number(r.r2())).append('\t')
                        .append(TextOutput.number(r.p())).append('\t').append(TextOutput.number(r.q())).append('\n');
            }
            return sb.toString();
        }

        /** Writes {@link #toTsv()} atomically. */
        public void write(Path target) { TextOutput.write(target, toTsv()); }
    }

    /** Pairwise PERMANOVA of {@code dm} by metadata column {@code column} (strata from {@code opt}). */
    public static Result test(DistanceMatrix dm, SampleMetadata md, String column, PermutationOptions opt, Warnings warnings) {
        return test(SampleGrouping.of(dm, md, column, opt.strata(), warnings), opt);
    }

    /**
     * Pairwise PERMANOVA on an aligned grouping.
     *
     * @throws InputException if some pair of groups has one sample each (no residual degrees of freedom)
     */
    public static Result test(SampleGrouping grouping, PermutationOptions opt) {
        List<String> levels = grouping.levels();
        int[] sizes = grouping.sizesShared();
        List<String> undefined = new ArrayList<>();
        for (int a = 0; a < levels.size(); a++) {
            for (int b = a + 1; b < levels.size(); b++) {
                if (sizes[a] == 1 && sizes[b] == 1) undefined.add("'" + levels.get(a) + "' vs '" + levels.get(b) + "'");
            }
        }
        if (!undefined.isEmpty()) {
            throw new InputException(null, "column '" + grouping.column() + "'", "pairs of single-sample groups cannot be compared ("
                    + String.join(", ", undefined.subList(0, Math.min(5, undefined.size()))) + (undefined.size() > 5 ? ", ..." : "") + ")",
                    "merge or drop the groups with a single sample");
        }
        SplittableRandom seeds = new SplittableRandom(opt.seed());
        List<Row> rows = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (int a = 0; a < levels.size(); a++) {
            for (int b = a + 1; b < levels.size(); b++) {
                SampleGrouping pair = grouping.restrictTo(a, b);
                Permanova.Result r = Permanova.test(pair, opt.withSeed(seeds.nextLong()));
                Permanova.Row t = r.terms().get(0);
                rows.add(new Row(levels.get(a), levels.get(b), r.samples(), t.f(), t.r2(), t.p(), Double.NaN));
                ps.add(t.p());
            }
        }
        double[] p = new double[ps.size()];
        for (int i = 0; i < p.length; i++) p[i] = ps.get(i);
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(new Row(r.group1(), r.group2(), r.samples(), r.f(), r.r2(), r.p(), q[i]));
        }
        return new Result(out, opt.permutations());
    }
}
