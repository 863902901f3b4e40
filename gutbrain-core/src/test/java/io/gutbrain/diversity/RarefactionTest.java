package io.gutbrain.diversity;

import io.gutbrain.error.InputException;
import io.gutbrain.io.ClassicTsv;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RarefactionTest {

    static FeatureTable s50() {
        try {
            return ClassicTsv.read(Path.of(RarefactionTest.class.getClassLoader().getResource("synthetic-s50/s50.tsv").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyKeptSampleHasExactlyTheDepthAndNoFeatureGrows() {
        FeatureTable in = s50();
        long depth = 20000;
        Rarefied r = Rarefaction.rarefy(in, depth, 42, 2);
        FeatureTable out = r.table();
        assertThat(out.featureIds()).isEqualTo(in.featureIds());
        List<String> expectDropped = new ArrayList<>();
        List<String> expectKept = new ArrayList<>();
        for (int s = 0; s < in.sampleCount(); s++) {
            (in.sampleTotal(s) < depth ? expectDropped : expectKept).add(in.sampleIds().get(s));
        }
        assertThat(expectDropped).isNotEmpty();
        assertThat(r.droppedSamples()).isEqualTo(expectDropped);
        assertThat(r.warnings()).singleElement().asString().contains(expectDropped.size() + " sample(s) with fewer than 20000 reads");
        assertThat(out.sampleIds()).isEqualTo(expectKept);
        assertThat(out.isIntegral()).isTrue();
        for (int s = 0; s < out.sampleCount(); s++) {
            assertThat(out.sampleTotal(s)).as(out.sampleIds().get(s)).isEqualTo(depth);
            int si = in.sampleIndex(out.sampleIds().get(s));
            for (int k = out.sampleStart(s); k < out.sampleEnd(s); k++) {
                assertThat(out.valueAt(k)).isLessThanOrEqualTo(in.get(si, out.indexAt(k)));
            }
        }
    }

    @Test
    void sampleAtExactlyTheDepthIsUnchanged() {
        FeatureTable in = FeatureTable.fromDense("t", List.of("A", "B"), List.of("f1", "f2", "f3"), new double[][] {{3, 0, 7}, {40, 2, 8}});
        FeatureTable out = Rarefaction.rarefy(in, 10, 1, 1).table();
        assertThat(out.sampleDense(0)).containsExactly(3, 0, 7);
        assertThat(out.sampleTotal(1)).isEqualTo(10);
    }

    @Test
    void reproduciblePerSeedWhateverTheThreadCount() {
        FeatureTable in = s50();
        FeatureTable one = Rarefaction.rarefy(in, 5000, 7, 1).table();
        FeatureTable two = Rarefaction.rarefy(in, 5000, 7, 2).table();
        FeatureTable other = Rarefaction.rarefy(in, 5000, 8, 2).table();
        assertThat(two.sameData(one)).isTrue();
        assertThat(other.sameData(one)).isFalse();
    }

    @Test
    void rejectsImpossibleRequests() {
        FeatureTable in = FeatureTable.fromDense("t", List.of("A", "B"), List.of("f1", "f2"), new double[][] {{3, 4}, {10, 2}});
        assertThatThrownBy(() -> Rarefaction.rarefy(in, 13, 1, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("above every sample's read count (the largest is 12)");
        assertThatThrownBy(() -> Rarefaction.rarefy(in, 0, 1, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("not a positive number");
        assertThatThrownBy(() -> Rarefaction.rarefy(in.relativeAbundance(), 1, 1, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("rarefaction needs whole-number counts");
    }

    /**
     * The draw is hypergeometric: over R = 4000 independent draws, each feature's mean rarefied
     * count is within 5 standard errors √(var/R) of n·c/N, and its sample variance s² within 6
     * standard errors of the hypergeometric variance var = n·p(1−p)(N−n)/(N−1), the standard error
     * of s² being estimated as √((m₄ − s⁴)/R) from the sample fourth central moment m₄ (valid for
     * any distribution with a finite fourth moment). Where the finite-population factor
     * (N−n)/(N−1) is well below 1 (cases 1, 2 and 4), the with-replacement (multinomial) variance
     * n·p(1−p) is far outside that band for the common features, so the check also tells sampling
     * without replacement from sampling with replacement. Each check fails by chance with
     * probability below 1e-6. The cases
     * cover the bit-set and hash-set branches of the sampler and the complement draw (depth &gt; N/2).
     */
    @ParameterizedTest
    @CsvSource({
            "50;30;15;4;1, 40",                  // N = 100: bit set
            "50;30;15;4;1, 70",                  // complement: 30 reads removed
            "60000;30000;9000;990;10, 200",      // N = 100,000: hash set
            "60000;30000;9000;990;10, 99900"})   // complement of 100 through the hash set
    void matchesTheHypergeometricMeanAndVariance(String countList, long depth) {
        double[] counts = Arrays.stream(countList.split(";")).mapToDouble(Double::parseDouble).toArray();
        double total = Arrays.stream(counts).sum();
        List<String> features = new ArrayList<>();
        for (int f = 0; f < counts.length; f++) features.add("f" + f);
        FeatureTable in = FeatureTable.fromDense("t", List.of("S"), features, new double[][] {counts});
        int draws = 4000;
        double[][] x = new double[counts.length][draws];
        for (int seed = 0; seed < draws; seed++) {
            double[] one = Rarefaction.rarefy(in, depth, seed, 1).table().sampleDense(0);
            for (int f = 0; f < counts.length; f++) x[f][seed] = one[f];
        }
        for (int f = 0; f < counts.length; f++) {
            double p = counts[f] / total;
            double mean = depth * p;
            double var = depth * p * (1 - p) * (total - depth) / (total - 1);
            double m = Arrays.stream(x[f]).average().orElseThrow();
            double s2 = Arrays.stream(x[f]).map(v -> (v - m) * (v - m)).sum() / (draws - 1);
            double m4 = Arrays.stream(x[f]).map(v -> Math.pow(v - m, 4)).sum() / draws;
            double seVar = Math.sqrt(Math.max(m4 - s2 * s2, 0) / draws);
            assertThat(Math.abs(m - mean)).as("feature %d: mean %f, expected %f", f, m, mean)
                    .isLessThanOrEqualTo(5 * Math.sqrt(var / draws));
            assertThat(Math.abs(s2 - var)).as("feature %d: variance %f, expected %f (SE %f)", f, s2, var, seVar)
                    .isLessThanOrEqualTo(6 * seVar);
            if (var > 1 && (total - depth) / (total - 1) < 0.9) {
                double multinomial = depth * p * (1 - p);
                assertThat(Math.abs(s2 - multinomial)).as("feature %d distinguishable from with-replacement", f)
                        .isGreaterThan(6 * seVar);
            }
        }
    }
}
