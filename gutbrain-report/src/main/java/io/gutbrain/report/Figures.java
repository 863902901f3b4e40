package io.gutbrain.report;

import io.gutbrain.diversity.RarefactionCurve;
import io.gutbrain.ordination.PCoA;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarChartBuilder;
import org.knowm.xchart.HorizontalBarSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The plots of a study report, drawn with XChart and exported as SVG (Apache Batik) and PNG.
 * Every method takes a {@link FigureSpec} (name, title, caption, axis titles, size) and plain
 * arrays, so the study pipeline can feed results of any analysis; non-finite values are left
 * out of a plot (never drawn at 0). Groups get Okabe–Ito colours in the order they are listed
 * ({@link Palette}); numeric colour scales use viridis.
 */
public final class Figures {
    static {
        Render.headless();
    }

    private Figures() {}

    /** Marker diameter in CSS pixels. */
    static final int MARKER = 7;
    /** Number of colour classes of {@link #scatterByValue}. */
    static final int VALUE_CLASSES = 6;
    /** Colour classes of {@link #heatmap}. */
    static final int HEAT_CLASSES = 9;
    /** Label used for samples without a group. */
    public static final String MISSING = "missing";

    private static final BasicStroke THIN = new BasicStroke(1.2f);
    private static final BasicStroke MEDIUM = new BasicStroke(1.8f);
    private static final BasicStroke THICK = new BasicStroke(2.6f);

    // ---- records for the longitudinal plots ----

    /** One subject's measurements over time (spaghetti plot); {@code time} and {@code value} are paired. */
    public record Trajectory(String subject, String arm, double[] time, double[] value) {
        /** Validates that time and value are paired. */
        public Trajectory {
            Objects.requireNonNull(subject, "subject");
            if (time.length != value.length) throw new IllegalArgumentException("time and value differ in length for " + subject);
        }
    }

    /**
     * One arm's summary per time point: the mean (or model estimate) and its interval. The
     * interval may be asymmetric (e.g. bootstrap); NaN bounds draw no interval.
     */
    public record ArmSummary(String arm, double[] time, double[] mean, double[] lower, double[] upper) {
        /** Validates that the arrays are paired. */
        public ArmSummary {
            Objects.requireNonNull(arm, "arm");
            if (mean.length != time.length || lower.length != time.length || upper.length != time.length) {
                throw new IllegalArgumentException("time, mean, lower and upper differ in length for arm " + arm);
            }
        }
    }

    /**
     * Ordinary least-squares line {@code y = intercept + slope·x} with its coefficient of
     * determination R² and the number of complete pairs used; NaN slope when fewer than two
     * distinct x values.
     */
    public record LinearFit(double intercept, double slope, double rSquared, int n) {
        /** The fitted line as text, e.g. {@code y = 1.23 + 0.456·x, R² = 0.12, n = 44}. */
        public String equation() {
            if (Double.isNaN(slope)) return "no fit (fewer than two distinct x values), n = " + n;
            return "y = " + sig(intercept) + (slope < 0 ? " − " : " + ") + sig(Math.abs(slope)) + "·x, R² = "
                    + String.format(Locale.ROOT, "%.3f", rSquared) + ", n = " + n;
        }
    }

    // ---- public plots ----

    /**
     * Box plot with every observation drawn on top (strip plot), one box per group in the map's
     * order. Boxes follow ggplot2's {@code geom_boxplot}: hinges at the 25th and 75th percentiles
     * (R's default type-7 quantiles, Hyndman and Fan 1996), the median as a thick line, whiskers
     * to the most extreme observation within 1.5 × IQR of the hinges (Tukey 1977). Points are
     * spread sideways by a fixed, data-independent offset pattern so that reruns draw the same
     * picture. Axis labels carry each group's n.
     */
    public static Figure boxStrip(FigureSpec spec, Map<String, double[]> valuesByGroup) {
        XYChart c = xy(spec);
        List<String> names = new ArrayList<>(valuesByGroup.keySet());
        int k = names.size();
        String[] tick = new String[k];
        for (int gi = 0; gi < k; gi++) {
            double[] v = finite(valuesByGroup.get(names.get(gi)));
            double pos = gi + 1;
            Color col = Palette.group(gi);
            tick[gi] = names.get(gi) + " (n=" + v.length + ")";
            if (v.length == 0) continue;
            BoxStats b = BoxStats.of(v);
            double w = 0.3;
            fill(c, "box-fill-" + gi, new double[]{pos - w, pos + w, pos + w, pos - w},
                    new double[]{b.q1(), b.q1(), b.q3(), b.q3()}, Palette.withAlpha(col, 0.25));
            line(c, "box-edge-" + gi,
                    new double[]{pos - w, pos + w, pos + w, pos - w, pos - w, Double.NaN, pos, pos, Double.NaN, pos, pos},
                    new double[]{b.q1(), b.q1(), b.q3(), b.q3(), b.q1(), Double.NaN, b.q3(), b.whiskerHigh(), Double.NaN, b.q1(), b.whiskerLow()},
                    Palette.INK, THIN);
            line(c, "box-median-" + gi, new double[]{pos - w, pos + w}, new double[]{b.median(), b.median()}, Palette.INK, THICK);
            double[] xs = new double[v.length];
            for (int i = 0; i < v.length; i++) xs[i] = pos + jitter(i, 0.22);
            points(c, "points-" + gi, xs, v, Palette.withAlpha(col, 0.85), SeriesMarkers.CIRCLE).setShowInLegend(false);
        }
        AxesChartStyler st = c.getStyler();
        st.setLegendVisible(false);
        st.setXAxisMin(0.5);
        st.setXAxisMax(k + 0.5);
        st.setPlotGridVerticalLinesVisible(false);
        categoryTicks(st, tick, spec.width());
        if (k == 0) emptyNote(c);
        return finish(spec, c);
    }

