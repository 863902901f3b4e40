package io.gutbrain.association.nonparametric;

import io.gutbrain.association.AssociationResult;
import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.gutbrain.association.AssociationFixtures.counts;
import static io.gutbrain.association.AssociationFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options, edge cases and bad input of the nonparametric driver. */
class NonparametricAssociationTest {
    private static final NonparametricOptions DEFAULTS = NonparametricOptions.defaults();

    @Test
    void swappingTheReferenceMirrorsTheStatistic() {
        FeatureTable t = counts("peerj32");
        SampleMetadata md = metadata("peerj32");
        List<AssociationResult> a = NonparametricAssociation.rankSum(t, md, "group", DEFAULTS);
        List<AssociationResult> b = NonparametricAssociation.rankSum(t, md, "group", NonparametricOptions.builder().reference("Placebo").build());
        for (int i = 0; i < a.size(); i++) {
            AssociationResult x = a.get(i), y = b.get(i);
            assertThat(y.level()).isEqualTo("LGG");
            if (Double.isNaN(x.pValue())) continue;
            assertThat(x.statistic() + y.statistic()).isEqualTo(16.0 * 28); // W + W' = n1 n2
            assertThat(y.pValue()).isEqualTo(x.pValue());
            assertThat(y.effect()).isCloseTo(-x.effect(), org.assertj.core.api.Assertions.within(1e-15));
            if (x.pMethod().equals("exact")) {
                assertThat(y.estimate()).isEqualTo(-x.estimate());
                assertThat(y.ciLow()).isEqualTo(-x.ciHigh());
            }
        }
    }

    @Test
    void severalLevelsAgainstOneReferenceShareTheQValues() {
        List<AssociationResult> rows = NonparametricAssociation.rankSum(counts("dietswap"), metadata("dietswap"), "group",
                NonparametricOptions.builder().reference("HE").build());
        assertThat(rows).hasSize(2 * 130);
        assertThat(rows.subList(0, 130)).allSatisfy(r -> assertThat(r.level()).isEqualTo("DI"));
        assertThat(rows.subList(130, 260)).allSatisfy(r -> assertThat(r.level()).isEqualTo("ED"));
        assertThat(rows).allSatisfy(r -> assertThat(r.reference()).isEqualTo("HE"));
        // BH over all 260 rows: the smallest p gets q = p * m / 1 with m the number of defined p-values
        long m = rows.stream().filter(r -> !Double.isNaN(r.pValue())).count();
        AssociationResult min = rows.stream().filter(r -> !Double.isNaN(r.pValue()))
                .min((x, y) -> Double.compare(x.pValue(), y.pValue())).orElseThrow();
        assertThat(min.qValue()).isLessThanOrEqualTo(min.pValue() * m);
        assertThat(m).isGreaterThan(130);
    }

    @Test
    void filtersDropRareFeaturesAndWarn() {
        NonparametricOptions o = NonparametricOptions.builder().minPrevalence(0.5).build();
        List<AssociationResult> rows = NonparametricAssociation.kruskalWallis(counts("dietswap"), metadata("dietswap"), "group", o);
        assertThat(rows.size()).isLessThan(130).isPositive();
        assertThat(rows).allSatisfy(r -> assertThat((double) r.nNotZero() / r.n()).isGreaterThanOrEqualTo(0.5));
        assertThat(o.warnings().messages()).anySatisfy(msg -> assertThat(msg).contains("not tested"));
    }

    @Test
    void parallelRunsGiveIdenticalRows() {
        FeatureTable t = counts("peerj32");
        SampleMetadata md = metadata("peerj32");
        assertThat(NonparametricAssociation.signedRank(t, md, "subject", "time", NonparametricOptions.builder().threads(1).build()))
                .isEqualTo(NonparametricAssociation.signedRank(t, md, "subject", "time", NonparametricOptions.builder().threads(4).build()));
    }

