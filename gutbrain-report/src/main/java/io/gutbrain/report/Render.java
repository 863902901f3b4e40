package io.gutbrain.report;

import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Turns an XChart chart into the two files of a {@link Figure}: SVG drawn through Apache Batik's
 * {@link SVGGraphics2D} (XChart's own vector encoder needs the LGPL VectorGraphics2D, which this
 * project does not ship) and PNG drawn into a {@link BufferedImage}. Also holds the house style
 * every figure shares, so that all plots of a report look alike.
 */
final class Render {
    /** Charts are drawn on servers and in CI without a display: call before the first AWT use. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private Render() {}

    /** DejaVu Sans ships with Debian/Ubuntu (fonts-dejavu-core); Java falls back to its logical sans font otherwise. */
    static final String FONT = "DejaVu Sans";
    static final int PNG_SCALE = 2;

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    /** Applies the shared look: white background, light grid, readable fonts, no chart border. */
    static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleVisible(false); // the HTML figure carries the title; keeps SVG and caption in one place
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 15));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartPadding(10);
        s.setChartFontColor(Palette.INK);
        s.setAnnotationTextFont(new Font(FONT, Font.PLAIN, 11));
        s.setAnnotationTextFontColor(Palette.INK);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
            a.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
            a.setAxisTickLabelsColor(Palette.INK);
            a.setAxisTickMarksColor(new Color(0x88, 0x88, 0x88));
            a.setPlotGridLinesColor(new Color(0xE5, 0xE5, 0xE5));
            a.setPlotGridLinesStroke(new BasicStroke(1f));
            a.setAxisTitlePadding(8);
            a.setPlotMargin(6);
        }
    }

    /**
     * The chart as standalone SVG text (UTF-8, no XML declaration, no DOCTYPE so that no parser
     * ever fetches a DTD). Element ids start with {@code idPrefix}: several SVGs are inlined in one
     * HTML page and Batik's default ids ({@code clipPath1}, ...) would collide between them.
     */
    static String svg(Chart<?, ?> chart, int width, int height, String idPrefix, String title) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().getDOMImplementation().createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser is required", e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment(null);
        ctx.setPrecision(3);
        ctx.setIDGenerator(new SVGIDGenerator() {
            @Override public String generateID(String prefix) { return idPrefix + super.generateID(prefix); }
        });
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        chart.paint(g, width, height);
        Element root = g.getRoot();
        prefixIds(root, idPrefix);
        root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
        root.setAttributeNS(null, "role", "img");
        Element t = doc.createElementNS(SVG_NS, "title");
        t.setTextContent(title);
        root.insertBefore(t, root.getFirstChild());
        return serialize(root);
    }

    /** The chart as PNG bytes, {@code width·scale × height·scale} pixels on white. */
    static byte[] png(Chart<?, ?> chart, int width, int height, int scale) {
        BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
        return out.toByteArray();
    }

    /** Prefixes ids the generator did not name through the context (Batik's fixed {@code genericDefs}). */
    private static void prefixIds(Element e, String prefix) {
        String id = e.getAttribute("id");
        if (!id.isEmpty() && !id.startsWith(prefix)) e.setAttribute("id", prefix + id);
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) prefixIds(child, prefix);
        }
    }

    private static String serialize(Element root) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(root), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("serializing an in-memory SVG DOM failed", e);
        }
    }
}
