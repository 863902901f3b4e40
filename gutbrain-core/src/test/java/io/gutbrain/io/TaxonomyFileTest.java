package io.gutbrain.io;

import io.gutbrain.table.Lineage;
import io.gutbrain.table.Rank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.gutbrain.io.TextFixtures.assertInputError;
import static io.gutbrain.io.TextFixtures.resource;
import static io.gutbrain.io.TextFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyFileTest {
    @TempDir Path dir;

    @Test
    void perRankHitchipFile() throws IOException {
        Path p = resource("microbiome-interventions/peerj32/taxonomy.tsv");
        Map<String, Lineage> tax = TaxonomyFile.read(p);
        // every data line of the file, checked against the file's own cells (split on tabs here)
        List<String> lines = Files.readAllLines(p);
        assertThat(lines.get(0)).isEqualTo("feature-id\tPhylum\tFamily\tGenus");
        assertThat(tax).hasSize(lines.size() - 1).hasSize(130);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            Lineage l = tax.get(c[0]);
            assertThat(l.name(Rank.PHYLUM)).isEqualTo(c[1]);
            assertThat(l.name(Rank.FAMILY)).isEqualTo(c[2]); // HITChip level 2, mapped by the header name
            assertThat(l.name(Rank.GENUS)).isEqualTo(c[3]);
            assertThat(l.name(Rank.KINGDOM)).isNull();
        }
        assertThat(tax.get("Aerococcus").name(Rank.FAMILY)).isEqualTo("Bacilli");
        assertThat(tax.keySet().iterator().next()).isEqualTo("Actinomycetaceae");
    }

    @Test
    void qiime2Layout() {
        Path p = write(dir, "taxonomy.tsv", "Feature ID\tTaxon\tConfidence\n"
                + "4b5eeb300368260019c1fbc7a3c718fc\td__Bacteria; p__Firmicutes; c__Clostridia; o__Lachnospirales; f__Lachnospiraceae; g__Blautia\t0.9987\n"
                + "fe30ff0f71a38a39cf1717ec2be3a2fc\tUnassigned\t0.71\n");
        Map<String, Lineage> tax = TaxonomyFile.read(p);
        assertThat(tax).hasSize(2);
        Lineage a = tax.get("4b5eeb300368260019c1fbc7a3c718fc");
        assertThat(a.name(Rank.KINGDOM)).isEqualTo("Bacteria");
        assertThat(a.name(Rank.GENUS)).isEqualTo("Blautia");
        assertThat(a.deepestAssigned()).isEqualTo(Rank.GENUS);
        assertThat(tax.get("fe30ff0f71a38a39cf1717ec2be3a2fc").deepestAssigned()).isNull();
    }

    @Test
    void headerlessQiime1AndDada2Style() {
        Path g = write(dir, "97_otu_taxonomy.txt", "228054\tk__Bacteria; p__Cyanobacteria; c__Synechococcophycideae\n"
                + "844608\tk__Bacteria; p__Cyanobacteria; c__Synechococcophycideae\n");
        Map<String, Lineage> gg = TaxonomyFile.read(g);
        assertThat(gg.keySet()).containsExactly("228054", "844608");
        assertThat(gg.get("844608").name(Rank.CLASS)).isEqualTo("Synechococcophycideae");

        Path d = write(dir, "dada2.csv", "\"ASV\",\"Kingdom\",\"Phylum\",\"Class\",\"Order\",\"Family\",\"Genus\",\"Species\"\n"
                + "\"ASV1\",\"Bacteria\",\"Bacteroidota\",\"Bacteroidia\",\"Bacteroidales\",\"Bacteroidaceae\",\"Bacteroides\",NA\n");
        Lineage l = TaxonomyFile.read(d).get("ASV1");
        assertThat(l.name(Rank.GENUS)).isEqualTo("Bacteroides");
        assertThat(l.name(Rank.SPECIES)).isEmpty(); // NA: present but unassigned
        assertThat(l.deepestAssigned()).isEqualTo(Rank.GENUS);
    }

    @Test
    void badInput() {
        Path unknown = write(dir, "u.tsv", "feature-id\tPhylum\tClade\nA\tx\ty\n");
        assertInputError(() -> TaxonomyFile.read(unknown), unknown, "line 1, field 3", "'Clade' is neither 'Taxon' nor a rank name");
        Path sameRank = write(dir, "s.tsv", "feature-id\tKingdom\tDomain\nA\tx\ty\n");
        assertInputError(() -> TaxonomyFile.read(sameRank), sameRank, "line 1", "same rank");
        Path dup = write(dir, "d.tsv", "Feature ID\tTaxon\nA\tk__B\nB\tk__B\nA\tk__C\n");
        assertInputError(() -> TaxonomyFile.read(dup), dup, "line 4", "duplicate feature id 'A' (first on line 2)");
        Path ragged = write(dir, "r.tsv", "Feature ID\tTaxon\tConfidence\nA\tk__B\t0.9\nB\tk__B\n");
        assertInputError(() -> TaxonomyFile.read(ragged), ragged, "line 3", "found 2 fields");
        Path empty = write(dir, "e.tsv", "Feature ID\tTaxon\n");
        assertInputError(() -> TaxonomyFile.read(empty), empty, "line 1", "not followed by any feature rows");
        Path oneField = write(dir, "o.tsv", "justanid\n");
        assertInputError(() -> TaxonomyFile.read(oneField), oneField, "line 1", "found one field");
        Path emptyId = write(dir, "i.tsv", "Feature ID\tTaxon\n\tk__B\n");
        assertInputError(() -> TaxonomyFile.read(emptyId), emptyId, "line 2, field 1", "empty feature id");
    }
}
