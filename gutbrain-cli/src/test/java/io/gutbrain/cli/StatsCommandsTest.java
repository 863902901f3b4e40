package io.gutbrain.cli;

import io.gutbrain.cli.common.BundledData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * From table to test through the command line on the bundled probiotic trial: Bray–Curtis, then
 * PERMANOVA, ANOSIM and PCoA, compared with vegan 2.6-4 on the same data
 * (shared/reference/peerj32/tests_vegan.tsv: adonis2 F 1.13119030201, R² 0.0262267350864;
 * anosim R 0.00354094951234; cmdscale eigenvalue 1 0.709052341371).
 */
class StatsCommandsTest {
    @TempDir static Path dir;
    static Path data;
    static Path bc;

    @BeforeAll
    static void distances() {
        data = BundledData.extractTo(dir.resolve("data"));
        bc = dir.resolve("bc.tsv");
        CliRun r = CliRun.of("diversity", "beta", "--table", data.resolve("peerj32/counts.tsv").toString(), "--metric", "braycurtis", "--out", bc.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    static String[] row(Path tsv, String first) throws IOException {
        return Files.readAllLines(tsv).stream().map(l -> l.split("\t")).filter(c -> c[0].equals(first)).findFirst().orElseThrow();
    }

    @Test
    void permanovaMatchesVegan() throws IOException {
        Path out = dir.resolve("permanova.tsv");
        CliRun r = CliRun.of("stats", "permanova", "--distance", bc.toString(), "--metadata", data.resolve("peerj32/metadata.tsv").toString(),
                "--formula", "group", "--out", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] g = row(out, "group");
        assertThat(Double.parseDouble(g[3])).isCloseTo(0.0262267350864, within(1e-12));
        assertThat(Double.parseDouble(g[4])).isCloseTo(1.13119030201, within(1e-10));
        double p = Double.parseDouble(g[5]);
        assertThat(p).isBetween(0.322 - 0.06, 0.322 + 0.06); // vegan's p 0.322; sampling SD ~0.015
        assertThat(Files.readString(dir.resolve("permanova.tsv.provenance.json"))).contains("\"seed\" : 1");
    }

    @Test
    void anosimAndPcoaMatchVegan() throws IOException {
        Path an = dir.resolve("anosim.tsv");
        assertThat(CliRun.of("stats", "anosim", "--distance", bc.toString(), "--metadata", data.resolve("peerj32/metadata.tsv").toString(),
                "--formula", "group", "--out", an.toString(), "-q").exitCode()).isZero();
        assertThat(Double.parseDouble(row(an, "test statistic")[1])).isCloseTo(0.00354094951234, within(1e-12));
        Path pc = dir.resolve("pcoa");
        assertThat(CliRun.of("diversity", "pcoa", "--distance", bc.toString(), "--out", pc.toString(), "-q").exitCode()).isZero();
        assertThat(Double.parseDouble(row(pc.resolve("eigenvalues.tsv"), "PC1")[1])).isCloseTo(0.709052341371, within(1e-11));
    }

    @Test
    void asymmetricMatrixIsExitTwo(@TempDir Path tmp) throws IOException {
        Path dm = tmp.resolve("dm.tsv");
        Files.write(dm, List.of("\tA\tB", "A\t0\t0.5", "B\t0.7\t0"));
        Path md = tmp.resolve("md.tsv");
        Files.write(md, List.of("sample-id\tgroup", "A\tx", "B\ty"));
        CliRun r = CliRun.of("stats", "permanova", "--distance", dm.toString(), "--metadata", md.toString(), "--formula", "group", "--out", tmp.resolve("p.tsv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("dm.tsv").contains("symmetric");
        assertThat(tmp.resolve("p.tsv")).doesNotExist();
    }

    @Test
    void idsNotInMetadataAreAnError(@TempDir Path tmp) throws IOException {
        Path md = tmp.resolve("md.tsv");
        Files.write(md, List.of("sample-id\tgroup", "X1\ta", "X2\tb"));
        CliRun r = CliRun.of("stats", "permanova", "--distance", bc.toString(), "--metadata", md.toString(), "--formula", "group", "--out", tmp.resolve("p.tsv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(tmp.resolve("p.tsv")).doesNotExist();
    }

    @Test
    void unknownColumnIsExitTwo() {
        CliRun r = CliRun.of("stats", "permanova", "--distance", bc.toString(), "--metadata", data.resolve("peerj32/metadata.tsv").toString(),
                "--formula", "diagnosis", "--out", dir.resolve("x.tsv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("diagnosis");
    }
}
