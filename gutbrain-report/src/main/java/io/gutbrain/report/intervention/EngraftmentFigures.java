package io.gutbrain.report.intervention;

import io.gutbrain.intervention.EngraftmentResult;
import io.gutbrain.intervention.MeanEstimate;
import io.gutbrain.intervention.SourceTracking;
import io.gutbrain.intervention.SourceTrackingResult;
import io.gutbrain.intervention.TrialDesign;
import io.gutbrain.report.Figure;
import io.gutbrain.report.FigureSpec;
import io.gutbrain.report.Figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The figures of an FMT engraftment analysis, shared by {@code gutbrain engraftment} and the
 * study report, so both show the same pictures:
 * <ol>
 *   <li>{@value #DONOR_FRACTION}: per-recipient curves of the weighted engrafted donor fraction
 *       (post-FMT relative abundance of features found in the donor and not before FMT,
 *       {@link EngraftmentResult.Row#engraftedWeightedFraction()}) over the visits, coloured by arm;</li>
 *   <li>{@value #DISTANCES}: Bray–Curtis distance of the post-FMT samples to the donor and to
 *       the recipient's own pre-FMT sample, mean per visit (and arm) with its 95% t interval
 *       ({@link MeanEstimate}); engraftment shows as the distance to the donor falling below the
 *       distance to pre-FMT;</li>
 *   <li>{@value #SOURCES} (with source tracking): the mean source-tracking shares — donor,
 *       pre-FMT, unknown ({@link SourceTracking}) — per arm and visit as stacked bars.</li>
 * </ol>
 * The x axis is the visit's time value when every timepoint is a number (e.g. weeks), else its
 * position in the design's timepoint order (0 = first).
 */
public final class EngraftmentFigures {
    /** Name of the donor-fraction figure. */
    public static final String DONOR_FRACTION = "engraftment-donor-fraction";
    /** Name of the distance figure. */
    public static final String DISTANCES = "engraftment-distance-donor-vs-pre";
    /** Name of the source-share figure. */
    public static final String SOURCES = "engraftment-source-shares";

    private static final double LEVEL = 0.95;

    private EngraftmentFigures() {}

    /**
     * Every figure: donor fraction and distances, then the source shares when {@code sources}
     * is not null. Empty when no recipient has a post-FMT sample.
     */
    public static List<Figure> all(TrialDesign design, EngraftmentResult engraftment, SourceTrackingResult sources) {
        List<Figure> out = new ArrayList<>();
        if (engraftment.rows().isEmpty()) return out;
        out.add(donorFraction(design, engraftment));
        out.add(distances(design, engraftment));
        if (sources != null && !sources.rows().isEmpty()) out.add(sourceShares(design, sources));
        return out;
    }

    /** Per-recipient curves of the weighted engrafted donor fraction, coloured by arm. */
    public static Figure donorFraction(TrialDesign design, EngraftmentResult result) {
        Map<String, List<EngraftmentResult.Row>> byRecipient = new LinkedHashMap<>();
        for (EngraftmentResult.Row r : result.rows()) byRecipient.computeIfAbsent(r.recipient(), k -> new ArrayList<>()).add(r);
        List<Figures.Trajectory> lines = new ArrayList<>();
        for (Map.Entry<String, List<EngraftmentResult.Row>> e : byRecipient.entrySet()) {
            List<EngraftmentResult.Row> rows = e.getValue();
            double[] x = new double[rows.size()];
            double[] f = new double[rows.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = design.timePosition(rows.get(i).timepoint());
                f[i] = rows.get(i).engraftedWeightedFraction();
            }
            lines.add(new Figures.Trajectory(e.getKey(), armLabel(rows.get(0).arm()), x, f));
        }
        return Figures.spaghetti(FigureSpec.of(DONOR_FRACTION, "Engrafted donor fraction per recipient")
                .caption("Weighted engrafted donor fraction: post-FMT relative abundance of the features found in the donor and not before FMT"
                        + " (detection above " + result.detection() + "), one line per recipient, coloured by arm.")
                .axes(design.timeAxisLabel(), "engrafted donor fraction (weighted)"), lines);
    }

    /**
     * Mean Bray–Curtis distance to the donor and to the pre-FMT sample per visit, with 95% t
     * intervals; one pair of series per arm when there are several.
     */
    public static Figure distances(TrialDesign design, EngraftmentResult result) {
        List<String> arms = new ArrayList<>();
        for (EngraftmentResult.Row r : result.rows()) if (!arms.contains(armLabel(r.arm()))) arms.add(armLabel(r.arm()));
        List<Figures.ArmSummary> series = new ArrayList<>();
        for (String arm : arms) {
            String prefix = arms.size() > 1 ? arm + ": " : "";
            List<EngraftmentResult.Row> rows = result.rows().stream().filter(r -> armLabel(r.arm()).equals(arm)).toList();
            series.add(summary(prefix + "to donor", design, rows, EngraftmentResult.Row::brayCurtisToDonor));
            series.add(summary(prefix + "to pre-FMT", design, rows, EngraftmentResult.Row::brayCurtisToPre));
        }
        return Figures.meanWithCi(FigureSpec.of(DISTANCES, "Distance to the donor and to pre-FMT")
                .caption("Bray–Curtis dissimilarity of the post-FMT samples to the (mean) donor profile and to the recipient's own pre-FMT sample:"
                        + " mean per visit with its 95% t interval. Engraftment shows as the distance to the donor falling below the distance to pre-FMT.")
                .axes(design.timeAxisLabel(), "Bray–Curtis dissimilarity"), series);
    }

    /** Mean source-tracking shares (donor, pre-FMT, unknown) per arm and visit, stacked. */
    public static Figure sourceShares(TrialDesign design, SourceTrackingResult result) {
        List<String> keys = new ArrayList<>();
        Map<String, List<SourceTrackingResult.Row>> groups = new LinkedHashMap<>();
        boolean severalArms = result.rows().stream().map(r -> armLabel(r.arm())).distinct().count() > 1;
        List<SourceTrackingResult.Row> sorted = new ArrayList<>(result.rows());
        List<String> armOrder = new ArrayList<>();
        for (SourceTrackingResult.Row r : sorted) if (!armOrder.contains(armLabel(r.arm()))) armOrder.add(armLabel(r.arm()));
        sorted.sort(java.util.Comparator.comparingInt((SourceTrackingResult.Row r) -> armOrder.indexOf(armLabel(r.arm())))
                .thenComparingInt(r -> design.timepoints().indexOf(r.timepoint())));
        for (SourceTrackingResult.Row r : sorted) {
            String key = (severalArms ? armLabel(r.arm()) + " " : "") + r.timepoint();
            if (!groups.containsKey(key)) keys.add(key);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        Map<String, double[]> parts = new LinkedHashMap<>();
        parts.put("donor", new double[keys.size()]);
        parts.put("pre-FMT", new double[keys.size()]);
        parts.put("unknown", new double[keys.size()]);
        for (int i = 0; i < keys.size(); i++) {
            List<SourceTrackingResult.Row> g = groups.get(keys.get(i));
            parts.get("donor")[i] = g.stream().mapToDouble(SourceTrackingResult.Row::donor).average().orElse(Double.NaN);
            parts.get("pre-FMT")[i] = g.stream().mapToDouble(SourceTrackingResult.Row::pre).average().orElse(Double.NaN);
            parts.get("unknown")[i] = g.stream().mapToDouble(SourceTrackingResult.Row::unknown).average().orElse(Double.NaN);
        }
        return Figures.stackedBars(FigureSpec.of(SOURCES, "Source-tracking shares per visit")
                .caption("Mean share of the post-FMT community attributed to the donor, to the recipient's pre-FMT community and to an unknown source"
                        + " (FEAST-type source tracking, unknown-source penalty " + result.options().unknownPenalty() + " nats per read), per "
                        + (severalArms ? "arm and " : "") + "visit (" + design.timepoints().size() + " timepoints, baseline " + design.baseline() + ").")
                .axes(severalArms ? "arm and visit" : "visit", "mean share"), keys, parts);
    }

    /** Mean and 95% t interval of one value per visit. */
    private static Figures.ArmSummary summary(String name, TrialDesign design, List<EngraftmentResult.Row> rows,
                                              ToDoubleFunction<EngraftmentResult.Row> value) {
        List<String> visits = new ArrayList<>();
        for (String t : design.timepoints()) if (rows.stream().anyMatch(r -> r.timepoint().equals(t))) visits.add(t);
        int n = visits.size();
        double[] x = new double[n], m = new double[n], lo = new double[n], hi = new double[n];
        for (int i = 0; i < n; i++) {
            String t = visits.get(i);
            double[] v = rows.stream().filter(r -> r.timepoint().equals(t)).mapToDouble(value).filter(Double::isFinite).toArray();
            MeanEstimate e = MeanEstimate.of(v, LEVEL);
            x[i] = design.timePosition(t);
            m[i] = e.mean();
            lo[i] = e.lower();
            hi[i] = e.upper();
        }
        return new Figures.ArmSummary(name, x, m, lo, hi);
    }

    private static String armLabel(String arm) { return arm == null ? "recipients" : arm; }
}
