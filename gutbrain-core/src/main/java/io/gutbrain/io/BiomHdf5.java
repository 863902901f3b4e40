package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import io.gutbrain.table.TableArrays;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes BIOM 2.1 tables, which are HDF5 files
 * (<a href="http://biom-format.org/documentation/format_versions/biom-2.1.html">format description</a>),
 * the format of QIIME 2 feature tables exported with {@code qiime tools export} and of current
 * biom-format. Uses jhdf (pure Java), so no native HDF5 library is needed.
 *
 * <p><b>Reading.</b> BIOM 2.1 stores the matrix twice: {@code /sample/matrix} compressed by
 * sample (exactly {@link FeatureTable}'s layout, so it is preferred) and
 * {@code /observation/matrix} compressed by observation (used when the sample copy is absent).
 * Ids come from {@code /observation/ids} and {@code /sample/ids}; observation metadata
 * {@code taxonomy} (a 2-D array of levels, or 1-D strings) becomes per-feature {@link Lineage}s;
 * every 1-D (or 2-D, joined with {@code "; "}) dataset under {@code /sample/metadata} becomes a
 * {@link SampleMetadata} column. Empty strings and NaN are missing values. Metadata datasets of
 * other HDF5 types (compound, enum) are skipped. Group metadata is not read.
 *
 * <p>Checks, each reported as an {@link InputException} located by HDF5 path (an element as
 * {@code /sample/matrix/indices[12]}): the root attribute {@code shape} against both id lists and
 * the pointer array, pointer monotonicity, indices in range, the same cell given twice, values
 * finite and non-negative, ids unique and non-empty.
 *
 * <p><b>Writing.</b> The layout biom-format writes, both matrix copies included, readable by
 * biom-format's {@code load_table}. jhdf 0.10.0 writes only fixed-length UTF-8 strings,
 * contiguous and uncompressed datasets; so ids, taxonomy and metadata are fixed-length strings
 * (biom-format writes variable-length ones) and the file is larger than one biom-format would
 * compress. biom-format decodes fixed-length ids as ASCII, so a table whose ids contain non-ASCII
 * characters writes fine and reads back here, but biom-format rejects it; biom-format also shows
 * the fixed-length {@code generated-by} and {@code creation-date} attributes as bytes (it decodes
 * only {@code id} and {@code type}). A feature whose lineage is null is written as an empty
 * taxonomy row and reads back as an unassigned (empty) lineage. An all-zero table is written
 * with one explicit zero, because jhdf cannot write an empty dataset.
 */
public final class BiomHdf5 {
    /** The {@code format-version} attribute written. */
    private static final long[] FORMAT_VERSION = {2, 1};
    /** biom-format's escape for "/" in metadata names, which HDF5 would take as a path separator. */
    private static final String SLASH = "@@SLASH@@";

    private BiomHdf5() {}

    /**
     * Reads a BIOM 2.x HDF5 table.
     *
     * @throws InputException for files that are not HDF5, are not BIOM, or are inconsistent, naming the HDF5 path
     */
    public static FeatureTable read(Path path) {
        return readWithInfo(path).table();
    }

    /**
     * Opens the file for jhdf as a read-only memory map when it fits one buffer (below 2 GiB, as
     * nearly every BIOM table does). jhdf trusts the lengths written in object headers: reading a
     * damaged file through a channel, it allocated and zero-filled a buffer of the corrupt length
     * (4 GB resident and 27 s for a 2.9 kB file, found by the reader fuzzer). Over a memory map the
     * same read is a slice past the end, refused at once. Larger files are read through the channel.
     */
    private static HdfFile open(Path path) throws java.io.IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.READ)) {
            if (ch.size() < Integer.MAX_VALUE) return HdfFile.fromByteBuffer(ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, ch.size()));
        }
        return new HdfFile(path);
    }

    /** Like {@link #read} but also returns the file's id, type, format version, generator and date. */
    public static BiomContents readWithInfo(Path path) {
        String src = TextInput.name(path);
        if (!Files.isRegularFile(path)) throw new InputException(src, null, "file not found", "check the path");
        HdfFile h;
        try {
            h = open(path);
        } catch (java.io.IOException e) {
            throw new InputException(src, null, "cannot read: " + e.getMessage(), "check the file exists and is readable", e);
        } catch (RuntimeException e) { // jhdf reports a damaged superblock with HdfException, ArithmeticException, ...
            throw new InputException(src, null, "not a readable HDF5 file (" + jhdfMessage(e) + ")",
                    "BIOM 2.x tables are HDF5 files; for BIOM 1.0 JSON or TSV tables use the matching reader", e);
        }
        Reader r = new Reader(src, h);
        try (h) {
            return r.read();
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            // A damaged file makes jhdf throw HdfException but also IllegalArgumentException ("Global heap
            // doesn't contain object"), ArithmeticException (overflowing sizes) and the like while it
            // follows corrupt addresses: all are properties of the file, reported at the object being read.
            throw new InputException(src, r.at, "cannot read this HDF5 object, the file is damaged (" + jhdfMessage(e) + ")",
                    "re-export the table with biom-format or QIIME 2, or re-download it", e);
        }
    }

    /**
     * jhdf's message on one line. Damaged files make jhdf throw all sorts of runtime exceptions
     * (arithmetic, illegal argument, buffer underflow); their Java type says nothing to a user,
     * so only the message is kept (the cause stays attached for GUTBRAIN_DEBUG).
     */
    private static String jhdfMessage(RuntimeException e) {
        String m = e.getMessage() == null ? "no detail" : e.getMessage().replace('\n', ' ');
        if (m.length() > 200) m = m.substring(0, 200) + "...";
        return m;
    }

    // ================================================================== reading

    private static final class Reader {
        private final String src;
        private final HdfFile h;
        /** The object being read, for errors jhdf raises. */
        String at = "/";
        /** Whether the matrix data were stored in single precision (so the float plausibility limits apply). */
        private boolean dataIsFloat32;

        Reader(String src, HdfFile h) {
            this.src = src;
            this.h = h;
        }

        BiomContents read() {
            long[] shape = longs(requiredAttribute("shape"), "/ (attribute shape)");
            if (shape.length != 2 || shape[0] < 0 || shape[1] < 0 || shape[0] > Integer.MAX_VALUE || shape[1] > Integer.MAX_VALUE) {
                throw new InputException(src, "/ (attribute shape)", "expected two non-negative counts [observations, samples]", "re-export the table");
            }
            int nObs = (int) shape[0];
            int nSamp = (int) shape[1];
            List<String> obsIds = ids("/observation/ids", nObs, "observations");
            List<String> sampIds = ids("/sample/ids", nSamp, "samples");

            boolean bySample = node("/sample/matrix") instanceof Group;
            if (!bySample && !(node("/observation/matrix") instanceof Group)) {
                throw new InputException(src, "/sample/matrix", "no matrix: neither /sample/matrix nor /observation/matrix exists", "this is not a BIOM 2 table; re-export it");
            }
            String m = bySample ? "/sample/matrix" : "/observation/matrix";
            int major = bySample ? nSamp : nObs;
            int minor = bySample ? nObs : nSamp;
            double[] data = doubles(m + "/data");
            // plausible magnitudes in the file's precision (see Corruption)
            double minPlausible = dataIsFloat32 ? Corruption.MIN_PLAUSIBLE_FLOAT : Corruption.MIN_PLAUSIBLE;
            double maxPlausible = dataIsFloat32 ? Corruption.MAX_PLAUSIBLE_FLOAT : Corruption.MAX_PLAUSIBLE;
            int[] indices = ints(m + "/indices");
            int[] indptr = ints(m + "/indptr");
            if (indices.length != data.length) {
                throw new InputException(src, m + "/indices", indices.length + " indices for " + data.length + " values in " + m + "/data", "re-export the table");
            }
            if (indptr.length != major + 1) {
                throw new InputException(src, m + "/indptr", "has " + indptr.length + " entries; expected " + (major + 1) + " (one more than the "
                        + major + (bySample ? " samples" : " observations") + " in the shape)", "re-export the table");
            }
            if (indptr[0] != 0 || indptr[major] != data.length) {
                throw new InputException(src, m + "/indptr", "must start at 0 and end at the number of values (" + data.length + "); found "
                        + indptr[0] + " .. " + indptr[major], "re-export the table");
            }
            int[] majorOf = new int[data.length];
            for (int i = 0; i < major; i++) {
                if (indptr[i + 1] < indptr[i]) {
                    throw new InputException(src, m + "/indptr[" + (i + 1) + "]", "pointers decrease (" + indptr[i] + " then " + indptr[i + 1] + ")", "re-export the table");
                }
                for (int k = indptr[i]; k < indptr[i + 1]; k++) majorOf[k] = i;
            }
            for (int k = 0; k < data.length; k++) {
                if (indices[k] < 0 || indices[k] >= minor) {
                    throw new InputException(src, m + "/indices[" + k + "]", "index " + indices[k] + " is outside 0.." + (minor - 1)
                            + " (the shape has " + minor + (bySample ? " observations)" : " samples)"), "re-export the table");
                }
                double v = data[k];
                // NaN, infinities, negatives and corrupt magnitudes all fail this one range test
                if (!(v >= minPlausible && v <= maxPlausible) && v != 0) {
                    String cell = "sample '" + sampIds.get(bySample ? majorOf[k] : indices[k]) + "', observation '"
                            + obsIds.get(bySample ? indices[k] : majorOf[k]) + "': ";
                    String where = m + "/data[" + k + "]";
                    if (v < 0 || !Double.isFinite(v)) {
                        throw new InputException(src, where, cell + (v < 0 ? "negative abundance " : "value is not a finite number: ") + v,
                                "abundances must be finite and >= 0; correct the table");
                    }
                    throw new InputException(src, where, cell + Corruption.implausible(dataIsFloat32 ? Float.toString((float) v) : Double.toString(v), v, dataIsFloat32),
                            Corruption.FIX);
                }
            }
            int[] sample = bySample ? majorOf : indices;
            int[] feature = bySample ? indices : majorOf;
            CooToCsr.Csr csr = CooToCsr.build(nSamp, sample, feature, data, data.length, (first, repeat) ->
                    new InputException(src, m + "/indices[" + repeat + "]", "cell (observation '" + obsIds.get(feature[repeat]) + "', sample '"
                            + sampIds.get(sample[repeat]) + "') is given twice (also at index " + first + ")", "give each cell once"));
            FeatureTable table = FeatureTable.fromSampleMajor(src, sampIds, obsIds, csr.pointers(), csr.indices(), csr.values());
            Lineage[] lineages = taxonomy(nObs);
            if (lineages != null) table = table.withTaxonomy(lineages);
            SampleMetadata md = sampleMetadata(sampIds);
            if (md != null) table = table.withMetadata(md);
            return new BiomContents(table, info());
        }

        private BiomInfo info() {
            at = "/";
            String version = null;
            Attribute v = h.getAttribute("format-version");
            if (v != null && v.getData() != null && v.getData().getClass().isArray()) {
                long[] fv = longs(v, "/ (attribute format-version)");
                StringBuilder sb = new StringBuilder();
                for (long x : fv) sb.append(sb.length() > 0 ? "." : "").append(x);
                version = sb.toString();
            }
            return new BiomInfo(textAttribute("id"), textAttribute("type"), version, textAttribute("generated-by"), textAttribute("creation-date"));
        }

        private String textAttribute(String name) {
            Attribute a = h.getAttribute(name);
            Object d = a == null ? null : a.getData();
            return d instanceof String ? (String) d : null;
        }

        private Attribute requiredAttribute(String name) {
            Attribute a = h.getAttribute(name);
            if (a == null) {
                throw new InputException(src, "/ (attribute " + name + ")", "missing root attribute '" + name + "'", "this is not a BIOM 2 table; re-export it");
            }
            return a;
        }

        private List<String> ids(String path, int expected, String what) {
            String[] ids = strings(path);
            if (ids.length != expected) {
                throw new InputException(src, path, "has " + ids.length + " ids but the shape attribute gives " + expected + " " + what,
                        "re-export the table");
            }
            Map<String, Integer> seen = new HashMap<>(ids.length * 2);
            String kind = what.substring(0, what.length() - 1);
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == null || ids[i].isEmpty()) {
                    throw new InputException(src, path + "[" + i + "]", "empty id", "give every " + kind + " a non-empty id");
                }
                int bad = IdCharacters.firstForbidden(ids[i]);
                if (bad >= 0) throw new InputException(src, path + "[" + i + "]", IdCharacters.problem(kind, ids[i], bad), IdCharacters.FIX);
                if (ids[i].indexOf('\uFFFD') >= 0) {
                    // jhdf decodes invalid UTF-8 to the replacement character instead of failing
                    throw new InputException(src, path + "[" + i + "]", kind + " id \"" + IdCharacters.escaped(ids[i])
                            + "\" is not valid UTF-8 (its bytes decode to the replacement character U+FFFD)",
                            "write the ids as UTF-8 text; re-export the table");
                }
                Integer prev = seen.putIfAbsent(ids[i], i);
                if (prev != null) {
                    throw new InputException(src, path + "[" + i + "]", "duplicate id '" + ids[i] + "' (also at index " + prev + ")", "make the ids unique");
                }
            }
            return List.of(ids);
        }

        /** Lineages from observation metadata {@code taxonomy} (any case), or null if absent. */
        private Lineage[] taxonomy(int nObs) {
            Node md = node("/observation/metadata");
            if (!(md instanceof Group)) return null;
            for (Node c : ((Group) md).getChildren().values()) {
                if (!(c instanceof Dataset) || !c.getName().equalsIgnoreCase("taxonomy")) continue;
                String path = "/observation/metadata/" + c.getName();
                at = path;
                String[] text = joinedRows((Dataset) c, path, nObs);
                if (text == null) {
                    throw new InputException(src, path, "expected taxonomy as strings", "re-export the table with the taxonomy as text");
                }
                Lineage[] out = new Lineage[nObs];
                for (int f = 0; f < nObs; f++) out[f] = Lineage.parse(text[f]);
                return out;
            }
            return null;
        }

        private SampleMetadata sampleMetadata(List<String> sampIds) {
            Node md = node("/sample/metadata");
            if (!(md instanceof Group)) return null;
            List<String> columns = new ArrayList<>();
            List<String[]> values = new ArrayList<>();
            for (Node c : ((Group) md).getChildren().values()) {
                if (!(c instanceof Dataset)) continue;
                String path = "/sample/metadata/" + c.getName();
                at = path;
                String[] col = joinedRows((Dataset) c, path, sampIds.size());
                if (col == null) continue; // compound/enum metadata: not representable as text columns
                columns.add(c.getName().replace(SLASH, "/"));
                values.add(col);
            }
            if (columns.isEmpty()) return null;
            return new SampleMetadata(src, sampIds, columns, values.toArray(new String[0][]), null);
        }

        /**
         * One text per row of a 1-D or 2-D dataset of length {@code rows}: numbers formatted
         * (whole numbers without ".0"), 2-D rows joined with "; " skipping empty cells, empty
         * strings and NaN as null. Null when the element type is not text, number or boolean.
         */
        private String[] joinedRows(Dataset d, String path, int rows) {
            int[] dims = d.getDimensions();
            if (dims.length < 1 || dims.length > 2 || dims[0] != rows) {
                throw new InputException(src, path, "expected " + rows + " rows (one per id) but the dataset's shape is "
                        + java.util.Arrays.toString(dims), "re-export the table");
            }
            Object data = d.getData();
            String[] out = new String[rows];
            if (data == null) return out;
            for (int i = 0; i < rows; i++) {
                Object row = java.lang.reflect.Array.get(data, i);
                if (dims.length == 1) {
                    if (!isScalarCell(row)) return null;
                    out[i] = cell(row);
                } else {
                    int len = java.lang.reflect.Array.getLength(row);
                    StringBuilder sb = new StringBuilder();
                    for (int j = 0; j < len; j++) {
                        Object x = java.lang.reflect.Array.get(row, j);
                        if (!isScalarCell(x)) return null;
                        String s = cell(x);
                        if (s == null) continue;
                        if (sb.length() > 0) sb.append("; ");
                        sb.append(s);
                    }
                    out[i] = sb.length() == 0 ? null : sb.toString();
                }
            }
            return out;
        }

        private static boolean isScalarCell(Object x) {
            return x == null || x instanceof String || x instanceof Number || x instanceof Boolean;
        }

        private static String cell(Object x) {
            if (x == null) return null;
            if (x instanceof String) return ((String) x).isEmpty() ? null : (String) x;
            if (x instanceof Double || x instanceof Float) {
                double v = ((Number) x).doubleValue();
                if (Double.isNaN(v)) return null;
                if (v == Math.rint(v) && Math.abs(v) < 9.0e15) return Long.toString((long) v);
                return x.toString();
            }
            return x.toString();
        }

        // ---------------------------------------------------------- typed access

        private Node node(String path) {
            Node n = h;
            for (String part : path.substring(1).split("/")) {
                if (!(n instanceof Group)) return null;
                n = ((Group) n).getChild(part);
                if (n == null) return null;
            }
            return n;
        }

        private Dataset dataset(String path) {
            at = path;
            Node n = node(path);
            if (!(n instanceof Dataset)) {
                throw new InputException(src, path, n == null ? "missing dataset" : "expected a dataset, found a group",
                        "this is not a complete BIOM 2 table; re-export it");
            }
            Dataset d = (Dataset) n;
            if (d.getDimensions().length != 1) {
                throw new InputException(src, path, "expected a 1-D dataset, found dimensions " + java.util.Arrays.toString(d.getDimensions()), "re-export the table");
            }
            return d;
        }

        private String[] strings(String path) {
            Object data = dataset(path).getData();
            if (data == null) return new String[0];
            if (!(data instanceof String[])) {
                throw new InputException(src, path, "expected strings, found " + data.getClass().getComponentType().getSimpleName() + " values", "re-export the table");
            }
            return (String[]) data;
        }

        private int[] ints(String path) {
            Object data = dataset(path).getData();
            if (data == null) return new int[0];
            if (data instanceof int[]) return (int[]) data;
            long[] l = toLongs(data);
            if (l == null) {
                throw new InputException(src, path, "expected integers, found " + data.getClass().getComponentType().getSimpleName() + " values", "re-export the table");
            }
            int[] out = new int[l.length];
            for (int i = 0; i < l.length; i++) {
                if (l[i] < Integer.MIN_VALUE || l[i] > Integer.MAX_VALUE) {
                    throw new InputException(src, path + "[" + i + "]", "value " + l[i] + " is out of range for an index", "re-export the table");
                }
                out[i] = (int) l[i];
            }
            return out;
        }

        private double[] doubles(String path) {
            Object data = dataset(path).getData();
            if (data == null) return new double[0];
            if (data instanceof double[]) return (double[]) data;
            if (data instanceof float[]) {
                dataIsFloat32 = true;
                float[] f = (float[]) data;
                double[] out = new double[f.length];
                for (int i = 0; i < f.length; i++) out[i] = f[i];
                return out;
            }
            long[] l = toLongs(data);
            if (l == null) {
                throw new InputException(src, path, "expected numbers, found " + data.getClass().getComponentType().getSimpleName() + " values", "re-export the table");
            }
            double[] out = new double[l.length];
            for (int i = 0; i < l.length; i++) out[i] = l[i];
            return out;
        }

        private long[] longs(Attribute a, String where) {
            Object d = a.getData();
            if (d instanceof Number) return new long[] {((Number) d).longValue()};
            long[] l = d == null ? null : toLongs(d);
            if (l == null) throw new InputException(src, where, "expected integers", "re-export the table");
            return l;
        }

        /** Any 1-D Java integer array widened to long[]; null for other types. */
        private static long[] toLongs(Object data) {
            if (data instanceof long[]) return (long[]) data;
            if (!(data instanceof int[] || data instanceof short[] || data instanceof byte[])) return null;
            int n = java.lang.reflect.Array.getLength(data);
            long[] out = new long[n];
            for (int i = 0; i < n; i++) out[i] = ((Number) java.lang.reflect.Array.get(data, i)).longValue();
            return out;
        }
    }

    // ================================================================== writing

    /**
     * Writes a BIOM 2.1 HDF5 table that biom-format's {@code load_table} reads: root attributes
     * id, type, format-url, format-version [2, 1], generated-by, creation-date, shape and nnz;
     * groups {@code observation} and {@code sample} each with ids, matrix (data, indices,
     * indptr), metadata (taxonomy as a 2-D array of prefixed levels; sample metadata as one
     * string dataset per column, missing values as empty strings) and an empty group-metadata.
     * Written atomically: a failure leaves no file.
     *
     * @throws InputException if the table has no samples or no features (jhdf cannot write empty
     *                        datasets), a metadata column has an empty name, or the file cannot be written
     */
    public static void write(FeatureTable t, Path path) {
        String dst = path.toString();
        if (t.sampleCount() == 0 || t.featureCount() == 0) {
            throw new InputException(dst, null, "cannot write a table with " + t.sampleCount() + " samples and " + t.featureCount()
                    + " features to BIOM HDF5 (the HDF5 writer cannot store empty datasets)", "write it as BIOM JSON or TSV instead");
        }
        SampleMetadata md = t.metadata();
        if (md != null) {
            for (String c : md.columns()) {
                if (c.isEmpty()) {
                    throw new InputException(dst, "/sample/metadata", "a sample metadata column has an empty name, which HDF5 cannot store",
                            "rename the column");
                }
            }
        }
        AtomicOutput.writePath(path, tmp -> {
            try (WritableHdfFile f = HdfFile.write(tmp)) {
                writeTable(t, f);
            } catch (HdfException e) {
                throw new IOException("HDF5 writer failed: " + e.getMessage(), e);
            }
        });
    }

    private static void writeTable(FeatureTable t, WritableHdfFile f) {
        f.putAttribute("id", "No Table ID");
        f.putAttribute("type", "OTU table");
        f.putAttribute("format-url", BiomJson.FORMAT_URL);
        f.putAttribute("format-version", FORMAT_VERSION.clone());
        f.putAttribute("generated-by", "gutbrain");
        f.putAttribute("creation-date", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        f.putAttribute("shape", new long[] {t.featureCount(), t.sampleCount()});
        f.putAttribute("nnz", (long) t.nonZeroCount());

        FeatureMajor fm = t.byFeature();
        WritableGroup obs = f.putGroup("observation");
        obs.putDataset("ids", t.featureIds().toArray(new String[0]));
        writeMatrix(obs, TableArrays.values(fm), TableArrays.sampleIndices(fm), TableArrays.featurePointers(fm));
        WritableGroup obsMd = obs.putGroup("metadata");
        if (t.hasTaxonomy()) obsMd.putDataset("taxonomy", taxonomyArray(t));
        obs.putGroup("group-metadata");

        WritableGroup smp = f.putGroup("sample");
        smp.putDataset("ids", t.sampleIds().toArray(new String[0]));
        writeMatrix(smp, TableArrays.values(t), TableArrays.featureIndices(t), TableArrays.samplePointers(t));
        WritableGroup smpMd = smp.putGroup("metadata");
        SampleMetadata md = t.metadata();
        if (md != null) {
            for (String c : md.columns()) {
                String[] col = md.textColumn(c);
                for (int i = 0; i < col.length; i++) if (col[i] == null) col[i] = "";
                smpMd.putDataset(c.replace("/", SLASH), col);
            }
        }
        smp.putGroup("group-metadata");
    }

    private static void writeMatrix(WritableGroup axis, double[] data, int[] indices, int[] indptr) {
        WritableGroup m = axis.putGroup("matrix");
        // jhdf cannot write a zero-length dataset; an all-zero table gets one explicit zero at
        // (0, 0), which biom-format accepts and every reader (this one included) drops.
        boolean empty = data.length == 0;
        m.putDataset("data", empty ? new double[] {0} : data);
        m.putDataset("indices", empty ? new int[] {0} : indices);
        int[] ptr = indptr;
        if (empty) {
            ptr = new int[indptr.length];
            java.util.Arrays.fill(ptr, 1, ptr.length, 1);
        }
        m.putDataset("indptr", ptr);
    }

    /** Prefixed levels per feature, padded with "" to the deepest lineage (biom-format drops empty cells). */
    private static String[][] taxonomyArray(FeatureTable t) {
        int nf = t.featureCount();
        List<List<String>> levels = new ArrayList<>(nf);
        int width = 1;
        for (int f = 0; f < nf; f++) {
            Lineage l = t.lineage(f);
            List<String> p = l == null ? List.of() : l.asPrefixedList();
            levels.add(p);
            width = Math.max(width, p.size());
        }
        String[][] out = new String[nf][width];
        for (int f = 0; f < nf; f++) {
            List<String> p = levels.get(f);
            for (int j = 0; j < width; j++) out[f][j] = j < p.size() ? p.get(j) : "";
        }
        return out;
    }
}
