package io.gutbrain.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile inputs generated on the fly: gzip and zip "bombs" whose payload is a prefix, many
 * repeated bytes and a suffix, written through a streaming deflater so a 2 GiB payload costs a
 * few MB on disk and never sits in memory. Plus a way to lower {@link InputLimits} for a test.
 */
final class Bombs {
    private Bombs() {}

    /** Writes {@code prefix}, then {@code count} copies of {@code fill}, then {@code suffix}, to {@code out}. */
    static void repeat(OutputStream out, String prefix, byte fill, long count, String suffix) throws IOException {
        out.write(prefix.getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, fill);
        for (long left = count; left > 0; left -= chunk.length) out.write(chunk, 0, (int) Math.min(chunk.length, left));
        out.write(suffix.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A gzip file holding the repeated payload, built from concatenated gzip members (which
     * gunzip and {@code GZIPInputStream} read as one stream): the 16 MiB block of repeated bytes
     * is compressed once and its member written as often as needed, so a 2 GiB bomb takes
     * milliseconds to make.
     */
    static Path gzip(Path file, String prefix, byte fill, long count, String suffix) throws IOException {
        int block = 16 << 20;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(member(prefix.getBytes(StandardCharsets.UTF_8)));
            byte[] whole = new byte[block];
            Arrays.fill(whole, fill);
            byte[] blockMember = member(whole);
            long left = count;
            for (; left >= block; left -= block) out.write(blockMember);
            if (left > 0) out.write(member(Arrays.copyOf(whole, (int) left)));
            out.write(member(suffix.getBytes(StandardCharsets.UTF_8)));
        }
        return file;
    }

    private static byte[] member(byte[] content) throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(content);
        }
        return buf.toByteArray();
    }

    /** A .qza whose {@code data/<member>} holds the repeated payload; metadata declares {@code type}. */
    static Path qza(Path file, String uuid, String type, String member, String prefix, byte fill, long count, String suffix) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry(uuid + "/VERSION"));
            z.write("QIIME 2\narchive: 5\nframework: 2023.9.0\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(uuid + "/metadata.yaml"));
            z.write(("uuid: " + uuid + "\ntype: " + type + "\nformat: X\n").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(uuid + "/data/" + member));
            repeat(z, prefix, fill, count, suffix);
            z.closeEntry();
        }
        return file;
    }

    /** Sets limits until closed, then restores the previous ones. */
    static AutoCloseable limits(InputLimits.Values v) {
        InputLimits.Values before = InputLimits.get();
        InputLimits.set(v);
        return () -> InputLimits.set(before);
    }

    /**
     * Defaults with the ratio guard starting at {@code floor} bytes instead of 1 GiB and a ratio
     * of 100 instead of 1000 (generated bombs compress about 1000 : 1, right at the default), so a
     * bomb trips within milliseconds.
     */
    static AutoCloseable lowFloor(long floor) {
        return limits(InputLimits.defaults().withExpansion(100, floor));
    }
}
