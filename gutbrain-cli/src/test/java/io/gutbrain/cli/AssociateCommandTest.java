package io.gutbrain.cli;

import io.gutbrain.cli.common.BundledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `gutbrain associate` end to end on the bundled probiotic trial (LMM with a subject intercept). */
class AssociateCommandTest {
    @Test
    void writesMaaslin2TablesAndProvenance(@TempDir Path dir) throws IOException {
        Path data = BundledData.extractTo(dir.resolve("data"));
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("associate", "--table", data.resolve("peerj32/counts.tsv").toString(),
                "--metadata", data.resolve("peerj32/metadata.tsv").toString(), "--fixed", "group,time", "--random", "subject",
                "--reference", "group,Placebo", "--transform", "AST", "--out", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> all = Files.readAllLines(out.resolve("all_results.tsv"));
        assertThat(all.get(0)).isEqualTo("feature\tmetadata\tvalue\tcoef\tstderr\tN\tN.not.0\tpval\tqval");
        // 130 genera, minus those below 10% prevalence, times two terms (group LGG vs Placebo, time)
        assertThat(all.size() - 1).isEven().isGreaterThan(200);
        assertThat(all.stream().skip(1).map(l -> l.split("\t")[1]).distinct()).containsExactlyInAnyOrder("group", "time");
        assertThat(out.resolve("significant_results.tsv")).exists();
        assertThat(Files.readString(out.resolve("provenance.json"))).contains("\"random\" : \"subject\"");
    }

    @Test
    void missingReferenceLevelIsExitTwo(@TempDir Path dir) {
        Path data = BundledData.extractTo(dir.resolve("data"));
        CliRun r = CliRun.of("associate", "--table", data.resolve("peerj32/counts.tsv").toString(),
                "--metadata", data.resolve("peerj32/metadata.tsv").toString(), "--fixed", "group", "--reference", "group,Nope",
                "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("Nope");
        assertThat(dir.resolve("o/all_results.tsv")).doesNotExist();
    }

    @Test
    void lindaAndRankTestsShareOneLayout(@TempDir Path dir) throws IOException {
        Path data = BundledData.extractTo(dir.resolve("data"));
        String counts = data.resolve("peerj32/counts.tsv").toString();
        String md = data.resolve("peerj32/metadata.tsv").toString();
        CliRun linda = CliRun.of("associate", "--table", counts, "--metadata", md, "--fixed", "group", "--reference", "group,Placebo",
                "--random", "subject", "--method", "linda", "--out", dir.resolve("linda").toString(), "-q");
        assertThat(linda.exitCode()).as(linda.err()).isZero();
        CliRun rank = CliRun.of("associate", "--table", counts, "--metadata", md, "--fixed", "time", "--subject", "subject",
                "--method", "nonparametric", "--out", dir.resolve("rank").toString(), "-q");
        assertThat(rank.exitCode()).as(rank.err()).isZero();
        String h1 = Files.readAllLines(dir.resolve("linda/all_results.tsv")).get(0);
        String h2 = Files.readAllLines(dir.resolve("rank/all_results.tsv")).get(0);
        assertThat(h1).startsWith("feature\tvariable\tlevel\treference\tmethod");
        assertThat(h2).startsWith("feature\tvariable\tlevel\treference\tmethod");
        assertThat(Files.readAllLines(dir.resolve("rank/all_results.tsv")).get(1)).contains("wilcoxon-signed-rank");
    }
}
