package io.gutbrain.association;

import io.gutbrain.error.InputException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@link AssociationAnalysis#run} tests features: the one options record of
 * {@code gutbrain associate} and the study's association step.
 *
 * @param method          the engine
 * @param fixed           fixed effects, the tested variable first (rank tests use only the first)
 * @param random          grouping columns of random intercepts (MaAsLin2, LinDA)
 * @param references      reference level per categorical column
 * @param normalization   MaAsLin2 only
 * @param transform       MaAsLin2 only
 * @param minAbundance    MaAsLin2 only: abundance (after normalisation) a feature must exceed ...
 * @param minPrevalence   ... in at least this fraction of samples, in [0, 1] (every engine)
 * @param maxSignificance q-value cut-off of "significant", in (0, 1]
 * @param standardize     MaAsLin2 only: z-score numeric metadata
 * @param test            rank tests: which test, or {@link RankTest#AUTO} ({@link AssociationAnalysis#rankTest})
 * @param subject         rank tests: the column pairing samples of one subject (signed-rank); null = unpaired
 * @param threads         worker threads, 0 = all cores; results do not depend on it
 */
public record AssociationOptions(Method method, List<String> fixed, List<String> random, Map<String, String> references,
                                 Normalization normalization, Transform transform, double minAbundance, double minPrevalence,
                                 double maxSignificance, boolean standardize, RankTest test, String subject, int threads) {

    /** The association engines. */
    public enum Method {
        /** MaAsLin2-compatible linear (mixed) models ({@link Maaslin2}). */
        MAASLIN2,
        /** LinDA: linear models on CLR with bias correction ({@link io.gutbrain.association.linda.Linda}). */
        LINDA,
        /** Rank tests of one variable ({@link io.gutbrain.association.nonparametric.NonparametricAssociation}). */
        NONPARAMETRIC;

        /** The name as written on the command line and in a study file. */
        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /** The rank tests; {@link #AUTO} chooses from the variable's type (see {@link AssociationAnalysis#rankTest}). */
    public enum RankTest {
        AUTO, WILCOXON, KRUSKAL, SPEARMAN, SIGNED_RANK;

        /** The name as written on the command line. */
        public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

        /** The test of a command-line name (wilcoxon, kruskal, spearman, signed-rank, auto). */
        public static RankTest byLabel(String label) {
            for (RankTest t : values()) if (t.label().equals(label.strip().toLowerCase(Locale.ROOT))) return t;
            throw new InputException(null, "test", "unknown test '" + label + "'", "use wilcoxon, kruskal, spearman, signed-rank or auto");
        }
    }

    /** Validates every field and copies the collections; bad values are user input ({@link InputException}). */
    public AssociationOptions {
        if (method == null) throw new InputException(null, "method", "no association method", "use maaslin2, linda or nonparametric");
        fixed = List.copyOf(fixed);
        random = List.copyOf(random);
        references = Map.copyOf(references);
        if (fixed.isEmpty()) throw new InputException(null, "fixed", "no variable to test", "name at least one fixed effect");
        if (normalization == null || transform == null || test == null) throw new IllegalArgumentException("normalization, transform and test are required");
        if (!(minAbundance >= 0) || Double.isInfinite(minAbundance)) throw new InputException(null, "min abundance", "min abundance " + minAbundance + " is not a non-negative number", "use e.g. 0");
        if (!(minPrevalence >= 0 && minPrevalence <= 1)) throw new InputException(null, "min prevalence", "min prevalence " + minPrevalence + " is not in [0, 1]", "use e.g. 0.1");
        if (!(maxSignificance > 0 && maxSignificance <= 1)) throw new InputException(null, "max significance", "max significance " + maxSignificance + " is not in (0, 1]", "use e.g. 0.25");
        if (threads < 0) throw new InputException(null, "threads", "thread count " + threads + " is negative", "give a positive count, or 0 for all cores");
    }

    /** MaAsLin2's defaults (TSS, LOG, min abundance 0, min prevalence 0.1, q ≤ 0.25, standardised) testing {@code fixed}. */
    public static AssociationOptions defaults(List<String> fixed) {
        return new AssociationOptions(Method.MAASLIN2, fixed, List.of(), Map.of(), Normalization.TSS, Transform.LOG, 0.0, 0.1, 0.25, true,
                RankTest.AUTO, null, 0);
    }

    public AssociationOptions withMethod(Method m) { return new AssociationOptions(m, fixed, random, references, normalization, transform, minAbundance, minPrevalence, maxSignificance, standardize, test, subject, threads); }
    public AssociationOptions withFixed(List<String> f) { return new AssociationOptions(method, f, random, references, normalization, transform, minAbundance, minPrevalence, maxSignificance, standardize, test, subject, threads); }
    public AssociationOptions withRandom(List<String> r) { return new AssociationOptions(method, fixed, r, references, normalization, transform, minAbundance, minPrevalence, maxSignificance, standardize, test, subject, threads); }
    public AssociationOptions withReferences(Map<String, String> r) { return new AssociationOptions(method, fixed, random, r, normalization, transform, minAbundance, minPrevalence, maxSignificance, standardize, test, subject, threads); }
    public AssociationOptions withNormalization(Normalization n) { return new AssociationOptions(method, fixed, random, references, n, transform, minAbundance, minPrevalence, maxSignificance, standardize, test, subject, threads); }
    public AssociationOptions withTransform(Transform t) { return new AssociationOptions(method, fixed, random, references, normalization, t, minAbundance, minPrevalence, maxSignificance, standardize, test, subject, threads); }
    public AssociationOptions withMinAbundance(double v) { return new AssociationOptions(method, fixed, random, references, normalization, transform, v, minPrevalence, maxSignificance, standardize, test, subject, threads); }
    public AssociationOptions withMinPrevalence(double v) { return new AssociationOptions(method, fixed, random, references, normalization, transform, minAbundance, v, maxSignificance, standardize, test, subject, threads); }
    public AssociationOptions withMaxSignificance(double v) { return new AssociationOptions(method, fixed, random, references, normalization, transform, minAbundance, minPrevalence, v, standardize, test, subject, threads); }
    public AssociationOptions withStandardize(boolean v) { return new AssociationOptions(method, fixed, random, references, normalization, transform, minAbundance, minPrevalence, maxSignificance, v, test, subject, threads); }
    public AssociationOptions withRankTest(RankTest t, String subjectColumn) { return new AssociationOptions(method, fixed, random, references, normalization, transform, minAbundance, minPrevalence, maxSignificance, standardize, t, subjectColumn, threads); }
    public AssociationOptions withThreads(int n) { return new AssociationOptions(method, fixed, random, references, normalization, transform, minAbundance, minPrevalence, maxSignificance, standardize, test, subject, n); }

    /** The same settings as MaAsLin2's own options record. */
    public Maaslin2.Options maaslin2() {
        return Maaslin2.Options.defaults().withFixedEffects(fixed).withRandomEffects(random).withReferenceLevels(references)
                .withNormalization(normalization).withTransform(transform).withMinAbundance(minAbundance).withMinPrevalence(minPrevalence)
                .withMaxSignificance(maxSignificance).withStandardize(standardize).withThreads(threads);
    }
}
