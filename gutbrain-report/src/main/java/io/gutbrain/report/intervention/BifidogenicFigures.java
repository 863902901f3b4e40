package io.gutbrain.report.intervention;

import io.gutbrain.intervention.BifidogenicResult;
import io.gutbrain.report.Figure;
import io.gutbrain.report.FigureSpec;
import io.gutbrain.report.Figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figure of a bifidogenic response ({@link BifidogenicResult}), shared by
 * {@code gutbrain bifidogenic} and the study report so both show the same picture. The result
 * stays data in gutbrain-core; this class only draws it.
 */
public final class BifidogenicFigures {
    private BifidogenicFigures() {}

    /**
     * Box and strip plot of every subject's log2 fold change of the genus per arm (log2 so that
     * 1 is a doubling, the responder threshold at the default fold), reference arm first.
     */
    public static Figure perArm(BifidogenicResult result, String name) {
        Map<String, double[]> byArm = new LinkedHashMap<>();
        for (String arm : List.of(result.referenceArm(), result.activeArm())) {
            double[] v = result.genus().changes(arm);
            for (int i = 0; i < v.length; i++) v[i] /= Math.log(2);
            byArm.put(arm, v);
        }
        String taxon = result.genus().taxon();
        return Figures.boxStrip(FigureSpec.of(name, taxon + ": log2 fold change per arm")
                .caption(String.format(Locale.ROOT, "Log2 fold change of the relative abundance of %s from baseline to %s per subject "
                                + "(pseudocount %.3g); a responder's value is at least %.3g.", taxon, result.timepoint(), result.pseudocount(),
                        Math.log(result.options().responderFold()) / Math.log(2)))
                .axes("arm", "log2 fold change of " + taxon), byArm);
    }
}
