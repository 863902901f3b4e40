package io.gutbrain.simulate;

import io.gutbrain.error.InputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a semi-synthetic cohort (see {@link CohortSimulator} for the model they enter).
 *
 * @param subjects           number of subjects, one real sample each
 * @param seed               seed of every random draw; the same seed and source give the same cohort
 * @param effects            taxon → β: the change of the latent depression severity (in units
 *                           of its residual SD) per population SD of the taxon's CLR; a taxon is
 *                           named by its feature id or an unambiguous prefix of it (case-insensitive).
 *                           Negative β: less of the taxon, more severe depression
 * @param meanSeverity       mean of the latent severity; raise it for a clinical cohort
 * @param femaleEffect       latent severity added for women (depression is more common in women)
 * @param itemLoading        loading λ of every questionnaire item on its latent trait, in (0, 1)
 * @param anxietyCorrelation correlation of the anxiety latent (GAD-7) with the depression latent
 * @param crpEffect          change of ln CRP per unit of latent severity
 * @param cortisolEffect     change of ln cortisol per unit of latent severity
 * @param missingRate        probability that a questionnaire item is left unanswered (each item
 *                           independently: missing completely at random)
 * @param pseudocount        added to counts before the log in the CLR
 */
public record SimulationParameters(int subjects, long seed, Map<String, Double> effects, double meanSeverity, double femaleEffect,
                                   double itemLoading, double anxietyCorrelation, double crpEffect, double cortisolEffect,
                                   double missingRate, double pseudocount) {

    /** Fewest and most simulated subjects (a cohort below 10 cannot fit the scoring model; a million is past any study). */
    public static final int MIN_SUBJECTS = 10, MAX_SUBJECTS = 1_000_000;
    /** Largest |β| of a planted taxon effect, in latent SDs per SD of CLR (3 is already an implausibly strong effect). */
    public static final double MAX_EFFECT = 3;
    /** Largest |mean| of the latent severity. */
    public static final double MAX_MEAN_SEVERITY = 5;
    /** Largest rate of unanswered questionnaire items (above it most scores cannot be prorated). */
    public static final double MAX_MISSING_RATE = 0.5;

    /** Default taxon effects: less Coprococcus and Faecalibacterium, more severe depression (Valles-Colomer et al. 2019, Nat Microbiol 4:623). */
    public static final Map<String, Double> DEFAULT_EFFECTS = defaultEffects();

    private static Map<String, Double> defaultEffects() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("Coprococcus", -0.3);
        m.put("Faecalibacterium", -0.2);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Copies the effect map, keeping its order. */
    public SimulationParameters {
        effects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(effects));
    }

    /**
     * 200 subjects, seed 1, {@link #DEFAULT_EFFECTS}, mean severity 0, women +0.2, item loading
     * 0.75, anxiety correlation 0.7, CRP effect 0.2, cortisol effect 0.1, 2% missing items,
     * pseudocount 0.5.
     */
    public static SimulationParameters defaults() {
        return new SimulationParameters(200, 1, DEFAULT_EFFECTS, 0, 0.2, 0.75, 0.7, 0.2, 0.1, 0.02, 0.5);
    }

    public SimulationParameters withSubjects(int n) {
        return new SimulationParameters(n, seed, effects, meanSeverity, femaleEffect, itemLoading, anxietyCorrelation, crpEffect, cortisolEffect, missingRate, pseudocount);
    }

    public SimulationParameters withSeed(long s) {
        return new SimulationParameters(subjects, s, effects, meanSeverity, femaleEffect, itemLoading, anxietyCorrelation, crpEffect, cortisolEffect, missingRate, pseudocount);
    }

    public SimulationParameters withEffects(Map<String, Double> e) {
        return new SimulationParameters(subjects, seed, e, meanSeverity, femaleEffect, itemLoading, anxietyCorrelation, crpEffect, cortisolEffect, missingRate, pseudocount);
    }

    public SimulationParameters withMeanSeverity(double m) {
        return new SimulationParameters(subjects, seed, effects, m, femaleEffect, itemLoading, anxietyCorrelation, crpEffect, cortisolEffect, missingRate, pseudocount);
    }

    public SimulationParameters withMissingRate(double r) {
        return new SimulationParameters(subjects, seed, effects, meanSeverity, femaleEffect, itemLoading, anxietyCorrelation, crpEffect, cortisolEffect, r, pseudocount);
    }

    /**
     * Checks every setting's range.
     *
     * @throws InputException naming the parameter, the value and the allowed range
     */
    public void validate() {
        if (subjects < MIN_SUBJECTS || subjects > MAX_SUBJECTS) fail("n", subjects, "from " + MIN_SUBJECTS + " to " + MAX_SUBJECTS + " subjects");
        for (Map.Entry<String, Double> e : effects.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) throw new InputException(null, "parameter effect", "empty taxon name", "write TAXON=BETA, e.g. Coprococcus=-0.3");
            double b = e.getValue();
            if (!(Math.abs(b) <= MAX_EFFECT)) fail("effect " + e.getKey(), b, "a β from -" + MAX_EFFECT + " to " + MAX_EFFECT + " (latent SD per SD of CLR)");
        }
        range("mean-severity", meanSeverity, -MAX_MEAN_SEVERITY, MAX_MEAN_SEVERITY);
        range("female-effect", femaleEffect, -3, 3);
        if (!(itemLoading > 0 && itemLoading < 1)) fail("item-loading", itemLoading, "a loading above 0 and below 1");
        if (!(anxietyCorrelation > -1 && anxietyCorrelation < 1)) fail("anxiety-correlation", anxietyCorrelation, "a correlation above -1 and below 1");
        range("crp-effect", crpEffect, -3, 3);
        range("cortisol-effect", cortisolEffect, -3, 3);
        range("missing-rate", missingRate, 0, MAX_MISSING_RATE);
        if (!(pseudocount > 0) || Double.isInfinite(pseudocount)) fail("pseudocount", pseudocount, "a positive number");
    }

    private static void range(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) fail(name, v, "a value from " + lo + " to " + hi);
    }

    private static void fail(String name, double v, String expected) {
        String shown = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        throw new InputException(null, "parameter " + name, "got " + shown + ", expected " + expected, "choose a value in that range");
    }

    /** The settings by the names used in {@code simulation.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", subjects);
        m.put("seed", seed);
        m.put("effects", effects);
        m.put("mean_severity", meanSeverity);
        m.put("female_effect", femaleEffect);
        m.put("item_loading", itemLoading);
        m.put("anxiety_correlation", anxietyCorrelation);
        m.put("crp_effect", crpEffect);
        m.put("cortisol_effect", cortisolEffect);
        m.put("missing_rate", missingRate);
        m.put("pseudocount", pseudocount);
        return m;
    }
}
