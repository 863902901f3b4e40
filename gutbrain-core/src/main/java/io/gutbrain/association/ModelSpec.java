package io.gutbrain.association;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to fit: fixed-effect terms, random intercepts, reference levels and covariate scaling.
 *
 * <p>A fixed-effect term is a metadata column name ({@code "age"}, {@code "diagnosis"}) or an
 * interaction of columns joined by {@code ':'} ({@code "diagnosis:age"}), as in R formulas.
 * Each random effect names a grouping column and adds a random intercept {@code (1 | column)};
 * several random effects may be crossed or nested.
 *
 * @param fixedEffects    fixed-effect terms in model order (the order of the output coefficients)
 * @param randomEffects   grouping columns for random intercepts (empty for an ordinary linear model)
 * @param referenceLevels reference level per categorical column; columns not listed use the
 *                        first level in R's sort order (see {@link DesignMatrix})
 * @param intercept       whether the model has an intercept (R's default: true)
 * @param standardize     z-score numeric covariates (mean 0, sd 1 over all samples where the
 *                        column is present) before building the design, like MaAsLin2's
 *                        {@code standardize = TRUE}
 */
public record ModelSpec(List<String> fixedEffects, List<String> randomEffects, Map<String, String> referenceLevels,
                        boolean intercept, boolean standardize) {
    public ModelSpec {
        fixedEffects = List.copyOf(fixedEffects);
        randomEffects = List.copyOf(randomEffects);
        referenceLevels = Map.copyOf(referenceLevels);
    }

    /** Fixed effects only, with intercept, no reference overrides, no standardisation. */
    public static ModelSpec fixed(String... terms) {
        return new ModelSpec(List.of(terms), List.of(), Map.of(), true, false);
    }

    /** This spec with random intercepts for the given grouping columns. */
    public ModelSpec withRandom(String... groupingColumns) {
        return new ModelSpec(fixedEffects, List.of(groupingColumns), referenceLevels, intercept, standardize);
    }

    /** This spec with one more reference level. */
    public ModelSpec withReference(String column, String level) {
        Map<String, String> m = new LinkedHashMap<>(referenceLevels);
        m.put(column, level);
        return new ModelSpec(fixedEffects, randomEffects, m, intercept, standardize);
    }

    /** This spec with standardisation of numeric covariates switched on or off. */
    public ModelSpec withStandardize(boolean on) {
        return new ModelSpec(fixedEffects, randomEffects, referenceLevels, intercept, on);
    }

    /** True when the model has random effects (a linear mixed model). */
    public boolean isMixed() { return !randomEffects.isEmpty(); }
}
