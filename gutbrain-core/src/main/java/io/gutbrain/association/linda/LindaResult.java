package io.gutbrain.association.linda;

import io.gutbrain.association.AssociationResult;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a LinDA run.
 *
 * @param rows         one row per coefficient and feature (coefficients in design order, features in
 *                     table order); q-values are Benjamini–Hochberg within each coefficient, as LinDA
 *                     adjusts them
 * @param bias         the estimated compositional bias per coefficient name ({@code groupPlacebo}, {@code age}),
 *                     subtracted from every feature's coefficient
 * @param zeroHandling what was done about zeros: {@code pseudo-count}, {@code imputation},
 *                     {@code half-minimum} or {@code none}
 * @param samples      samples in the model
 * @param features     features in the model (those with a row whose p-value is defined, plus failed fits)
 * @param leftOutSamples samples left out (missing covariates, too few reads, nothing left after filtering)
 */
public record LindaResult(List<AssociationResult> rows, Map<String, Double> bias, String zeroHandling, int samples, int features,
                          List<String> leftOutSamples) {
    public LindaResult {
        rows = List.copyOf(rows);
        bias = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bias));
        leftOutSamples = List.copyOf(leftOutSamples);
    }
}
