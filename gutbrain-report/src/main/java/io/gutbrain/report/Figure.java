package io.gutbrain.report;

import io.gutbrain.io.AtomicOutput;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One finished plot: its file-safe name (used for {@code figures/<name>.svg} and {@code .png}
 * and as the HTML anchor), the title and caption shown with it, the drawing as SVG text (inlined
 * into the HTML report) and as PNG bytes ({@link #pngScale()} times the nominal size, for
 * slides and print), and the nominal size in CSS pixels.
 */
public record Figure(String name, String title, String caption, int width, int height, int pngScale, String svg, byte[] png) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    /** Validates the name (letters, digits, {@code _ . -}; it becomes a file name) and the parts. */
    public Figure {
        checkName(name);
        Objects.requireNonNull(title, "title");
        caption = caption == null ? "" : caption;
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(png, "png");
    }

    /**
     * Writes {@code <name>.svg} (a standalone file, with an XML declaration) and
     * {@code <name>.png} into {@code dir}, each atomically; returns both paths.
     */
    public List<Path> writeFiles(Path dir) {
        Path svgFile = dir.resolve(name + ".svg");
        Path pngFile = dir.resolve(name + ".png");
        AtomicOutput.write(svgFile, o -> o.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n").getBytes(StandardCharsets.UTF_8)));
        AtomicOutput.write(pngFile, o -> o.write(png));
        return List.of(svgFile, pngFile);
    }

    /** Throws when {@code name} cannot serve as a file name and HTML id. */
    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("figure/table name must be 1-100 letters, digits, '_', '.', '-' and start with a letter or digit: " + name);
        }
    }
}
