package io.gutbrain.association;

import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.io.DelimitedTable;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The MaAsLin2 pipeline without random effects against {@code association/r_maaslin_lm_pipeline.tsv},
 * MaAsLin2's steps written out in base R by {@code association/make_reference.R}:
 * peerj32 with TSS + LOG + standardize, dietswap with CLR, min_abundance 5, min_prevalence 0.25
 * and a chosen reference level.
 */
class Maaslin2PipelineTest {
    private static final Path RES = Path.of("src/test/resources");

    static FeatureTable table(String ds) { return DelimitedTable.read(RES.resolve("microbiome-interventions/" + ds + "/counts.tsv")); }
    static SampleMetadata metadata(String ds) { return MetadataFile.read(RES.resolve("microbiome-interventions/" + ds + "/metadata.tsv")); }

    static Maaslin2.Options options(String ds) {
        return ds.equals("peerj32")
                ? Maaslin2.Options.defaults().withFixedEffects(List.of("group", "time", "sex"))
                : Maaslin2.Options.defaults().withFixedEffects(List.of("group", "timepoint")).withReferenceLevels(Map.of("group", "HE"))
                        .withNormalization(Normalization.CLR).withTransform(Transform.NONE).withMinAbundance(5).withMinPrevalence(0.25);
    }

    @Test
    void matchesMaaslin2StepsInR() throws IOException {
        List<String> lines = Files.readAllLines(RES.resolve("association/r_maaslin_lm_pipeline.tsv"));
        for (String ds : List.of("peerj32", "dietswap")) {
            AtomicLong progress = new AtomicLong();
            Maaslin2.Result r = Maaslin2.run(table(ds), metadata(ds), options(ds), new Warnings(), progress::addAndGet);
            List<String[]> exp = lines.stream().skip(1).map(l -> l.split("\t")).filter(c -> c[0].equals(ds)).toList();
            List<AssociationRow> all = r.all();
            assertThat(all).as(ds).hasSize(exp.size());
            assertThat(progress.get()).isEqualTo(r.featuresTested());
            for (int i = 0; i < exp.size(); i++) {
                String[] e = exp.get(i);
                AssociationRow a = all.get(i);
                String w = ds + " row " + (i + 1) + " " + e[1] + " " + e[2];
                assertThat(a.feature()).as(w).isEqualTo(e[1]);
                assertThat(a.metadata().equals(a.value()) ? a.metadata() : a.metadata() + a.value()).as(w).isEqualTo(e[2]);
                assertThat(a.coef()).as(w).isCloseTo(Double.parseDouble(e[3]), within(1e-9 * Math.abs(Double.parseDouble(e[3]))));
                assertThat(a.stderr()).as(w).isCloseTo(Double.parseDouble(e[4]), within(1e-9 * Double.parseDouble(e[4])));
                assertThat(a.pval()).as(w).isCloseTo(Double.parseDouble(e[5]), within(1e-9 * Double.parseDouble(e[5])));
                assertThat(a.n()).isEqualTo(Integer.parseInt(e[6]));
                assertThat(a.nNotZero()).as(w).isEqualTo(Integer.parseInt(e[7]));
                assertThat(a.qval()).as(w).isCloseTo(Double.parseDouble(e[8]), within(1e-9 * Double.parseDouble(e[8])));
            }
        }
    }

    @Test
    void threadsDoNotChangeResults() {
        Maaslin2.Result one = Maaslin2.run(table("dietswap"), metadata("dietswap"), options("dietswap").withThreads(1), new Warnings(), ProgressListener.NONE);
        Maaslin2.Result two = Maaslin2.run(table("dietswap"), metadata("dietswap"), options("dietswap").withThreads(2), new Warnings(), ProgressListener.NONE);
        assertThat(two.rows()).isEqualTo(one.rows());
    }

    @Test
    void extendedColumnsCountGroups() {
        FeatureTable t = table("peerj32");
        SampleMetadata md = metadata("peerj32");
        Maaslin2.Result r = Maaslin2.run(t, md, options("peerj32"), new Warnings(), ProgressListener.NONE);
        AssociationRow row = r.rows().stream().filter(a -> a.feature().equals("Akkermansia") && a.value().equals("Placebo")).findFirst().orElseThrow();
        int f = t.featureIndex("Akkermansia");
        int[] n = new int[2];
        int[] nz = new int[2];
        double[] sum = new double[2];
        int[] prevalence = t.featurePrevalence();
        for (int s = 0; s < t.sampleCount(); s++) {
            double kept = 0; // TSS over the features that pass the filter: present in more than 10% of 44 samples
            for (int g = 0; g < t.featureCount(); g++) if (prevalence[g] > 4.4) kept += t.get(s, g);
            int g = md.text("group", t.sampleIds().get(s)).equals("Placebo") ? 0 : 1;
            n[g]++;
            if (t.get(s, f) > 0) nz[g]++;
            sum[g] += t.get(s, f) / kept;
        }
        assertThat(row.prevalence()).isEqualTo((double) nz[0] / n[0]);
        assertThat(row.prevalenceReference()).isEqualTo((double) nz[1] / n[1]);
        assertThat(row.meanAbundance()).isCloseTo(sum[0] / n[0], within(1e-15));
        assertThat(row.meanAbundanceReference()).isCloseTo(sum[1] / n[1], within(1e-15));
        assertThat(row.nUsed()).isEqualTo(44);
        // 95% interval: coef ± qt(0.975, 40)·SE, qt(0.975, 40) = 2.0210753903062715 (R)
        assertThat(row.ciHigh() - row.coef()).isCloseTo(2.0210753903062715 * row.stderr(), within(1e-12));
        assertThat(row.df()).isEqualTo(40);
    }

    @Test
    void refusesWhatMaaslin2Refuses() {
        FeatureTable t = table("dietswap");
        SampleMetadata md = metadata("dietswap");
        assertThatThrownBy(() -> Maaslin2.run(t, md, Maaslin2.Options.defaults().withFixedEffects(List.of("group")), new Warnings(), ProgressListener.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("more than 2 levels (DI, ED, HE) and no reference level");
        assertThatThrownBy(() -> Maaslin2.run(t, md, options("dietswap").withNormalization(Normalization.CLR).withTransform(Transform.AST), new Warnings(), ProgressListener.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("can only follow TSS or NONE");
        assertThatThrownBy(() -> Maaslin2.run(t, md, options("dietswap").withMinPrevalence(1.0), new Warnings(), ProgressListener.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("no feature passes the filters");
        assertThatThrownBy(() -> Maaslin2.Options.parseReference("group"))
                .isInstanceOf(InputException.class).hasMessageContaining("expected column,level");
        assertThat(Maaslin2.Options.parseReference("diagnosis,nonIBD; site,MGH")).containsExactly(Map.entry("diagnosis", "nonIBD"), Map.entry("site", "MGH"));
    }
}
