package io.gutbrain.report;

/**
 * The words and size of a figure, given to every {@link Figures} method: file-safe name, title,
 * caption (shown under the figure; say what is plotted and how it was computed), axis titles and
 * size in CSS pixels. Immutable; the {@code with}-style methods return a copy.
 *
 * <pre>{@code
 * FigureSpec.of("alpha_shannon", "Shannon diversity by group").axes("group", "Shannon (ln)")
 *           .caption("Rarefied to 5,000 reads; boxes: quartiles, whiskers: 1.5 IQR.")
 * }</pre>
 */
public record FigureSpec(String name, String title, String caption, String xLabel, String yLabel, int width, int height) {
    /** Default width in CSS pixels (fits a laptop screen next to nothing else). */
    public static final int DEFAULT_WIDTH = 760;
    /** Default height in CSS pixels. */
    public static final int DEFAULT_HEIGHT = 460;

    /** Validates the name and size. */
    public FigureSpec {
        Figure.checkName(name);
        if (title == null) title = name;
        if (caption == null) caption = "";
        if (xLabel == null) xLabel = "";
        if (yLabel == null) yLabel = "";
        if (width < 100 || height < 100 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException("figure size must be 100-4000 px, got " + width + "x" + height);
        }
    }

    /** A spec with the default size and no caption or axis titles. */
    public static FigureSpec of(String name, String title) {
        return new FigureSpec(name, title, "", "", "", DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** This spec with the caption shown under the figure. */
    public FigureSpec caption(String c) { return new FigureSpec(name, title, c, xLabel, yLabel, width, height); }

    /** This spec with axis titles (empty hides a title). */
    public FigureSpec axes(String x, String y) { return new FigureSpec(name, title, caption, x, y, width, height); }

    /** This spec with a size in CSS pixels (100-4000 each way; the PNG is twice as large). */
    public FigureSpec size(int w, int h) { return new FigureSpec(name, title, caption, xLabel, yLabel, w, h); }
}
