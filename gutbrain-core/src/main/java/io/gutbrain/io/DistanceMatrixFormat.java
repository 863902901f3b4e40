package io.gutbrain.io;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The square tab-separated distance-matrix layout of scikit-bio ({@code lsmat}) and QIIME 2
 * ({@code distance-matrix.tsv} inside a {@code DistanceMatrix} artifact), also what R's
 * {@code write.table(as.matrix(d), sep="\t", col.names=NA)} produces:
 *
 * <pre>
 * &lt;blank&gt;  S1    S2    S3
 * S1       0.0   0.25  0.5
 * S2       0.25  0.0   0.75
 * S3       0.5   0.75  0.0
 * </pre>
 *
 * <p>The first header cell is ignored (it is empty from scikit-bio and a blank from some R
 * exports). Row ids must repeat the header ids in the same order. Blank lines are skipped; ids
 * and values are trimmed of surrounding blanks; gzip input is read transparently.
 */
public final class DistanceMatrixFormat {
    private DistanceMatrixFormat() {}

    /**
     * Reads and validates a square distance matrix: the header ids are unique, each row starts
     * with the matching id and holds N numbers, the diagonal is 0, every value is a finite
     * non-negative decimal and (i, j) equals (j, i) to within {@link DistanceMatrix#symmetricPair}.
     * Rows are streamed into the condensed upper triangle, so reading never holds the N × N square.
     *
     * @throws InputException naming the line and column of the first problem
     */
    public static DistanceMatrix read(Path path) {
        String source = TextInput.name(path);
        try (BufferedReader r = TextInput.reader(path)) {
            return read(r, source);
        } catch (IOException e) {
            throw new InputException(source, null, "cannot read: " + e.getMessage(), "check the file", e);
        }
    }

    /**
     * Reads from an open reader (e.g. a payload inside a QIIME 2 archive); see {@link #read(Path)}.
     * The reader is not closed.
     *
     * @param sourceName name used in error messages
     */
    public static DistanceMatrix read(BufferedReader in, String sourceName) {
        try {
            return new Reader(in, sourceName).read();
        } catch (IOException e) {
            throw new InputException(sourceName, null, "cannot read: " + e.getMessage(), "check the file", e);
        }
    }

    /**
     * Writes the matrix in the same layout, atomically. Every value is written as the shortest
     * decimal that reads back to the same double ({@link Decimals#format}); a single-precision
     * matrix writes each float widened to double, so reading the file back returns exactly the
     * stored values.
     *
     * @throws InputException if an id contains a tab or line break (it would corrupt the layout)
     */
    public static void write(DistanceMatrix matrix, Path path) {
        List<String> ids = matrix.ids();
        byte[][] idBytes = new byte[ids.size()][];
        for (int i = 0; i < idBytes.length; i++) {
            String id = ids.get(i);
            if (id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
                throw new InputException(TextInput.name(path), "id '" + id.replaceAll("[\t\r\n]", " ") + "'",
                        "a sample id contains a tab or line break, which the tab-separated layout cannot hold",
                        "rename the sample");
            }
            idBytes[i] = id.getBytes(StandardCharsets.UTF_8);
        }
        AtomicOutput.write(path, out -> writeTo(matrix, idBytes, out));
    }

    private static void writeTo(DistanceMatrix matrix, byte[][] ids, OutputStream out) throws IOException {
        int n = matrix.size();
        RowBuffer row = new RowBuffer();
        for (int j = 0; j < n; j++) {
            row.put('\t');
            row.put(ids[j]);
        }
        row.put('\n');
        row.flushTo(out);
        for (int i = 0; i < n; i++) {
            row.put(ids[i]);
            for (int j = 0; j < n; j++) {
                row.put('\t');
                row.putDouble(matrix.get(i, j));
            }
            row.put('\n');
            row.flushTo(out);
        }
    }

    /** A growable byte buffer for one output row: numbers are formatted straight into it. */
    private static final class RowBuffer {
        private byte[] buf = new byte[1 << 16];
        private int len;

        void put(char c) {
            ensure(1);
            buf[len++] = (byte) c;
        }

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        /** Appends the shortest round-tripping decimal of v ({@link Decimals#format(double)}). */
        void putDouble(double v) {
            ensure(Decimals.MAX_CHARS);
            len = Decimals.format(v, buf, len);
        }

        void flushTo(OutputStream out) throws IOException {
            out.write(buf, 0, len);
            len = 0;
        }

