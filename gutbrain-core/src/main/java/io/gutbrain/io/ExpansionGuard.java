package io.gutbrain.io;

import io.gutbrain.error.InputException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Wraps a decompressing stream (gzip, a zip member) and stops it with an {@link InputException}
 * as soon as it has produced more than {@link InputLimits#expansionFloorBytes()} bytes at a
 * decompressed : compressed ratio above {@link InputLimits#maxExpansionRatio()}, or (for archive
 * members) more than {@link InputLimits#maxArchiveMemberBytes()} bytes in total. The check is a
 * couple of comparisons per buffer, so it costs nothing measurable.
 */
final class ExpansionGuard extends FilterInputStream {
    private final LongSupplier compressedBytes;
    private final String source;
    private final long ratio;
    private final long floor;
    private final long maxTotal;
    private long produced;

    /**
     * @param in              the decompressing stream
     * @param compressedBytes how many compressed bytes have been consumed so far (or the member's compressed size)
     * @param source          file (or {@code archive!/member}) named in the error
     * @param maxTotal        absolute cap on decompressed bytes, {@code Long.MAX_VALUE} for none
     */
    ExpansionGuard(InputStream in, LongSupplier compressedBytes, String source, long maxTotal) {
        super(in);
        this.compressedBytes = compressedBytes;
        this.source = source;
        InputLimits.Values limits = InputLimits.get();
        this.ratio = limits.maxExpansionRatio();
        this.floor = limits.expansionFloorBytes();
        this.maxTotal = maxTotal;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) account(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) account(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        if (k > 0) account(k);
        return k;
    }

    private void account(long n) {
        produced += n;
        if (produced > maxTotal) {
            throw new InputException(source, null, "decompresses to more than " + InputLimits.format(maxTotal)
                    + " bytes, the limit for one archive member", InputLimits.RAISE_MEMBER);
        }
        if (produced > floor) {
            long compressed = Math.max(1, compressedBytes.getAsLong());
            if (produced / compressed > ratio) {
                throw new InputException(source, null, "decompresses to more than " + InputLimits.format(produced)
                        + " bytes from " + InputLimits.format(compressed) + " compressed (ratio above " + ratio
                        + ":1 past " + InputLimits.format(floor) + " bytes), which looks like a decompression bomb",
                        InputLimits.RAISE_RATIO);
            }
        }
    }

    /** Counts the bytes read through it: the compressed side of a gzip file. */
    static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) { super(in); }

        long count() { return count; }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            if (k > 0) count += k;
            return k;
        }
    }
}
