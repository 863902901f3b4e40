package io.gutbrain.io;

import io.gutbrain.error.InputException;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opening input files: gzip is detected by its magic bytes (not the file name) and decompressed
 * transparently; a missing or unreadable file becomes an {@link InputException} naming it.
 */
public final class TextInput {
    private TextInput() {}

    /** Opens a file as a byte stream, decompressing gzip transparently. */
    public static InputStream open(Path path) {
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            if (b1 == 0x1f && b2 == 0x8b) return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            return raw;
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), null, "file not found", "check the path");
        } catch (IOException e) {
            throw new InputException(path.toString(), null, "cannot read: " + e.getMessage(), "check the file exists and is readable", e);
        }
    }

    /** Opens a (possibly gzipped) UTF-8 text file; a leading byte-order mark is skipped. */
    public static BufferedReader reader(Path path) {
        BufferedReader r = new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8), 1 << 16);
        try {
            r.mark(1);
            if (r.read() != 0xFEFF) r.reset();
        } catch (IOException e) {
            throw new InputException(path.toString(), null, "cannot read: " + e.getMessage(), "check the file", e);
        }
        return r;
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
