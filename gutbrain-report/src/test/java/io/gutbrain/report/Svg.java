package io.gutbrain.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: parse SVG text strictly as XML and count drawn marks by element and colour. */
final class Svg {
    private Svg() {}

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        } catch (Exception e) {
            throw new AssertionError("SVG is not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> elements(Document d, String tag) {
        NodeList nl = d.getElementsByTagNameNS("*", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) out.add((Element) nl.item(i));
        return out;
    }

    /** The fill in effect for {@code e}: its own attribute or the nearest ancestor's (Batik groups shared styles). */
    static String fill(Element e) { return inherited(e, "fill"); }

    static String stroke(Element e) { return inherited(e, "stroke"); }

    private static String inherited(Element e, String attr) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute(attr)) return el.getAttribute(attr);
        }
        return null;
    }

    /** Batik's spelling of a colour: {@code rgb(r,g,b)}, but {@code white} and {@code black} by name. */
    static String rgb(Color c) {
        if (c.getRGB() == java.awt.Color.WHITE.getRGB()) return "white";
        if (c.getRGB() == java.awt.Color.BLACK.getRGB()) return "black";
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    /** Height of a path drawn from straight segments ({@code M x y L x y ... Z}): max y − min y. */
    static double pathHeight(Element path) {
        String[] t = path.getAttribute("d").replaceAll("[MLZ]", " ").trim().split("\\s+");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < t.length; i += 2) {
            double y = Double.parseDouble(t[i]);
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        return hi - lo;
    }

    static long count(Document d, String tag, Color fill) {
        String want = rgb(fill);
        return elements(d, tag).stream().filter(e -> want.equals(fill(e))).count();
    }

    static long countStroke(Document d, String tag, Color stroke) {
        String want = rgb(stroke);
        return elements(d, tag).stream().filter(e -> want.equals(stroke(e))).count();
    }

    static BufferedImage png(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null) throw new AssertionError("PNG does not decode");
            return img;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
