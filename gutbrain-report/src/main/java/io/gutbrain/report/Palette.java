package io.gutbrain.report;

import java.awt.Color;

/**
 * Colours of the report's figures, chosen to stay distinguishable for readers with colour-vision
 * deficiencies: the Okabe–Ito qualitative palette for groups (Okabe and Ito 2008, "Color
 * Universal Design"; the order follows Wong 2011, Nature Methods 8:441, starting at orange so
 * the first two groups are orange and sky blue), viridis for ordered values (van der Walt and
 * Smith 2015, matplotlib) and a blue–white–vermillion diverging ramp for signed values.
 */
public final class Palette {
    private Palette() {}

    /** Okabe–Ito without black (black is kept for text, axes and highlighted marks). */
    private static final Color[] GROUPS = {
            new Color(0xE6, 0x9F, 0x00), // orange
            new Color(0x56, 0xB4, 0xE9), // sky blue
            new Color(0x00, 0x9E, 0x73), // bluish green
            new Color(0xCC, 0x79, 0xA7), // reddish purple
            new Color(0x00, 0x72, 0xB2), // blue
            new Color(0xD5, 0x5E, 0x00), // vermillion
            new Color(0xF0, 0xE4, 0x42), // yellow (last: weak on white)
    };

    /** Grey for points that are not highlighted (non-significant, missing group). */
    public static final Color MUTED = new Color(0x99, 0x99, 0x99);

    /** Near-black for highlighted marks, fitted lines and text. */
    public static final Color INK = new Color(0x22, 0x22, 0x22);

    /** Nine viridis stops, dark purple (low) to yellow (high). */
    private static final Color[] VIRIDIS = {
            new Color(0x44, 0x01, 0x54), new Color(0x47, 0x2D, 0x7B), new Color(0x3B, 0x52, 0x8B),
            new Color(0x2C, 0x72, 0x8E), new Color(0x21, 0x91, 0x8C), new Color(0x28, 0xAE, 0x80),
            new Color(0x5E, 0xC9, 0x62), new Color(0xAD, 0xDC, 0x30), new Color(0xFD, 0xE7, 0x25),
    };

    /** Blue (negative), white (zero), vermillion (positive): both ends from Okabe–Ito. */
    private static final Color[] DIVERGING = {new Color(0x00, 0x72, 0xB2), Color.WHITE, new Color(0xD5, 0x5E, 0x00)};

    /** Number of distinct group colours before they repeat. */
    public static int groupColorCount() { return GROUPS.length; }

    /** The colour of the {@code i}-th group (0-based; cycles after {@link #groupColorCount()}). */
    public static Color group(int i) { return GROUPS[Math.floorMod(i, GROUPS.length)]; }

    /** The viridis colour at {@code t} in [0, 1] (clamped; NaN gives {@link #MUTED}). */
    public static Color sequential(double t) { return ramp(VIRIDIS, t); }

    /** The diverging colour at {@code t} in [-1, 1]: -1 blue, 0 white, 1 vermillion. */
    public static Color diverging(double t) { return ramp(DIVERGING, (t + 1) / 2); }

    /** Colour stops of the sequential ramp (for a heat-map legend). */
    static Color[] sequentialStops() { return VIRIDIS.clone(); }

    /** Colour stops of the diverging ramp. */
    static Color[] divergingStops() { return DIVERGING.clone(); }

    /** {@code c} with the given opacity (0 transparent, 1 opaque). */
    public static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, alpha))));
    }

    /** Hex form {@code #rrggbb} (used by tests and the HTML legend). */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static Color ramp(Color[] stops, double t) {
        if (Double.isNaN(t)) return MUTED;
        double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min((int) Math.floor(x), stops.length - 2);
        double f = x - i;
        Color a = stops[i], b = stops[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) { return (int) Math.round(a + (b - a) * f); }
}
