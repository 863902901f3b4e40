package io.gutbrain.io;

import io.gutbrain.error.InputException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that it either appears whole or not at all: the content goes to a temporary
 * file in the same directory, which is moved over the target only after it is complete. A
 * failure part-way (bad data found while writing, disk full, a crash) leaves no half-written
 * output for a pipeline to pick up.
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
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            Files.delete(tmp); // some writers (HDF5) refuse to open an existing file
            writer.write(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InputException(target.toString(), null, "cannot write: " + e.getMessage(), "check the path exists and is writable", e);
        } catch (UncheckedIOException e) {
            throw new InputException(target.toString(), null, "cannot write: " + e.getCause().getMessage(), "check the path exists and is writable", e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }
}
