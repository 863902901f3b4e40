package io.gutbrain.io;

import io.gutbrain.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputLimitsTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsAreDocumentedValues() {
        InputLimits.Values d = InputLimits.defaults();
        assertThat(d.maxLineLength()).isEqualTo(64L << 20);
        assertThat(d.maxExpansionRatio()).isEqualTo(1000);
        assertThat(d.expansionFloorBytes()).isEqualTo(1L << 30);
        assertThat(InputLimits.fromEnvironment(k -> null, k -> null)).isEqualTo(d);
    }

    @Test
    void environmentAndPropertiesOverrideDefaultsPropertiesWin() {
        Map<String, String> env = Map.of("GUTBRAIN_MAX_LINE_LENGTH", "128M", "GUTBRAIN_MAX_INPUT_RATIO", "5000");
        Map<String, String> props = Map.of("gutbrain.maxInputRatio", "7000");
        InputLimits.Values v = InputLimits.fromEnvironment(env::get, props::get);
        assertThat(v.maxLineLength()).isEqualTo(128L << 20);
        assertThat(v.maxExpansionRatio()).isEqualTo(7000);
    }

    @Test
    void aBadOverrideIsOneLineNamingTheVariable() {
        Map<String, String> env = Map.of("GUTBRAIN_MAX_LINE_LENGTH", "lots");
        assertThatThrownBy(() -> InputLimits.fromEnvironment(env::get, k -> null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("GUTBRAIN_MAX_LINE_LENGTH: 'lots' is not a positive whole number (fix: ");
        assertThatThrownBy(() -> InputLimits.parseSize("-3")).isInstanceOf(NumberFormatException.class);
        assertThat(InputLimits.parseSize("2G")).isEqualTo(2L << 30);
        assertThat(InputLimits.parseSize("64KiB")).isEqualTo(64L << 10);
    }

    @Test
    void aLineOverTheLimitIsRefusedWithFileLineAndHowToRaiseIt() throws Exception {
        Path f = tmp.resolve("long.tsv");
        Files.writeString(f, "#OTU ID\tS1\nA\t1\n" + "B".repeat(5000) + "\t2\n");
        try (AutoCloseable l = Bombs.limits(InputLimits.defaults().withMaxLineLength(1000))) {
            assertThatThrownBy(() -> ClassicTsv.read(f))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(f + ":line 3: line is longer than 1,000 characters")
                    .hasMessageContaining("--max-line-length");
        }
        assertThat(ClassicTsv.read(f).featureCount()).isEqualTo(2); // fine at the default
    }

    @Test
    void aLineExactlyAtTheLimitIsAccepted() throws Exception {
        try (AutoCloseable l = Bombs.limits(InputLimits.defaults().withMaxLineLength(10))) {
            Path f = tmp.resolve("ten.txt");
            Files.writeString(f, "0123456789\r\n0123456789");
            try (BufferedReader r = TextInput.reader(f)) {
                assertThat(r.readLine()).isEqualTo("0123456789");
                assertThat(r.readLine()).isEqualTo("0123456789");
                assertThat(r.readLine()).isNull();
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void twoGibLineInGzipTsvIsRefusedAtDefaultLimitsInBoundedTime() throws IOException {
        Path f = Bombs.gzip(tmp.resolve("bomb.tsv.gz"), "#OTU ID\tS1\n", (byte) 'A', 2L << 30, "\t1\n");
        assertThat(Files.size(f)).isLessThan(8L << 20);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> TableIO.read(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":line 2: line is longer than 67,108,864 characters");
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(20));
    }

    @Test
    void gzipBombIsRefusedOnceItPassesTheFloorAtTheRatio() throws Exception {
        // many short lines: only the expansion guard can stop it
        Path f = Bombs.gzip(tmp.resolve("lines.tsv.gz"), "#OTU ID\tS1\n", (byte) '\n', 64L << 20, "");
        try (AutoCloseable l = Bombs.lowFloor(1 << 20)) {
            assertThatThrownBy(() -> TableIO.read(f))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(f + ": decompresses to more than")
                    .hasMessageContaining("ratio above 100:1")
                    .hasMessageContaining("--max-input-ratio");
        }
    }

    @Test
    void aCompressibleButRealisticGzipReadsPastTheFloor() throws Exception {
        // a table of zeros compresses ~ 200:1, well under the ratio: read in full although past the (lowered) floor
        StringBuilder sb = new StringBuilder("#OTU ID");
        for (int s = 0; s < 200; s++) sb.append("\tS").append(s);
        sb.append('\n');
        Random rnd = new Random(1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            for (int f = 0; f < 5000; f++) {
                StringBuilder row = new StringBuilder("F").append(f);
                for (int s = 0; s < 200; s++) row.append('\t').append(rnd.nextInt(50) == 0 ? rnd.nextInt(100) : 0);
                gz.write(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        Path f = tmp.resolve("zeros.tsv.gz");
        Files.write(f, buf.toByteArray());
        try (AutoCloseable l = Bombs.lowFloor(1 << 16)) {
            assertThat(TableIO.read(f).featureCount()).isEqualTo(5000);
        }
    }

    @Test
    void invalidUtf8IsAnErrorWithLineColumnAndByteOffset() throws IOException {
        Path f = tmp.resolve("latin1.tsv");
        Files.write(f, "#OTU ID\tS1\nF1\t1\nCaf\u00e9\t2\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ClassicTsv.read(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":line 3, column 4: byte 20 (0xE9) is not valid UTF-8")
                .hasMessageContaining("save the file as UTF-8");
    }

    @Test
    void invalidUtf8AfterManyLinesIsReportedOnItsOwnLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20000; i++) sb.append("line ").append(i).append('\n');
        byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[good.length + 3];
        System.arraycopy(good, 0, all, 0, good.length);
        all[good.length] = 'x';
        all[good.length + 1] = (byte) 0xC3; // truncated two-byte sequence at the end of the file
        all[good.length + 2] = 'y';
        Path f = tmp.resolve("late.txt");
        Files.write(f, all);
        try (BufferedReader r = TextInput.reader(f)) {
            for (int i = 0; i < 20000; i++) assertThat(r.readLine()).isEqualTo("line " + i);
            assertThatThrownBy(r::readLine).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(f + ":line 20001, column 2: byte " + InputLimits.format(good.length + 2L) + " (0xC3)");
        }
    }

    @Test
    void readsValidUtf8LikeBufferedReaderAcrossBufferBoundaries() throws IOException {
        Random rnd = new Random(42);
        String[] pieces = {"a", "\u00e9", "\u4e2d", "\ud83d\ude00", "\t", "\n", "\r\n", "\r", ""};
        for (int trial = 0; trial < 20; trial++) {
            StringBuilder sb = new StringBuilder(trial % 2 == 0 ? "\uFEFF" : "");
            int n = 20000 + rnd.nextInt(200000);
            while (sb.length() < n) sb.append(pieces[rnd.nextInt(pieces.length)]);
            String text = sb.toString();
            Path f = tmp.resolve("t" + trial + ".txt");
            Files.write(f, text.getBytes(StandardCharsets.UTF_8));
            List<String> expected = new ArrayList<>();
            try (BufferedReader ref = new BufferedReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
                for (String l; (l = ref.readLine()) != null; ) expected.add(l);
            }
            List<String> actual = new ArrayList<>();
            try (BufferedReader r = TextInput.reader(f)) {
                for (String l; (l = r.readLine()) != null; ) actual.add(l);
            }
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void unclosedQuoteCannotSwallowTheFileUnbounded() throws Exception {
        StringBuilder sb = new StringBuilder("id,group\ns1,\"open\n");
        for (int i = 0; i < 100000; i++) sb.append("more text ").append(i).append('\n');
        Path f = tmp.resolve("quote.csv");
        Files.writeString(f, sb.toString());
        try (AutoCloseable l = Bombs.limits(InputLimits.defaults().withMaxLineLength(100_000))) {
            assertThatThrownBy(() -> MetadataFile.read(f))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(f + ":line 2: quoted field opened here runs on for more than 100,000 characters");
        }
        // at the default limit it reaches the end and reports the unclosed quote at its line
        assertThatThrownBy(() -> MetadataFile.read(f)).hasMessageStartingWith(f + ":line 2: quoted field opened here is never closed");
    }

    @Test
    void multiLineQuotedFieldsStillRead() throws IOException {
        Path f = tmp.resolve("notes.csv");
        Files.writeString(f, "id,note,age\ns1,\"two\nlines, \"\"quoted\"\"\",31\ns2,plain,40\n");
        var md = MetadataFile.read(f);
        assertThat(md.ids()).containsExactly("s1", "s2");
        assertThat(md.textColumn("note")[0]).isEqualTo("two\nlines, \"quoted\"");
    }

    @Test
    void metadataAndDistanceMatrixBombsEndInOneInputException() throws Exception {
        Path md = Bombs.gzip(tmp.resolve("md.tsv.gz"), "#SampleID\tage\n", (byte) ' ', 64L << 20, "\n");
        Path dm = Bombs.gzip(tmp.resolve("dm.tsv.gz"), "\tA\tB\n", (byte) '0', 64L << 20, "\n");
        try (AutoCloseable l = Bombs.lowFloor(1 << 20)) {
            assertThatThrownBy(() -> MetadataFile.read(md)).isInstanceOf(InputException.class).hasMessageStartingWith(md + ": decompresses");
            assertThatThrownBy(() -> DistanceMatrixFormat.read(dm)).isInstanceOf(InputException.class).hasMessageStartingWith(dm + ": decompresses");
        }
        try (AutoCloseable l = Bombs.limits(InputLimits.defaults().withMaxLineLength(1 << 20))) {
            assertThatThrownBy(() -> MetadataFile.read(md)).isInstanceOf(InputException.class).hasMessageStartingWith(md + ":line 2: line is longer");
            assertThatThrownBy(() -> DistanceMatrixFormat.read(dm)).isInstanceOf(InputException.class).hasMessageStartingWith(dm + ":line 2: line is longer");
        }
    }
}
