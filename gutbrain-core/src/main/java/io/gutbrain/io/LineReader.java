package io.gutbrain.io;

import io.gutbrain.error.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The reader behind {@link TextInput#reader}: a {@link BufferedReader} that decodes UTF-8
 * strictly and bounds every line.
 *
 * <ul>
 *   <li>Bytes that are not UTF-8 are an {@link InputException} naming the file, the line, the
 *       character column and the position of the first bad byte (1-based, counted in the
 *       decompressed bytes), never a silent U+FFFD.</li>
 *   <li>{@link #readLine()} refuses a line longer than {@link InputLimits#maxLineLength()}
 *       characters as soon as that many have been read, so a 2 GiB line costs at most the limit
 *       in memory. Lines that fit in the buffer are cut out of it directly (one copy, as
 *       {@code BufferedReader} does).</li>
 *   <li>A leading byte-order mark is skipped; {@code \n}, {@code \r\n} and {@code \r} end lines.</li>
 * </ul>
 * Mark and reset are not supported.
 */
final class LineReader extends BufferedReader {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final String source;
    private final long maxLine;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final char[] chars = new char[BUFFER];
    private int pos;
    private int lim;
    private long bytesBefore;   // bytes of the input that precede bytes[0]
    private boolean eof;        // the byte input is exhausted and flushed
    private boolean skipLf;     // the last line ended in '\r': a following '\n' belongs to it
    private boolean started;
    private long linesDone;
    private long partial;        // characters of the current line already handed out by read()
    private String pendingError; // a decoding problem found after the characters before it were decoded

    LineReader(InputStream in, String source) {
        super(Reader.nullReader(), 1);
        this.in = in;
        this.source = source;
        this.maxLine = InputLimits.maxLineLength();
        bytes.flip();
    }

    /** Lines completely read so far. */
    long linesRead() { return linesDone; }

    @Override
    public String readLine() throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos >= lim && !fill()) {
                if (sb == null) return null;
                return endLine(sb.toString());
            }
            if (skipLf) {
                skipLf = false;
                if (chars[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            int i = start;
            char[] c = chars;
            int end = lim;
            while (i < end) {
                char ch = c[i];
                if (ch == '\n' || ch == '\r') break;
                i++;
            }
            long have = (sb == null ? 0 : sb.length()) + (i - start);
            if (have > maxLine) throw tooLong();
            if (i < end) {
                String line = sb == null ? new String(c, start, i - start) : sb.append(c, start, i - start).toString();
                pos = i + 1;
                if (c[i] == '\r') skipLf = true;
                return endLine(line);
            }
            if (sb == null) sb = new StringBuilder(Math.max(16, 2 * (i - start)));
            sb.append(c, start, i - start);
            partial = sb.length();
            pos = end;
        }
    }

    private String endLine(String line) {
        linesDone++;
        partial = 0;
        return line;
    }

    @Override
    public int read() throws IOException {
        while (true) {
            if (pos >= lim && !fill()) return -1;
            char ch = chars[pos++];
            if (skipLf) {
                skipLf = false;
                if (ch == '\n') continue;
            }
            countChar(ch);
            return ch;
        }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos >= lim && !fill()) return -1;
        if (skipLf) {
            skipLf = false;
            if (chars[pos] == '\n' && ++pos >= lim && !fill()) return -1;
        }
        int n = Math.min(len, lim - pos);
        for (int i = 0; i < n; i++) countChar(chars[pos + i]);
        System.arraycopy(chars, pos, cbuf, off, n);
        pos += n;
        return n;
    }

    /** Keeps line numbers right for callers that read characters instead of lines. */
    private void countChar(char ch) {
        if (ch == '\n') {
            linesDone++;
            partial = 0;
        } else {
            partial++;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        long done = 0;
        while (done < n && read() >= 0) done++;
        return done;
    }

    @Override
    public boolean ready() throws IOException {
        return pos < lim || in.available() > 0;
    }

    @Override
    public boolean markSupported() { return false; }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        throw new IOException("mark not supported");
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("reset not supported");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Decodes more characters into the empty buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        if (pendingError != null) throw malformed(pendingError);
        pos = 0;
        lim = 0;
        CharBuffer out = CharBuffer.wrap(chars);
        while (out.position() == 0) {
            if (eof) return false;
            if (!bytes.hasRemaining() || bytes.remaining() < 4) readBytes();
            boolean endOfInput = eofBytes;
            CoderResult r = decoder.decode(bytes, out, endOfInput);
            if (r.isError()) {
                String problem = describe(r);
                if (out.position() == 0) throw malformed(problem);
                pendingError = problem; // hand out the good characters before it first
                break;
            }
            if (endOfInput && !bytes.hasRemaining()) {
                decoder.flush(out);
                eof = true;
            }
        }
        lim = out.position();
        if (!started) {
            started = true;
            if (lim > 0 && chars[0] == '\uFEFF') pos = 1;
        }
        return pos < lim || fill();
    }

    private boolean eofBytes;

    private void readBytes() throws IOException {
        if (eofBytes) return;
        bytesBefore += bytes.position();
        bytes.compact();
        try {
            while (bytes.hasRemaining()) {
                int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                if (n < 0) {
                    eofBytes = true;
                    break;
                }
                bytes.position(bytes.position() + n);
                if (n > 0 && bytes.position() >= 4) break;
            }
        } finally {
            bytes.flip();
        }
    }

    private String describe(CoderResult r) {
        StringBuilder hex = new StringBuilder();
        int at = bytes.position();
        for (int k = 0; k < r.length() && at + k < bytes.limit(); k++) {
            if (k > 0) hex.append(' ');
            hex.append(String.format("0x%02X", bytes.get(at + k) & 0xff));
        }
        return "byte " + InputLimits.format(bytesBefore + at + 1) + " (" + hex + ") is not valid UTF-8";
    }

    private InputException malformed(String problem) {
        long column = partial + (lim - pos) + 1;
        return new InputException(source, "line " + (linesDone + 1) + ", column " + column, problem,
                "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8 in > out, or 'Save as UTF-8' in the spreadsheet)");
    }

    private InputException tooLong() {
        return new InputException(source, "line " + (linesDone + 1), "line is longer than " + InputLimits.format(maxLine)
                + " characters", "check the file is a text table (not binary or one huge line); " + InputLimits.RAISE_LINE);
    }
}
