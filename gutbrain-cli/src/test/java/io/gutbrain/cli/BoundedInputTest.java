package io.gutbrain.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded inputs end to end: bombs and oversize or non-UTF-8 inputs give one line naming the file
 * (and archive member), the place and a fix, exit 2, in bounded time, and leave no output.
 */
class BoundedInputTest {
    static final String UUID = "6b5d1f4e-3c8a-4a57-9a3e-2f9b1c0d7e21";

    @TempDir
    Path tmp;

    @AfterEach
    void clearLimitProperties() {
        System.clearProperty("gutbrain.inputRatioFloor");
    }

    /** A gzip file of prefix + count repeated bytes + suffix, made of concatenated members so 2 GiB takes milliseconds. */
    static Path gzipBomb(Path file, String prefix, byte fill, long count, String suffix) throws IOException {
        int block = 16 << 20;
        byte[] whole = new byte[block];
        Arrays.fill(whole, fill);
        byte[] blockMember = gzip(whole);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(gzip(prefix.getBytes(StandardCharsets.UTF_8)));
            long left = count;
            for (; left >= block; left -= block) out.write(blockMember);
            if (left > 0) out.write(gzip(Arrays.copyOf(whole, (int) left)));
            out.write(gzip(suffix.getBytes(StandardCharsets.UTF_8)));
        }
        return file;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(content);
        }
        return buf.toByteArray();
    }

    private static void assertOneLine(CliRun r, String startsWith) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        String line = r.errLines().get(0);
        assertThat(line).startsWith("gutbrain: error: " + startsWith).contains("(fix: ");
        assertThat(line).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
    }

    private void assertOnlyInputsLeft(Path... inputs) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.toList()).containsExactlyInAnyOrder(inputs);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoGibLineInAGzipTsvAtDefaultLimits() throws IOException {
        Path in = gzipBomb(tmp.resolve("bomb.tsv.gz"), "#OTU ID\tS1\n", (byte) 'A', 2L << 30, "\t1\n");
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("table", "convert", in.toString(), tmp.resolve("out.biom").toString());
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(20));
        assertOneLine(r, in + ":line 2: line is longer than 67,108,864 characters");
        assertThat(r.errLines().get(0)).contains("--max-line-length");
        assertOnlyInputsLeft(in);
    }

    @Test
    void maxLineLengthOptionLowersAndRaisesTheLimit() throws IOException {
        Path in = tmp.resolve("wide.tsv");
        Files.writeString(in, "#OTU ID\tS1\tS2\n" + "F".repeat(3000) + "\t1\t2\n");
        assertOneLine(CliRun.of("table", "summarize", in.toString(), "--max-line-length", "1K"),
                in + ":line 2: line is longer than 1,024 characters");
        assertThat(CliRun.of("--max-line-length", "4K", "table", "summarize", in.toString()).exitCode()).isZero();
        assertThat(CliRun.of("table", "summarize", in.toString()).exitCode()).isZero(); // the option did not stick
        CliRun bad = CliRun.of("table", "summarize", in.toString(), "--max-line-length", "0");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).singleElement().asString().contains("--max-line-length").contains("expected a positive whole number");
    }

    @Test
    void invalidUtf8InAMetadataFileNamesFileLineAndByte() throws IOException {
        Path table = tmp.resolve("t.tsv");
        Files.writeString(table, "#OTU ID\tS1\tS2\nA\t1\t2\nB\t0\t3\n");
        Path md = tmp.resolve("md.tsv");
        Files.write(md, "#SampleID\tsite\nS1\tK\u00f6ln\nS2\tBonn\n".getBytes(StandardCharsets.ISO_8859_1));
        assertOneLine(CliRun.of("table", "summarize", table.toString(), "--metadata", md.toString()),
                md + ":line 2, column 5: byte 20 (0xF6) is not valid UTF-8");
        assertThat(CliRun.of("table", "summarize", table.toString(), "--metadata", md.toString()).errLines().get(0))
                .contains("save the file as UTF-8");
    }

    @Test
    void invalidUtf8InAFilterIdListNamesFileAndLine() throws IOException {
        Path table = tmp.resolve("t.tsv");
        Files.writeString(table, "#OTU ID\tS1\tS2\nA\t1\t2\nB\t0\t3\n");
        Path ids = tmp.resolve("keep.txt");
        Files.write(ids, "S1\nS\u00e92\n".getBytes(StandardCharsets.ISO_8859_1));
        Path out = tmp.resolve("out.tsv");
        CliRun r = CliRun.of("table", "filter", table.toString(), out.toString(), "--samples", ids.toString());
        assertOneLine(r, ids + ":line 2, column 2: byte 5 (0xE9) is not valid UTF-8");
        assertOnlyInputsLeft(table, ids);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void gzipNewickBombIsRefused() throws IOException {
        System.setProperty("gutbrain.inputRatioFloor", "1M"); // the default floor (1 GiB) would take 10 s
        Path table = tmp.resolve("t.tsv");
        Files.writeString(table, "#OTU ID\tS1\tS2\nA\t1\t2\nB\t0\t3\n");
        Path tree = gzipBomb(tmp.resolve("tree.nwk.gz"), "", (byte) '(', 2L << 30, ";");
        CliRun r = CliRun.of("table", "summarize", table.toString(), "--tree", tree.toString(), "--max-input-ratio", "100");
        assertOneLine(r, tree + ": decompresses to more than");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void distanceMatrixQzaMemberBombNamesArchiveAndMember() throws IOException {
        System.setProperty("gutbrain.inputRatioFloor", "1M");
        Path qza = tmp.resolve("dm.qza");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(qza))) {
            z.putNextEntry(new ZipEntry(UUID + "/metadata.yaml"));
            z.write(("uuid: " + UUID + "\ntype: DistanceMatrix\nformat: DistanceMatrixDirectoryFormat\n").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(UUID + "/data/distance-matrix.tsv"));
            z.write("\tA\tB\n".getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < 32; i++) z.write(zeros);
        }
        Path out = tmp.resolve("pcoa");
        CliRun r = CliRun.of("diversity", "pcoa", "--distance", qza.toString(), "--out", out.toString(), "--max-input-ratio", "100");
        assertOneLine(r, qza + "!/" + UUID + "/data/distance-matrix.tsv: decompresses to more than");
        assertOnlyInputsLeft(qza);
    }

    @Test
    void negativeBranchLengthNamesTheTreeFileAndLine() throws IOException {
        Path table = tmp.resolve("t.tsv");
        Files.writeString(table, "#OTU ID\tS1\tS2\nF1\t1\t2\nF72\t3\t4\n");
        Path tree = tmp.resolve("tree.nwk");
        Files.writeString(tree, "(F1:0.1,\nF72:-0.5);\n");
        CliRun r = CliRun.of("diversity", "alpha", "--table", table.toString(), "--metrics", "faith_pd",
                "--tree", tree.toString(), "--out", tmp.resolve("alpha.tsv").toString());
        assertOneLine(r, tree + ":line 2, column 5, tip 'F72': negative branch length -0.5");
        assertOnlyInputsLeft(table, tree);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void deeplyNestedStudyFileIsOneLineWithTheLine() throws IOException {
        Path study = tmp.resolve("study.yaml");
        StringBuilder sb = new StringBuilder("study:\n  name: t\ninputs:\n  table: t.tsv\n  metadata: md.tsv\nnotes: ");
        for (int i = 0; i < 5000; i++) sb.append('[');
        for (int i = 0; i < 5000; i++) sb.append(']');
        Files.writeString(study, sb.append('\n').toString());
        // study check and study run list every problem of a study file, then count them
        for (String cmd : new String[] {"check", "run"}) {
            CliRun r = CliRun.of("study", cmd, study.toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.errLines()).containsExactly(
                    "gutbrain: error: " + study + ":line 6: YAML nesting deeper than 64 levels (the nesting starts on line 6)"
                            + " (fix: flatten the structure; a study file needs at most 4 levels)",
                    "gutbrain: 1 problem in " + study);
        }
        assertOnlyInputsLeft(study);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void multiMegabyteStudyFileIsRefusedAtOnce() throws IOException {
        Path study = tmp.resolve("study.yaml");
        Files.writeString(study, "study:\n  name: t\n  description: " + "x".repeat(4 << 20) + "\n");
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("study", "run", study.toString());
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertOneLine(r, study + ": study file is " + Files.size(study) + " bytes; at most 1048576 bytes (1 MiB) are read");
    }
}
