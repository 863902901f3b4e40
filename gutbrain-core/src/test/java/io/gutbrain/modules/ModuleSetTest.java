package io.gutbrain.modules;

import io.gutbrain.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gutbrain.modules.ModuleFixtures.assertInputError;
import static io.gutbrain.modules.ModuleFixtures.modules;
import static org.assertj.core.api.Assertions.assertThat;

/** The module-file parser on hand-written files, and the built-in set against its documentation. */
class ModuleSetTest {

    @Test
    void readsHeadersStepsAlternativesAndComplexes() {
        ModuleSet set = modules("# a comment\n\nM1\tfirst module\nK00001\nK00002,K00003\tK00004\n///\n"
                + "  # indented comment\nM2\tsecond\tname with a tab\nK00005\n///\n");
        assertThat(set.ids()).containsExactly("M1", "M2");
        Module m1 = set.get(0);
        assertThat(m1.name()).isEqualTo("first module");
        assertThat(m1.line()).isEqualTo(3);
        assertThat(m1.steps()).hasSize(2);
        assertThat(m1.steps().get(0).alternatives()).containsExactly(List.of("K00001"));
        assertThat(m1.steps().get(1).alternatives()).containsExactly(List.of("K00002", "K00003"), List.of("K00004"));
        assertThat(m1.steps().get(1).line()).isEqualTo(5);
        assertThat(m1.steps().get(1).toLine()).isEqualTo("K00002,K00003\tK00004");
        assertThat(set.get(1).name()).isEqualTo("second\tname with a tab");
        assertThat(set.orthologs()).containsExactly("K00001", "K00002", "K00003", "K00004", "K00005");
        assertThat(set.stepCount()).isEqualTo(3);
        assertThat(set.indexOf("M2")).isEqualTo(1);
        assertThat(set.indexOf("M3")).isEqualTo(-1);
    }

    @Test
    void windowsLineEndingsAndSurroundingSpaces() {
        ModuleSet set = modules("M1\tname\r\n K00001 , K00002 \t K00003\r\n///\r\n");
        assertThat(set.get(0).steps().get(0).alternatives()).containsExactly(List.of("K00001", "K00002"), List.of("K00003"));
    }

    @Test
    void unterminatedModuleNamesItsHeaderLine() {
        assertInputError(() -> modules("M1\tok\nK00001\n///\n\nM2\tbroken\nK00002\n"), "line 5",
                "module 'M2' is not ended by a '///'", "fix:");
    }

    @Test
    void emptyAlternativeAndEmptyOrthologAreErrors() {
        assertInputError(() -> modules("M1\tx\nK00001\t\tK00002\n///\n"), "line 2, alternative 2", "empty alternative");
        assertInputError(() -> modules("M1\tx\nK00001,,K00002\n///\n"), "line 2, alternative 1", "empty ortholog");
        assertInputError(() -> modules("M1\tx\nK00001\nK00002,\n///\n"), "line 3, alternative 1", "empty ortholog");
        assertInputError(() -> modules("M1\tx\n,\n///\n"), "line 2, alternative 1", "empty ortholog");
    }

    @Test
    void moduleWithoutStepsIsAnError() {
        assertInputError(() -> modules("M1\tx\n# nothing\n///\n"), "line 3", "module 'M1' (line 1) has no reaction steps");
    }

    @Test
    void nonKoIdsNameLineAndAlternative() {
        InputException e = assertInputError(() -> modules("M1\tx\nK00001\tEC:4.1.1.15\n///\n"), "line 2, alternative 2",
                "'EC:4.1.1.15' is not a KEGG orthology id");
        assertThat(e.source()).isEqualTo("test.modules");
        assertInputError(() -> modules("M1\tx\nK0001\n///\n"), "line 2, alternative 1", "'K0001' is not a KEGG orthology id");
        assertInputError(() -> modules("M1\tx\nK00001 K00002\n///\n"), "line 2, alternative 1", "not spaces");
    }

    @Test
    void strayTerminatorsDuplicatesAndMissingHeaders() {
        assertInputError(() -> modules("///\nM1\tx\nK00001\n///\n"), "line 1", "'///' here ends no module");
        assertInputError(() -> modules("M1\tx\nK00001\n///\n///\n"), "line 4", "'///' here ends no module");
        assertInputError(() -> modules("M1\tx\nK00001\n///\nM1\ty\nK00002\n///\n"), "line 4", "duplicate module id 'M1' (first on line 1)");
        assertInputError(() -> modules("M1\tx\nK00001\n///\nK00002\tK00003\n///\n"), "line 4", "found a reaction step");
        assertInputError(() -> modules("M1 name with spaces\nK00001\n///\n"), "line 1", "contains spaces");
        assertInputError(() -> modules("# only comments\n\n"), "line 2", "no modules found");
    }