        private void ensure(int extra) {
            if (len + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    /** One validating read, streaming rows into the condensed triangle. */
    private static final class Reader {
        private final BufferedReader in;
        private final String source;
        private long lineNo;

        Reader(BufferedReader in, String source) {
            this.in = in;
            this.source = source;
        }

        DistanceMatrix read() throws IOException {
            String header = nextNonBlank();
            if (header == null) throw new InputException(source, null, "empty file: no header line", "supply a square distance matrix with ids on both axes");
            if (header.indexOf('\t') < 0) {
                throw InputException.atLine(source, lineNo, "no tab in the header line",
                        "the matrix must be tab-separated: an empty first cell, then one id per column");
            }
            List<String> ids = headerIds(header);
            int n = ids.size();
            long m = (long) n * (n - 1) / 2;
            if (m > Integer.MAX_VALUE - 8) {
                throw InputException.atLine(source, lineNo, n + " ids need " + m + " pairwise entries, more than one Java array holds",
                        "split the matrix");
            }
            double[] condensed = new double[(int) m];
            for (int i = 0; i < n; i++) {
                String line = nextNonBlank();
                if (line == null) {
                    throw InputException.atLine(source, lineNo + 1, "file ends after " + i + " of " + n + " rows",
                            "a square matrix needs one row per header id");
                }
                readRow(line, i, ids, condensed);
            }
            String extra = nextNonBlank();
            if (extra != null) {
                throw InputException.atLine(source, lineNo, "extra line after the " + n + " rows of the matrix",
                        "remove it, or add its id to the header if it is a sample");
            }
            return DistanceMatrix.ofCondensed(ids, condensed);
        }

        private List<String> headerIds(String header) {
            List<String> ids = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            int start = header.indexOf('\t') + 1; // the first cell is a corner, not an id
            while (true) {
                int end = header.indexOf('\t', start);
                if (end < 0) end = header.length();
                String id = header.substring(start, end).trim();
                int column = ids.size() + 2;
                if (id.isEmpty()) {
                    throw new InputException(source, at(column), "empty id in the header", "give every column a sample id");
                }
                int bad = IdCharacters.firstForbidden(id);
                if (bad >= 0) throw new InputException(source, at(column), IdCharacters.problem("sample", id, bad), IdCharacters.FIX);
                Integer first = seen.putIfAbsent(id, column);
                if (first != null) {
                    throw new InputException(source, at(column), "duplicate id '" + id + "' (also column " + first + ")",
                            "sample ids must be unique");
                }
                ids.add(id);
                if (end == header.length()) return ids;
                start = end + 1;
            }
        }

        private void readRow(String line, int i, List<String> ids, double[] condensed) {
            int n = ids.size();
            int tab = line.indexOf('\t');
            String rowId = (tab < 0 ? line : line.substring(0, tab)).trim();
            if (!rowId.equals(ids.get(i))) {
                throw new InputException(source, at(1), "row id '" + rowId + "', expected '" + ids.get(i) + "'",
                        "rows must list the header's ids in the same order");
            }
            int start = tab + 1;
            int k = DistanceMatrix.condensedIndex(n, i, i + 1); // next upper-triangle slot of row i
            for (int j = 0; j < n; j++) {
                if (tab < 0) {
                    throw new InputException(source, at(j + 1), "row '" + rowId + "' has " + j + " values, expected " + n,
                            "make the matrix square: one value per header id");
                }
                tab = line.indexOf('\t', start);
                int end = tab < 0 ? line.length() : tab;
                double v = parseValue(line, start, end, j);
                start = end + 1;
                if (j == i) {
                    if (v != 0) {
                        throw new InputException(source, at(j + 2), "diagonal value " + v + ", expected 0",
                                "a distance matrix has zeros on its diagonal");
                    }
                } else if (j > i) {
                    condensed[k++] = v;
                } else {
                    double mirror = condensed[DistanceMatrix.condensedIndex(n, j, i)];
                    if (!DistanceMatrix.symmetricPair(v, mirror)) {
                        throw new InputException(source, at(j + 2), "matrix is not symmetric: " + ids.get(i) + "/" + ids.get(j) + " is " + v
                                + " but " + ids.get(j) + "/" + ids.get(i) + " is " + mirror, "supply a symmetric distance matrix");
                    }
                }
            }
            if (tab >= 0 && !line.substring(tab).isBlank()) {
                throw new InputException(source, at(n + 2), "row '" + rowId + "' has more than " + n + " values",
                        "make the matrix square: one value per header id");
            }
        }

        private double parseValue(String line, int from, int to, int j) {
            while (from < to && line.charAt(from) <= ' ') from++;
            while (to > from && line.charAt(to - 1) <= ' ') to--;
            double v = Decimals.parse(line, from, to);
            if (Double.isNaN(v)) {
                throw new InputException(source, at(j + 2), "expected a number, found '" + line.substring(from, to) + "'",
                        "distances must be finite decimal numbers");
            }
            if (v < 0) {
                throw new InputException(source, at(j + 2), "negative distance " + v, "distances must be non-negative");
            }
            return v;
        }

        private String at(int column) {
            return "line " + lineNo + ", column " + column;
        }

        private String nextNonBlank() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) return line;
            }
            return null;
        }
    }
}
