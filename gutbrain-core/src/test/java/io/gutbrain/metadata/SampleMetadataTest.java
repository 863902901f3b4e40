package io.gutbrain.metadata;

import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleMetadataTest {
    static SampleMetadata md() {
        String[][] cols = {{"case", "control", null}, {"12", null, "20.5"}};
        return new SampleMetadata("m.tsv", List.of("S1", "S2", "S4"), List.of("group", "phq9"), cols, null);
    }

    @Test
    void typesAreInferredAndMissingIsNaN() {
        SampleMetadata m = md();
        assertThat(m.type("group")).isEqualTo(SampleMetadata.ColumnType.CATEGORICAL);
        assertThat(m.type("phq9")).isEqualTo(SampleMetadata.ColumnType.NUMERIC);
        assertThat(m.numericColumn("phq9")[1]).isNaN();
        assertThat(m.levels("group")).containsExactly("case", "control");
        assertThatThrownBy(() -> m.numericColumn("group")).isInstanceOf(InputException.class).hasMessageContaining("numeric");
        assertThatThrownBy(() -> m.type("bmi")).isInstanceOf(InputException.class).hasMessageContaining("no such metadata column");
    }

    @Test
    void declaredNumericWithTextFails() {
        String[][] cols = {{"1", "x"}};
        assertThatThrownBy(() -> new SampleMetadata("m.tsv", List.of("A", "B"), List.of("age"), cols,
                new SampleMetadata.ColumnType[]{SampleMetadata.ColumnType.NUMERIC}))
                .isInstanceOf(InputException.class).hasMessageContaining("'x'").hasMessageContaining("sample 'B'");
    }

    @Test
    void attachWarnsAboutMismatchBothWays() {
        FeatureTable t = FeatureTable.fromDense("t", List.of("S1", "S2", "S3"), List.of("A"), new double[][]{{1}, {2}, {3}});
        Warnings w = new Warnings();
        FeatureTable with = MetadataMatch.attach(t, md(), w);
        assertThat(w.messages()).hasSize(2);
        assertThat(w.messages().get(0)).contains("1 of 3 table samples").contains("'S3'");
        assertThat(w.messages().get(1)).contains("1 of 3 metadata rows").contains("'S4'");
        assertThat(with.metadata().text("group", "S2")).isEqualTo("control");
        assertThat(with.metadata().text("group", "S3")).isNull();
    }

    @Test
    void noOverlapIsAnError() {
        FeatureTable t = FeatureTable.fromDense("t", List.of("X1"), List.of("A"), new double[][]{{1}});
        assertThatThrownBy(() -> MetadataMatch.attach(t, md(), new Warnings()))
                .isInstanceOf(InputException.class).hasMessageContaining("none of the 3 metadata ids");
    }
}
