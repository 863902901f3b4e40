package io.gutbrain.report;

import io.gutbrain.result.Provenance;
import io.gutbrain.result.ResultTable;
import io.gutbrain.error.InputException;
import io.gutbrain.result.StepTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ResultsStoreTest {
    @TempDir Path study;

    static ResultTable alpha() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{"s1", "LGG", 3.5, 100L, true});
        rows.add(new Object[]{"s2", "LGG", 2.5, 90L, false});
        rows.add(new Object[]{"s<3>", "placebo", 4.0, null, true});
        rows.add(new Object[]{"s4", "placebo", Double.NaN, 70L, null});
        return new ResultTable("alpha", List.of("sample", "group", "shannon", "observed", "kept"), rows);
    }

    @Test
    void runsParametersInputsTimingsAndTablesRoundTrip() throws Exception {
        Path input = Files.writeString(study.resolve("counts.tsv"), "#OTU ID\ts1\nf1\t3\n");
        String expectedSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(input)));
        String run;
        try (ResultsStore s = ResultsStore.open(study)) {
            run = s.startRun("0.1.0", "gutbrain study " + study, 42L);
            assertThat(run).matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
            s.parameter(run, "rarefy", "depth", 5000);
            s.parameter(run, "alpha", "metrics", "shannon,observed_features");
            s.parameter(run, "beta", "fraction", 0.25);
            s.input(run, "table", input);
            s.timing(run, new StepTiming("alpha", 1.25, false));
            s.timing(run, new StepTiming("beta", 0.5, true));
            s.writeTable(run, alpha());
            s.finishRun(run, "ok");
        }
        assertThat(study.resolve(ResultsStore.FILE_NAME)).exists();
        try (ResultsStore s = ResultsStore.openReadOnly(study)) {
            List<ResultsStore.Run> runs = s.runs();
            assertThat(runs).hasSize(1);
            ResultsStore.Run r = runs.get(0);
            assertThat(r.runId()).isEqualTo(run);
            assertThat(r.status()).isEqualTo("ok");
            assertThat(r.seed()).isEqualTo(42L);
            assertThat(r.gutbrainVersion()).isEqualTo("0.1.0");
            assertThat(r.finished()).isNotNull();
            assertThat(s.query("SELECT step, name, value FROM parameters WHERE run_id = ? ORDER BY step", run).rows())
                    .containsExactly(new Object[]{"alpha", "metrics", "shannon,observed_features"}, new Object[]{"beta", "fraction", "0.25"},
                            new Object[]{"rarefy", "depth", "5000"});
            assertThat(s.query("SELECT role, path, sha256, bytes FROM inputs WHERE run_id = ?", run).rows())
                    .containsExactly(new Object[]{"table", input.toString(), expectedSha, (long) Files.size(input)});
            assertThat(((Number) s.query("SELECT sum(seconds) FROM timings WHERE run_id = ?", run).rows().get(0)[0]).doubleValue()).isEqualTo(1.75);
            assertThat(s.tables(run)).containsExactly(new ResultsStore.TableInfo("alpha", 4));

            ResultTable back = s.readTable(run, "alpha");
            assertThat(back.columns()).isEqualTo(alpha().columns());
            assertThat(back.rows()).hasSize(4);
            assertThat(back.rows().get(0)).containsExactly("s1", "LGG", 3.5, 100L, true);
            assertThat(back.rows().get(2)).containsExactly("s<3>", "placebo", 4.0, null, true);
            assertThat(back.rows().get(3)).containsExactly("s4", "placebo", null, 70L, null); // NaN is stored as NULL

            // typed columns
            assertThat(s.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'alpha' ORDER BY ordinal_position").rows())
                    .containsExactly(new Object[]{"run_id", "VARCHAR"}, new Object[]{"sample", "VARCHAR"}, new Object[]{"group", "VARCHAR"},
                            new Object[]{"shannon", "DOUBLE"}, new Object[]{"observed", "BIGINT"}, new Object[]{"kept", "BOOLEAN"});
            // SQL over results: mean Shannon per group, by hand (3.5 + 2.5) / 2 = 3 and 4 (NaN left out)
            List<Object[]> means = s.query("SELECT \"group\", avg(shannon) FROM alpha WHERE run_id = ? GROUP BY 1 ORDER BY 1", run).rows();
            assertThat(means).hasSize(2);
            assertThat(((Number) means.get(0)[1]).doubleValue()).isCloseTo(3.0, within(1e-12));
            assertThat(((Number) means.get(1)[1]).doubleValue()).isCloseTo(4.0, within(1e-12));
            assertThatThrownBy(() -> s.startRun("x", "y", null)).isInstanceOf(IllegalStateException.class);
            // no extension downloads (no network at run time)
            assertThat(s.query("SELECT current_setting('autoinstall_known_extensions')").rows().get(0)[0]).isEqualTo(false);
        }
    }

    @Test
    void laterRunsAddColumnsWidenTypesAndReplaceTheirOwnRows() {
        try (ResultsStore s = ResultsStore.open(study)) {
            String r1 = s.startRun("1", "c", null);
            String r2 = s.startRun("1", "c", null);
            List<Object[]> a = new ArrayList<>();
            a.add(new Object[]{"x", 1L});
            s.writeTable(r1, "t", List.of("id", "n"), a);
            List<Object[]> b = new ArrayList<>();
            b.add(new Object[]{"y", 2.5, "new"});
            b.add(new Object[]{"z", 3.0, null});
            s.writeTable(r2, "t", List.of("id", "n", "extra"), b);
            assertThat(s.query("SELECT data_type FROM information_schema.columns WHERE table_name = 't' AND column_name = 'n'").rows().get(0)[0]).isEqualTo("DOUBLE");
            assertThat(s.readTable(r1, "t").rows()).containsExactly(new Object[]{"x", 1.0, null});
            assertThat(s.readTable(r2, "t").rows()).containsExactly(new Object[]{"y", 2.5, "new"}, new Object[]{"z", 3.0, null});
            // rewriting r1's table replaces its rows only
            List<Object[]> c = new ArrayList<>();
            c.add(new Object[]{"text", "not a number"});
            s.writeTable(r1, "t", List.of("id", "n"), c);
            assertThat(s.readTable(r1, "t").rows()).containsExactly(new Object[]{"text", "not a number", null});
            assertThat(s.readTable(r2, "t").rows()).containsExactly(new Object[]{"y", "2.5", "new"}, new Object[]{"z", "3.0", null});
            assertThat(s.query("SELECT count(*) FROM t").rows().get(0)[0]).isEqualTo(3L);
            assertThat(s.tables(r1)).containsExactly(new ResultsStore.TableInfo("t", 1));
        }
    }

    @Test
    void aFailedWriteChangesNothing() {
        try (ResultsStore s = ResultsStore.open(study)) {
            String r = s.startRun("1", "c", null);
            // a table someone tightened by hand: x may not be missing
            s.query("CREATE TABLE strict (run_id VARCHAR NOT NULL, x BIGINT NOT NULL)");
            List<Object[]> ok = new ArrayList<>();
            ok.add(new Object[]{1L});
            s.writeTable(r, "strict", List.of("x"), ok);
            List<Object[]> bad = new ArrayList<>();
            bad.add(new Object[]{2L});
            bad.add(new Object[]{null});
            assertThatThrownBy(() -> s.writeTable(r, "strict", List.of("x"), bad)).isInstanceOf(InputException.class);
            // the delete of the old rows and the partial append were rolled back together
            assertThat(s.readTable(r, "strict").rows()).containsExactly(new Object[]{1L});
            assertThat(s.tables(r)).containsExactly(new ResultsStore.TableInfo("strict", 1));
        }
    }

    @Test
    void runsAreFoundByPrefixOrLatest() throws Exception {
        try (ResultsStore s = ResultsStore.open(study)) {
            String r1 = s.startRun("1", "first", null);
            Thread.sleep(5); // distinct start times (milliseconds are stored)
            String r2 = s.startRun("1", "second", null);
            assertThat(s.run("latest").runId()).isEqualTo(r2);
            assertThat(s.run(r1).command()).isEqualTo("first");
            int k = 0;
            while (r1.charAt(k) == r2.charAt(k)) k++;
            assertThat(s.run(r2.substring(0, k + 1)).runId()).isEqualTo(r2); // shortest unique prefix
            assertThatThrownBy(() -> s.run("nope")).isInstanceOf(InputException.class).hasMessageContaining("no such run");
            assertThatThrownBy(() -> s.run("2")).isInstanceOf(InputException.class).hasMessageContaining("matches 2 runs");
        }
    }

    @Test
    void badUseIsReportedClearly() throws Exception {
        assertThatThrownBy(() -> ResultsStore.openReadOnly(study)).isInstanceOf(InputException.class).hasMessageContaining("no results store");
        try (ResultsStore s = ResultsStore.open(study)) {
            String r = s.startRun("1", "c", null);
            assertThatThrownBy(() -> s.writeTable(r, "runs", List.of("a"), List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.writeTable(r, "t", List.of("run_id"), List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.writeTable("missing", "t", List.of("a"), List.of())).isInstanceOf(InputException.class);
            assertThatThrownBy(() -> s.finishRun("missing", "ok")).isInstanceOf(InputException.class);
            assertThatThrownBy(() -> s.query("SELEC 1")).isInstanceOf(InputException.class).hasMessageContaining("SQL");
            assertThatThrownBy(() -> s.readTable(r, "nothing")).isInstanceOf(InputException.class).hasMessageContaining("wrote no such table");
        }
        Path junk = Files.createDirectories(study.resolve("junk"));
        Files.write(junk.resolve(ResultsStore.FILE_NAME), "not a database".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ResultsStore.open(junk)).isInstanceOf(InputException.class).hasMessageContaining("results store");
    }

    @Test
    void provenanceIsCopiedIntoTheRun() throws Exception {
        Path input = Files.writeString(study.resolve("md.tsv"), "sample-id\tg\ns1\ta\n");
        Provenance p = new Provenance("0.1.0", "gutbrain study .").parameter("depth", 1000).parameter("metric", "shannon").input("metadata", input);
        try (ResultsStore s = ResultsStore.open(study)) {
            String r = s.startRun("0.1.0", "gutbrain study .", 1L);
            s.recordProvenance(r, p);
            assertThat(s.query("SELECT name, value FROM parameters WHERE run_id = ? AND step = 'run' ORDER BY name", r).rows())
                    .containsExactly(new Object[]{"depth", "1000"}, new Object[]{"metric", "shannon"});
            assertThat(s.query("SELECT role, sha256 FROM inputs WHERE run_id = ?", r).rows())
                    .containsExactly(new Object[]{"metadata", Provenance.sha256(input)});
        }
    }
}
