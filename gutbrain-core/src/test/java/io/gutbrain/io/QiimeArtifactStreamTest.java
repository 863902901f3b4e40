package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** .qza members are read as bounded streams and named archive!/member in every message; nothing is left in the temp folder. */
class QiimeArtifactStreamTest {
    static final String UUID = "6b5d1f4e-3c8a-4a57-9a3e-2f9b1c0d7e21";

    @TempDir
    Path tmp;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(QiimeArtifactStreamTest.class.getResource(name).toURI());
    }

    private Path qza(String name, String type, String member, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry(UUID + "/VERSION"));
            z.write("QIIME 2\narchive: 5\nframework: 2023.9.0\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(UUID + "/metadata.yaml"));
            z.write(("uuid: " + UUID + "\ntype: " + type + "\nformat: X\n").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(UUID + "/data/" + member));
            z.write(content);
        }
        return p;
    }

    private static List<Path> stagedCopies() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("gutbrain-qza-")).toList();
        }
    }

    @Test
    void featureTableIsReadAndItsStagedCopyIsGone() throws Exception {
        byte[] biom = Files.readAllBytes(resource("/biom-examples/rich_sparse_otu_table_hdf5.biom"));
        Path p = qza("table.qza", "FeatureTable[Frequency]", "feature-table.biom", biom);
        List<Path> before = stagedCopies();
        FeatureTable t = TableIO.read(p);
        assertThat(t.sampleCount()).isEqualTo(BiomHdf5.read(resource("/biom-examples/rich_sparse_otu_table_hdf5.biom")).sampleCount());
        assertThat(stagedCopies()).isEqualTo(before);
    }

    @Test
    void aDamagedHdf5MemberIsNamedByArchiveAndMemberNotTheTempPath() throws Exception {
        byte[] notHdf5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 1, 2, 3};
        Path p = qza("bad.qza", "FeatureTable[Frequency]", "feature-table.biom", notHdf5);
        List<Path> before = stagedCopies();
        assertThatThrownBy(() -> TableIO.read(p))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(p + "!/" + UUID + "/data/feature-table.biom")
                .hasMessageNotContaining(System.getProperty("java.io.tmpdir") + "/gutbrain-qza-");
        assertThat(stagedCopies()).isEqualTo(before);
    }

    @Test
    void bombMembersOfEveryTypeEndInOneErrorNamingTheMember() throws Exception {
        String[][] cases = {
                {"FeatureTable[Frequency]", "feature-table.biom", ""},
                {"FeatureData[Taxonomy]", "taxonomy.tsv", "Feature ID\tTaxon\n"},
                {"Phylogeny[Rooted]", "tree.nwk", ""},
                {"DistanceMatrix", "distance-matrix.tsv", "\tA\tB\n"},
        };
        List<Path> before = stagedCopies();
        try (AutoCloseable l = Bombs.lowFloor(1 << 20)) {
            for (String[] c : cases) {
                Path p = Bombs.qza(tmp.resolve(c[1] + ".qza"), UUID, c[0], c[1], c[2], (byte) '(', 32L << 20, "");
                assertThat(Files.size(p)).isLessThan(2L << 20);
                String member = p + "!/" + UUID + "/data/" + c[1];
                assertThatThrownBy(() -> readAs(c[0], p))
                        .as(c[0])
                        .isInstanceOf(InputException.class)
                        .hasMessageStartingWith(member + ": decompresses to more than")
                        .hasMessageContaining("--max-input-ratio");
            }
        }
        assertThat(stagedCopies()).isEqualTo(before);
    }

    @Test
    void aMemberOverTheSizeCapIsRefusedEvenAtALowRatio() throws Exception {
        byte[] content = new byte[3 << 20];
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < content.length; i++) content[i] = (byte) ('a' + rnd.nextInt(26)); // barely compressible: the ratio guard never trips
        Path p = qza("big.qza", "Phylogeny[Rooted]", "tree.nwk", content);
        try (AutoCloseable l = Bombs.limits(InputLimits.defaults().withMaxArchiveMemberBytes(1 << 20))) {
            assertThatThrownBy(() -> TreeIO.read(p))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(p + "!/" + UUID + "/data/tree.nwk: decompresses to more than 1,048,576 bytes, the limit for one archive member")
                    .hasMessageContaining("GUTBRAIN_MAX_MEMBER_BYTES");
        }
    }

    @Test
    void aLongLineOrBadUtf8InsideAMemberNamesTheMemberAndLine() throws Exception {
        Path tax = qza("tax.qza", "FeatureData[Taxonomy]", "taxonomy.tsv",
                "Feature ID\tTaxon\nF1\tk__Bacteria\nF2\tk__Bact\u00e9ria\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TableIO.readTaxonomy(tax))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(tax + "!/" + UUID + "/data/taxonomy.tsv:line 3, column 11: byte ")
                .hasMessageContaining("not valid UTF-8");
        Path dm = qza("dm.qza", "DistanceMatrix", "distance-matrix.tsv", ("\tA\tB\nA\t0\t" + "1".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
        try (AutoCloseable l = Bombs.limits(InputLimits.defaults().withMaxLineLength(1000))) {
            try (QiimeArtifact a = QiimeArtifact.open(dm)) {
                assertThatThrownBy(a::readDistanceMatrix)
                        .isInstanceOf(InputException.class)
                        .hasMessageStartingWith(dm + "!/" + UUID + "/data/distance-matrix.tsv:line 2: line is longer than 1,000 characters");
            }
        }
    }

    @Test
    void taxonomyMemberReadsFromTheStream() throws Exception {
        Path tax = qza("tax.qza", "FeatureData[Taxonomy]", "taxonomy.tsv",
                "Feature ID\tTaxon\tConfidence\nF1\tk__Bacteria; p__Firmicutes\t0.9\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TableIO.readTaxonomy(tax)).containsOnlyKeys("F1");
    }

    private static Object readAs(String type, Path p) {
        switch (type) {
            case "FeatureData[Taxonomy]": return TableIO.readTaxonomy(p);
            case "Phylogeny[Rooted]": return TreeIO.read(p);
            case "DistanceMatrix":
                try (QiimeArtifact a = QiimeArtifact.open(p)) {
                    return a.readDistanceMatrix();
                }
            default: return TableIO.read(p);
        }
    }
}
