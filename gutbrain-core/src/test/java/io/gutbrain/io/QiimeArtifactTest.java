package io.gutbrain.io;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.tree.PhyloTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QiimeArtifactTest {
    static final String UUID = "6b5d1f4e-3c8a-4a57-9a3e-2f9b1c0d7e21";
    static final String OTHER_UUID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @TempDir
    Path tmp;

    /**
     * Writes a .qza laid out as QIIME 2 2023.9 does: directory entries, VERSION, metadata.yaml,
     * checksums.md5, data/, and provenance/ with its own metadata.yaml and an ancestor artifact.
     */
    Path qza(String name, String dirUuid, String metadataYaml, Map<String, byte[]> data) throws IOException {
        Path p = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            String r = dirUuid + "/";
            dir(z, r);
            file(z, r + "VERSION", "QIIME 2\narchive: 5\nframework: 2023.9.0\n");
            file(z, r + "checksums.md5", "d41d8cd98f00b204e9800998ecf8427e  VERSION\n");
            if (metadataYaml != null) file(z, r + "metadata.yaml", metadataYaml);
            dir(z, r + "data/");
            for (Map.Entry<String, byte[]> e : data.entrySet()) {
                z.putNextEntry(new ZipEntry(r + "data/" + e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            dir(z, r + "provenance/");
            file(z, r + "provenance/VERSION", "QIIME 2\narchive: 5\nframework: 2023.9.0\n");
            file(z, r + "provenance/metadata.yaml", metadataYaml == null ? "uuid: x\n" : metadataYaml);
            file(z, r + "provenance/citations.bib", "@article{framework|qiime2:2023.9.0|0,\n}\n");
            file(z, r + "provenance/action/action.yaml", "execution:\n    uuid: 11111111-2222-4333-8444-555555555555\n");
            file(z, r + "provenance/artifacts/" + OTHER_UUID + "/metadata.yaml",
                    "uuid: " + OTHER_UUID + "\ntype: FeatureData[AlignedSequence]\nformat: AlignedDNASequencesDirectoryFormat\n");
        }
        return p;
    }

    static String metadata(String uuid, String type, String format) {
        return "uuid: " + uuid + "\ntype: " + type + "\nformat: " + format + "\n";
    }

    static void dir(ZipOutputStream z, String name) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.closeEntry();
    }

    static void file(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    static Map<String, byte[]> payload(String name, String content) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(name, content.getBytes(StandardCharsets.UTF_8));
        return m;
    }

    @Test
    void readsRootedPhylogeny() throws IOException {
        Path p = qza("rooted-tree.qza", UUID, metadata(UUID, "Phylogeny[Rooted]", "NewickDirectoryFormat"),
                payload("tree.nwk", "((A:0.1,B:0.2)0.93:0.05,'C c':0.3)root;\n"));
        try (QiimeArtifact a = QiimeArtifact.open(p)) {
            assertThat(a.uuid()).isEqualTo(UUID);
            assertThat(a.semanticType()).isEqualTo("Phylogeny[Rooted]");
            assertThat(a.format()).isEqualTo("NewickDirectoryFormat");
            assertThat(a.archiveVersion()).isEqualTo("5");
            assertThat(a.frameworkVersion()).isEqualTo("2023.9.0");
            assertThat(a.payloadFileName()).isEqualTo("tree.nwk");
            assertThat(a.dataFiles()).containsExactly("tree.nwk");
            PhyloTree t = a.readTree();
            assertThat(t.tipNames()).containsExactly("A", "B", "C c");
            assertThat(t.branchLength(t.tipIndex("B"))).isEqualTo(0.2);
            assertThat(t.name(t.parent(t.tipIndex("A")))).isEqualTo("0.93");
            assertThatThrownBy(a::readDistanceMatrix).isInstanceOf(InputException.class)
                    .hasMessageContaining("artifact is Phylogeny[Rooted], expected DistanceMatrix");
        }
    }

    @Test
    void readsDistanceMatrix() throws IOException {
        Path p = qza("dm.qza", UUID, metadata(UUID, "DistanceMatrix", "DistanceMatrixDirectoryFormat"),
                payload("distance-matrix.tsv", "\tS1\tS2\tS3\nS1\t0.0\t0.5\t0.25\nS2\t0.5\t0.0\t1.0\nS3\t0.25\t1.0\t0.0\n"));
        try (QiimeArtifact a = QiimeArtifact.open(p)) {
            assertThat(a.semanticType()).isEqualTo("DistanceMatrix");
            DistanceMatrix m = a.readDistanceMatrix();
            assertThat(m.ids()).containsExactly("S1", "S2", "S3");
            assertThat(m.get(0, 1)).isEqualTo(0.5);
            assertThat(m.get(2, 0)).isEqualTo(0.25);
            assertThat(m.get(1, 2)).isEqualTo(1.0);
        }
    }

    @Test
    void payloadErrorsNameTheFileInsideTheArchive() throws IOException {
        Path p = qza("dm.qza", UUID, metadata(UUID, "DistanceMatrix", "DistanceMatrixDirectoryFormat"),
                payload("distance-matrix.tsv", "\tS1\tS2\nS1\t0\t1\nS2\t2\t0\n"));
        try (QiimeArtifact a = QiimeArtifact.open(p)) {
            assertThatThrownBy(a::readDistanceMatrix).isInstanceOf(InputException.class)
                    .satisfies(e -> {
                        InputException ie = (InputException) e;
                        assertThat(ie.source()).isEqualTo(p + "!/" + UUID + "/data/distance-matrix.tsv");
                        assertThat(ie.location()).isEqualTo("line 3, column 2");
                    });
        }
    }

    @Test
    void exposesFeatureTablePayloadAsStream() throws IOException {
        byte[] hdf5Magic = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 1, 2, 3};
        Map<String, byte[]> data = new LinkedHashMap<>();
        data.put("feature-table.biom", hdf5Magic);
        Path p = qza("table.qza", UUID, "uuid: '" + UUID + "'\ntype: FeatureTable[Frequency]\nformat: BIOMV210DirFmt\n", data);
        try (QiimeArtifact a = QiimeArtifact.open(p)) {
            assertThat(a.uuid()).isEqualTo(UUID); // quotes removed
            assertThat(a.semanticType()).isEqualTo("FeatureTable[Frequency]");
            assertThat(a.payloadFileName()).isEqualTo("feature-table.biom");
            try (InputStream in = a.openData("feature-table.biom")) {
                assertThat(in.readAllBytes()).isEqualTo(hdf5Magic);
            }
            assertThatThrownBy(() -> a.openData("taxonomy.tsv")).isInstanceOf(InputException.class)
                    .hasMessageContaining("no payload file 'taxonomy.tsv' (it has: feature-table.biom)");
            assertThatThrownBy(a::readTree).isInstanceOf(InputException.class)
                    .hasMessageContaining("expected Phylogeny[Rooted]");
        }
    }

    @Test
    void otherSupportedTypesOpen() throws IOException {
        for (String type : new String[] {"FeatureTable[RelativeFrequency]", "FeatureData[Taxonomy]"}) {
            Path p = qza("x.qza", UUID, metadata(UUID, type, "SomeFormat"), Map.of());
            try (QiimeArtifact a = QiimeArtifact.open(p)) {
                assertThat(a.semanticType()).isEqualTo(type);
            }
            Files.delete(p);
        }
    }

    @Test
    void missingPayloadFile() throws IOException {
        Path p = qza("empty-tree.qza", UUID, metadata(UUID, "Phylogeny[Rooted]", "NewickDirectoryFormat"), Map.of());
        try (QiimeArtifact a = QiimeArtifact.open(p)) {
            assertThatThrownBy(a::readTree).isInstanceOf(InputException.class)
                    .hasMessageContaining("no payload file 'tree.nwk'");
        }
    }

    @Test
    void notAZip() throws IOException {
        Path p = tmp.resolve("table.qza");
        Files.writeString(p, "#OTU ID\tS1\nF1\t3\n");
        assertThatThrownBy(() -> QiimeArtifact.open(p)).isInstanceOf(InputException.class)
                .hasMessageContaining("not a zip archive");
        assertThatThrownBy(() -> QiimeArtifact.open(tmp.resolve("missing.qza"))).isInstanceOf(InputException.class)
                .hasMessageContaining("file not found");
    }

    @Test
    void zipWithoutMetadata() throws IOException {
        Path p = qza("nometa.qza", UUID, null, payload("tree.nwk", "(A,B);"));
        assertThatThrownBy(() -> QiimeArtifact.open(p)).isInstanceOf(InputException.class)
                .hasMessageContaining("no <uuid>/metadata.yaml");
        Path plain = tmp.resolve("plain.zip");
        try (OutputStream out = Files.newOutputStream(plain); ZipOutputStream z = new ZipOutputStream(out)) {
            file(z, "metadata.yaml", metadata(UUID, "DistanceMatrix", "X")); // not inside a <uuid>/ directory
        }
        assertThatThrownBy(() -> QiimeArtifact.open(plain)).isInstanceOf(InputException.class)
                .hasMessageContaining("no <uuid>/metadata.yaml");
    }

    @Test
    void unsupportedTypeNamesTheSupportedOnes() throws IOException {
        Path p = qza("seqs.qza", UUID, metadata(UUID, "FeatureData[Sequence]", "DNASequencesDirectoryFormat"), Map.of());
        assertThatThrownBy(() -> QiimeArtifact.open(p)).isInstanceOf(InputException.class)
                .hasMessageContaining("unsupported artifact type FeatureData[Sequence]")
                .hasMessageContaining("FeatureTable[Frequency], FeatureTable[RelativeFrequency], FeatureData[Taxonomy], Phylogeny[Rooted], DistanceMatrix");
        Path unrooted = qza("unrooted.qza", UUID, metadata(UUID, "Phylogeny[Unrooted]", "NewickDirectoryFormat"), payload("tree.nwk", "(A,B,C);"));
        assertThatThrownBy(() -> QiimeArtifact.open(unrooted)).isInstanceOf(InputException.class)
                .hasMessageContaining("midpoint-root");
    }

    @Test
    void incompleteOrInconsistentMetadata() throws IOException {
        Path noType = qza("a.qza", UUID, "uuid: " + UUID + "\nformat: X\n", Map.of());
        assertThatThrownBy(() -> QiimeArtifact.open(noType)).isInstanceOf(InputException.class)
                .hasMessageContaining(UUID + "/metadata.yaml: no 'type:' line");
        Path mismatch = qza("b.qza", UUID, metadata(OTHER_UUID, "DistanceMatrix", "X"), Map.of());
        assertThatThrownBy(() -> QiimeArtifact.open(mismatch)).isInstanceOf(InputException.class)
                .hasMessageContaining("differs from the archive directory");
    }
}
