package io.gutbrain.io;

import io.gutbrain.error.InputException;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opening input files: gzip is detected by its magic bytes (not the file name) and decompressed
 * transparently, under the bomb guard of {@link InputLimits} (ratio and floor); a missing or
 * unreadable file becomes an {@link InputException} naming it. Text is decoded as strict UTF-8
 * with lines bounded by {@link InputLimits#maxLineLength()} (see {@link #reader}).
 */
public final class TextInput {
    private TextInput() {}

    /**
     * Opens a file as a byte stream, decompressing gzip transparently. A gzip stream that
     * expands past {@link InputLimits#expansionFloorBytes()} at more than
     * {@link InputLimits#maxExpansionRatio()} : 1 fails with an {@link InputException} naming the file.
     */
    public static InputStream open(Path path) {
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                ExpansionGuard.Counting compressed = new ExpansionGuard.Counting(raw);
                InputStream gz = new GZIPInputStream(compressed, 1 << 13); // small input buffer: the compressed count lags by at most 8 KiB
                return new BufferedInputStream(new ExpansionGuard(gz, compressed::count, name(path), Long.MAX_VALUE), 1 << 16);
            }
            return raw;
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), null, "file not found", "check the path");
        } catch (IOException e) {
            throw new InputException(path.toString(), null, "cannot read: " + e.getMessage(), "check the file exists and is readable", e);
        }
    }

    /**
     * Opens a (possibly gzipped) UTF-8 text file; a leading byte-order mark is skipped.
     *
     * <p>The reader is strict: a byte sequence that is not UTF-8 fails with an
     * {@link InputException} naming the file, line, column and byte offset; {@code readLine}
     * fails on a line longer than {@link InputLimits#maxLineLength()} characters, naming the
     * line and the option that raises the limit. Mark/reset are not supported.
     */
    public static BufferedReader reader(Path path) {
        return new LineReader(open(path), name(path));
    }

    /**
     * A strict, line-bounded UTF-8 reader over an already open stream (e.g. an archive member),
     * as {@link #reader(Path)}; closing it closes the stream.
     *
     * @param sourceName the name used in messages, e.g. {@code archive.qza!/uuid/data/taxonomy.tsv}
     */
    public static BufferedReader reader(InputStream in, String sourceName) {
        return new LineReader(in, sourceName);
    }

    /** The first {@code n} bytes after gzip decompression (fewer at end of file); for format sniffing. */
    public static byte[] head(Path path, int n) {
        try (InputStream in = open(path)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new InputException(path.toString(), null, "cannot read: " + e.getMessage(), "check the file", e);
        }
    }

    /** Short display name for messages: the path as the user gave it. */
    public static String name(Path path) { return path.toString(); }
}
