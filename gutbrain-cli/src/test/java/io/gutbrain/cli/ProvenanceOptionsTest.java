package io.gutbrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gutbrain.cli.common.BundledData;
import io.gutbrain.cli.common.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provenance records every option of the command from picocli's model, so an option that
 * changes the output cannot be forgotten: this test walks the whole command model and derives,
 * independently of {@link RunRecord}, the parameter names each command's provenance must list.
 */
class ProvenanceOptionsTest {
    /** Switches that change only the console, and the help/version switches. */
    private static final Set<String> NOT_PARAMETERS = Set.of("--help", "--version", "--quiet");

    /** The parameter names a command's provenance.json must hold: every option and positional parameter but help, version, quiet and the output path. */
    static Set<String> expectedParameters(CommandSpec spec) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            String longest = o.longestName();
            if (NOT_PARAMETERS.contains(longest) || longest.equals("--out")) continue;
            names.add(longest.replaceFirst("^-+", ""));
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.paramLabel().equals("OUT")) names.add(p.paramLabel().toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    private static CommandSpec command(String... path) {
        CommandLine c = GutbrainMain.commandLine();
        for (String p : path) c = c.getSubcommands().get(p);
        return c.getCommandSpec();
    }

    private static Set<String> keys(JsonNode parameters) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = parameters.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    @Test
    void everyCommandRecordsEveryOptionOfItsModel() {
        List<String> checked = new ArrayList<>();
        for (CommandLine c : CommandConventionsTest.allCommands(GutbrainMain.commandLine())) {
            CommandSpec spec = c.getCommandSpec();
            @SuppressWarnings("unchecked")
            Map<String, Object> parameters = (Map<String, Object>) RunRecord.start(spec).toMap().get("parameters");
            Set<String> expected = expectedParameters(spec);
            assertThat(parameters.keySet()).as("parameters of %s", spec.qualifiedName()).containsExactlyInAnyOrderElementsOf(expected);
            // no two options collapse onto one name, so none hides another's value
            long recorded = spec.options().stream().filter(RunRecord::isRecorded).count()
                    + spec.positionalParameters().stream().filter(RunRecord::isRecorded).count();
            assertThat(recorded).as("recorded options of %s", spec.qualifiedName()).isEqualTo(expected.size());
            checked.add(spec.qualifiedName());
        }
        assertThat(checked).contains("gutbrain diversity beta", "gutbrain intervention", "gutbrain associate", "gutbrain stats permanova");
    }

    @Test
    void noCommandHandListsAParameterThatIsAnOption() throws IOException {
        // derived values (what an option resolved to) may be added by hand, under a name no option has
        Set<String> optionNames = new TreeSet<>();
        for (CommandLine c : CommandConventionsTest.allCommands(GutbrainMain.commandLine())) optionNames.addAll(expectedParameters(c.getCommandSpec()));
        Pattern handListed = Pattern.compile("\\.parameter\\(\"([^\"]+)\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/gutbrain/cli"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (!f.getFileName().toString().equals("RunRecord.java")) {
                    assertThat(text).as("%s builds its provenance through RunRecord", f).doesNotContain("new Provenance(");
                }
                Matcher m = handListed.matcher(text);
                while (m.find()) {
                    found.add(m.group(1));
                    assertThat(optionNames).as("%s hand-lists parameter '%s'", f.getFileName(), m.group(1)).doesNotContain(m.group(1));
                }
            }
        }
        assertThat(found).isNotEmpty(); // the scan really read the sources
    }

    @Test
    void diversityBetaRecordsFloat32AndEveryOtherOption(@TempDir Path dir) throws Exception {
        Path data = BundledData.extractTo(dir.resolve("data"));
        Path single = dir.resolve("single.tsv"), plain = dir.resolve("double.tsv");
        String counts = data.resolve("peerj32/counts.tsv").toString();
        assertThat(CliRun.of("diversity", "beta", "--table", counts, "--metric", "braycurtis", "--float32", "--threads", "1", "--out", single.toString(), "-q").exitCode()).isZero();
        assertThat(CliRun.of("diversity", "beta", "--table", counts, "--metric", "braycurtis", "--out", plain.toString(), "-q").exitCode()).isZero();
        // single precision changes the numbers, so it must be in the record
        assertThat(Files.readString(single)).isNotEqualTo(Files.readString(plain));

        JsonNode p32 = new ObjectMapper().readTree(dir.resolve("single.tsv.provenance.json").toFile());
        JsonNode p64 = new ObjectMapper().readTree(dir.resolve("double.tsv.provenance.json").toFile());
        assertThat(p32.path("parameters").path("float32").asBoolean()).isTrue();
        assertThat(p64.path("parameters").path("float32").isBoolean()).isTrue();
        assertThat(p64.path("parameters").path("float32").asBoolean()).isFalse();
        assertThat(p32.path("parameters").path("threads").asInt()).isEqualTo(1);
        assertThat(p64.path("parameters").path("threads").asInt()).isZero(); // the default, recorded though not typed
        assertThat(p64.path("parameters").path("pseudocount").asDouble()).isEqualTo(1.0);
        assertThat(p64.path("parameters").path("metric").asText()).isEqualTo("braycurtis");
        assertThat(p64.path("parameters").path("tree").isNull()).isTrue();
        assertThat(keys(p64.path("parameters"))).containsExactlyInAnyOrderElementsOf(expectedParameters(command("diversity", "beta")))
                .doesNotContain("out", "quiet", "help");
        assertThat(p64.path("outputs").get(0).path("path").asText()).isEqualTo(plain.toString());
    }

    @Test
    void folderCommandsRecordEveryOptionInProvenanceJson(@TempDir Path dir) throws Exception {
        Path data = BundledData.extractTo(dir.resolve("data"));
        String counts = data.resolve("peerj32/counts.tsv").toString(), metadata = data.resolve("peerj32/metadata.tsv").toString();
        Path interv = dir.resolve("interv"), assoc = dir.resolve("assoc"), dm = dir.resolve("dm.tsv"), perm = dir.resolve("perm.tsv");
        assertThat(CliRun.of("intervention", "--table", counts, "--metadata", metadata, "--subject", "subject", "--time", "time", "--arm", "group",
                "--baseline", "1", "--outcome", "alpha:shannon", "--level", "0.9", "--out", interv.toString(), "-q").exitCode()).isZero();
        assertThat(CliRun.of("associate", "--table", counts, "--metadata", metadata, "--fixed", "group", "--method", "nonparametric",
                "--min-prevalence", "0.2", "--out", assoc.toString(), "-q").exitCode()).isZero();
        assertThat(CliRun.of("diversity", "beta", "--table", counts, "--metric", "jaccard", "--out", dm.toString(), "-q").exitCode()).isZero();
        assertThat(CliRun.of("stats", "permanova", "--distance", dm.toString(), "--metadata", metadata, "--formula", "group", "--strata", "subject",
                "--permutations", "99", "--out", perm.toString(), "-q").exitCode()).isZero();

        JsonNode i = new ObjectMapper().readTree(interv.resolve("provenance.json").toFile()).path("parameters");
        assertThat(keys(i)).containsAll(expectedParameters(command("intervention")));
        assertThat(i.path("level").asDouble()).isEqualTo(0.9);
        assertThat(i.path("responder-drop").asDouble()).isEqualTo(0.5);       // a default
        assertThat(i.path("reference-arm").isNull()).isTrue();                 // not given ...
        assertThat(i.path("control_arm").asText()).isEqualTo("Placebo");      // ... so the engine's choice is recorded

        JsonNode a = new ObjectMapper().readTree(assoc.resolve("provenance.json").toFile()).path("parameters");
        assertThat(keys(a)).containsAll(expectedParameters(command("associate")));
        assertThat(a.path("min-prevalence").asDouble()).isEqualTo(0.2);
        assertThat(a.path("test").asText()).isEqualTo("auto");
        assertThat(a.path("model").asText()).startsWith("Wilcoxon rank-sum test of group");

        JsonNode s = new ObjectMapper().readTree(dir.resolve("perm.tsv.provenance.json").toFile()).path("parameters");
        assertThat(keys(s)).containsExactlyInAnyOrderElementsOf(expectedParameters(command("stats", "permanova")));
        assertThat(s.path("strata").asText()).isEqualTo("subject");
        assertThat(s.path("formula").asText()).isEqualTo("group");
        assertThat(s.path("seed").asLong()).isEqualTo(1);
    }
}
