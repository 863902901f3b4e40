package io.gutbrain.study;

import io.gutbrain.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile study files are refused at once with one line: deep nesting, huge files and values, alias bombs. */
class StudyReaderLimitsTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void fiveThousandLevelsOfNestingAreOneLineWithTheLine() {
        StringBuilder sb = new StringBuilder(StudyFileTest.HEAD).append("notes: ");
        for (int i = 0; i < 5000; i++) sb.append('[');
        for (int i = 0; i < 5000; i++) sb.append(']');
        sb.append('\n');
        assertThatThrownBy(() -> StudyFileTest.parse(sb.toString()))
                .isInstanceOf(StudyFileException.class)
                .hasMessageStartingWith("study.yaml:line 6: YAML nesting deeper than 64 levels (the nesting starts on line 6)")
                .hasMessageNotContaining("StackOverflow");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void blockNestingIsCheckedToo() {
        StringBuilder sb = new StringBuilder(StudyFileTest.HEAD).append("deep:\n");
        for (int i = 1; i <= 100; i++) sb.append("  ".repeat(i)).append("k").append(i).append(":\n");
        sb.append("  ".repeat(101)).append("v\n");
        assertThatThrownBy(() -> StudyFileTest.parse(sb.toString()))
                .isInstanceOf(StudyFileException.class)
                .hasMessageStartingWith("study.yaml:line 70: YAML nesting deeper than 64 levels (the nesting starts on line 7)");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aMultiMegabyteStudyFileIsRefusedBeforeParsing() throws Exception {
        Path f = tmp.resolve("study.yaml");
        Files.writeString(f, StudyFileTest.HEAD + "description: " + "x".repeat(5 << 20) + "\n");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> StudyFile.read(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": study file is " + Files.size(f) + " bytes; at most 1048576 bytes (1 MiB) are read (fix: ");
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anOversizeValueIsRefusedWithItsLine() {
        String text = StudyFileTest.HEAD + "description: \"" + "x".repeat(900_000) + "\"\n";
        assertThatThrownBy(() -> StudyFileTest.parse(text))
                .isInstanceOf(StudyFileException.class)
                .hasMessageStartingWith("study.yaml:line 6: a value of 900,000 characters; at most 65,536 are allowed");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void billionLaughsIsRefused() {
        StringBuilder sb = new StringBuilder(StudyFileTest.HEAD).append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) sb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            sb.append("]\n");
        }
        assertThatThrownBy(() -> StudyFileTest.parse(sb.toString()))
                .isInstanceOf(StudyFileException.class)
                .hasMessageContaining("study.yaml")
                .hasMessageContaining("aliases");
    }

    @Test
    void aGzipStudyFileThatExpandsPastTheCapIsRefused() throws Exception {
        Path f = tmp.resolve("study.yaml.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
            out.write((StudyFileTest.HEAD + "description: " + "x".repeat(3 << 20) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> StudyFile.read(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": study file is more than 1048576 characters");
    }
}
