package io.gutbrain.cli;

import io.gutbrain.cli.common.options.Choice;
import io.gutbrain.cli.common.options.ValidatedOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every numeric option of every command is checked when the command line is parsed, before a
 * file is read: this test walks the whole command model, so a new option without a validated
 * type, or with a different type than an option of the same name elsewhere, fails here.
 */
class OptionValidationTest {

    /** One option of one command, e.g. ("diversity alpha", --threads). */
    record CommandOption(List<String> command, OptionSpec option) {
        @Override public String toString() { return String.join(" ", command) + " " + option.longestName(); }
    }

    static List<CommandOption> allOptions() {
        List<CommandOption> out = new ArrayList<>();
        for (CommandLine c : CommandConventionsTest.allCommands(GutbrainMain.commandLine())) {
            List<String> path = new ArrayList<>(Arrays.asList(c.getCommandSpec().qualifiedName().split(" ")));
            path.remove(0); // "gutbrain"
            for (OptionSpec o : c.getCommandSpec().options()) out.add(new CommandOption(path, o));
        }
        return out;
    }

    static boolean isValidated(OptionSpec o) {
        return o.converters().length > 0 && o.converters()[0] instanceof ValidatedOption;
    }

    static Stream<Arguments> outOfRangeValues() {
        List<Arguments> cases = new ArrayList<>();
        for (CommandOption co : allOptions()) {
            if (!isValidated(co.option())) continue;
            if (co.option().inherited()) continue; // a global option is the same object in every command: tested once, at the top
            for (String bad : ((ValidatedOption) co.option().converters()[0]).invalidExamples()) cases.add(Arguments.of(co, bad));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("outOfRangeValues")
    void outOfRangeValueIsOneLineAtParseTime(CommandOption co, String bad) {
        List<String> args = new ArrayList<>(co.command());
        args.add(co.option().longestName() + "=" + bad);
        String[] argv = args.toArray(new String[0]);
        // refused while parsing: no command runs, so no file is read or written
        assertThatThrownBy(() -> GutbrainMain.commandLine().parseArgs(argv)).isInstanceOf(CommandLine.ParameterException.class);
        CliRun r = CliRun.of(argv);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.errLines().get(0))
                .startsWith("gutbrain: error: " + co.option().longestName() + ": expected ")
                .contains("found '" + bad + "'")
                .contains("(fix: ");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void everyNumericOptionHasAValidatedType() {
        Set<Class<?>> numeric = Set.of(int.class, long.class, double.class, Integer.class, Long.class, Double.class, int[].class, long[].class, double[].class);
        List<String> unchecked = new ArrayList<>();
        int validated = 0;
        for (CommandOption co : allOptions()) {
            OptionSpec o = co.option();
            boolean isNumeric = numeric.contains(o.type()) || Arrays.stream(o.auxiliaryTypes()).anyMatch(numeric::contains) && o.isMultiValue();
            if (isValidated(o)) validated++;
            else if (isNumeric) unchecked.add(co.toString());
        }
        assertThat(unchecked).as("numeric options without a validated type (use io.gutbrain.cli.common.options.OptionTypes)").isEmpty();
        assertThat(validated).as("validated options found in the command model").isGreaterThan(50);
    }

    @Test
    void sameOptionNameHasTheSameTypeInEveryCommand() {
        Map<String, Set<String>> types = new HashMap<>();
        for (CommandOption co : allOptions()) {
            // a choice's names belong to its command (--method of mantel is not --method of pcoa)
            if (!isValidated(co.option()) || co.option().converters()[0] instanceof Choice) continue;
            types.computeIfAbsent(co.option().longestName(), k -> new TreeSet<>()).add(co.option().converters()[0].getClass().getSimpleName());
        }
        assertThat(types).containsKeys("--threads", "--seed", "--permutations", "--pseudocount");
        // the one name with two meanings, both kept for their tools' sake: generalized UniFrac's
        // alpha (a weight from 0 to 1, as in unifrac/QIIME 2) and a power analysis's significance level
        assertThat(types.remove("--alpha")).containsExactlyInAnyOrder("Fraction", "Probability");
        types.forEach((name, classes) -> assertThat(classes).as("types of %s", name).hasSize(1));
    }

    @Test
    void helpShowsEachValidatedOptionsRangeAndDefault() {
        for (CommandOption co : allOptions()) {
            if (!isValidated(co.option())) continue;
            String help = String.join(" ", co.option().description());
            if (co.option().converters()[0] instanceof Choice choice) {
                for (String name : choice.names()) assertThat(help).as("--help of %s", co).containsIgnoringCase(name);
            } else {
                assertThat(help).as("--help of %s", co).isNotBlank().matches("(?s).*(\\d|any whole number).*");
            }
            if (co.option().defaultValue() != null) assertThat(help).as("--help of %s", co).contains("default: " + co.option().defaultValue());
        }
        CliRun r = CliRun.of("diversity", "alpha", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("Worker threads (0 to 1024; 0 = all cores; default: 0)");
    }

    // ---- the cases listed in the issue, by hand ----

    static final String TABLE = "#OTU ID\tS1\tS2\tS3\tS4\nA\t10\t0\t3\t7\nB\t5\t5\t5\t1\nC\t0\t9\t2\t4\n";
    static final String DISTANCES = "\tS1\tS2\tS3\tS4\nS1\t0\t0.5\t0.7\t0.2\nS2\t0.5\t0\t0.4\t0.6\nS3\t0.7\t0.4\t0\t0.3\nS4\t0.2\t0.6\t0.3\t0\n";
    static final String TWO_GROUPS = "sample-id\tgroup\nS1\ta\nS2\ta\nS3\tb\nS4\tb\n";
    static final String ONE_GROUP = "sample-id\tgroup\nS1\ta\nS2\ta\nS3\ta\nS4\ta\n";

    static Stream<Arguments> refusedOptionValues() {
        return Stream.of(
                Arguments.of("--threads", List.of("diversity", "alpha", "--table", "T", "--out", "O", "--threads", "-1")),
                Arguments.of("--threads", List.of("diversity", "rarefy", "--table", "T", "--depth", "5", "--out", "O", "--threads", "-1")),
                Arguments.of("--threads", List.of("stats", "permanova", "--distance", "D", "--metadata", "M", "--formula", "group", "--out", "O", "--threads", "-1")),
                Arguments.of("--threads", List.of("diversity", "beta", "--table", "T", "--metric", "braycurtis", "--out", "O", "--threads", "-1")),
                Arguments.of("--threads", List.of("modules", "--ko", "T", "--out", "O", "--threads", "-1")),
                Arguments.of("--threads", List.of("study", "run", "S", "--threads", "-1")),
                Arguments.of("--threads", List.of("diversity", "alpha", "--table", "T", "--out", "O", "--threads", "100000")),
                Arguments.of("--permutations", List.of("stats", "permanova", "--distance", "D", "--metadata", "M", "--formula", "group", "--out", "O", "--permutations", "-1")),
                Arguments.of("--permutations", List.of("stats", "permanova", "--distance", "D", "--metadata", "M", "--formula", "group", "--out", "O", "--permutations", "2000000000")),
                Arguments.of("--pseudocount", List.of("diversity", "pca", "--table", "T", "--out", "O", "--pseudocount", "-1")),
                Arguments.of("--pseudocount", List.of("diversity", "beta", "--table", "T", "--metric", "aitchison", "--out", "O", "--pseudocount", "-1")),
                Arguments.of("--level", List.of("intervention", "--metadata", "M", "--subject", "s", "--time", "t", "--baseline", "1", "--outcome", "y", "--out", "O", "--level", "0")),
                Arguments.of("--level", List.of("intervention", "--metadata", "M", "--subject", "s", "--time", "t", "--baseline", "1", "--outcome", "y", "--out", "O", "--level", "1.5")),
                Arguments.of("--responder-drop", List.of("intervention", "--metadata", "M", "--subject", "s", "--time", "t", "--baseline", "1", "--outcome", "y", "--out", "O", "--responder-drop", "-1")),
                Arguments.of("--max-significance", List.of("associate", "--table", "T", "--metadata", "M", "--fixed", "group", "--out", "O", "--max-significance", "0")),
                Arguments.of("--min-abundance", List.of("associate", "--table", "T", "--metadata", "M", "--fixed", "group", "--out", "O", "--min-abundance", "-1")),
                Arguments.of("--top", List.of("table", "summarize", "T", "--top", "-5")),
                Arguments.of("--steps", List.of("diversity", "curve", "--table", "T", "--out", "O", "--steps", "100000000")),
                Arguments.of("--axes", List.of("diversity", "pcoa", "--distance", "D", "--out", "O", "--axes", "0")),
                Arguments.of("--components", List.of("diversity", "pca", "--table", "T", "--out", "O", "--components", "-2")));
    }

    /** The files named T, D, M, S, O do not exist: the value is refused before anything would read them. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedOptionValues")
    void listedOptionValueIsRefusedBeforeAnyFileIsRead(String option, List<String> args, @TempDir Path dir) throws Exception {
        CliRun r = CliRun.of(inDir(dir, args));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).singleElement().asString()
                .startsWith("gutbrain: error: " + option + ": expected ").contains("(fix: ")
                .doesNotContain("Exception").doesNotContain("internal error");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static String[] inDir(Path dir, List<String> args) {
        return args.stream().map(a -> a.length() == 1 && Character.isUpperCase(a.charAt(0)) ? dir.resolve(a).toString() : a).toArray(String[]::new);
    }

    @Test
    void tooManyAxesForTheDataIsAnAnalysisError(@TempDir Path dir) throws Exception {
        Path dm = Files.writeString(dir.resolve("dm.tsv"), DISTANCES);
        Path out = dir.resolve("pcoa");
        CliRun r = CliRun.of("diversity", "pcoa", "--distance", dm.toString(), "--axes", "1000", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("gutbrain: error: PCoA: --axes 1000 but the distance matrix has 4 samples: at most 3 (fix: give --axes 3 or less (or leave it out for the default))");
        assertThat(out).doesNotExist();
        // the default (10 axes) is a cap, not a demand: 4 samples still give their 3 axes
        CliRun ok = CliRun.of("diversity", "pcoa", "--distance", dm.toString(), "--out", out.toString(), "-q");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
    }

    @Test
    void tooManyComponentsForTheDataIsAnAnalysisError(@TempDir Path dir) throws Exception {
        Path t = Files.writeString(dir.resolve("t.tsv"), TABLE);
        Path out = dir.resolve("pca");
        CliRun r = CliRun.of("diversity", "pca", "--table", t.toString(), "--components", "1000", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("gutbrain: error: PCA: --components 1000 but the table has 4 samples and 3 features: at most 2").contains("fix:");
        assertThat(out).doesNotExist();
    }

    @Test
    void misspelledChoiceSaysDidYouMeanBeforeAnyFileIsRead(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("stats", "mantel", "--distance", dir.resolve("D").toString(), "--distance2", dir.resolve("E").toString(),
                "--out", dir.resolve("O").toString(), "--method", "spearmann");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("gutbrain: error: --method: expected one of pearson, spearman, found 'spearmann' (fix: did you mean 'spearman'? use pearson or spearman)");
        // names are matched as the commands always did: any case, aliases the core parsers know
        assertThatCode(() -> GutbrainMain.commandLine().parseArgs("table", "collapse", "in.tsv", "out.tsv", "--rank", "G")).doesNotThrowAnyException();
        assertThatCode(() -> GutbrainMain.commandLine().parseArgs("modules", "--ko", "k.tsv", "--out", "o", "--estimator", "mean")).doesNotThrowAnyException();
        assertThatCode(() -> GutbrainMain.commandLine().parseArgs("associate", "--table", "t", "--metadata", "m", "--fixed", "x", "--out", "o", "--normalization", "clr")).doesNotThrowAnyException();
    }

    // ---- unknown commands and misspelled options ----

    @Test
    void unknownCommandSaysDidYouMean() {
        CliRun r = CliRun.of("diversty");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("gutbrain: error: gutbrain: unknown command 'diversty' (did you mean 'diversity'?)").contains("fix:");
    }

    @Test
    void unknownSubcommandOfAGroupSaysDidYouMean() {
        CliRun r = CliRun.of("diversity", "alfa");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("gutbrain diversity: unknown command 'alfa' (did you mean 'alpha'?)");
        CliRun nothingClose = CliRun.of("diversity", "nosuch");
        assertThat(nothingClose.exitCode()).isEqualTo(2);
        assertThat(nothingClose.errLines()).singleElement().asString().contains("unknown command 'nosuch'").doesNotContain("did you mean");
    }

    @Test
    void helpForAnUnknownCommandIsAnError() {
        CliRun r = CliRun.of("help", "diversty");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("unknown command 'diversty' (did you mean 'diversity'?)");
    }

    @Test
    void noArgumentsOrAGroupAloneShowUsage() {
        CliRun none = CliRun.of();
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("Usage: gutbrain");
        CliRun group = CliRun.of("diversity");
        assertThat(group.exitCode()).isZero();
        assertThat(group.out()).contains("Usage: gutbrain diversity");
    }

    @Test
    void misspelledRequiredOptionSaysDidYouMeanNotMissing(@TempDir Path dir) throws Exception {
        Path t = Files.writeString(dir.resolve("t.tsv"), TABLE);
        CliRun r = CliRun.of("diversity", "alpha", "--tabel", t.toString(), "--out", dir.resolve("a.tsv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("gutbrain: error: gutbrain diversity alpha: unknown option '--tabel' (did you mean '--table'?)").contains("fix:");
        assertThat(dir.resolve("a.tsv")).doesNotExist();
    }

    @Test
    void misspelledOptionWithEqualsSaysDidYouMean(@TempDir Path dir) throws Exception {
        Path t = Files.writeString(dir.resolve("t.tsv"), TABLE);
        CliRun r = CliRun.of("table", "summarize", t.toString(), "--topp=5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("unknown option '--topp' (did you mean '--top'?)");
    }

    // ---- data that cannot be analysed ----

    static Stream<Arguments> degenerateData() {
        String oneByOne = "\tS1\nS1\t0\n";
        String twoSamples = "\tS1\tS2\nS1\t0\t0.5\nS2\t0.5\t0\n";
        return Stream.of(
                Arguments.of("pcoa of a 1x1 matrix", List.of("diversity", "pcoa", "--distance", "dm.tsv", "--out", "out"), oneByOne, null, "PCoA"),
                Arguments.of("permanova with one group", List.of("stats", "permanova", "--distance", "dm.tsv", "--metadata", "md.tsv", "--formula", "group", "--out", "out"), DISTANCES, ONE_GROUP, "two groups"),
                Arguments.of("anosim with one group", List.of("stats", "anosim", "--distance", "dm.tsv", "--metadata", "md.tsv", "--formula", "group", "--out", "out"), DISTANCES, ONE_GROUP, "two groups"),
                Arguments.of("permdisp with one group", List.of("stats", "permdisp", "--distance", "dm.tsv", "--metadata", "md.tsv", "--formula", "group", "--out", "out"), DISTANCES, ONE_GROUP, "two groups"),
                Arguments.of("pairwise with one group", List.of("stats", "pairwise-permanova", "--distance", "dm.tsv", "--metadata", "md.tsv", "--formula", "group", "--out", "out"), DISTANCES, ONE_GROUP, "two groups"),
                Arguments.of("mantel with 2 samples", List.of("stats", "mantel", "--distance", "dm.tsv", "--distance2", "dm.tsv", "--out", "out"), twoSamples, null, "at least 3"),
                Arguments.of("permanova of a 1x1 matrix", List.of("stats", "permanova", "--distance", "dm.tsv", "--metadata", "md.tsv", "--formula", "group", "--out", "out"), oneByOne, "sample-id\tgroup\nS1\ta\n", "")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("degenerateData")
    void degenerateDataIsAnAnalysisErrorNotABug(String name, List<String> args, String distances, String metadata, String expected, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dm.tsv"), distances);
        if (metadata != null) Files.writeString(dir.resolve("md.tsv"), metadata);
        String[] argv = args.stream().map(a -> a.equals("dm.tsv") || a.equals("md.tsv") || a.equals("out") ? dir.resolve(a).toString() : a).toArray(String[]::new);
        CliRun r = CliRun.of(argv);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).singleElement().asString()
                .startsWith("gutbrain: error: ").contains(expected).contains("fix:").doesNotContain("internal error");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void interventionWithoutASecondVisitIsAnAnalysisError(@TempDir Path dir) throws Exception {
        Path t = Files.writeString(dir.resolve("t.tsv"), TABLE);
        Path md = Files.writeString(dir.resolve("md.tsv"), "sample-id\tsubject\ttime\ty\nS1\ts1\t1\t3\nS2\ts2\t1\t4\nS3\ts3\t1\t5\nS4\ts4\t1\t6\n");
        CliRun r = CliRun.of("intervention", "--table", t.toString(), "--metadata", md.toString(), "--subject", "subject",
                "--time", "time", "--baseline", "1", "--outcome", "y", "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).singleElement().asString()
                .startsWith("gutbrain: error: " + md + ":column 'time': no visit after baseline '1'").contains("fix:");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void everyCommandsHelpRendersCleanly() {
        for (CommandLine c : CommandConventionsTest.allCommands(GutbrainMain.commandLine())) {
            List<String> args = new ArrayList<>(Arrays.asList(c.getCommandSpec().qualifiedName().split(" ")));
            args.remove(0);
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(new String[0]));
            assertThat(r.exitCode()).as("%s --help", args).isZero();
            assertThat(r.err()).as("%s --help", args).isEmpty(); // e.g. no picocli warning about a stray '%' in a description
        }
        CliRun group = CliRun.of("diversity");
        assertThat(group.err()).isEmpty();
    }

    @Test
    void pcaOfOneSampleIsAnAnalysisError(@TempDir Path dir) throws Exception {
        Path t = Files.writeString(dir.resolve("t.tsv"), "#OTU ID\tS1\nA\t10\nB\t5\n");
        CliRun r = CliRun.of("diversity", "pca", "--table", t.toString(), "--out", dir.resolve("pca").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("gutbrain: error: PCA: needs at least 2 samples and 2 features").contains("fix:");
    }
}
