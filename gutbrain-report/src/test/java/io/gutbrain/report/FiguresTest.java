package io.gutbrain.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Figures are checked through what they draw: the SVG must be well-formed XML with the
 * expected number of marks in the expected colours (counted from the input data, not from the
 * plotting code), and the PNG must decode at twice the nominal size.
 */
class FiguresTest {
    static List<Figure> peerj;

    @BeforeAll
    static void drawAll() {
        peerj = new PeerjFigures().all();
    }

    @Test
    void everyFigureTypeIsValidSvgAndPng() {
        assertThat(peerj).hasSize(11);
        for (Figure f : peerj) {
            Document d = Svg.parse(f.svg());
            Element root = d.getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("svg");
            assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + f.width() + " " + f.height());
            assertThat(Svg.elements(d, "title").get(0).getTextContent()).isEqualTo(f.title());
            assertThat(Svg.elements(d, "path").size()).as("%s draws text and shapes", f.name()).isGreaterThan(10);
            // inlined together in one page: every id must carry the figure's prefix
            for (Element e : Svg.elements(d, "*")) {
                if (e.hasAttribute("id")) assertThat(e.getAttribute("id")).startsWith("f-" + f.name() + "-");
            }
            assertThat(f.svg()).doesNotContain("<!DOCTYPE").doesNotContain("<?xml");
            BufferedImage img = Svg.png(f.png());
            assertThat(img.getWidth()).isEqualTo(f.width() * f.pngScale());
            assertThat(img.getHeight()).isEqualTo(f.height() * f.pngScale());
        }
    }

    @Test
    void boxStripDrawsEveryFiniteObservationInItsGroupColour() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("a", new double[]{1, 2, 3, 4, 5, Double.NaN});
        m.put("b <&>", new double[]{2, 2.5, 9});
        m.put("empty", new double[0]);
        Figure f = Figures.boxStrip(FigureSpec.of("box", "t").axes("group", "value"), m);
        Document d = Svg.parse(f.svg());
        assertThat(Svg.count(d, "circle", Palette.group(0))).isEqualTo(5);
        assertThat(Svg.count(d, "circle", Palette.group(1))).isEqualTo(3);
        assertThat(Svg.elements(d, "circle")).hasSize(8);
    }

    @Test
    void boxStatsFollowRQuantileType7AndTukeyWhiskers() {
        // R: quantile(c(1:10, 100)) -> 3.5, 6, 8.5 (h = 10p; e.g. p = .25: x[3] + .5 (x[4] - x[3]));
        // IQR 5, upper fence 8.5 + 7.5 = 16, so the whisker stops at 10 and 100 is an outlier.
        BoxStats b = BoxStats.of(new double[]{100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(b.q1()).isEqualTo(3.5);
        assertThat(b.median()).isEqualTo(6.0);
        assertThat(b.q3()).isEqualTo(8.5);
        assertThat(b.whiskerLow()).isEqualTo(1.0);
        assertThat(b.whiskerHigh()).isEqualTo(10.0);
        // R: quantile(1:10) -> 3.25, 5.5, 7.75
        BoxStats c = BoxStats.of(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(c.q1()).isEqualTo(3.25);
        assertThat(c.q3()).isEqualTo(7.75);
        BoxStats one = BoxStats.of(new double[]{4});
        assertThat(one.q1()).isEqualTo(4.0);
        assertThat(one.whiskerHigh()).isEqualTo(4.0);
    }

    @Test
    void leastSquaresFitMatchesHandCalculation() {
        // x̄ = 2.5, ȳ = 4.75, Sxx = 5, Sxy = 9.5: slope 1.9, intercept 0; SST = 18.75, SSR = 1.9 · 9.5 = 18.05
        double[] x = {1, 2, 3, 4, Double.NaN}, y = {2, 4, 5, 8, 3};
        Figures.LinearFit fit = Figures.fit(x, y);
        assertThat(fit.slope()).isCloseTo(1.9, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(0.0, within(1e-12));
        assertThat(fit.rSquared()).isCloseTo(18.05 / 18.75, within(1e-12));
        assertThat(fit.n()).isEqualTo(4);
        assertThat(fit.equation()).isEqualTo("y = 0 + 1.9·x, R² = 0.963, n = 4");
        assertThat(Figures.fit(new double[]{1, 1}, new double[]{2, 3}).equation()).startsWith("no fit");

        Figure f = Figures.scatterFit(FigureSpec.of("fit", "t"), x, y);
        Document d = Svg.parse(f.svg());
        // four points and one legend marker
        assertThat(Svg.count(d, "circle", Palette.group(4))).isEqualTo(5);
    }

    @Test
    void groupScatterHasOnePointPerSampleAndOneLegendMarkerPerGroup() {
        double[] x = {0, 1, 2, 3, 4, 5}, y = {1, 1, 2, 2, 3, Double.NaN};
        String[] g = {"placebo", "LGG", "LGG", null, "placebo", "LGG"};
        Document d = Svg.parse(Figures.scatterByGroup(FigureSpec.of("g", "t"), x, y, g).svg());
        // sorted levels: LGG first (uppercase sorts first), placebo second; the NaN point is left out
        assertThat(Svg.count(d, "circle", Palette.group(0))).isEqualTo(2 + 1);
        assertThat(Svg.count(d, "circle", Palette.group(1))).isEqualTo(2 + 1);
        assertThat(Svg.count(d, "circle", Palette.MUTED)).isEqualTo(1 + 1);
    }

    @Test
    void valueScatterColoursClassesAlongViridis() {
        double[] x = {0, 1, 2, 3, 4, 5, 6}, y = {0, 1, 2, 3, 4, 5, 6};
        double[] v = {0, 0.5, 6, 6, 3.1, Double.NaN, 1.0};
        Document d = Svg.parse(Figures.scatterByValue(FigureSpec.of("v", "t"), x, y, v, "score").svg());
        // classes of width 1 over [0, 6]: {0, 0.5} -> class 0; {1.0} -> 1; {3.1} -> 3; {6, 6} -> 5 (closed at the top)
        assertThat(Svg.count(d, "circle", Palette.sequential(0.5 / 6))).isEqualTo(2 + 1);
        assertThat(Svg.count(d, "circle", Palette.sequential(1.5 / 6))).isEqualTo(1 + 1);
        assertThat(Svg.count(d, "circle", Palette.sequential(3.5 / 6))).isEqualTo(1 + 1);
        assertThat(Svg.count(d, "circle", Palette.sequential(5.5 / 6))).isEqualTo(2 + 1);
        assertThat(Svg.count(d, "circle", Palette.MUTED)).isEqualTo(1 + 1);
    }

    @Test
    void volcanoColoursSignificantPointsByDirection() {
        String[] names = {"a<b", "c&d", "e", "f", "g", "h"};
        double[] effect = {2, -1.5, 0.1, 3, Double.NaN, -0.2};
        double[] q = {0.001, 0.01, 0.5, 0.0, 0.001, 0.2};
        Document d = Svg.parse(Figures.volcano(FigureSpec.of("vol", "t"), names, effect, q, 0.05, 3).svg());
        assertThat(Svg.count(d, "circle", Palette.group(5))).isEqualTo(1 + 1); // a<b up
        assertThat(Svg.count(d, "circle", Palette.group(4))).isEqualTo(1 + 1); // c&d down
        // e and h not significant (drawn grey with opacity), g has no effect and is left out
        assertThat(Svg.elements(d, "circle")).hasSize(2 + 2 + 2 + 1);
        assertThatThrownBy(() -> Figures.volcano(FigureSpec.of("vol", "t"), names, effect, q, 1.5, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heatmapDrawsOneCellPerFiniteValueAndDivergesAroundZero() {
        double[][] v = {{-2, 0, 2}, {1, Double.NaN, -1}};
        Figure f = Figures.heatmap(FigureSpec.of("heat", "t"), List.of("r1", "r<2>"), List.of("s1", "s2", "s3"), v, "z");
        Document d = Svg.parse(f.svg());
        // nine classes of width 4/9 over [-2, 2]; the class centres are symmetric, so -2 and 2 get
        // the two ends of the diverging scale and 0 the white centre class
        // cells are clipped to the plot area, legend boxes are not
        List<Element> cells = Svg.elements(d, "rect").stream().filter(e -> e.hasAttribute("clip-path")).toList();
        assertThat(cells).hasSize(5);
        assertThat(cells.stream().filter(e -> Svg.rgb(Palette.diverging(-16.0 / 18)).equals(Svg.fill(e)))).hasSize(1); // -2
        assertThat(cells.stream().filter(e -> Svg.rgb(Palette.diverging(16.0 / 18)).equals(Svg.fill(e)))).hasSize(1);  // 2
        assertThat(cells.stream().filter(e -> Svg.rgb(Palette.diverging(0)).equals(Svg.fill(e)))).hasSize(1);          // 0
        // 1 and -1 fall in the classes centred at ±8/9
        assertThat(cells.stream().filter(e -> Svg.rgb(Palette.diverging(8.0 / 18)).equals(Svg.fill(e)))).hasSize(1);
        assertThat(cells.stream().filter(e -> Svg.rgb(Palette.diverging(-8.0 / 18)).equals(Svg.fill(e)))).hasSize(1);
    }

    @Test
    void barsDrawOneBarPerCategory() {
        Document d = Svg.parse(Figures.bars(FigureSpec.of("bars", "t"), List.of("x", "y<", "z"), new double[]{3, 2, 1}).svg());
        // XChart fills each bar as a closed path
        assertThat(Svg.count(d, "path", Palette.group(4))).isEqualTo(3);
    }

    @Test
    void histogramCountsMatchBins() {
        double[] v = {1, 2, 2, 3, 10, Double.NaN};
        Document d = Svg.parse(Figures.histogram(FigureSpec.of("h", "t"), v, 3).svg());
        // bins of width 3 over [1, 10]: {1, 2, 2, 3} | {} | {10}: two non-empty bars
        List<Double> heights = Svg.elements(d, "path").stream().filter(e -> Svg.rgb(Palette.group(4)).equals(Svg.fill(e)))
                .map(Svg::pathHeight).filter(h -> h > 0).toList();
        assertThat(heights).hasSize(2);
        double h1 = heights.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double h3 = heights.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(h1 / h3).isCloseTo(4.0, within(0.05)); // 4 values vs 1 value
    }

    @Test
    void spaghettiAndMeansDrawEveryTimePoint() {
        List<Figures.Trajectory> t = List.of(
                new Figures.Trajectory("s1", "A", new double[]{2, 1, 3}, new double[]{1, 2, 3}),
                new Figures.Trajectory("s2", "B", new double[]{1, 2}, new double[]{2, Double.NaN}),
                new Figures.Trajectory("s3", "A", new double[]{1, 2}, new double[]{0, 1}));
        Document d = Svg.parse(Figures.spaghetti(FigureSpec.of("sp", "t"), t).svg());
        // markers: A has 3 + 2 points, B has 1; markers are drawn with 90 % opacity of the arm colour
        assertThat(Svg.count(d, "circle", Palette.group(0))).isEqualTo(5 + 1);
        assertThat(Svg.count(d, "circle", Palette.group(1))).isEqualTo(1 + 1);

        List<Figures.ArmSummary> arms = List.of(
                new Figures.ArmSummary("A", new double[]{0, 4, 8}, new double[]{1, 2, 3}, new double[]{0.5, 1.5, Double.NaN}, new double[]{1.5, 2.5, 3.5}),
                new Figures.ArmSummary("B", new double[]{0, 4}, new double[]{1, Double.NaN}, new double[]{0, 0}, new double[]{2, 2}));
        Document m = Svg.parse(Figures.meanWithCi(FigureSpec.of("m", "t"), arms).svg());
        assertThat(Svg.count(m, "circle", Palette.group(0))).isEqualTo(3 + 1);
        assertThat(Svg.count(m, "circle", Palette.group(1))).isEqualTo(1 + 1);
    }

    @Test
    void emptyInputGivesAnEmptyButValidFigure() {
        Figure f = Figures.scatterByGroup(FigureSpec.of("empty", "nothing"), new double[0], new double[0], new String[0]);
        assertThat(Svg.elements(Svg.parse(f.svg()), "circle")).isEmpty();
        Figure b = Figures.boxStrip(FigureSpec.of("empty2", "nothing"), Map.of());
        Svg.parse(b.svg());
    }

    @Test
    void titlesAreEscapedInTheSvg() {
        Figure f = Figures.bars(FigureSpec.of("esc", "a < b & \"c\""), List.of("x"), new double[]{1});
        assertThat(f.svg()).contains("a &lt; b &amp; \"c\"");
        assertThat(Svg.elements(Svg.parse(f.svg()), "title").get(0).getTextContent()).isEqualTo("a < b & \"c\"");
    }

    @Test
    void badNamesAndSizesAreRejected() {
        assertThatThrownBy(() -> FigureSpec.of("../x", "t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FigureSpec.of("a b", "t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FigureSpec.of("ok", "t").size(50, 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tickLabelsAreExactAndGrouped() {
        assertThat(Figures.tick(0.05)).isEqualTo("0.05");
        assertThat(Figures.tick(20000.0)).isEqualTo("20,000");
        assertThat(Figures.tick(1e-17)).isEqualTo("0");
        assertThat(Figures.tick(-1.5)).isEqualTo("-1.5");
        assertThat(Figures.sig(0.000012345)).isEqualTo("1.23e-05");
        assertThat(Figures.sig(3.14159)).isEqualTo("3.14");
    }
}
