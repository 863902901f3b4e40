package io.gutbrain.cli;

import io.gutbrain.cli.common.BundledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code gutbrain intervention --bifidogenic} and taxa named by lineage in {@code --colonisation}.
 * Expected numbers: R 4.2 on the same data,
 * gutbrain-core/src/test/resources/reference/intervention/bifidogenic_R.tsv (made by
 * make_bifidogenic_reference.R): log fold change ln((p₁ + c)/(p₀ + c)) of Bifidobacterium per
 * subject, Welch {@code t.test} between arms, responders = at least doubled.
 */
class BifidogenicCommandTest {

    private static Map<String, String> row(Path p, String key, String value) throws Exception {
        return InterventionCommandsTest.row(p, key, value);
    }

    private static double num(Map<String, String> m, String k) { return Double.parseDouble(m.get(k)); }

    @Test
    void peerj32BifidogenicResponse(@TempDir Path dir) throws Exception {
        Path data = BundledData.extractTo(dir.resolve("data"));
        Path out = dir.resolve("out");
        CliRun r = InterventionCommandsTest.peerj32Trial(data, "--outcome", "alpha:shannon", "--bifidogenic", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path tsv = out.resolve("bifidogenic.tsv");
        Map<String, String> diff = row(tsv, "arm", "LGG − Placebo");
        assertThat(num(diff, "mean_log_fc")).isCloseTo(0.28934127584162489, within(1e-12));
        assertThat(num(diff, "ci_lower")).isCloseTo(-0.21782565860077488, within(1e-12));
        assertThat(num(diff, "ci_upper")).isCloseTo(0.79650821028402463, within(1e-12));
        assertThat(num(diff, "p")).isCloseTo(0.24488178529901547, within(1e-9));
        assertThat(num(diff, "fold_change")).isCloseTo(Math.exp(0.28934127584162489), within(1e-12));
        assertThat(num(diff, "rate_lower")).isCloseTo(-0.11791350965837361, within(1e-12));
        assertThat(row(tsv, "arm", "LGG").get("responders")).isEqualTo("3");
        assertThat(row(tsv, "arm", "Placebo").get("responders")).isEqualTo("2");
        assertThat(num(row(tsv, "arm", "LGG"), "responder_rate")).isEqualTo(0.375);
        assertThat(Files.readAllLines(out.resolve("bifidogenic_subjects.tsv"))).hasSize(23);
        assertThat(out.resolve("figures/bifidogenic-log-fold-change.svg")).exists();
        assertThat(out.resolve("figures/bifidogenic-log-fold-change.png")).exists();
        assertThat(Files.readString(out.resolve("provenance.json"))).contains("bifidogenic.tsv");
        assertThat(r.err()).contains("at least doubled: 3/8 vs 2/14");

        // --bifidogenic-fold 1.5: responders are the subjects whose change (log fold change) is at least ln 1.5
        Path out15 = dir.resolve("out15");
        CliRun r15 = InterventionCommandsTest.peerj32Trial(data, "--outcome", "alpha:shannon", "--bifidogenic", "--bifidogenic-fold", "1.5",
                "--out", out15.toString(), "-q");
        assertThat(r15.exitCode()).as(r15.err()).isZero();
        List<String> subjects = Files.readAllLines(out.resolve("bifidogenic_subjects.tsv"));
        List<String> h = List.of(subjects.get(0).split("\t"));
        long expected = subjects.subList(1, subjects.size()).stream().map(l -> l.split("\t"))
                .filter(c -> c[h.indexOf("arm")].equals("LGG") && Double.parseDouble(c[h.indexOf("change")]) >= Math.log(1.5)).count();
        assertThat(Long.parseLong(row(out15.resolve("bifidogenic.tsv"), "arm", "LGG").get("responders"))).isEqualTo(expected);
        CliRun bad = InterventionCommandsTest.peerj32Trial(data, "--outcome", "alpha:shannon", "--bifidogenic", "--bifidogenic-fold", "1",
                "--out", dir.resolve("bad").toString(), "-q");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--bifidogenic-fold");
        assertThat(bad.err().strip().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    /** dietswap, diet-intervention period only (timepoint 4 → 5), AAM (high-fibre) vs AFR (high-fat). */
    @Test
    void dietswapWithTaxonomyNamesFamiliesAndBifidobacterium(@TempDir Path dir) throws Exception {
        Path data = BundledData.extractTo(dir.resolve("data"));
        List<String> md = Files.readAllLines(data.resolve("dietswap/metadata.tsv"));
        int col = List.of(md.get(0).split("\t")).indexOf("timepoint");
        List<String> kept = new ArrayList<>(List.of(md.get(0)));
        for (String l : md.subList(1, md.size())) {
            String t = l.split("\t")[col];
            if (t.equals("4") || t.equals("5")) kept.add(l);
        }
        Path meta = Files.write(dir.resolve("diet_period.tsv"), kept);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("intervention", "--table", data.resolve("dietswap/counts.tsv").toString(),
                "--taxonomy", data.resolve("dietswap/taxonomy.tsv").toString(), "--metadata", meta.toString(),
                "--subject", "subject", "--time", "timepoint", "--baseline", "4", "--arm", "nationality", "--reference-arm", "AFR",
                "--outcome", "taxon:family:Bacilli", "--colonisation", "Clostridium cluster IV,f__Bacilli,Bifidobacterium", "--bifidogenic",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, String> cl4 = row(out.resolve("colonisation.tsv"), "feature", "Clostridium cluster IV");
        assertThat(cl4.get("matched_by")).isEqualTo("family");
        assertThat(cl4.get("n_features")).isEqualTo("12");
        assertThat(cl4.get("features")).contains("Faecalibacterium prausnitzii et rel.");
        assertThat(row(out.resolve("colonisation.tsv"), "feature", "Bifidobacterium").get("matched_by")).isEqualTo("feature id");
        assertThat(r.err()).contains("Clostridium cluster IV (family, 12 features summed)").contains("outcome taxon: family:Bacilli (family, 16 features summed)");
        Map<String, String> diff = row(out.resolve("bifidogenic.tsv"), "arm", "AAM − AFR");
        assertThat(num(diff, "mean_log_fc")).isCloseTo(0.4637084705894412, within(1e-12));
        assertThat(num(diff, "p")).isCloseTo(0.08205527952945349, within(1e-9));
        assertThat(row(out.resolve("bifidogenic.tsv"), "arm", "AAM").get("responders")).isEqualTo("4");
    }

    @Test
    void unknownTaxonNames(@TempDir Path dir) throws Exception {
        Path data = BundledData.extractTo(dir.resolve("data"));
        List<String> common = List.of("intervention", "--table", data.resolve("peerj32/counts.tsv").toString(),
                "--metadata", data.resolve("peerj32/metadata.tsv").toString(), "--subject", "subject", "--time", "time", "--baseline", "1",
                "--arm", "group", "--reference-arm", "Placebo", "--outcome", "alpha:shannon", "--out", dir.resolve("out").toString());
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("--colonisation", "genus:Bifidobacterium"));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("taxon 'genus:Bifidobacterium'").contains("no taxonomy").contains("--taxonomy FILE");
        assertThat(dir.resolve("out")).as("no partial output").doesNotExist();
        args.addAll(List.of("--taxonomy", data.resolve("peerj32/taxonomy.tsv").toString()));
        assertThat(CliRun.of(args.toArray(String[]::new)).exitCode()).isZero();
        args = new ArrayList<>(common);
        args.addAll(List.of("--colonisation", "Bifidobacterum", "--taxonomy", data.resolve("peerj32/taxonomy.tsv").toString()));
        r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("did you mean 'Bifidobacterium'?");
    }
}
