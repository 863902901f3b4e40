package io.gutbrain.io;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.TableSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code gutbrain table summarize} figures on every shared data set, read through the format
 * dispatcher (so detection is tested too). Expected figures were computed independently with
 * python3's csv/json modules on the original files (sample totals, R type-7 median):
 * <pre>
 *   rows = [l.rstrip('\n').split('\t') for l in open(path) if not l.startswith('# ')]
 *   totals per sample column, nnz = count of non-zero cells, min / median / max of totals
 * </pre>
 */
class SharedDataSummaryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "microbiome-interventions/peerj32/counts.tsv | TSV | 44 | 130 | 4444 | 21230 | 25833 | 36769",
            "microbiome-interventions/dietswap/counts.tsv | TSV | 222 | 130 | 22925 | 1776 | 13255 | 28883",
            "microbiome-interventions/atlas1006/counts.tsv | TSV | 1151 | 130 | 118357 | 1900 | 11171 | 28883",
            "synthetic-s50/s50.tsv | TSV | 50 | 200 | 967 | 10006 | 31857 | 49046",
            "synthetic-s50/s50.biom | BIOM_HDF5 | 50 | 200 | 967 | 10006 | 31857 | 49046",
            "american-gut-2014/AG_100nt_even10k.biom.gz | BIOM_JSON | 1962 | 19236 | 816281 | 10000 | 10000 | 10000",
            "maaslin2-hmp2/HMP2_taxonomy.tsv | DELIMITED | 1595 | 87 | 64100 | 0.0059998000000000004 | 0.9661684999999998 | 1.0000004",
    })
    void summaryMatchesIndependentFigures(String file, TableFormat format, int samples, int features, long nnz,
                                          double min, double median, double max) throws URISyntaxException {
        Path p = Path.of(getClass().getResource("/" + file).toURI());
        assertThat(TableIO.detect(p)).isEqualTo(format);
        FeatureTable t = TableIO.read(p);
        TableSummary s = TableSummary.of(t, 10);
        assertThat(s.samples()).isEqualTo(samples);
        assertThat(s.features()).isEqualTo(features);
        assertThat(s.nonZeros()).isEqualTo(nnz);
        assertThat(s.depthMin()).isCloseTo(min, within(1e-12 * Math.max(1, min)));
        assertThat(s.depthMedian()).isCloseTo(median, within(1e-12 * Math.max(1, median)));
        assertThat(s.depthMax()).isCloseTo(max, within(1e-12 * Math.max(1, max)));
    }
}