    @Test
    void readsFilesWithGzip(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("m.txt.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("M1\tx\nK00001\n///\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        ModuleSet set = ModuleSet.read(p);
        assertThat(set.source()).isEqualTo(p.toString());
        assertThat(set.ids()).containsExactly("M1");
        InputException e = assertInputError(() -> ModuleSet.read(dir.resolve("missing.txt")), null, "file not found");
        assertThat(e.source()).endsWith("missing.txt");
    }

    @Test
    void builtinSetCoversTheIssueTopics() {
        ModuleSet b = ModuleSet.builtin();
        assertThat(b.size()).isEqualTo(37);
        assertThat(b.stepCount()).isEqualTo(104);
        assertThat(b.orthologs()).hasSize(162);
        assertThat(b.source()).startsWith("builtin:");
        String names = String.join("\n", b.modules().stream().map(Module::name).toList()).toLowerCase(java.util.Locale.ROOT);
        for (String topic : List.of("gaba synthesis", "gaba degradation", "glutamate synthesis", "glutamate degradation",
                "tryptophan synthesis", "kynurenine", "quinolinic acid synthesis", "dopac synthesis", "dopamine",
                "histamine synthesis", "histamine degradation", "nitric oxide synthesis", "nitric oxide reduction",
                "butyrate synthesis", "propionate synthesis", "acetate synthesis", "isovaleric acid", "p-cresol",
                "inositol degradation", "menaquinone synthesis", "s-adenosylmethionine synthesis", "cortisol degradation")) {
            assertThat(names).as(topic).contains(topic);
        }
        // a few KO facts checked against KEGG's orthology (ko00001) by hand
        assertThat(b.get(b.indexOf("GBNM01")).orthologs()).containsExactly("K01580");      // gadA/gadB, EC 4.1.1.15
        assertThat(b.get(b.indexOf("GBNM15")).orthologs()).containsExactly("K01667");      // tnaA, EC 4.1.99.1
        assertThat(b.get(b.indexOf("GBNM19")).orthologs()).containsExactly("K01590");      // hdc, EC 4.1.1.22
        assertThat(b.get(b.indexOf("GBNM36")).orthologs()).containsExactly("K00789");      // metK, EC 2.5.1.6
    }

    @Test
    void builtinFileDeclaresItsLicence() throws IOException {
        try (var in = ModuleSet.class.getResourceAsStream(ModuleSet.BUILTIN_RESOURCE)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text.lines().limit(20).toList()).anyMatch(l -> l.startsWith("#") && l.contains("Apache License, Version 2.0"));
            assertThat(text).contains("gutbrain project");
        }
    }

    /** docs/modules.md documents every step of the built-in set with the same KOs, in the same order. */
    @Test
    void documentationMatchesTheBuiltinSet() throws IOException {
        Path doc = Path.of("..", "docs", "modules.md");
        assertThat(doc).exists();
        Map<String, List<String>> documented = new LinkedHashMap<>();
        Pattern heading = Pattern.compile("^### (\\S+) (.+)$");
        Pattern row = Pattern.compile("^\\| (\\d+) \\| (.+) \\| (.+) \\| (.+) \\|$");
        String current = null;
        for (String line : Files.readAllLines(doc)) {
            Matcher h = heading.matcher(line);
            if (h.matches()) {
                current = h.group(1);
                documented.put(current, new ArrayList<>());
                documented.get(current).add("name=" + h.group(2));
                continue;
            }
            Matcher r = row.matcher(line);
            if (r.matches() && current != null) {
                assertThat(r.group(2)).as("enzyme of %s step %s", current, r.group(1)).isNotBlank();
                assertThat(r.group(3)).as("EC of %s step %s", current, r.group(1)).matches(".*\\d+\\.[\\d-]+\\.[\\d-]+\\.[\\d-]+.*|none.*");
                documented.get(current).add(r.group(4).replace("+", ",").replace("; ", "\t"));
            }
        }
        Map<String, List<String>> builtin = new LinkedHashMap<>();
        for (Module m : ModuleSet.builtin().modules()) {
            List<String> l = new ArrayList<>();
            l.add("name=" + m.name());
            for (Step s : m.steps()) l.add(s.toLine());
            builtin.put(m.id(), l);
        }
        assertThat(documented).isEqualTo(builtin);
    }
}
