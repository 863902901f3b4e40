package io.gutbrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.TableIO;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gutbrain modules} end to end; expected values are worked out by hand in the comments. */
class ModulesCommandTest {
    @TempDir Path dir;

    /** HUMAnN KO table: GAD (K01580) in S1 from two taxa, the GABA shunt (K07250, K00135) in both samples. */
    static final String HUMANN = "# Gene Family\tS1_Abundance-CPM\tS2_Abundance-CPM\n"
            + "UNMAPPED\t100\t100\n"
            + "K01580\t30\t0\n"
            + "K01580|g__Bacteroides.s__Bacteroides_fragilis\t20\t0\n"
            + "K01580|g__Lactobacillus.s__Lactobacillus_plantarum\t10\t0\n"
            + "K07250\t12\t6\n"
            + "K07250|g__Escherichia.s__Escherichia_coli\t12\t6\n"
            + "K00135\t6\t4\n"
            + "K00135|g__Escherichia.s__Escherichia_coli\t6\t4\n";

    @Test
    void humannTableWithBuiltinModules() throws IOException {
        Path ko = Files.writeString(dir.resolve("ko.tsv"), HUMANN);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("modules", "--ko", ko.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("37 modules").contains("1 feature(s) are not KO ids");

        FeatureTable abundance = ClassicTsv.read(out.resolve("module_abundance.tsv"));
        assertThat(abundance.sampleIds()).containsExactly("S1", "S2");
        assertThat(abundance.featureCount()).isEqualTo(37);
        assertThat(abundance.get(0, abundance.featureIndex("GBNM01"))).isEqualTo(30.0);
        assertThat(abundance.get(0, abundance.featureIndex("GBNM04"))).isEqualTo(9.0);  // median(12, 6)
        assertThat(abundance.get(1, abundance.featureIndex("GBNM04"))).isEqualTo(5.0);  // median(6, 4)
        // K07250 also starts butyrate synthesis II (6 steps): coverage 1/6, below the cut-off
        assertThat(abundance.get(0, abundance.featureIndex("GBNM25"))).isZero();
        FeatureTable coverage = ClassicTsv.read(out.resolve("module_coverage.tsv"));
        assertThat(coverage.get(0, coverage.featureIndex("GBNM25"))).isEqualTo(1.0 / 6);
        assertThat(TableIO.read(out.resolve("module_abundance.biom")).sameData(abundance)).isTrue();

        assertThat(Files.readAllLines(out.resolve("module_contributions.tsv"))).containsExactly(
                "sample\tmodule\ttaxon\tabundance\tcoverage",
                "S1\tGBNM01\tg__Bacteroides.s__Bacteroides_fragilis\t20.0\t1.0",
                "S1\tGBNM01\tg__Lactobacillus.s__Lactobacillus_plantarum\t10.0\t1.0",
                "S1\tGBNM04\tg__Escherichia.s__Escherichia_coli\t9.0\t1.0",
                "S2\tGBNM04\tg__Escherichia.s__Escherichia_coli\t5.0\t1.0");

        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertThat(prov.path("command").asText()).startsWith("gutbrain modules --ko");
        assertThat(prov.path("parameters").path("coverage_cutoff").asDouble()).isEqualTo(0.66);
        assertThat(prov.path("parameters").path("estimator").asText()).isEqualTo("median");
        assertThat(prov.path("inputs").get(0).path("sha256").asText()).hasSize(64);
        assertThat(prov.path("outputs")).hasSize(4);
    }

    @Test
    void moduleFileAverageByLengthReproducesOmixerReadme() throws IOException {
        Path modules = Files.writeString(dir.resolve("glycolysis.txt"), "GLY\tglucose to glyceraldehyde 3-phosphate\n"
                + "K00844\tK00845\nK01810\tK06859\tK13810\tK15916\nK00850\tK16370\nK01622\tK01623\tK01624\tK11645\tK16305\tK16306\nK01803\n///\n");
        Path ko = Files.writeString(dir.resolve("profile.tsv"), "#OTU ID\tS\nK00844\t10\nK00845\t3\nK06859\t7\nK13810\t8\n"
                + "K01804\t12\nK01622\t2\nK16370\t5\nK00703\t12\nK00863\t15\n");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("modules", "--ko", ko.toString(), "--modules", modules.toString(), "--estimator", "average",
                "--normalize-by-length", "--out", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(ClassicTsv.read(out.resolve("module_abundance.tsv")).get(0, 0)).isEqualTo(5.0);    // 25 / 5
        assertThat(ClassicTsv.read(out.resolve("module_coverage.tsv")).get(0, 0)).isEqualTo(0.8);     // 4 / 5
        assertThat(out.resolve("module_contributions.tsv")).doesNotExist();
    }

    @Test
    void learnedCoverageIsRecorded() throws IOException {
        Path ko = Files.writeString(dir.resolve("ko.tsv"), HUMANN);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("modules", "--ko", ko.toString(), "--coverage", "learn", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("(learned)");
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertThat(prov.path("parameters").path("coverage").asText()).isEqualTo("learn");
        // coverages above 0: 1.0 (GBNM01, GBNM04, GBNM04) and 1/6 (GBNM25 twice): one drop -> cut-off 1
        assertThat(prov.path("parameters").path("coverage_cutoff").asDouble()).isEqualTo(1.0);
    }

    @Test
    void badModuleFileGivesOneLineAndNoOutput() throws IOException {
        Path modules = Files.writeString(dir.resolve("bad_modules.txt"), "M1\tok\nK00001\n///\nM2\tunterminated\nK00002\n");
        Path ko = Files.writeString(dir.resolve("ko.tsv"), HUMANN);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("modules", "--ko", ko.toString(), "--modules", modules.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("gutbrain: error: ").contains("bad_modules.txt:line 4").contains("'///'").contains("fix:");
        assertThat(out).doesNotExist();
    }

    @Test
    void badArgumentsAndTablesExitTwo() throws IOException {
        Path ko = Files.writeString(dir.resolve("ko.tsv"), HUMANN);
        Path out = dir.resolve("out");
        CliRun c = CliRun.of("modules", "--ko", ko.toString(), "--coverage", "1.5", "--out", out.toString());
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.errLines().get(0)).contains("--coverage").contains("'1.5'");
        CliRun e = CliRun.of("modules", "--ko", ko.toString(), "--estimator", "mode", "--out", out.toString());
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.errLines().get(0)).contains("--estimator: expected one of median, average, found 'mode'");
        Path notKo = Files.writeString(dir.resolve("otus.tsv"), "#OTU ID\tS1\nOTU_1\t5\n");
        CliRun n = CliRun.of("modules", "--ko", notKo.toString(), "--out", out.toString());
        assertThat(n.exitCode()).isEqualTo(2);
        assertThat(n.errLines()).hasSize(1);
        assertThat(n.errLines().get(0)).contains("otus.tsv: none of the table's 1 feature ids is a KEGG orthology id");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("out");
        }
    }
}
