package io.gutbrain.io;

import io.gutbrain.error.InputException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;

/**
 * Writes a file so that it either appears whole or not at all: the content goes to a temporary
 * file in the same directory, which is moved over the target only after it is complete. A
 * failure part-way (bad data found while writing, disk full, a crash) leaves no half-written
 * output for a pipeline to pick up.
 *
 * <p>The temporary file is named {@code .<name>.<pid>.<random>.tmp}. A process killed while
 * writing (kill -9, power loss) cannot remove it, so every write of a target first removes the
 * stale temporaries of that same target: those whose process is gone (or whose id was reused,
 * or that are older than a day; see {@link Leftovers}). Temporaries of a writer that is still
 * running are left alone. Leftovers of older gutbrain versions ({@code .<name>.<digits>.tmp},
 * without a pid) are removed once they are a day old.
 */
public final class AtomicOutput {
    private AtomicOutput() {}

    /** Something that writes a whole file to a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Something that writes a whole file to a path (for libraries that want a path, e.g. HDF5). */
    @FunctionalInterface
    public interface PathWriter {
        void write(Path tmp) throws IOException;
    }

    /** Writes through a buffered stream into a temporary sibling, then moves it to {@code target}. */
    public static void write(Path target, StreamWriter writer) {
        writePath(target, tmp -> {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(out);
            }
        });
    }

    /** Lets {@code writer} create a temporary sibling file by path, then moves it to {@code target}. */
    public static void writePath(Path target, PathWriter writer) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null) Files.createDirectories(dir);
            removeStaleTemporaries(abs);
            tmp = temporaryFor(abs);
            writer.write(tmp);
            Predicate<Path> full = fullDisk;
            if (full != null && full.test(abs)) throw new IOException("No space left on device (simulated)");
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InputException(OutputFolder.shown(target).toString(), null, "cannot write: " + reason(e), fix(e), e);
        } catch (UncheckedIOException e) {
            throw new InputException(OutputFolder.shown(target).toString(), null, "cannot write: " + reason(e.getCause()), fix(e.getCause()), e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }

    private static volatile Predicate<Path> fullDisk;

    /**
     * For tests of the callers' failure handling: until the returned handle is closed, every
     * write of a target matching {@code targets} fails after its content was written to the
     * temporary file, as on a full disk. Not for production use.
     */
    public static AutoCloseableHandle simulateFullDisk(Predicate<Path> targets) {
        fullDisk = targets;
        return () -> fullDisk = null;
    }

    /** A handle that ends a simulation without a checked exception. */
    @FunctionalInterface
    public interface AutoCloseableHandle extends AutoCloseable {
        @Override void close();
    }

    private static String fix(IOException e) {
        return reason(e).startsWith("No space left") ? "free space on that disk or write somewhere else" : "check the path exists and is writable";
    }

    /** The reason of a write failure without the (temporary) path the JDK puts in front of it. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such folder";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return String.valueOf(e.getMessage());
    }

    /**
     * A fresh temporary name beside {@code target} carrying this process's id. The file itself is
     * not created: some writers (HDF5) refuse to open an existing file.
     */
    static Path temporaryFor(Path target) {
        String prefix = "." + target.getFileName() + "." + Leftovers.pid() + ".";
        Path tmp;
        do {
            tmp = target.resolveSibling(prefix + Leftovers.token() + TMP_SUFFIX);
        } while (Files.exists(tmp, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        return tmp;
    }

    private static final String TMP_SUFFIX = ".tmp";

    /**
     * Removes the temporaries of earlier, dead writers of {@code target}
     * ({@code .<name>.<pid>.<random>.tmp}); returns how many were removed.
     */
    public static int removeStaleTemporaries(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) return 0;
        String prefix = "." + abs.getFileName() + ".";
        int removed = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(TMP_SUFFIX) && n.length() > prefix.length() + TMP_SUFFIX.length();
        })) {
            for (Path p : s) {
                String middle = p.getFileName().toString();
                middle = middle.substring(prefix.length(), middle.length() - TMP_SUFFIX.length());
                int dot = middle.indexOf('.');
                boolean stale;
                if (dot < 0) {
                    // an older gutbrain's name (random digits, no pid): only by age
                    stale = middle.chars().allMatch(Character::isDigit) && Leftovers.isOld(p);
                } else {
                    long pid = Leftovers.leadingPid(middle);
                    stale = pid > 0 && dot == Long.toString(pid).length() && middle.indexOf('.', dot + 1) < 0 && Leftovers.isStale(pid, p);
                }
                if (stale && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.deleteIfExists(p);
                        removed++;
                    } catch (IOException ignored) {
                        // best effort: tried again at the next write
                    }
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException ignored) {
            // an unreadable folder fails the write itself, with a clear message
        }
        return removed;
    }
}