    /**
     * Scatter of {@code y} against {@code x} with the least-squares line over the range of x and
     * its equation, R² and n in the legend (see {@link #fit}). Pairs with a non-finite value are
     * left out.
     */
    public static Figure scatterFit(FigureSpec spec, double[] x, double[] y) {
        requireSameLength(x, y, "x", "y");
        double[][] xy = completePairs(x, y);
        XYChart c = xy(spec);
        LinearFit f = fit(x, y);
        points(c, "points", xy[0], xy[1], Palette.withAlpha(Palette.group(4), 0.8), SeriesMarkers.CIRCLE).setLabel("samples");
        if (!Double.isNaN(f.slope())) {
            double lo = Arrays.stream(xy[0]).min().orElse(0), hi = Arrays.stream(xy[0]).max().orElse(0);
            line(c, "fit", new double[]{lo, hi}, new double[]{f.intercept() + f.slope() * lo, f.intercept() + f.slope() * hi},
                    Palette.group(5), MEDIUM).setLabel(f.equation()).setShowInLegend(true);
        } else if (xy[0].length == 0) {
            emptyNote(c);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return finish(spec, c);
    }

    /**
     * Least-squares fit of y on x over complete pairs (commons-math {@code SimpleRegression}):
     * slope = Sxy/Sxx, intercept = ȳ − slope·x̄, R² = 1 − SSE/SST.
     */
    public static LinearFit fit(double[] x, double[] y) {
        requireSameLength(x, y, "x", "y");
        double[][] xy = completePairs(x, y);
        SimpleRegression r = new SimpleRegression(true);
        for (int i = 0; i < xy[0].length; i++) r.addData(xy[0][i], xy[1][i]);
        int n = xy[0].length;
        boolean ok = n >= 2 && Arrays.stream(xy[0]).distinct().count() >= 2;
        return ok ? new LinearFit(r.getIntercept(), r.getSlope(), r.getRSquare(), n)
                : new LinearFit(Double.NaN, Double.NaN, Double.NaN, n);
    }

    /**
     * Scatter coloured by a categorical variable (e.g. PCoA axes coloured by group), with one
     * legend entry per group. Groups are listed in natural (sorted) order; a null or blank group
     * is drawn grey as {@value #MISSING}.
     */
    public static Figure scatterByGroup(FigureSpec spec, double[] x, double[] y, String[] group) {
        requireSameLength(x, y, "x", "y");
        if (group.length != x.length) throw new IllegalArgumentException("group has " + group.length + " values, x has " + x.length);
        TreeSet<String> levels = new TreeSet<>();
        boolean anyMissing = false;
        for (String g : group) {
            if (g == null || g.isBlank()) anyMissing = true;
            else levels.add(g);
        }
        XYChart c = xy(spec);
        int gi = 0;
        for (String level : levels) {
            addGroupPoints(c, "group-" + gi, level, x, y, group, level, Palette.group(gi));
            gi++;
        }
        if (anyMissing) addGroupPoints(c, "group-missing", MISSING, x, y, group, null, Palette.MUTED);
        if (c.getSeriesCollection().isEmpty()) emptyNote(c);
        return finish(spec, c);
    }

    /**
     * Scatter coloured by a numeric variable (e.g. PCoA coloured by a symptom score): values are
     * cut into {@value #VALUE_CLASSES} equal-width classes between their minimum and maximum,
     * coloured along viridis (dark = low), each class a legend entry {@code [lo, hi)} (the last
     * closed). Non-finite values are drawn grey as {@value #MISSING}.
     */
    public static Figure scatterByValue(FigureSpec spec, double[] x, double[] y, double[] value, String valueLabel) {
        requireSameLength(x, y, "x", "y");
        requireSameLength(x, value, "x", "value");
        double[] fv = finite(value);
        XYChart c = xy(spec);
        if (fv.length > 0) {
            double lo = Arrays.stream(fv).min().getAsDouble(), hi = Arrays.stream(fv).max().getAsDouble();
            int classes = lo == hi ? 1 : VALUE_CLASSES;
            double width = (hi - lo) / classes;
            for (int k = 0; k < classes; k++) {
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < value.length; i++) {
                    if (!Double.isFinite(value[i])) continue;
                    int cls = classes == 1 ? 0 : Math.min(classes - 1, (int) Math.floor((value[i] - lo) / width));
                    if (cls == k) idx.add(i);
                }
                double a = lo + k * width, b = k == classes - 1 ? hi : lo + (k + 1) * width;
                String label = classes == 1 ? valueLabel + " = " + sig(lo)
                        : valueLabel + " " + (k == classes - 1 ? "[" + sig(a) + ", " + sig(b) + "]" : "[" + sig(a) + ", " + sig(b) + ")");
                Color col = Palette.sequential(classes == 1 ? 0.5 : (k + 0.5) / classes);
                if (!idx.isEmpty()) points(c, "class-" + k, pick(x, idx), pick(y, idx), col, SeriesMarkers.CIRCLE).setLabel(label);
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < value.length; i++) if (!Double.isFinite(value[i])) missing.add(i);
        if (!missing.isEmpty()) points(c, "class-missing", pick(x, missing), pick(y, missing), Palette.MUTED, SeriesMarkers.CIRCLE).setLabel(MISSING);
        if (c.getSeriesCollection().isEmpty()) emptyNote(c);
        return finish(spec, c);
    }

    /** The coordinates of every sample on PCoA axis {@code axis} (0-based), in {@code r.ids()} order. */
    public static double[] pcoaCoordinates(PCoA.Result r, int axis) {
        double[] out = new double[r.ids().size()];
        for (int i = 0; i < out.length; i++) out[i] = r.coordinates()[i][axis];
        return out;
    }

    /** An axis title for PCoA axis {@code axis} (0-based): {@code PC1 (23.4%)}. */
    public static String pcoaAxisLabel(PCoA.Result r, int axis) {
        return String.format(Locale.ROOT, "PC%d (%.1f%%)", axis + 1, 100 * r.proportionExplained()[axis]);
    }

    /**
     * Rarefaction curves: one line per sample (mean of the metric over the iterations at each
     * depth) with a shaded band between the curve's lower and upper percentiles (
     * {@link RarefactionCurve#LOWER_PERCENTILE}–{@link RarefactionCurve#UPPER_PERCENTILE}) when
     * more than one iteration was run. Depths beyond a sample's total are not drawn. With
     * {@code groupOf} (sample id → group, may be null) lines are coloured by group.
     */
    public static Figure rarefaction(FigureSpec spec, RarefactionCurve curve, String metric, Map<String, String> groupOf) {
        int m = curve.metricNames().indexOf(metric);
        if (m < 0) throw new IllegalArgumentException("metric " + metric + " not in the curve: " + curve.metricNames());
        long[] depths = curve.depths();
        List<String> ids = curve.sampleIds();
        List<String> levels = new ArrayList<>(new TreeSet<>(groupOf == null ? List.of()
                : ids.stream().map(groupOf::get).filter(g -> g != null && !g.isBlank()).toList()));
        boolean anyMissing = groupOf != null && ids.stream().map(groupOf::get).anyMatch(g -> g == null || g.isBlank());
        XYChart c = xy(spec);
        Map<String, Boolean> legendShown = new LinkedHashMap<>();
        boolean bands = curve.iterations() > 1;
        // draw samples group by group so that the legend (first line of each group) is in level order
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < ids.size(); s++) order.add(s);
        if (groupOf != null) {
            order.sort(Comparator.comparingInt(s -> {
                int li = levels.indexOf(groupOf.get(ids.get(s)));
                return li < 0 ? levels.size() : li;
            }));
        }
        for (int s : order) {
            String g = groupOf == null ? null : groupOf.get(ids.get(s));
            boolean hasGroup = g != null && !g.isBlank();
            Color col = groupOf == null ? Palette.group(4) : hasGroup ? Palette.group(levels.indexOf(g)) : Palette.MUTED;
            List<double[]> pts = new ArrayList<>();
            for (int d = 0; d < depths.length; d++) {
                if (!curve.isComputed(s, d) || !Double.isFinite(curve.mean(s, d, m))) continue;
                pts.add(new double[]{depths[d], curve.mean(s, d, m), curve.lower(s, d, m), curve.upper(s, d, m)});
            }
            if (pts.isEmpty()) continue;
            int n = pts.size();
            if (bands && n > 1) {
                double[] bx = new double[2 * n], by = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    bx[i] = pts.get(i)[0];
                    by[i] = pts.get(i)[3];
                    bx[2 * n - 1 - i] = pts.get(i)[0];
                    by[2 * n - 1 - i] = pts.get(i)[2];
                }
                fill(c, "band-" + s, bx, by, Palette.withAlpha(col, 0.12));
            }
            double[] lx = pts.stream().mapToDouble(p -> p[0]).toArray(), ly = pts.stream().mapToDouble(p -> p[1]).toArray();
            XYSeries line = line(c, "curve-" + s, lx, ly, Palette.withAlpha(col, 0.9), THIN);
            String legend = groupOf == null ? "samples" : hasGroup ? g : MISSING;
            if (legendShown.putIfAbsent(legend, true) == null) line.setLabel(legend).setShowInLegend(true);
        }
        if (groupOf == null) c.getStyler().setLegendVisible(false);
        if (!anyMissing && levels.isEmpty() && groupOf != null) c.getStyler().setLegendVisible(false);
        if (c.getSeriesCollection().isEmpty()) emptyNote(c);
        return finish(spec, c);
    }

    /**
     * Volcano plot: effect (e.g. a model coefficient) against −log10 q. Points with q below
     * {@code qThreshold} are coloured by direction (vermillion up, blue down), the rest grey; a
     * dashed line marks the threshold. The {@code labelTop} significant features with the
     * smallest q are labelled. q = 0 cannot be drawn on a log scale: such points are drawn as
     * triangles at the top of the plot (1 above the largest finite −log10 q). Features with a
     * non-finite effect or q are left out.
     */
    public static Figure volcano(FigureSpec spec, String[] names, double[] effect, double[] q, double qThreshold, int labelTop) {
        requireSameLength(effect, q, "effect", "q");
        if (names.length != effect.length) throw new IllegalArgumentException("names has " + names.length + " values, effect has " + effect.length);
        if (!(qThreshold > 0 && qThreshold < 1)) throw new IllegalArgumentException("qThreshold must be in (0, 1): " + qThreshold);
        if (spec.xLabel().isEmpty() && spec.yLabel().isEmpty()) spec = spec.axes("effect", "−log10 q");
        double top = 0;
        for (int i = 0; i < q.length; i++) if (Double.isFinite(effect[i]) && q[i] > 0 && q[i] <= 1) top = Math.max(top, -Math.log10(q[i]));
        top = Math.max(top, -Math.log10(qThreshold)) + 1;
        List<Integer> ns = new ArrayList<>(), up = new ArrayList<>(), down = new ArrayList<>(), zero = new ArrayList<>();
        double[] yv = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            if (!Double.isFinite(effect[i]) || !(q[i] >= 0 && q[i] <= 1)) continue;
            yv[i] = q[i] == 0 ? top : -Math.log10(q[i]);
            if (q[i] == 0) zero.add(i);
            else if (q[i] >= qThreshold) ns.add(i);
            else if (effect[i] >= 0) up.add(i);
            else down.add(i);
        }
        XYChart c = xy(spec);
        String thr = "q < " + sig(qThreshold);
        if (!ns.isEmpty()) points(c, "ns", pick(effect, ns), pick(yv, ns), Palette.withAlpha(Palette.MUTED, 0.7), SeriesMarkers.CIRCLE).setLabel("not significant");
        if (!up.isEmpty()) points(c, "up", pick(effect, up), pick(yv, up), Palette.group(5), SeriesMarkers.CIRCLE).setLabel(thr + ", higher");
        if (!down.isEmpty()) points(c, "down", pick(effect, down), pick(yv, down), Palette.group(4), SeriesMarkers.CIRCLE).setLabel(thr + ", lower");
        if (!zero.isEmpty()) points(c, "zero", pick(effect, zero), pick(yv, zero), Palette.INK, SeriesMarkers.TRIANGLE_UP).setLabel("q = 0 (drawn at top)");
        if (c.getSeriesCollection().isEmpty()) {
            emptyNote(c);
            return finish(spec, c);
        }
        AnnotationLine thrLine = new AnnotationLine(-Math.log10(qThreshold), false, false);
        c.addAnnotation(thrLine);
        c.getStyler().setAnnotationLineColor(new Color(0x66, 0x66, 0x66));
        c.getStyler().setAnnotationLineStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{5f, 4f}, 0f));
        List<Integer> sig = new ArrayList<>(up);
        sig.addAll(down);
        sig.addAll(zero);
        sig.sort(Comparator.comparingDouble((Integer i) -> q[i]).thenComparing(i -> -Math.abs(effect[i])));
        double yRange = top;
        for (int k = 0; k < Math.min(labelTop, sig.size()); k++) {
            int i = sig.get(k);
            c.addAnnotation(new AnnotationText(names[i], effect[i], yv[i] + 0.035 * yRange, false));
        }
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(top * 1.08);
        return finish(spec, c);
    }

    /**
     * Heat map of a matrix (rows × columns, e.g. features × samples or modules × groups), first
     * row at the top. Values are cut into {@value #HEAT_CLASSES} equal-width classes between
     * their minimum and maximum, each listed in the legend. When the values take both signs a
     * class is coloured by its centre on a blue–white–vermillion scale symmetric around 0 (so
     * white means 0); otherwise along viridis. Non-finite cells are left blank. Every cell is an
     * SVG element: keep the matrix to a few thousand cells (e.g. the top features).
     */
    public static Figure heatmap(FigureSpec spec, List<String> rows, List<String> columns, double[][] values, String valueLabel) {
        if (values.length != rows.size()) throw new IllegalArgumentException("values has " + values.length + " rows, names " + rows.size());
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (values[r].length != columns.size()) throw new IllegalArgumentException("row " + rows.get(r) + " has " + values[r].length + " values, expected " + columns.size());
            for (int col = 0; col < columns.size(); col++) {
                double v = values[r][col];
                if (!Double.isFinite(v)) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                // first row at the top: XChart's y grows upwards
                cells.add(new Number[]{col, rows.size() - 1 - r, v});
            }
        }
        HeatMapChart c = new HeatMapChartBuilder().width(spec.width()).height(spec.height()).title(spec.title())
                .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        Render.style(c.getStyler());
        List<String> yNames = new ArrayList<>(rows);
        java.util.Collections.reverse(yNames);
        if (cells.isEmpty()) {
            lo = 0;
            hi = 1;
        }
        // XChart colours cells in classes of equal width between the data minimum and maximum
        // (not the styler's min/max), class i taking rangeColors[i] when there are as many
        // colours as classes; its gradient legend is drawn with a paint Batik cannot export. So:
        // a piecewise legend, and each class coloured by the palette at its centre value.
        boolean diverging = lo < 0 && hi > 0;
        double span = hi > lo ? hi - lo : 1, absMax = Math.max(Math.abs(lo), Math.abs(hi));
        Color[] classes = new Color[HEAT_CLASSES];
        for (int i = 0; i < HEAT_CLASSES; i++) {
            double centre = lo + (i + 0.5) * span / HEAT_CLASSES;
            classes[i] = diverging ? Palette.diverging(centre / absMax) : Palette.sequential((i + 0.5) / HEAT_CLASSES);
        }
        c.getStyler().setRangeColors(classes);
        c.getStyler().setPiecewise(true);
        c.getStyler().setPiecewiseRanged(true);
        c.getStyler().setSplitNumber(HEAT_CLASSES);
        c.getStyler().setShowValue(false);
        c.getStyler().setDrawBorder(false);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisLabelRotation(90);
        c.getStyler().setPlotGridLinesVisible(false);
        // category labels are thinned when closer than this (both axes of a heat map use the X hint)
        c.getStyler().setXAxisTickMarkSpacingHint(15);
        c.getStyler().setHeatMapDecimalValueFormatter(Figures::sig);
        c.addSeries(valueLabel == null || valueLabel.isBlank() ? "value" : valueLabel, new ArrayList<>(columns), yNames, cells);
        return finish(spec, c);
    }

    /**
     * Horizontal bars, one per category, top to bottom in the given order (e.g. the most
     * abundant taxa first): long names stay readable. Non-finite values draw no bar.
     */
    public static Figure bars(FigureSpec spec, List<String> categories, double[] values) {
        if (categories.size() != values.length) throw new IllegalArgumentException("categories has " + categories.size() + " entries, values " + values.length);
        HorizontalBarChart c = new HorizontalBarChartBuilder().width(spec.width()).height(spec.height()).title(spec.title())
                .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        Render.style(c.getStyler());
        List<String> cats = new ArrayList<>(categories);
        List<Number> vals = new ArrayList<>();
        for (double v : values) vals.add(Double.isFinite(v) ? v : 0.0);
        HorizontalBarSeries s = c.addSeries("values", vals, cats);
        s.setFillColor(Palette.group(4));
        c.getStyler().setLegendVisible(false);
        c.getStyler().setPlotGridHorizontalLinesVisible(false);
        c.getStyler().setXAxisTickLabelsFormattingFunction(Figures::tick);
        // category labels are thinned when closer than this many pixels (the Y axis uses the X hint)
        c.getStyler().setXAxisTickMarkSpacingHint(15);
        return finish(spec, c);
    }

    /**
     * Stacked vertical bars: one bar per category (e.g. arm and visit), split into the parts of
     * {@code parts} (e.g. source shares) stacked bottom-up in the map's order, each part one
     * colour and legend entry. Meant for shares that sum to about one per bar; a non-finite
     * value draws nothing for that part.
     *
     * @param parts part name → one value per category, in {@code categories} order
     */
    public static Figure stackedBars(FigureSpec spec, List<String> categories, Map<String, double[]> parts) {
        CategoryChart c = new CategoryChartBuilder().width(spec.width()).height(spec.height()).title(spec.title())
                .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        Render.style(c.getStyler());
        c.getStyler().setStacked(true);
        c.getStyler().setAvailableSpaceFill(0.7);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisLabelRotation(categories.size() > 6 ? 30 : 0);
        c.getStyler().setYAxisTickLabelsFormattingFunction(Figures::tick);
        int pi = 0;
        for (Map.Entry<String, double[]> e : parts.entrySet()) {
            if (e.getValue().length != categories.size()) {
                throw new IllegalArgumentException("part " + e.getKey() + " has " + e.getValue().length + " values, categories " + categories.size());
            }
            List<Number> ys = new ArrayList<>();
            for (double v : e.getValue()) ys.add(Double.isFinite(v) ? v : 0.0);
            c.addSeries(e.getKey(), new ArrayList<>(categories), ys).setFillColor(Palette.group(pi++));
        }
        if (parts.isEmpty() || categories.isEmpty()) {
            c.addSeries("no data to plot", List.of("none"), List.of(0.0));
            c.getStyler().setLegendVisible(false);
        }
        return finish(spec, c);
    }

    /**
     * Histogram of {@code values} (e.g. sequencing depth per sample) in {@code bins} equal-width
     * bins from the minimum to the maximum; bars are labelled with their centres. Non-finite
     * values are left out.
     */
    public static Figure histogram(FigureSpec spec, double[] values, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be at least 1: " + bins);
        double[] v = finite(values);
        if (spec.yLabel().isEmpty()) spec = spec.axes(spec.xLabel(), "count");
        CategoryChart c = new CategoryChartBuilder().width(spec.width()).height(spec.height()).title(spec.title())
                .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        Render.style(c.getStyler());
        double lo = v.length == 0 ? 0 : Arrays.stream(v).min().getAsDouble();
        double hi = v.length == 0 ? 1 : Arrays.stream(v).max().getAsDouble();
        if (hi == lo) hi = lo + 1;
        double w = (hi - lo) / bins;
        double[] counts = new double[bins];
        for (double x : v) counts[Math.min(bins - 1, (int) Math.floor((x - lo) / w))]++;
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < bins; b++) labels.add(tick(Double.parseDouble(sig(lo + (b + 0.5) * w))));
        List<Number> ys = new ArrayList<>();
        for (double cnt : counts) ys.add(cnt);
        c.addSeries("count", labels, ys).setFillColor(Palette.group(4));
        c.getStyler().setLegendVisible(false);
        c.getStyler().setAvailableSpaceFill(0.98);
        c.getStyler().setXAxisLabelRotation(bins > 12 ? 45 : 0);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        return finish(spec, c);
    }

    /**
     * Spaghetti plot: one line per subject through its measurements in time order, coloured by
     * arm (arms in sorted order, one legend entry each). Non-finite points are skipped.
     */
    public static Figure spaghetti(FigureSpec spec, List<Trajectory> trajectories) {
        List<String> arms = new ArrayList<>(new TreeSet<>(trajectories.stream().map(t -> armName(t.arm())).toList()));
        XYChart c = xy(spec);
        Map<String, Boolean> shown = new LinkedHashMap<>();
        // subjects arm by arm, so the legend (first line of each arm) lists arms in sorted order
        List<Trajectory> sorted = new ArrayList<>(trajectories);
        sorted.sort(Comparator.comparingInt(t -> {
            int i = arms.indexOf(armName(t.arm()));
            return armName(t.arm()).equals(MISSING) ? arms.size() : i;
        }));
        int s = 0;
        for (Trajectory t : sorted) {
            double[][] tv = completePairs(t.time(), t.value());
            Integer[] order = new Integer[tv[0].length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, Comparator.comparingDouble(i -> tv[0][i]));
            double[] xs = new double[order.length], ys = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                xs[i] = tv[0][order[i]];
                ys[i] = tv[1][order[i]];
            }
            if (xs.length == 0) continue;
            String arm = armName(t.arm());
            Color col = arm.equals(MISSING) ? Palette.MUTED : Palette.group(arms.indexOf(arm));
            XYSeries l = line(c, "subject-" + s++, xs, ys, Palette.withAlpha(col, 0.75), THIN);
            l.setMarker(SeriesMarkers.CIRCLE);
            l.setMarkerColor(Palette.withAlpha(col, 0.9));
            if (shown.putIfAbsent(arm, true) == null) l.setLabel(arm).setShowInLegend(true);
        }
        c.getStyler().setMarkerSize(5);
        if (c.getSeriesCollection().isEmpty()) emptyNote(c);
        return finish(spec, c);
    }

    /**
     * Mean (or model estimate) per arm and time with its interval as error bars with caps,
     * arms joined by lines and dodged sideways by 2 % of the time range so intervals do not
     * overlap. Time points with a non-finite mean are skipped; NaN bounds draw no bar.
     */
    public static Figure meanWithCi(FigureSpec spec, List<ArmSummary> arms) {
        XYChart c = xy(spec);
        double tMin = Double.POSITIVE_INFINITY, tMax = Double.NEGATIVE_INFINITY;
        for (ArmSummary a : arms) for (double t : a.time()) if (Double.isFinite(t)) { tMin = Math.min(tMin, t); tMax = Math.max(tMax, t); }
        double range = tMax > tMin ? tMax - tMin : 1;
        double dodge = 0.02 * range, cap = 0.012 * range;
        for (int ai = 0; ai < arms.size(); ai++) {
            ArmSummary a = arms.get(ai);
            Color col = Palette.group(ai);
            double off = (ai - (arms.size() - 1) / 2.0) * dodge;
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < a.time().length; i++) if (Double.isFinite(a.time()[i]) && Double.isFinite(a.mean()[i])) idx.add(i);
            idx.sort(Comparator.comparingDouble(i -> a.time()[i]));
            if (idx.isEmpty()) continue;
            List<Double> bx = new ArrayList<>(), by = new ArrayList<>();
            for (int i : idx) {
                double t = a.time()[i] + off, lo = a.lower()[i], hi = a.upper()[i];
                if (!Double.isFinite(lo) || !Double.isFinite(hi)) continue;
                // vertical bar, then the two caps, each piece separated by NaN (a gap in XChart)
                addSegment(bx, by, t, lo, t, hi);
                addSegment(bx, by, t - cap, lo, t + cap, lo);
                addSegment(bx, by, t - cap, hi, t + cap, hi);
            }
            if (!bx.isEmpty()) line(c, "ci-" + ai, unbox(bx), unbox(by), col, THIN);
            double[] mx = idx.stream().mapToDouble(i -> a.time()[i] + off).toArray();
            double[] my = idx.stream().mapToDouble(i -> a.mean()[i]).toArray();
            XYSeries m = line(c, "mean-" + ai, mx, my, col, MEDIUM);
            m.setMarker(SeriesMarkers.CIRCLE);
            m.setMarkerColor(col);
            m.setLabel(armName(a.arm())).setShowInLegend(true);
        }
        if (c.getSeriesCollection().isEmpty()) emptyNote(c);
        return finish(spec, c);
    }

    // ---- shared plumbing ----

    private static XYChart xy(FigureSpec spec) {
        XYChart c = new XYChartBuilder().width(spec.width()).height(spec.height()).title(spec.title())
                .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        Render.style(c.getStyler());
        c.getStyler().setMarkerSize(MARKER);
        c.getStyler().setXAxisTitleVisible(!spec.xLabel().isEmpty());
        c.getStyler().setYAxisTitleVisible(!spec.yLabel().isEmpty());
        c.getStyler().setXAxisTickLabelsFormattingFunction(Figures::tick);
        c.getStyler().setYAxisTickLabelsFormattingFunction(Figures::tick);
        return c;
    }

    private static Figure finish(FigureSpec spec, Chart<?, ?> chart) {
        String svg = Render.svg(chart, spec.width(), spec.height(), "f-" + spec.name() + "-", spec.title());
        byte[] png = Render.png(chart, spec.width(), spec.height(), Render.PNG_SCALE);
        return new Figure(spec.name(), spec.title(), spec.caption(), spec.width(), spec.height(), Render.PNG_SCALE, svg, png);
    }

    /** A scatter series (markers only), hidden from the legend unless labelled later. */
    private static XYSeries points(XYChart c, String key, double[] x, double[] y, Color col, Marker marker) {
        XYSeries s = c.addSeries(key, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(col);
        return s;
    }

    /** A line series without markers and without a legend entry (NaN in y breaks the line). */
    private static XYSeries line(XYChart c, String key, double[] x, double[] y, Color col, BasicStroke stroke) {
        XYSeries s = c.addSeries(key, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(col);
        s.setLineStyle(stroke);
        s.setShowInLegend(false);
        return s;
    }

    /** A filled polygon (closed back to its first point), no outline, no legend entry. */
    private static void fill(XYChart c, String key, double[] x, double[] y, Color col) {
        XYSeries s = c.addSeries(key, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(col);
        s.setLineStyle(SeriesLines.NONE);
        s.setShowInLegend(false);
    }

    private static void addGroupPoints(XYChart c, String key, String label, double[] x, double[] y, String[] group, String level, Color col) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            boolean missing = group[i] == null || group[i].isBlank();
            if ((level == null ? missing : level.equals(group[i])) && Double.isFinite(x[i]) && Double.isFinite(y[i])) idx.add(i);
        }
        if (idx.isEmpty()) return;
        points(c, key, pick(x, idx), pick(y, idx), Palette.withAlpha(col, 0.9), SeriesMarkers.CIRCLE).setLabel(label + " (n=" + idx.size() + ")");
    }

    /**
     * Puts tick labels at the integer positions 1..k of a category axis drawn on a numeric XY
     * axis. XChart chooses tick positions itself: its step is the "nice" number (1, 2, 5 × 10^e)
     * above span·hint/tickSpace, and it draws no ticks when the hint exceeds the tick space. A
     * hint of 0.85 × the estimated tick space (92 % of the plot, the plot being the chart less
     * about 90 px of axis and padding) per category gives a step of 1 when the estimate is within
     * −12 %/+17 %; otherwise the step is 0.5 and the half-way ticks get a blank label.
     */
    private static void categoryTicks(AxesChartStyler st, String[] labels, int width) {
        int k = labels.length;
        // Blank labels differ below and above 1: XChart draws no ticks at all when the axis
        // minimum and maximum format alike (its guard against formats that drop decimals).
        Function<Double, String> f = v -> {
            long r = Math.round(v);
            return Math.abs(v - r) < 1e-9 && r >= 1 && r <= k ? labels[(int) r - 1] : v < 1 ? " " : "  ";
        };
        st.setXAxisTickLabelsFormattingFunction(f);
        st.setXAxisTickMarkSpacingHint(Math.max(20, (int) (0.85 * 0.92 * (width - 90) / Math.max(1, k))));
        if (k > 6) st.setXAxisLabelRotation(30);
    }

    /** Writes "no data" in the middle of an empty plot, so an empty figure is visibly empty. */
    private static void emptyNote(XYChart c) {
        c.addSeries("empty", new double[]{0, 1}, new double[]{0, 1}).setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter)
                .setMarker(SeriesMarkers.NONE);
        c.getSeries("empty").setShowInLegend(false);
        c.addAnnotation(new AnnotationText("no data to plot", 0.5, 0.5, false));
        c.getStyler().setLegendVisible(false);
    }

    private static void addSegment(List<Double> xs, List<Double> ys, double x0, double y0, double x1, double y1) {
        xs.add(x0); ys.add(y0);
        xs.add(x1); ys.add(y1);
        xs.add(x1); ys.add(Double.NaN);
    }

    private static double[] unbox(List<Double> l) { return l.stream().mapToDouble(Double::doubleValue).toArray(); }

    private static String armName(String arm) { return arm == null || arm.isBlank() ? MISSING : arm; }

    /** Fixed low-discrepancy offsets in ±half (golden-ratio sequence), independent of the data. */
    static double jitter(int i, double half) {
        double u = (i * 0.6180339887498949) % 1.0;
        return (u - 0.5) * 2 * half;
    }

    static double[] finite(double[] v) {
        return v == null ? new double[0] : Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    private static double[][] completePairs(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) if (Double.isFinite(x[i]) && Double.isFinite(y[i])) n++;
        double[] a = new double[n], b = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                a[k] = x[i];
                b[k++] = y[i];
            }
        }
        return new double[][]{a, b};
    }

    private static double[] pick(double[] v, List<Integer> idx) {
        double[] out = new double[idx.size()];
        for (int i = 0; i < out.length; i++) out[i] = v[idx.get(i)];
        return out;
    }

    private static void requireSameLength(double[] a, double[] b, String an, String bn) {
        if (a.length != b.length) throw new IllegalArgumentException(an + " has " + a.length + " values, " + bn + " has " + b.length);
    }

    /**
     * A tick label: ticks are round numbers, so up to 6 significant digits show them exactly;
     * thousands are grouped (20,000) and values within 1e-9 of 0 (floating-point residue of the
     * tick arithmetic) print as 0.
     */
    static String tick(Double v) {
        if (v == null || !Double.isFinite(v)) return " ";
        if (Math.abs(v) < 1e-9) return "0";
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e9) {
            java.math.BigDecimal bd = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros();
            if (a >= 1e4 && bd.scale() <= 0) return String.format(Locale.ROOT, "%,d", bd.longValueExact());
            return bd.toPlainString();
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A number with 3 significant digits, without exponent for everyday magnitudes. */
    static String sig(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "NA" : v > 0 ? "Inf" : "-Inf";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            java.math.BigDecimal bd = new java.math.BigDecimal(v).round(new java.math.MathContext(3));
            return bd.stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
