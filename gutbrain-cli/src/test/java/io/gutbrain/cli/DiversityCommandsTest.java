package io.gutbrain.cli;

import io.gutbrain.cli.common.BundledData;
import io.gutbrain.io.TableIO;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The diversity commands end to end on the bundled synthetic table and tree. */
class DiversityCommandsTest {
    @TempDir static Path dir;
    static Path data;

    @BeforeAll
    static void extract() {
        data = BundledData.extractTo(dir.resolve("data"));
    }

    @Test
    void alphaMatchesScikitBioAndWritesProvenance() throws IOException {
        Path out = dir.resolve("alpha.tsv");
        CliRun r = CliRun.of("diversity", "alpha", "--table", data.resolve("synthetic-s50/s50.biom").toString(),
                "--tree", data.resolve("synthetic-s50/s50.nwk").toString(), "--metrics", "shannon,faith_pd", "--base", "2", "--out", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("sample-id\tshannon_base2\tfaith_pd");
        String[] s0 = lines.get(1).split("\t");
        // scikit-bio 0.5.8 (shared/reference/synthetic-s50/alpha_skbio.tsv): S0 shannon base 2 2.63148679817, faith_pd 8.9223
        assertThat(s0[0]).isEqualTo("S0");
        assertThat(Double.parseDouble(s0[1])).isCloseTo(2.63148679817, within(1e-10));
        assertThat(Double.parseDouble(s0[2])).isCloseTo(8.9223, within(1e-9));
        String prov = Files.readString(dir.resolve("alpha.tsv.provenance.json"));
        assertThat(prov).contains("\"sha256\"").contains("s50.nwk").contains("diversity alpha");
    }

    @Test
    void rarefyIsSeededAndEven() {
        Path a = dir.resolve("r1.tsv");
        Path b = dir.resolve("r2.tsv");
        String table = data.resolve("peerj32/counts.tsv").toString();
        assertThat(CliRun.of("diversity", "rarefy", "--table", table, "--depth", "20000", "--seed", "7", "--out", a.toString(), "-q").exitCode()).isZero();
        assertThat(CliRun.of("diversity", "rarefy", "--table", table, "--depth", "20000", "--seed", "7", "--threads", "1", "--out", b.toString(), "-q").exitCode()).isZero();
        FeatureTable t = TableIO.read(a);
        assertThat(t.sampleCount()).isEqualTo(44); // every peerj32 sample has at least 21,230 reads
        for (int s = 0; s < t.sampleCount(); s++) assertThat(t.sampleTotal(s)).isEqualTo(20000);
        assertThat(TableIO.read(b).sameData(t)).isTrue();
    }

    @Test
    void rarefyAboveEverySampleIsExitTwo() {
        CliRun r = CliRun.of("diversity", "rarefy", "--table", data.resolve("peerj32/counts.tsv").toString(), "--depth", "999999",
                "--out", dir.resolve("x.tsv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("999999");
        assertThat(dir.resolve("x.tsv")).doesNotExist();
    }

    @Test
    void treeLackingFeaturesNamesThem(@TempDir Path tmp) throws IOException {
        Path tree = tmp.resolve("t.nwk");
        Files.writeString(tree, "(F0:1,F1:1);");
        CliRun r = CliRun.of("diversity", "alpha", "--table", data.resolve("synthetic-s50/s50.biom").toString(),
                "--tree", tree.toString(), "--metrics", "faith_pd", "--out", tmp.resolve("a.tsv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("F2");
    }

    @Test
    void curveWritesLongFormat() throws IOException {
        Path out = dir.resolve("curve.tsv");
        CliRun r = CliRun.of("diversity", "curve", "--table", data.resolve("peerj32/counts.tsv").toString(), "--depths", "1000,5000",
                "--iterations", "3", "--metrics", "observed_features", "--out", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("sample-id\tdepth\tmetric\tmean\tlower\tupper\titerations");
        assertThat(lines).hasSize(1 + 44 * 2);
    }

    /** Which metrics exist (and which need a tree) is the engine's list: an unknown name is refused with all of them, before any file is read. */
    @Test
    void unknownBetaMetricListsEveryMetricOfTheEngine(@TempDir Path dir) {
        Path out = dir.resolve("dm.tsv");
        CliRun r = CliRun.of("diversity", "beta", "--table", dir.resolve("absent.tsv").toString(), "--metric", "foo-unifrac", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("gutbrain: error: --metric: unknown beta-diversity metric 'foo-unifrac'")
                .contains("(fix: ").contains("braycurtis").contains("generalized-unifrac");
        assertThat(out).doesNotExist();
        CliRun noTree = CliRun.of("diversity", "beta", "--table", dir.resolve("absent.tsv").toString(), "--metric", "weighted-unifrac", "--out", out.toString());
        assertThat(noTree.exitCode()).isEqualTo(2);
        assertThat(noTree.errLines()).containsExactly("gutbrain: error: --tree: weighted-unifrac needs a rooted tree (fix: add --tree tree.nwk)");
    }
}
