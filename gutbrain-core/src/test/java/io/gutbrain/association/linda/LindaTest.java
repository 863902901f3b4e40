package io.gutbrain.association.linda;

import io.gutbrain.association.AssociationResult;
import io.gutbrain.association.GroupSummary;
import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.gutbrain.association.AssociationFixtures.counts;
import static io.gutbrain.association.AssociationFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** LinDA's output rows, options and bad input. */
class LindaTest {
    @Test
    void rowsCarryLevelsGroupsAndIntervals() {
        FeatureTable t = counts("peerj32");
        LindaResult r = Linda.run(t, metadata("peerj32"), List.of("group", "time"), LindaOptions.defaults());
        assertThat(r.rows()).hasSize(2 * 130);
        AssociationResult g = r.rows().get(0);
        assertThat(g.variable()).isEqualTo("group");
        assertThat(g.level()).isEqualTo("Placebo");
        assertThat(g.reference()).isEqualTo("LGG");
        assertThat(g.groups()).extracting(GroupSummary::label).containsExactly("Placebo", "LGG");
        assertThat(g.groups().get(0).n() + g.groups().get(1).n()).isEqualTo(44);
        double q = new org.apache.commons.math3.distribution.TDistribution(41).inverseCumulativeProbability(0.975);
        assertThat(g.df()).isEqualTo(41.0); // 44 samples - 3 coefficients
        assertThat(g.ciHigh() - g.estimate()).isCloseTo(q * g.stderr(), within(1e-12));
        assertThat(g.statistic()).isCloseTo(g.estimate() / g.stderr(), within(1e-12));
        AssociationResult time = r.rows().get(130);
        assertThat(time.variable()).isEqualTo("time");
        assertThat(time.level()).isEmpty();
        assertThat(time.groups()).extracting(GroupSummary::label).containsExactly("all");
        assertThat(r.bias()).containsOnlyKeys("groupPlacebo", "time");
    }

    @Test
    void referenceLevelCanBeChosen() {
        LindaResult a = Linda.run(counts("peerj32"), metadata("peerj32"), List.of("group"), LindaOptions.defaults());
        LindaResult b = Linda.run(counts("peerj32"), metadata("peerj32"), List.of("group"),
                LindaOptions.builder().reference("group", "Placebo").build());
        for (int i = 0; i < a.rows().size(); i++) {
            assertThat(b.rows().get(i).level()).isEqualTo("LGG");
            assertThat(b.rows().get(i).estimate()).isCloseTo(-a.rows().get(i).estimate(), within(1e-9));
            assertThat(b.rows().get(i).pValue()).isCloseTo(a.rows().get(i).pValue(), within(1e-9));
        }
    }

    @Test
    void parallelRunsGiveIdenticalRows() {
        FeatureTable t = counts("dietswap");
        SampleMetadata md = metadata("dietswap");
        assertThat(Linda.run(t, md, List.of("group"), LindaOptions.builder().threads(1).build()).rows())
                .isEqualTo(Linda.run(t, md, List.of("group"), LindaOptions.builder().threads(3).build()).rows());
    }

    @Test
    void badInputIsAnInputError() {
        FeatureTable t = counts("peerj32");
        SampleMetadata md = metadata("peerj32");
        assertThatThrownBy(() -> Linda.run(t, md, List.of(), LindaOptions.defaults())).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> Linda.run(t, md, List.of("diet"), LindaOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("diet");
        FeatureTable time1 = t.withMetadata(md).filterSamplesByMetadata(row -> "1".equals(row.get("time")));
        assertThatThrownBy(() -> Linda.run(time1, md, List.of("time"), LindaOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("constant");
        assertThatThrownBy(() -> Linda.run(t, md, List.of("group"), LindaOptions.builder().minPrevalence(1.0).minMeanAbundance(0.5).build()))
                .isInstanceOf(InputException.class).hasMessageContaining("left after filtering");
        assertThatThrownBy(() -> Linda.run(t, md, List.of("group"), LindaOptions.builder().reference("group", "Probiotic").build()))
                .isInstanceOf(InputException.class).hasMessageContaining("Probiotic");
    }
}
