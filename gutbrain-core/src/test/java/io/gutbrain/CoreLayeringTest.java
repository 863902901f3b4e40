package io.gutbrain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layering that the module split promises, checked so that it cannot erode silently:
 * gutbrain-core (model, formats, algorithms) has neither the results database nor the chart
 * library on its class path, none of its sources imports the report, store, study or CLI
 * layers, and the zero-copy table arrays ({@code TableArrays}) are used only by the kernel
 * packages that were benchmarked with them.
 */
class CoreLayeringTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    /** Packages whose kernels read FeatureTable's arrays without a copy. */
    private static final List<String> KERNEL_PACKAGES = List.of("io.gutbrain.table", "io.gutbrain.diversity", "io.gutbrain.ordination",
            "io.gutbrain.io", "io.gutbrain.simulate");

    @Test
    void duckDbIsNotOnTheCoreClassPath() {
        assertThatThrownBy(() -> Class.forName("org.duckdb.DuckDBDriver")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theChartLibrariesAreNotOnTheCoreClassPath() {
        assertThatThrownBy(() -> Class.forName("org.knowm.xchart.XYChart")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.batik.svggen.SVGGraphics2D")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void onlyTheDenseEjmlModuleIsOnTheCoreClassPath() throws ClassNotFoundException {
        Class.forName("org.ejml.dense.row.factory.DecompositionFactory_DDRM");
        assertThatThrownBy(() -> Class.forName("org.ejml.simple.SimpleMatrix")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void coreSourcesImportNoOuterLayer() throws IOException {
        List<String> offending = new ArrayList<>();
        for (SourceFile f : sources()) {
            for (String imported : f.imports()) {
                if (imported.matches("io\\.gutbrain\\.(report|store|study|cli)\\b.*") || imported.startsWith("org.duckdb")
                        || imported.startsWith("org.knowm") || imported.startsWith("org.apache.batik") || imported.startsWith("java.sql")) {
                    offending.add(f.path() + " imports " + imported);
                }
            }
            // a fully qualified name in code reaches a layer just as an import does
            if (f.text().matches("(?s).*\\bio\\.gutbrain\\.(report|store|study|cli)\\.[A-Za-z].*")) offending.add(f.path() + " names an outer layer");
        }
        assertThat(offending).as("gutbrain-core must not depend on report, store, study or cli").isEmpty();
        assertThat(sources()).as("the scan found the core sources").hasSizeGreaterThan(200);
    }

    @Test
    void tableArraysAreUsedOnlyByTheKernelPackages() throws IOException {
        List<String> offending = new ArrayList<>();
        for (SourceFile f : sources()) {
            if (!f.text().contains("TableArrays")) continue;
            String pkg = f.packageName();
            if (KERNEL_PACKAGES.stream().noneMatch(k -> pkg.equals(k) || pkg.startsWith(k + "."))) offending.add(f.path() + " (" + pkg + ")");
        }
        assertThat(offending).as("FeatureTable's arrays are shared without a copy only with the benchmarked kernels").isEmpty();
    }

    private record SourceFile(Path path, String text) {
        List<String> imports() {
            List<String> out = new ArrayList<>();
            Matcher m = IMPORT.matcher(text);
            while (m.find()) out.add(m.group(2));
            return out;
        }

        String packageName() {
            Matcher m = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE).matcher(text);
            return m.find() ? m.group(1) : "";
        }
    }

    private static List<SourceFile> sources() throws IOException {
        assertThat(MAIN).as("tests run from the gutbrain-core folder").isDirectory();
        List<SourceFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".java")).toList()) out.add(new SourceFile(p, Files.readString(p)));
        }
        return out;
    }
}
