package io.gutbrain.io;

import io.gutbrain.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.gutbrain.io.OutputFolderTest.deadPid;
import static io.gutbrain.io.OutputFolderTest.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single-file atomic writes: pid-named temporaries, removed when their writer died. */
class AtomicOutputTest {
    @TempDir Path tmp;

    @Test
    void theTemporaryNameCarriesThePid() {
        Path t = AtomicOutput.temporaryFor(tmp.resolve("table.tsv"));
        assertThat(t.getFileName().toString()).matches("\\.table\\.tsv\\." + ProcessHandle.current().pid() + "\\.[0-9a-z]+\\.tmp");
    }

    @Test
    void staleTemporariesOfTheTargetAreRemovedAtItsNextWrite() throws Exception {
        long dead = deadPid();
        long self = ProcessHandle.current().pid();
        Path stale = Files.writeString(tmp.resolve(".ag.tsv." + dead + ".k3j2.tmp"), "half a table");
        Path live = Files.writeString(tmp.resolve(".ag.tsv." + self + ".k3j2.tmp"), "being written");
        Path otherTarget = Files.writeString(tmp.resolve(".ag.tsv.gz." + dead + ".k3j2.tmp"), "another file's");
        Path legacyOld = Files.writeString(tmp.resolve(".ag.tsv.5914128725508496977.tmp"), "older gutbrain");
        Files.setLastModifiedTime(legacyOld, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        Path legacyNew = Files.writeString(tmp.resolve(".ag.tsv.1234567.tmp"), "older gutbrain, recent");

        TextOutput.write(tmp.resolve("ag.tsv"), "table\n");

        assertThat(stale).doesNotExist();
        assertThat(legacyOld).doesNotExist();
        assertThat(live).exists();
        assertThat(otherTarget).exists();
        assertThat(legacyNew).exists();
        assertThat(Files.readString(tmp.resolve("ag.tsv"))).isEqualTo("table\n");
    }

    @Test
    void aFailedWriteLeavesNeitherTargetNorTemporary() {
        try (AtomicOutput.AutoCloseableHandle full = AtomicOutput.simulateFullDisk(p -> true)) {
            assertThatThrownBy(() -> TextOutput.write(tmp.resolve("x.tsv"), "x")).isInstanceOf(InputException.class)
                    .hasMessageContaining("x.tsv").hasMessageContaining("No space left");
        }
        assertThat(names(tmp)).isEmpty();
    }
}
