package io.gutbrain.diversity.alpha;

import io.gutbrain.diversity.Rarefaction;
import io.gutbrain.error.InputException;
import io.gutbrain.io.TableIO;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The integer-count rule: steps built on whole read counts (rarefaction and rarefaction curves,
 * Chao1, ACE, Good's coverage) refuse a table holding any other value, naming the table's file,
 * the sample, the feature and the value; steps that work on proportions accept it.
 */
class IntegerCountsTest {
    @TempDir
    Path tmp;

    /** S1 is empty; the first non-integral value is S2/F2 = 0.25 (S3/F1 = 1.5 comes later). */
    static final String RELATIVE = "#OTU ID\tS1\tS2\tS3\nF1\t0\t3\t1.5\nF2\t0\t0.25\t2\n";

    @Test
    void firstNonIntegerCellSkipsEmptySamplesAndIsCachedPerTable() throws IOException {
        FeatureTable t = TableIO.read(write("t.tsv", RELATIVE));
        assertThat(t.firstNonIntegerCell()).containsExactly(1, 1);
        assertThat(t.firstNonIntegerCell()).containsExactly(1, 1);
        assertThat(TableIO.read(write("c.tsv", "#OTU ID\tS1\nF1\t3\n")).firstNonIntegerCell()).isNull();
    }

    @Test
    void countsBeyondTwoToThe53AreNotCounts() throws IOException {
        FeatureTable t = TableIO.read(write("big.tsv", "#OTU ID\tS1\nF1\t3\nF2\t1e17\n"));
        assertThat(t.firstNonIntegerCell()).containsExactly(0, 1);
    }

    @Test
    void chao1AndAceNameTheFileSampleFeatureAndValue() throws IOException {
        Path p = write("rel.tsv", RELATIVE);
        FeatureTable t = TableIO.read(p);
        InputException e = catchThrowableOfType(() -> AlphaDiversity.compute(t, List.of(Chao1.INSTANCE, Ace.INSTANCE), null, 1, null), InputException.class);
        assertThat(e).isNotNull();
        assertThat(e.source()).isEqualTo(p.toString());
        assertThat(e.location()).isEqualTo("sample 'S2', feature 'F2'");
        assertThat(e.problem()).contains("chao1, ace need whole-number counts").contains("0.25");
        assertThat(e.fix()).contains("give raw read counts, not relative abundances");
    }

    @Test
    void rarefactionAndCurvesRefuseTheSameWay() throws IOException {
        Path p = write("rel.tsv", RELATIVE);
        FeatureTable t = TableIO.read(p);
        for (Runnable step : List.<Runnable>of(
                () -> Rarefaction.rarefy(t, 1, 1, 1),
                () -> Rarefaction.curve(t, new AlphaMetric[] {ObservedFeatures.INSTANCE}, new long[] {1}, 1, 1, 1))) {
            InputException e = catchThrowableOfType(step::run, InputException.class);
            assertThat(e).isNotNull();
            assertThat(e.oneLine()).startsWith(p + ":sample 'S2', feature 'F2': rarefaction needs whole-number counts");
        }
    }

    @Test
    void proportionMetricsAcceptRelativeAbundances() throws IOException {
        FeatureTable t = TableIO.read(write("rel.tsv", RELATIVE));
        AlphaResult r = AlphaDiversity.compute(t, List.of(Shannon.NATURAL, ObservedFeatures.INSTANCE), null, 1, null);
        assertThat(r).isNotNull();
    }

    @Test
    void aDepthAboveEverySampleNamesTheTable() throws IOException {
        Path p = write("c.tsv", "#OTU ID\tS1\nF1\t3\n");
        InputException e = catchThrowableOfType(() -> Rarefaction.rarefy(TableIO.read(p), 10, 1, 1), InputException.class);
        assertThat(e.source()).isEqualTo(p.toString());
    }

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }
}
