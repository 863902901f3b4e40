package io.gutbrain.report;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stacked bars of shares that sum to one per bar (taxa composition), with a colour per part
 * that stays distinguishable for up to {@link #MAX_PARTS} parts plus a grey "other": the seven
 * Okabe–Ito colours followed by six of Paul Tol's "muted" scheme (Tol 2021, "Colour Schemes",
 * SRON/EPS/TN/09-002), which differ from them in hue and lightness. Bars may be split into runs
 * (e.g. the samples of each group) separated by a gap; with many bars the bar labels are hidden
 * and the axis title names the runs instead.
 */
public final class StackedShares {
    static {
        Render.headless();
    }

    private StackedShares() {}

    /** Parts that get a colour of their own (besides {@link #OTHER_COLOR}). */
    public static final int MAX_PARTS = 13;
    /** Bars up to which each bar is labelled. */
    static final int LABELLED_BARS = 40;

    private static final Color[] COLORS = {
            new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9), new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7),
            new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0xF0, 0xE4, 0x42),
            new Color(0x33, 0x22, 0x88), new Color(0x88, 0x22, 0x55), new Color(0x99, 0x99, 0x33), new Color(0x44, 0xAA, 0x99),
            new Color(0xCC, 0x66, 0x77), new Color(0x66, 0x33, 0x00),
    };
    /** The colour of the remainder part. */
    public static final Color OTHER_COLOR = new Color(0xBB, 0xBB, 0xBB);

    /** The colour of part {@code i} (0-based, below {@link #MAX_PARTS}). */
    public static Color color(int i) {
        if (i < 0 || i >= COLORS.length) throw new IllegalArgumentException("part " + i + ": at most " + MAX_PARTS + " parts have a colour");
        return COLORS[i];
    }

    /**
     * Draws the bars.
     *
     * @param runs       runs of bars, in order: each run's bars are drawn side by side, runs are
     *                   separated by a gap; a run is (label, bar labels)
     * @param parts      part name → one share per bar (all runs' bars in order), stacked bottom-up
     *                   in map order; at most {@link #MAX_PARTS} parts, plus {@code otherPart}
     * @param otherPart  the name of the remainder part (drawn grey, last), or null
     */
    public static Figure draw(FigureSpec spec, List<Run> runs, Map<String, double[]> parts, String otherPart) {
        List<String> categories = new ArrayList<>();
        List<Integer> slot = new ArrayList<>(); // bar index per category, -1 for a gap
        int bars = 0;
        for (Run r : runs) bars += r.bars().size();
        boolean labelled = bars <= LABELLED_BARS;
        int gap = 0;
        int bar = 0;
        for (int i = 0; i < runs.size(); i++) {
            if (i > 0 && runs.size() > 1 && !runs.get(i).bars().isEmpty()) {
                categories.add(" ".repeat(++gap)); // unique blank category: a visible gap between runs
                slot.add(-1);
            }
            for (String b : runs.get(i).bars()) {
                categories.add(labelled ? b : "\u200b".repeat(bar + 1)); // unique, invisible when unlabelled
                slot.add(bar++);
            }
        }
        long coloured = parts.keySet().stream().filter(p -> !p.equals(otherPart)).count();
        if (coloured > MAX_PARTS) throw new IllegalArgumentException(coloured + " parts: at most " + MAX_PARTS + " have a colour");
        CategoryChart c = new CategoryChartBuilder().width(spec.width()).height(spec.height()).title(spec.title())
                .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        Render.style(c.getStyler());
        c.getStyler().setStacked(true);
        c.getStyler().setOverlapped(false);
        c.getStyler().setAvailableSpaceFill(bars > LABELLED_BARS ? 1.0 : 0.8);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisLabelRotation(labelled && categories.size() > 6 ? 60 : 0);
        c.getStyler().setXAxisTicksVisible(labelled);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        int pi = 0;
        for (Map.Entry<String, double[]> e : parts.entrySet()) {
            if (e.getValue().length != bars) throw new IllegalArgumentException("part " + e.getKey() + " has " + e.getValue().length + " values, bars " + bars);
            List<Number> ys = new ArrayList<>();
            for (int s : slot) ys.add(s < 0 || !Double.isFinite(e.getValue()[s]) ? 0.0 : e.getValue()[s]);
            Color col = e.getKey().equals(otherPart) ? OTHER_COLOR : color(pi++);
            c.addSeries(e.getKey(), new ArrayList<>(categories), ys).setFillColor(col);
        }
        if (parts.isEmpty() || categories.isEmpty()) {
            c.addSeries("no data to plot", List.of("none"), List.of(0.0));
            c.getStyler().setLegendVisible(false);
        }
        String svg = Render.svg(c, spec.width(), spec.height(), "f-" + spec.name() + "-", spec.title());
        byte[] png = Render.png(c, spec.width(), spec.height(), Render.PNG_SCALE);
        return new Figure(spec.name(), spec.title(), spec.caption(), spec.width(), spec.height(), Render.PNG_SCALE, svg, png);
    }

    /** A run of bars drawn together (e.g. one group's samples). */
    public record Run(String label, List<String> bars) {
        public Run { bars = List.copyOf(bars); }
    }
}
