package io.gutbrain.io;

import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.gutbrain.io.TextFixtures.assertInputError;
import static io.gutbrain.io.TextFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

/** PICRUSt2's three output layouts on hand-written files; expected values are the typed cells and their sums. */
class Picrust2Test {
    @TempDir Path dir;

    @Test
    void unstratifiedWithAndWithoutDescriptions() {
        Path plain = write(dir, "unstrat.tsv", "function\tS1\tS2\nK00001\t1.5\t0\nK00002\t0\t2\n");
        assertThat(Picrust2.recognises(plain)).isTrue();
        Picrust2Table t = Picrust2.read(plain);
        assertThat(t.layout()).isEqualTo(Picrust2.Layout.UNSTRATIFIED);
        assertThat(t.isStratified()).isFalse();
        assertThat(t.unstratified().sampleIds()).containsExactly("S1", "S2");
        assertThat(t.unstratified().featureIds()).containsExactly("K00001", "K00002");
        assertThat(t.unstratified().sampleDense(0)).containsExactly(1.5, 0.0);
        assertThat(t.stratified().featureCount()).isZero();
        assertThat(t.stratified().sampleIds()).containsExactly("S1", "S2");

        Path described = write(dir, "described.tsv", "function\tdescription\tS1\tS2\nK00001\talcohol dehydrogenase\t1.5\t0\n");
        assertThat(Picrust2.read(described).unstratified().sampleIds()).containsExactly("S1", "S2");
        assertThat(Picrust2.read(described).unstratified().get(0, 0)).isEqualTo(1.5);
        // what DelimitedTable makes of the plain file is the same table
        assertThat(DelimitedTable.read(plain).sameData(t.unstratified())).isTrue();
    }

    @Test
    void stratifiedWideLayoutSumsToTheCommunity() {
        Path p = write(dir, "pred_metagenome_strat.tsv", "function\tsequence\tS1\tS2\nK00001\tASV1\t1\t0\nK00001\tASV2\t2.5\t4\nK00002\tASV2\t0\t3\n");
        Picrust2Table t = Picrust2.read(p);
        assertThat(t.layout()).isEqualTo(Picrust2.Layout.STRATIFIED);
        assertThat(t.stratified().featureIds()).containsExactly("K00001|ASV1", "K00001|ASV2", "K00002|ASV2");
        assertThat(t.functions()).containsExactly("K00001", "K00001", "K00002");
        assertThat(t.taxa()).containsExactly("ASV1", "ASV2", "ASV2");
        FeatureTable u = t.unstratified();
        assertThat(u.featureIds()).containsExactly("K00001", "K00002");
        assertThat(u.sampleDense(0)).containsExactly(3.5, 0.0);   // 1 + 2.5
        assertThat(u.sampleDense(1)).containsExactly(4.0, 3.0);
    }

    @Test
    void contributionLayoutReadsTaxonFunctionAbundance() {
        Path p = write(dir, "pred_metagenome_contrib.tsv",
                "sample\tfunction\ttaxon\ttaxon_abun\ttaxon_rel_abun\tgenome_function_count\ttaxon_function_abun\ttaxon_rel_function_abun\tnorm_taxon_function_contrib\n"
                        + "S1\tK00001\tASV1\t10\t50\t2\t20\t100\t0.8\n"
                        + "S1\tK00001\tASV2\t5\t25\t1\t5\t25\t0.2\n"
                        + "S2\tK00002\tASV1\t3\t100\t1\t3\t100\t1\n");
        assertThat(Picrust2.recognises(p)).isTrue();
        Picrust2Table t = Picrust2.read(p);
        assertThat(t.layout()).isEqualTo(Picrust2.Layout.CONTRIBUTIONS);
        assertThat(t.stratified().sampleIds()).containsExactly("S1", "S2");
        assertThat(t.stratified().featureIds()).containsExactly("K00001|ASV1", "K00001|ASV2", "K00002|ASV1");
        assertThat(t.unstratified().featureIds()).containsExactly("K00001", "K00002");
        assertThat(t.unstratified().sampleDense(0)).containsExactly(25.0, 0.0);
        assertThat(t.unstratified().sampleDense(1)).containsExactly(0.0, 3.0);
    }

    @Test
    void badFilesNameLineAndColumn() {
        Path ragged = write(dir, "ragged.tsv", "function\tS1\tS2\nK00001\t1\n");
        assertInputError(() -> Picrust2.read(ragged), ragged, "line 2", "found 2 fields");
        Path text = write(dir, "text.tsv", "function\tS1\nK00001\tmany\n");
        assertInputError(() -> Picrust2.read(text), text, "line 2, column 'S1'", "expected a number");
        Path dup = write(dir, "dup.tsv", "function\tsequence\tS1\nK1\tA\t1\nK1\tA\t2\n");
        assertInputError(() -> Picrust2.read(dup), dup, "line 3", "duplicate function id 'K1|A'");
        Path emptySeq = write(dir, "emptyseq.tsv", "function\tsequence\tS1\nK1\t\t1\n");
        assertInputError(() -> Picrust2.read(emptySeq), emptySeq, "line 2, field 2", "empty sequence id");
        Path other = write(dir, "other.tsv", "#OTU ID\tS1\nK1\t1\n");
        assertThat(Picrust2.recognises(other)).isFalse();
        assertInputError(() -> Picrust2.read(other), other, "line 1", "not a PICRUSt2 prediction");
        Path noRows = write(dir, "norows.tsv", "sample\tfunction\ttaxon\ttaxon_function_abun\n");
        assertInputError(() -> Picrust2.read(noRows), noRows, "line 1", "not followed by any contribution rows");
        Path negative = write(dir, "neg.tsv", "sample\tfunction\ttaxon\ttaxon_function_abun\nS1\tK1\tA\t-1\n");
        assertInputError(() -> Picrust2.read(negative), negative, "line 2, column 'taxon_function_abun'", "negative");
    }
}
