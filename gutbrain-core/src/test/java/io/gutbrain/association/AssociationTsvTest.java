package io.gutbrain.association;

import io.gutbrain.association.nonparametric.NonparametricAssociation;
import io.gutbrain.association.nonparametric.NonparametricOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.gutbrain.association.AssociationFixtures.counts;
import static io.gutbrain.association.AssociationFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;

class AssociationTsvTest {
    @TempDir
    Path dir;

    @Test
    void writesFixedAndPerGroupColumnsWithNaAsNA() throws Exception {
        List<AssociationResult> rows = NonparametricAssociation.kruskalWallis(counts("dietswap"), metadata("dietswap"), "group",
                NonparametricOptions.defaults());
        Path out = dir.resolve("sub/kw.tsv");
        AssociationTsv.write(out, rows);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(131);
        String[] header = lines.get(0).split("\t", -1);
        assertThat(List.of(header).subList(0, AssociationTsv.FIXED_COLUMNS.size())).isEqualTo(AssociationTsv.FIXED_COLUMNS);
        assertThat(List.of(header).subList(AssociationTsv.FIXED_COLUMNS.size(), header.length))
                .containsExactly("n_DI", "prevalence_DI", "mean_DI", "n_ED", "prevalence_ED", "mean_ED", "n_HE", "prevalence_HE", "mean_HE");
        for (String line : lines) assertThat(line.split("\t", -1)).hasSize(header.length);
        String aerococcus = lines.stream().filter(l -> l.startsWith("Aerococcus\t")).findFirst().orElseThrow();
        String[] f = aerococcus.split("\t", -1);
        assertThat(f[AssociationTsv.FIXED_COLUMNS.indexOf("pval")]).isEqualTo("NA");
        assertThat(f[AssociationTsv.FIXED_COLUMNS.indexOf("method")]).isEqualTo("kruskal-wallis");
        assertThat(f[AssociationTsv.FIXED_COLUMNS.indexOf("reason")]).isNotEmpty();
        AssociationResult first = rows.get(0);
        String[] r1 = lines.get(1).split("\t", -1);
        assertThat(Double.parseDouble(r1[AssociationTsv.FIXED_COLUMNS.indexOf("pval")])).isEqualTo(first.pValue());
        assertThat(Double.parseDouble(r1[AssociationTsv.FIXED_COLUMNS.indexOf("effect")])).isEqualTo(first.effect());
        assertThat(Files.list(out.getParent())).hasSize(1); // no temporary file left behind
    }
}