    @Test
    void progressCountsFeatures() {
        List<Long> seen = new ArrayList<>();
        NonparametricAssociation.kruskalWallis(counts("dietswap"), metadata("dietswap"), "group",
                NonparametricOptions.builder().threads(1).progress(seen::add).build());
        assertThat(seen.stream().mapToLong(Long::longValue).sum()).isEqualTo(130);
    }

    @Test
    void allZeroFeatureGetsAReasonNotACrash() {
        List<AssociationResult> rows = NonparametricAssociation.rankSum(counts("dietswap"), metadata("dietswap"), "nationality", DEFAULTS);
        AssociationResult r = rows.stream().filter(x -> x.feature().equals("Aerococcus")).findFirst().orElseThrow();
        assertThat(r.nNotZero()).isZero();
        assertThat(r.pValue()).isNaN();
        assertThat(r.qValue()).isNaN();
        assertThat(r.reason()).contains("tied");
    }

    @Test
    void missingColumnIsAnInputError() {
        assertThatThrownBy(() -> NonparametricAssociation.rankSum(counts("peerj32"), metadata("peerj32"), "diet", DEFAULTS))
                .isInstanceOf(InputException.class).hasMessageContaining("diet");
    }

    @Test
    void oneGroupIsAnInputError() {
        FeatureTable t = counts("peerj32");
        SampleMetadata md = metadata("peerj32");
        FeatureTable lgg = t.withMetadata(md).filterSamplesByMetadata(row -> "LGG".equals(row.get("group")));
        assertThatThrownBy(() -> NonparametricAssociation.kruskalWallis(lgg, md, "group", DEFAULTS))
                .isInstanceOf(InputException.class).hasMessageContaining("at least two groups");
    }

    @Test
    void groupWithOneSampleIsAnInputError() {
        FeatureTable t = counts("peerj32");
        SampleMetadata md = metadata("peerj32");
        // all Placebo samples and a single LGG one
        String firstLgg = t.sampleIds().stream().filter(s -> "LGG".equals(md.text("group", s))).findFirst().orElseThrow();
        FeatureTable one = t.withMetadata(md).filterSamplesByMetadata(row -> "Placebo".equals(row.get("group"))
                || firstLgg.equals(row.get("sample")));
        assertThatThrownBy(() -> NonparametricAssociation.rankSum(one, md, "group", DEFAULTS))
                .isInstanceOf(InputException.class).hasMessageContaining("group 'LGG' has 1 sample");
    }

    @Test
    void unknownReferenceIsAnInputError() {
        assertThatThrownBy(() -> NonparametricAssociation.rankSum(counts("peerj32"), metadata("peerj32"), "group",
                NonparametricOptions.builder().reference("Probiotic").build())).isInstanceOf(InputException.class).hasMessageContaining("Probiotic");
    }

    @Test
    void spearmanNeedsAVaryingNumericVariable() {
        FeatureTable t = counts("peerj32");
        SampleMetadata md = metadata("peerj32");
        assertThatThrownBy(() -> NonparametricAssociation.spearman(t, md, "group", DEFAULTS))
                .isInstanceOf(InputException.class).hasMessageContaining("numeric");
        FeatureTable time1 = t.withMetadata(md).filterSamplesByMetadata(row -> "1".equals(row.get("time")));
        assertThatThrownBy(() -> NonparametricAssociation.spearman(time1, md, "time", DEFAULTS))
                .isInstanceOf(InputException.class).hasMessageContaining("same value");
    }

    @Test
    void pairingNeedsOneSamplePerSubjectAndLevel() {
        // every peerj32 subject has both of its samples in one treatment group
        assertThatThrownBy(() -> NonparametricAssociation.signedRank(counts("peerj32"), metadata("peerj32"), "subject", "group",
                DEFAULTS)).isInstanceOf(InputException.class).hasMessageContaining("has two samples");
        // dietswap: three groups, so the level to compare must be named
        assertThatThrownBy(() -> NonparametricAssociation.signedRank(counts("dietswap"), metadata("dietswap"), "subject", "group",
                DEFAULTS)).isInstanceOf(InputException.class).hasMessageContaining("needs two");
    }
}
