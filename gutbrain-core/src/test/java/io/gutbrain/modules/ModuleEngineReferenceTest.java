package io.gutbrain.modules;

import io.gutbrain.io.ClassicTsv;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static io.gutbrain.modules.ModuleFixtures.profile;
import static io.gutbrain.modules.ModuleFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * gutbrain's per-step scoring against an independent, literal implementation of Omixer-RPM's
 * method that enumerates every path ({@code modules/omixer_bruteforce.py}, run with python3 to
 * make {@code random_expected.tsv}) on 14 random modules (1-6 steps, 1-3 alternatives of 1-3
 * orthologs drawn from 30 KOs, so orthologs recur within and across modules) and 25 samples with
 * 65% zeros, for both estimators with and without length normalisation and distribution: 2,800
 * (sample, module, options) cases. Tolerance 1e-12 relative: Python's median averages the middle
 * pair as (a + b) / 2, Commons Math's (used by Omixer-RPM) as a + (b - a) / 2.
 */
class ModuleEngineReferenceTest {

    @Test
    void agreesWithPathEnumeration() throws IOException {
        ModuleSet set = ModuleSet.read(resource("modules/random_modules.txt"));
        FeatureTable table = ClassicTsv.read(resource("modules/random_ko.tsv"));
        List<String> lines = Files.readAllLines(resource("modules/random_expected.tsv"));
        assertThat(lines).hasSize(1 + 2 * 2 * 2 * 25 * 14);
        int checked = 0;
        ModuleProfile p = null;
        String key = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            String k = f[0] + f[1] + f[2];
            if (!k.equals(key)) {
                key = k;
                ModuleOptions o = ModuleOptions.defaults().withThreads(2).withEstimator(Estimator.parse(f[0]))
                        .withNormalizeByLength(Boolean.parseBoolean(f[1])).withDistribute(Boolean.parseBoolean(f[2]));
                p = profile(table, set, o);
            }
            int s = table.sampleIndex(f[3]);
            int m = set.indexOf(f[4]);
            double coverage = Double.parseDouble(f[5]);
            double score = Double.parseDouble(f[6]);
            assertThat(p.coverage(s, m)).as(line).isEqualTo(coverage);
            assertThat(p.score(s, m)).as(line).isCloseTo(score, within(1e-12 * Math.max(1, score)));
            checked++;
        }
        assertThat(checked).isEqualTo(2800);
    }
}
