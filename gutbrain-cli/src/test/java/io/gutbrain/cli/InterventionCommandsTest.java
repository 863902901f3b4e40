package io.gutbrain.cli;

import io.gutbrain.cli.common.BundledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code gutbrain intervention} on the bundled peerj32 trial and {@code gutbrain engraftment} on a hand-made FMT case. */
class InterventionCommandsTest {

    private static List<String> lines(Path p) throws Exception { return Files.readAllLines(p); }

    /** Row of a TSV whose column {@code key} equals {@code value}, as column → cell. */
    /** {@code gutbrain intervention} on the bundled peerj32 trial (LGG vs Placebo, visit 1 as baseline) with further arguments. */
    static CliRun peerj32Trial(Path data, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("intervention", "--table", data.resolve("peerj32/counts.tsv").toString(),
                "--metadata", data.resolve("peerj32/metadata.tsv").toString(), "--subject", "subject", "--time", "time", "--baseline", "1",
                "--arm", "group", "--reference-arm", "Placebo"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    static Map<String, String> row(Path p, String key, String value) throws Exception {
        List<String> l = lines(p);
        String[] h = l.get(0).split("\t");
        for (String line : l.subList(1, l.size())) {
            String[] c = line.split("\t", -1);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < h.length; i++) m.put(h[i], c[i]);
            if (value.equals(m.get(key))) return m;
        }
        throw new AssertionError("no row with " + key + " = " + value + " in " + p);
    }

    @Test
    void peerj32ShannonWritesAllTables(@TempDir Path dir) throws Exception {
        Path data = BundledData.extractTo(dir.resolve("data"));
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("intervention", "--table", data.resolve("peerj32/counts.tsv").toString(),
                "--metadata", data.resolve("peerj32/metadata.tsv").toString(), "--subject", "subject", "--time", "time",
                "--arm", "group", "--reference-arm", "Placebo", "--baseline", "1", "--outcome", "alpha:shannon", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String f : List.of("change_from_baseline.tsv", "arm_summaries.tsv", "arm_time_lmm.tsv", "distance_to_baseline.tsv",
                "distance_to_baseline_summaries.tsv", "provenance.json")) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(out.resolve("responders.tsv")).doesNotExist();
        // lmerTest on vegan Shannon, shannon ~ group * factor(time) + (1 | subject), REML at the exact optimum:
        // gutbrain-core/src/test/resources/reference/intervention/arm_time_lmm_R.tsv (make_arm_time_reference.R)
        Map<String, String> inter = row(out.resolve("arm_time_lmm.tsv"), "term", "armLGG:time2");
        assertThat(Double.parseDouble(inter.get("estimate"))).isCloseTo(0.055054974822667323, within(1e-8));
        assertThat(Double.parseDouble(inter.get("df"))).isCloseTo(19.999999997895351, within(1e-4));
        assertThat(Double.parseDouble(inter.get("p"))).isCloseTo(0.32131462858067045, within(1e-5));
        // 22 subjects with both visits: 22 change rows and 22 distances to baseline
        assertThat(lines(out.resolve("change_from_baseline.tsv"))).hasSize(23);
        assertThat(lines(out.resolve("distance_to_baseline.tsv"))).hasSize(23);
        assertThat(lines(out.resolve("arm_summaries.tsv")).get(0)).endsWith("\twilcoxon_v\twilcoxon_p\twilcoxon_method");
        assertThat(Files.readString(out.resolve("provenance.json"))).contains("arm_time_lmm.tsv").contains("\"reference-arm\" : \"Placebo\"").contains("\"control_arm\" : \"Placebo\"");
    }

    @Test
    void scoredInstrumentGetsResponders(@TempDir Path dir) throws Exception {
        // PHQ-9 from items; a 2-item-per-score toy: every item equal, so the score is 9 x item.
        StringBuilder md = new StringBuilder("sample-id\tsubject\tvisit\tarm");
        for (int i = 1; i <= 9; i++) md.append("\tphq9_").append(i);
        md.append('\n');
        int[][] items = {{2, 0}, {2, 1}, {3, 1}, {2, 2}, {3, 3}, {2, 2}};  // baseline, week8 item value per subject
        String[] arms = {"active", "active", "active", "placebo", "placebo", "placebo"};
        for (int s = 0; s < items.length; s++) {
            for (int v = 0; v < 2; v++) {
                md.append("s").append(s).append(v == 0 ? "a" : "b").append("\tP").append(s).append('\t').append(v == 0 ? "0" : "8").append('\t').append(arms[s]);
                for (int i = 1; i <= 9; i++) md.append('\t').append(items[s][v]);
                md.append('\n');
            }
        }
        Path m = Files.writeString(dir.resolve("md.tsv"), md.toString());
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("intervention", "--metadata", m.toString(), "--subject", "subject", "--time", "visit", "--arm", "arm",
                "--reference-arm", "placebo", "--baseline", "0", "--outcome", "phq9", "--remission-below", "5", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // scores baseline -> week 8: active 18->0, 18->9, 27->9 (drops 100%, 50%, 67%: 3 responders; remission score < 5: 1);
        // placebo 18->18, 27->27, 18->18 (no responders)
        List<String> rates = lines(out.resolve("responder_rates.tsv"));
        assertThat(rates.get(0)).isEqualTo("outcome\ttimepoint\tmeasure\tarm\tevents\tn\trate\tci_lower\tci_upper\tlevel");
        assertThat(rates).anyMatch(l -> l.startsWith("phq9_score\t8\tresponse\tactive\t3\t3\t"))
                .anyMatch(l -> l.startsWith("phq9_score\t8\tresponse\tplacebo\t0\t3\t"))
                .anyMatch(l -> l.startsWith("phq9_score\t8\tremission\tactive\t1\t3\t"))
                .anyMatch(l -> l.startsWith("phq9_score\t8\tremission\tplacebo\t0\t3\t"));
        assertThat(out.resolve("responder_comparison.tsv")).exists();
        assertThat(out.resolve("distance_to_baseline.tsv")).doesNotExist();
    }

    @Test
    void badInputIsExitTwo(@TempDir Path dir) throws Exception {
        Path data = BundledData.extractTo(dir.resolve("data"));
        String counts = data.resolve("peerj32/counts.tsv").toString();
        String md = data.resolve("peerj32/metadata.tsv").toString();
        CliRun noBaseline = CliRun.of("intervention", "--table", counts, "--metadata", md, "--subject", "subject", "--time", "time",
                "--arm", "group", "--baseline", "0", "--outcome", "alpha:shannon", "--out", dir.resolve("o1").toString());
        assertThat(noBaseline.exitCode()).isEqualTo(2);
        assertThat(noBaseline.err()).contains("0");
        CliRun badArm = CliRun.of("intervention", "--table", counts, "--metadata", md, "--subject", "subject", "--time", "time",
                "--arm", "group", "--reference-arm", "Control", "--baseline", "1", "--outcome", "alpha:shannon", "--out", dir.resolve("o2").toString());
        assertThat(badArm.exitCode()).isEqualTo(2);

        // one subject in arm B (and one subject with a single visit: a warning only)
        Path sheet = Files.writeString(dir.resolve("one.tsv"), "sample-id\tsubject\ttime\tarm\ty\n"
                + "a1\tA\t1\tX\t1\na2\tA\t2\tX\t2\nb1\tB\t1\tX\t1\nb2\tB\t2\tX\t3\nc1\tC\t1\tY\t2\nc2\tC\t2\tY\t2\nd1\tD\t1\tX\t5\n");
        CliRun single = CliRun.of("intervention", "--metadata", sheet.toString(), "--subject", "subject", "--time", "time",
                "--arm", "arm", "--baseline", "1", "--outcome", "y", "--out", dir.resolve("o3").toString());
        assertThat(single.exitCode()).isEqualTo(2);
        assertThat(single.err()).contains("'Y'").contains("single subject");
    }

    @Test
    void subjectWithOneVisitIsAWarningAndLeftOutOfPairedAnalyses(@TempDir Path dir) throws Exception {
        Path sheet = Files.writeString(dir.resolve("md.tsv"), "sample-id\tsubject\ttime\tarm\ty\n"
                + "a1\tA\t1\tX\t1\na2\tA\t2\tX\t2\nb1\tB\t1\tX\t1\nb2\tB\t2\tX\t4\n"
                + "c1\tC\t1\tY\t2\nc2\tC\t2\tY\t2\ne1\tE\t1\tY\t3\ne2\tE\t2\tY\t2\nd1\tD\t1\tX\t5\n");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("intervention", "--metadata", sheet.toString(), "--subject", "subject", "--time", "time",
                "--arm", "arm", "--baseline", "1", "--outcome", "y", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 subject(s) with a single timepoint left out of paired analyses: 'D'");
        // changes: A +1, B +3 (arm X), C 0, E -1 (arm Y); D has only a baseline
        assertThat(lines(out.resolve("change_from_baseline.tsv"))).hasSize(5);
        Map<String, String> x = row(out.resolve("arm_summaries.tsv"), "arm", "X");
        assertThat(Double.parseDouble(x.get("mean_change"))).isEqualTo(2.0);
        assertThat(x.get("n")).isEqualTo("2");
    }

    private static final String FMT_METADATA = "sample-id\tsubject\ttime\tdonor\n"
            + "d1\tdonorA\t\t\n"
            + "r1pre\tR1\tpre\td1\nr1post\tR1\tpost\td1\n"
            + "r2pre\tR2\tpre\td1\nr2post\tR2\tpost\td1\n";
    private static final String FMT_COUNTS = "#OTU ID\td1\tr1pre\tr1post\tr2pre\tr2post\n"
            + "f1\t10\t0\t5\t0\t0\n"
            + "f2\t10\t10\t5\t10\t10\n"
            + "f3\t0\t10\t0\t5\t5\n"
            + "f4\t0\t0\t0\t0\t5\n";

    @Test
    void engraftmentOnHandMadeFmt(@TempDir Path dir) throws Exception {
        Path md = Files.writeString(dir.resolve("md.tsv"), FMT_METADATA);
        Path counts = Files.writeString(dir.resolve("counts.tsv"), FMT_COUNTS);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("engraftment", "--table", counts.toString(), "--metadata", md.toString(), "--subject", "subject",
                "--time", "time", "--baseline", "pre", "--donor-column", "donor", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // R1 after FMT: f1 (donor only, 5 of 10 reads) and f2 (in donor and before): engrafted fraction 1/2, weighted 0.5
        Map<String, String> r1 = row(out.resolve("engraftment.tsv"), "recipient", "R1");
        assertThat(r1).containsEntry("post_features", "2").containsEntry("donor_only", "1").containsEntry("shared", "1").containsEntry("new", "0");
        assertThat(Double.parseDouble(r1.get("frac_donor_only"))).isEqualTo(0.5);
        assertThat(Double.parseDouble(r1.get("weighted_donor_only"))).isEqualTo(0.5);
        // R2 after FMT: f2 shared, f3 kept from before, f4 new; nothing donor-only
        Map<String, String> r2 = row(out.resolve("engraftment.tsv"), "recipient", "R2");
        assertThat(r2).containsEntry("post_features", "3").containsEntry("donor_only", "0").containsEntry("pre_only", "1").containsEntry("new", "1");
        assertThat(lines(out.resolve("source_tracking.tsv"))).hasSize(3);
        assertThat(out.resolve("provenance.json")).exists();
        // engraftment figures (curves per recipient, distances, source shares) as SVG (parsed) and PNG (decoded)
        for (String name : new String[]{"engraftment-donor-fraction", "engraftment-distance-donor-vs-pre", "engraftment-source-shares"}) {
            String svg = Files.readString(out.resolve("figures/" + name + ".svg"));
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(svg).contains("<path"); // chart text is drawn as paths, so labels are not searchable
            assertThat(javax.imageio.ImageIO.read(out.resolve("figures/" + name + ".png").toFile())).isNotNull();
        }
    }

    @Test
    void donorMissingFromTableIsExitTwo(@TempDir Path dir) throws Exception {
        Path md = Files.writeString(dir.resolve("md.tsv"), FMT_METADATA);
        Path counts = Files.writeString(dir.resolve("counts.tsv"), FMT_COUNTS.replace("#OTU ID\td1\t", "#OTU ID\tdX\t"));
        CliRun r = CliRun.of("engraftment", "--table", counts.toString(), "--metadata", md.toString(), "--subject", "subject",
                "--time", "time", "--baseline", "pre", "--donor-column", "donor", "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("d1");
    }

    /**
     * The probiotic (L. rhamnosus GG) falls in HITChip's "Lactobacillus plantarum et rel." group:
     * it rises in the LGG arm relative to placebo. Expected from R 4.2 on the same data: relative
     * abundances (counts / column sums), change time 2 − time 1 per subject, then
     * {@code t.test(change[LGG], change[Placebo])} (Welch): t = 4.8810361, df = 7.3070421, p = 0.001585368.
     */
    @Test
    void colonisationOfTheAdministeredTaxon(@TempDir Path dir) throws Exception {
        Path data = BundledData.extractTo(dir.resolve("data"));
        Path out = dir.resolve("out");
        CliRun r = peerj32Trial(data, "--outcome", "alpha:shannon",
                "--colonisation", "Lactobacillus plantarum et rel.", "--out", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        java.util.List<String> lines = Files.readAllLines(out.resolve("colonisation.tsv"));
        java.util.List<String> header = java.util.List.of(lines.get(0).split("\t"));
        String[] row = lines.get(1).split("\t");
        assertThat(row[0]).isEqualTo("Lactobacillus plantarum et rel.");
        assertThat(row[header.indexOf("active")]).isEqualTo("LGG");
        assertThat(Double.parseDouble(row[header.indexOf("t")])).isCloseTo(4.881036113258923, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Double.parseDouble(row[header.indexOf("p")])).isLessThan(0.01);

        // log scale: reference/intervention/peerj32_colonisation_R.tsv (difference 1.7341, Welch p 0.00282)
        Path logOut = dir.resolve("log");
        CliRun log = peerj32Trial(data, "--outcome", "alpha:shannon", "--colonisation-scale", "log",
                "--colonisation", "Lactobacillus plantarum et rel.", "--out", logOut.toString(), "-q");
        assertThat(log.exitCode()).as(log.err()).isZero();
        Map<String, String> l = row(logOut.resolve("colonisation.tsv"), "scale", "log");
        assertThat(Double.parseDouble(l.get("difference"))).isCloseTo(1.7341192824800595, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Double.parseDouble(l.get("p"))).isCloseTo(0.0028151547347715013, org.assertj.core.api.Assertions.within(1e-9));
        CliRun bad = peerj32Trial(data, "--outcome", "alpha:shannon", "--colonisation-scale", "logit",
                "--colonisation", "Lactobacillus plantarum et rel.", "--out", dir.resolve("bad").toString(), "-q");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--colonisation-scale").contains("use relative, log or clr");
        assertThat(bad.err().strip().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("bad")).doesNotExist();
    }
}
