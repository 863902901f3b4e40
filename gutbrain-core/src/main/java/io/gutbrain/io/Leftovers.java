package io.gutbrain.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Decides whether a temporary file or folder left by a gutbrain process is stale. Every
 * temporary name gutbrain writes carries the writer's process id; a leftover is stale when that
 * process is gone, when the id now belongs to a process started after the leftover was last
 * written (the id was reused), or when it is older than {@link #MAX_AGE} (a guard for platforms
 * that cannot tell). A leftover of a process that is still writing is never touched.
 */
final class Leftovers {
    private Leftovers() {}

    /** Leftovers older than this are stale whatever their process id says. */
    static final Duration MAX_AGE = Duration.ofDays(1);

    /** The process id written into temporary names. */
    static long pid() {
        return ProcessHandle.current().pid();
    }

    /** A short random token (base 36) that keeps concurrent temporary names of one process apart. */
    static String token() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, Character.MAX_RADIX);
    }

    /** Whether the leftover {@code p} written by process {@code pid} may be removed. */
    static boolean isStale(long pid, Path p) {
        if (pid == pid()) return false;
        Instant modified = modified(p);
        if (modified == null) return false; // already gone
        if (Duration.between(modified, Instant.now()).compareTo(MAX_AGE) > 0) return true;
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) return true;
        Optional<Instant> started = h.get().info().startInstant();
        // the leftover was written before this process existed: its writer died and the id was reused
        return started.isPresent() && started.get().isAfter(modified.plusSeconds(1));
    }

    /** Whether an unnamed-owner leftover (an older gutbrain's name without a pid) may be removed. */
    static boolean isOld(Path p) {
        Instant modified = modified(p);
        return modified != null && Duration.between(modified, Instant.now()).compareTo(MAX_AGE) > 0;
    }

    /** The number at the start of {@code s} (a process id), or -1. */
    static long leadingPid(String s) {
        int i = 0;
        while (i < s.length() && i < 19 && Character.isDigit(s.charAt(i))) i++;
        if (i == 0 || i == 19) return -1;
        return Long.parseLong(s.substring(0, i));
    }

    private static Instant modified(Path p) {
        try {
            FileTime t = Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return t.toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** Deletes a file or a folder tree, best effort (a leftover that cannot be removed now is retried next time). */
    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort
        }
    }
}
