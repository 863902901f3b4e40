package io.gutbrain.io;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import io.gutbrain.table.Rank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher: format detection by content, .qza feature tables and taxonomies, and writing. */
class TableIOTest {
    static final String UUID = "2f8a1b7e-52a4-4f8a-9c55-0d6c3f0c9e21";

    static Path resource(String name) throws URISyntaxException {
        return Path.of(TableIOTest.class.getResource("/" + name).toURI());
    }

    /** Builds a .qza with the QIIME 2 archive layout around one payload file. */
    static Path qza(Path dir, String type, String format, String payloadName, byte[] payload) throws IOException {
        Path out = dir.resolve(payloadName + ".qza");
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(os)) {
            put(z, UUID + "/VERSION", "QIIME 2\narchive: 5\nframework: 2023.9.0\n".getBytes(StandardCharsets.UTF_8));
            put(z, UUID + "/metadata.yaml", ("uuid: " + UUID + "\ntype: " + type + "\nformat: " + format + "\n").getBytes(StandardCharsets.UTF_8));
            put(z, UUID + "/data/" + payloadName, payload);
        }
        return out;
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    @Test
    void readsFeatureTableArtifact(@TempDir Path dir) throws Exception {
        Path biom = resource("synthetic-s50/s50.biom");
        Path a = qza(dir, "FeatureTable[Frequency]", "BIOMV210DirFmt", "feature-table.biom", Files.readAllBytes(biom));
        assertThat(TableIO.detect(a)).isEqualTo(TableFormat.QZA);
        assertThat(TableIO.read(a).sameData(TableIO.read(biom))).isTrue();
    }

    @Test
    void readsTaxonomyArtifactAndAttachesIt(@TempDir Path dir) throws Exception {
        String tax = "Feature ID\tTaxon\tConfidence\nF0\td__Bacteria; p__Firmicutes; c__Clostridia; o__Lachnospirales; f__Lachnospiraceae; g__Coprococcus\t0.98\n";
        Path a = qza(dir, "FeatureData[Taxonomy]", "TSVTaxonomyDirectoryFormat", "taxonomy.tsv", tax.getBytes(StandardCharsets.UTF_8));
        Map<String, Lineage> m = TableIO.readTaxonomy(a);
        assertThat(m.get("F0").name(Rank.GENUS)).isEqualTo("Coprococcus");
        FeatureTable t = TableIO.read(resource("synthetic-s50/s50.tsv"), new TableIO.ReadOptions().taxonomy(a));
        assertThat(t.lineage(t.featureIndex("F0")).name(Rank.FAMILY)).isEqualTo("Lachnospiraceae");
        assertThat(t.lineage(t.featureIndex("F1")).deepestAssigned()).isNull();
    }

    @Test
    void detectsFormatsByContentNotName(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("table.txt");
        Files.copy(resource("biom-examples/rich_sparse_otu_table.biom"), json);
        assertThat(TableIO.detect(json)).isEqualTo(TableFormat.BIOM_JSON);
        Path h5 = dir.resolve("table.json");
        Files.copy(resource("synthetic-s50/s50.biom"), h5);
        assertThat(TableIO.detect(h5)).isEqualTo(TableFormat.BIOM_HDF5);
        assertThat(TableIO.detect(resource("handmade/metaphlan4_merged.tsv"))).isEqualTo(TableFormat.METAPHLAN);
        assertThat(TableIO.detect(resource("handmade/genefamilies_joined.tsv"))).isEqualTo(TableFormat.HUMANN);
        assertThat(TableIO.detect(resource("microbiome-interventions/peerj32/counts.tsv"))).isEqualTo(TableFormat.TSV);
    }

    @Test
    void writesByOutputNameAndRoundTrips(@TempDir Path dir) throws Exception {
        FeatureTable t = TableIO.read(resource("microbiome-interventions/peerj32/counts.tsv"),
                new TableIO.ReadOptions().taxonomy(resource("microbiome-interventions/peerj32/taxonomy.tsv")));
        for (String name : new String[]{"x.biom", "x.json", "x.tsv"}) {
            Path out = dir.resolve(name);
            TableIO.write(t, out, TableIO.formatForOutput(out));
            assertThat(TableIO.read(out).sameData(t)).as(name).isTrue();
        }
    }
}
