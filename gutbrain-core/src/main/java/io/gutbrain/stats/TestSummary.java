package io.gutbrain.stats;

import io.gutbrain.io.TextOutput;

import java.nio.file.Path;

/**
 * The result of a one-statistic permutation test in scikit-bio's layout: a two-column table
 * {@code key → value} with method name, test statistic name, sample size, number of groups,
 * test statistic, p-value and number of permutations.
 *
 * @param method        e.g. "ANOSIM", "Mantel"
 * @param statisticName e.g. "R", "r (Pearson)"
 * @param samples       samples used
 * @param groups        number of groups (0 where the test has none, e.g. Mantel)
 * @param statistic     the observed statistic
 * @param p             permutation p-value (NaN without permutations)
 * @param permutations  permutations drawn
 */
public record TestSummary(String method, String statisticName, int samples, int groups, double statistic, double p, int permutations) {
    /** The table as TSV with a header line {@code key	value}. */
    public String toTsv() {
        return "key\tvalue\n"
                + "method name\t" + method + "\n"
                + "test statistic name\t" + statisticName + "\n"
                + "sample size\t" + samples + "\n"
                + (groups > 0 ? "number of groups\t" + groups + "\n" : "")
                + "test statistic\t" + TextOutput.number(statistic) + "\n"
                + "p-value\t" + TextOutput.number(p) + "\n"
                + "number of permutations\t" + permutations + "\n";
    }

    /** Writes {@link #toTsv()} atomically. */
    public void write(Path target) { TextOutput.write(target, toTsv()); }
}
