package io.gutbrain.report.intervention;

import io.gutbrain.intervention.Bifidogenic;
import io.gutbrain.intervention.BifidogenicResult;
import io.gutbrain.intervention.TrialDesign;
import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.report.Figure;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The bifidogenic figure drawn from the data result, on peerj32 (LGG vs placebo, time 1 → 2). */
class BifidogenicFiguresTest {
    @Test
    void perArmNamesTheGenusAndShowsBothArms() throws URISyntaxException {
        Path dir = Path.of(getClass().getClassLoader().getResource("microbiome-interventions/peerj32/counts.tsv").toURI()).getParent();
        TrialDesign trial = TrialDesign.from(MetadataFile.read(dir.resolve("metadata.tsv")), "subject", "time", "group", "1", null);
        BifidogenicResult r = Bifidogenic.compute(trial, ClassicTsv.read(dir.resolve("counts.tsv")), "2", "LGG", "Placebo",
                Bifidogenic.Options.defaults());
        Figure f = BifidogenicFigures.perArm(r, "bifido");
        assertThat(f.name()).isEqualTo("bifido");
        assertThat(f.title()).isEqualTo("Bifidobacterium: log2 fold change per arm");
        // one point per subject: 14 placebo and 8 LGG subjects have both visits
        assertThat(f.svg().split("<circle", -1)).hasSize(1 + 14 + 8);
        assertThat(f.caption()).contains("from baseline to 2").contains("at least 1");
    }
}
