package io.gutbrain.association;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DesignMatrixTest {
    /** Metadata from columns given as {name, v1, v2, ...}; "NA" is missing. */
    static SampleMetadata md(String[]... cols) {
        int n = cols[0].length - 1;
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) ids.add("s" + (i + 1));
        List<String> names = new java.util.ArrayList<>();
        String[][] values = new String[cols.length][n];
        for (int c = 0; c < cols.length; c++) {
            names.add(cols[c][0]);
            for (int i = 0; i < n; i++) values[c][i] = cols[c][i + 1].equals("NA") ? null : cols[c][i + 1];
        }
        return new SampleMetadata("md.tsv", ids, names, values, null);
    }

    private static final String[] GROUP = {"group", "B", "A", "C", "A", "B", "C", "A", "C"};
    private static final String[] X = {"x", "1", "2", "3", "4", "5", "6", "7", "9"};

    @Test
    void treatmentCodingAndInteractionsLikeModelMatrix() {
        DesignMatrix d = DesignMatrix.build(md(GROUP, X), ModelSpec.fixed("group", "x", "group:x"));
        // model.matrix(~ group + x + group:x): reference A (first level)
        assertThat(d.columnNames()).containsExactly("(Intercept)", "groupB", "groupC", "x", "groupB:x", "groupC:x");
        assertThat(d.column(1)).containsExactly(1, 0, 0, 0, 1, 0, 0, 0);
        assertThat(d.column(2)).containsExactly(0, 0, 1, 0, 0, 1, 0, 1);
        assertThat(d.column(4)).containsExactly(1, 0, 0, 0, 5, 0, 0, 0);
        assertThat(d.column(5)).containsExactly(0, 0, 3, 0, 0, 6, 0, 9);
        assertThat(d.columns().get(1)).isEqualTo(new DesignMatrix.Column("groupB", "group", "B"));
        assertThat(d.columns().get(3)).isEqualTo(new DesignMatrix.Column("x", "x", "x"));
        assertThat(d.categorical("group").reference()).isEqualTo("A");
    }

    @Test
    void chosenReferenceLevel() {
        DesignMatrix d = DesignMatrix.build(md(GROUP, X), ModelSpec.fixed("group", "x").withReference("group", "C"));
        assertThat(d.columnNames()).containsExactly("(Intercept)", "groupA", "groupB", "x");
    }

    @Test
    void missingReferenceLevelListsLevels() {
        assertThatThrownBy(() -> DesignMatrix.build(md(GROUP, X), ModelSpec.fixed("group").withReference("group", "D")))
                .isInstanceOf(InputException.class).hasMessageContaining("reference level 'D' does not occur; levels are: A, B, C")
                .hasMessageContaining("column 'group'");
    }

    @Test
    void completeCasesAreKeptAndCounted() {
        String[] x = {"x", "1", "NA", "3", "4", "5", "6", "7", "9"};
        DesignMatrix d = DesignMatrix.build(md(GROUP, x), ModelSpec.fixed("group", "x"));
        assertThat(d.rows()).isEqualTo(7);
        assertThat(d.droppedSamples()).containsExactly("s2");
        assertThat(d.rowOfSample("s2")).isEqualTo(-1);
        assertThat(d.rowOfSample("s3")).isEqualTo(1);
    }

    @Test
    void constantCovariateIsRefused() {
        String[] c = {"c", "1", "1", "1", "1", "1", "1", "1", "NA"};
        assertThatThrownBy(() -> DesignMatrix.build(md(GROUP, c), ModelSpec.fixed("group", "c")))
                .isInstanceOf(InputException.class).hasMessageContaining("covariate is constant (1 in all 7 complete samples; 1 samples with missing values left out)");
        String[] k = {"k", "u", "u", "u", "u", "u", "u", "u", "u"};
        assertThatThrownBy(() -> DesignMatrix.build(md(GROUP, k), ModelSpec.fixed("k")))
                .isInstanceOf(InputException.class).hasMessageContaining("single value ('u')");
    }

    @Test
    void collinearColumnsAreNamed() {
        String[] x2 = {"x2", "3", "5", "7", "9", "11", "13", "15", "19"}; // 2x + 1
        assertThatThrownBy(() -> DesignMatrix.build(md(GROUP, X, x2), ModelSpec.fixed("group", "x", "x2")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("column 'x2' is a linear combination of '(Intercept)', 'x'");
        String[] h = {"h", "b", "a", "c", "a", "b", "c", "a", "c"}; // same grouping as group
        assertThatThrownBy(() -> DesignMatrix.build(md(GROUP, h), ModelSpec.fixed("group", "h")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("column 'hb' is a linear combination of 'groupB'")
                .hasMessageContaining("column 'hc' is a linear combination of 'groupC'");
    }

    @Test
    void fewerSamplesThanParameters() {
        String[] g = {"group", "A", "B", "C"};
        String[] x = {"x", "1", "2", "4"};
        assertThatThrownBy(() -> DesignMatrix.build(md(g, x), ModelSpec.fixed("group", "x")))
                .isInstanceOf(InputException.class).hasMessageContaining("only 3 complete samples for 4 model parameters");
    }

    @Test
    void unknownColumnListsColumns() {
        assertThatThrownBy(() -> DesignMatrix.build(md(GROUP, X), ModelSpec.fixed("age")))
                .isInstanceOf(InputException.class).hasMessageContaining("fixed effect 'age' is not a metadata column").hasMessageContaining("use one of: group, x");
    }

    @Test
    void randomEffectLevelsAreChecked() {
        String[] subj = {"subject", "p", "p", "q", "q", "r", "r", "t", "t"};
        DesignMatrix d = DesignMatrix.build(md(GROUP, X, subj), ModelSpec.fixed("x").withRandom("subject"));
        assertThat(d.groupingFactors().get(0).levels()).containsExactly("p", "q", "r", "t");
        assertThat(d.groupingFactors().get(0).levelOfRow()).containsExactly(0, 0, 1, 1, 2, 2, 3, 3);
        String[] one = {"site", "m", "m", "m", "m", "m", "m", "m", "m"};
        assertThatThrownBy(() -> DesignMatrix.build(md(X, one), ModelSpec.fixed("x").withRandom("site")))
                .isInstanceOf(InputException.class).hasMessageContaining("needs at least 2");
        String[] each = {"id", "1", "2", "3", "4", "5", "6", "7", "8"};
        assertThatThrownBy(() -> DesignMatrix.build(md(X, each), ModelSpec.fixed("x").withRandom("id")))
                .isInstanceOf(InputException.class).hasMessageContaining("one level per sample");
    }

    @Test
    void standardizeUsesRScale() {
        String[] x = {"x", "1", "2", "3", "4", "5", "6", "7", "NA"};
        DesignMatrix d = DesignMatrix.build(md(GROUP, x), ModelSpec.fixed("x").withStandardize(true));
        // scale(1:7): mean 4, sd sqrt(28/6)
        double sd = Math.sqrt(28.0 / 6);
        double[] col = d.column(1);
        for (int i = 0; i < 7; i++) assertThat(col[i]).isCloseTo((i + 1 - 4) / sd, within(1e-15));
    }

    @Test
    void specHelpers() {
        ModelSpec s = new ModelSpec(List.of("a"), List.of("b"), Map.of(), true, false);
        assertThat(s.isMixed()).isTrue();
        assertThat(ModelSpec.fixed("a").isMixed()).isFalse();
    }
}
