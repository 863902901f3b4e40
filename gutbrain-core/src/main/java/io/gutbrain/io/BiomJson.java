package io.gutbrain.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.JsonPointerBasedFilter;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gutbrain.error.InputException;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes BIOM 1.0 JSON tables (<a href="http://biom-format.org/documentation/format_versions/biom-1.0.html">format
 * description</a>), the format of QIIME 1 and of most published OTU tables.
 *
 * <p>A BIOM table is observations (features) × samples; {@link FeatureTable} is samples ×
 * features, so rows become features and columns become samples. Observation metadata
 * {@code taxonomy} (a list of levels or one string) becomes per-feature {@link Lineage}s; sample
 * (column) metadata becomes a {@link SampleMetadata} whose values are the JSON values as text
 * (lists joined with {@code "; "}).
 *
 * <p>The {@code data} array is read with Jackson's streaming parser straight into primitive
 * arrays, so a table the size of American Gut (1,962 × 19,236, 1.4 M non-zeros, gzipped) loads
 * in well under two seconds. Keys may come in any order: a {@code data} array that precedes
 * {@code matrix_type} is read in a second pass.
 *
 * <p>Reading is strict, because a silently mis-read table poisons every later result. Each
 * problem is reported as an {@link InputException} whose location is a JSON pointer into the
 * document ({@code /data/12/2}, {@code /rows/3/id}) followed by the line when known; syntax
 * errors give Jackson's line and column.
 */
public final class BiomJson {
    /** The format string written into files; readers accept any 1.0.x. */
    public static final String FORMAT = "Biological Observation Matrix 1.0.0";
    /** The format URL written into files. */
    public static final String FORMAT_URL = "http://biom-format.org";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN/Infinity get a precise message, not a syntax error
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\s*\\[Source: .*?; line: (\\d+), column: (\\d+)]", Pattern.DOTALL);
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private BiomJson() {}

    /**
     * Reads a BIOM 1.0 JSON table (plain or gzipped).
     *
     * @throws InputException for unreadable, malformed or inconsistent files, naming the place
     */
    public static FeatureTable read(Path path) {
        return readWithInfo(path).table();
    }

    /** Like {@link #read} but also returns the file's id, type, format, generator and date. */
    public static BiomContents readWithInfo(Path path) {
        Reader r = new Reader(path);
        r.parse();
        return r.assemble();
    }

    // ================================================================== reading

    /** One read of one file: the parse state, then the checks that need the whole document. */
    private static final class Reader {
        private final Path path;
        private final String src;
        private String id, type, format, generatedBy, date;
        private String matrixType, elementType;
        private int[] shape;
        private boolean dataSeen, dataDeferred;
        private List<String> rowIds, colIds;
        private String[] taxonomy;           // per row, null = no taxonomy key
        private List<Map<String, String>> colMeta; // per column, null = metadata null
        // coordinate entries: row (feature), column (sample), value; dense files store non-zeros only
        private int[] er = new int[1 << 14];
        private int[] ec = new int[1 << 14];
        private double[] ev = new double[1 << 14];
        private int n;
        private int[] denseRowLength;
        private int denseRows;

        Reader(Path path) {
            this.path = path;
            this.src = TextInput.name(path);
        }

        void parse() {
            byte[] head = TextInput.head(path, 4);
            if (head.length == 4 && (head[0] & 0xff) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') {
                throw new InputException(src, null, "this is an HDF5 file (BIOM 2.x), not BIOM 1.0 JSON", "read it as BIOM HDF5");
            }
            try (InputStream in = TextInput.open(path); JsonParser p = FACTORY.createParser(in)) {
                document(p);
            } catch (JsonProcessingException e) {
                throw syntax(e);
            } catch (IOException e) {
                throw new InputException(src, null, "cannot read: " + e.getMessage(), "check that the file is complete (re-export or re-download it)", e);
            }
            if (dataDeferred && matrixType != null) {
                try (InputStream in = TextInput.open(path); JsonParser raw = FACTORY.createParser(in);
                     JsonParser p = new FilteringParserDelegate(raw, new JsonPointerBasedFilter("/data"), TokenFilter.Inclusion.ONLY_INCLUDE_ALL, false)) {
                    readData(p, p.nextToken());
                } catch (JsonProcessingException e) {
                    throw syntax(e);
                } catch (IOException e) {
                    throw new InputException(src, null, "cannot read: " + e.getMessage(), "check that the file is complete", e);
                }
            }
        }

        private void document(JsonParser p) throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) throw new InputException(src, "line 1", "the file is empty", "give a BIOM 1.0 JSON table");
            if (t != JsonToken.START_OBJECT) {
                throw fail("", p, "expected a JSON object (a BIOM 1.0 table) but the document starts with " + describe(t),
                        "give a BIOM 1.0 JSON table; for BIOM 2 (HDF5) or TSV tables use the matching reader");
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                t = p.nextToken();
                switch (key) {
                    case "id": id = scalar(p, t); break;
                    case "format": format = scalar(p, t); break;
                    case "type": type = scalar(p, t); break;
                    case "generated_by": generatedBy = scalar(p, t); break;
                    case "date": date = scalar(p, t); break;
                    case "matrix_type": matrixType = choice(p, t, "/matrix_type", "sparse", "dense"); break;
                    case "matrix_element_type": elementType = choice(p, t, "/matrix_element_type", "int", "float", "unicode"); break;
                    case "shape": readShape(p, t); break;
                    case "rows": rowIds = readAxis(p, t, "rows"); break;
                    case "columns": colIds = readAxis(p, t, "columns"); break;
                    case "data":
                        dataSeen = true;
                        if (matrixType == null) {
                            dataDeferred = true; // need matrix_type to interpret it; read again at the end
                            p.skipChildren();
                        } else {
                            readData(p, t);
                        }
                        break;
                    default: p.skipChildren();
                }
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw fail("", p, "unexpected " + describe(after) + " after the end of the BIOM object", "remove the trailing content");
            }
        }

        private static String scalar(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NULL) return null;
            if (t.isScalarValue()) return p.getText();
            p.skipChildren();
            return null;
        }

        private String choice(JsonParser p, JsonToken t, String pointer, String... allowed) throws IOException {
            if (t == JsonToken.VALUE_STRING) {
                for (String a : allowed) if (a.equalsIgnoreCase(p.getText().trim())) return a;
            }
            throw fail(pointer, p, "expected one of \"" + String.join("\", \"", allowed) + "\", found " + shown(p, t), "correct the value");
        }

        private void readShape(JsonParser p, JsonToken t) throws IOException {
            String problem = "expected [rows, columns] (two non-negative integers)";
            if (t != JsonToken.START_ARRAY) throw fail("/shape", p, problem + ", found " + shown(p, t), "correct the shape");
            int[] s = new int[2];
            for (int i = 0; i < 2; i++) {
                JsonToken x = p.nextToken();
                if (x == JsonToken.END_ARRAY) throw fail("/shape", p, problem + ", found only " + i + " number(s)", "correct the shape");
                s[i] = index(p, x, -1, i);
            }
            if (p.nextToken() != JsonToken.END_ARRAY) throw fail("/shape", p, problem + ", found more than two elements", "correct the shape");
            shape = s;
        }

        /**
         * Reads a non-negative int that must be a JSON integer: element {@code element} of
         * {@code /data/entry}, or of {@code /shape} when {@code entry < 0}. The pointer is built
         * only on failure, which keeps the per-entry cost of the data array allocation-free.
         */
        private int index(JsonParser p, JsonToken t, int entry, int element) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                int v = p.getIntValue();
                if (v >= 0) return v;
            }
            String pointer = (entry < 0 ? "/shape/" : "/data/" + entry + "/") + element;
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw fail(pointer, p, "expected a non-negative integer, found " + shown(p, t), "correct the value");
            }
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw fail(pointer, p, "integer " + p.getText() + " is out of range", "correct the value");
            }
            throw fail(pointer, p, "expected a non-negative integer, found " + p.getText(), "correct the value");
        }

        /** Reads {@code rows} or {@code columns}: ids (unique, non-empty) and metadata. */
        private List<String> readAxis(JsonParser p, JsonToken t, String key) throws IOException {
            boolean rows = key.equals("rows");
            if (t != JsonToken.START_ARRAY) {
                throw fail("/" + key, p, "expected an array of {\"id\": ..., \"metadata\": ...} objects, found " + shown(p, t), "correct the " + key + " list");
            }
            List<String> ids = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            List<String> tax = new ArrayList<>();
            List<Map<String, String>> meta = new ArrayList<>();
            int i = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String at = "/" + key + "/" + i;
                if (t != JsonToken.START_OBJECT) {
                    throw fail(at, p, "expected an object {\"id\": ..., \"metadata\": ...}, found " + shown(p, t), "correct the entry");
                }
                String entryId = null;
                String lineage = null;
                Map<String, String> md = null;
                JsonLocation idLocation = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (name.equals("id")) {
                        idLocation = p.currentTokenLocation();
                        if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT) {
                            entryId = p.getText();
                        } else {
                            throw fail(at + "/id", p, "expected the id as a string, found " + shown(p, v), "give every entry a text id");
                        }
                    } else if (name.equals("metadata")) {
                        if (v == JsonToken.VALUE_NULL) continue;
                        if (v != JsonToken.START_OBJECT) {
                            throw fail(at + "/metadata", p, "expected an object or null, found " + shown(p, v), "correct the metadata");
                        }
                        if (rows) {
                            lineage = readRowMetadata(p, at);
                        } else {
                            md = readColumnMetadata(p);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                if (entryId == null) throw fail(at, p, "entry has no \"id\"", "give every entry an id");
                if (entryId.isEmpty()) throw new InputException(src, at + "/id" + line(idLocation), "empty id", "give every entry a non-empty id");
                int bad = IdCharacters.firstForbidden(entryId);
                if (bad >= 0) {
                    throw new InputException(src, at + "/id" + line(idLocation), IdCharacters.problem(rows ? "observation" : "sample", entryId, bad), IdCharacters.FIX);
                }
                Integer prev = seen.putIfAbsent(entryId, i);
                if (prev != null) {
                    throw new InputException(src, at + "/id" + line(idLocation), "duplicate id '" + entryId + "' (also /" + key + "/" + prev + "/id)",
                            "make the " + (rows ? "observation" : "sample") + " ids unique");
                }
                ids.add(entryId);
                tax.add(lineage);
                meta.add(md);
                i++;
            }
            if (rows) {
                taxonomy = tax.toArray(new String[0]);
            } else {
                colMeta = meta;
            }
            return ids;
        }

        /** Returns the taxonomy text of one row (levels joined by "; "), or null; other keys are skipped. */
        private String readRowMetadata(JsonParser p, String at) throws IOException {
            String lineage = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (!name.equalsIgnoreCase("taxonomy")) {
                    p.skipChildren();
                } else if (v == JsonToken.VALUE_STRING) {
                    lineage = p.getText();
                } else if (v == JsonToken.START_ARRAY) {
                    StringBuilder sb = new StringBuilder();
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (e == JsonToken.VALUE_NULL) continue;
                        if (!e.isScalarValue()) {
                            throw fail(at + "/metadata/" + escape(name), p, "expected a list of taxonomy levels (strings), found " + describe(e), "give the lineage as a list of strings");
                        }
                        if (sb.length() > 0) sb.append("; ");
                        sb.append(p.getText().trim());
                    }
                    lineage = sb.toString();
                } else if (v != JsonToken.VALUE_NULL) {
                    throw fail(at + "/metadata/" + escape(name), p, "expected a list of taxonomy levels or a string, found " + shown(p, v), "correct the taxonomy");
                }
            }
            return lineage;
        }

        /** One sample's metadata as text: scalars as written, lists joined with "; ", objects as JSON. */
        private static Map<String, String> readColumnMetadata(JsonParser p) throws IOException {
            Map<String, String> md = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                String text;
                if (v == JsonToken.VALUE_NULL) {
                    text = null;
                } else if (v.isScalarValue()) {
                    text = p.getText();
                } else {
                    JsonNode node = MAPPER.readTree(p);
                    if (node.isArray()) {
                        List<String> parts = new ArrayList<>();
                        for (JsonNode e : node) if (!e.isNull()) parts.add(e.isValueNode() ? e.asText() : e.toString());
                        text = String.join("; ", parts);
                    } else {
                        text = node.toString();
                    }
                }
                md.put(name, text);
            }
            return md;
        }

        private void readData(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                throw fail("/data", p, "expected an array, found " + shown(p, t), "give the data as an array of " + ("sparse".equals(matrixType) ? "[row, column, value] entries" : "rows"));
            }
            if ("sparse".equals(matrixType)) readSparse(p); else readDense(p);
        }

        private void readSparse(JsonParser p) throws IOException {
            JsonToken t;
            int k = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_ARRAY) {
                    throw fail("/data/" + k, p, "expected an entry [row, column, value], found " + shown(p, t), "correct the entry");
                }
                int r = index(p, next(p, k), k, 0);
                int c = index(p, next(p, k), k, 1);
                double v = value(p, next(p, k), k, -1);
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    throw fail("/data/" + k, p, "entry has more than 3 elements; expected [row, column, value]", "correct the entry");
                }
                add(r, c, v);
                k++;
            }
        }

        private JsonToken next(JsonParser p, int k) throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                throw fail("/data/" + k, p, "entry has fewer than 3 elements; expected [row, column, value]", "correct the entry");
            }
            return t;
        }

        private void readDense(JsonParser p) throws IOException {
            JsonToken t;
            int r = 0;
            int[] lengths = new int[256];
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_ARRAY) {
                    throw fail("/data/" + r, p, "expected a row (an array of values), found " + shown(p, t), "correct the row");
                }
                int c = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    double v = value(p, t, r, c);
                    if (v != 0) add(r, c, v);
                    c++;
                }
                if (r == lengths.length) lengths = Arrays.copyOf(lengths, r * 2);
                lengths[r++] = c;
            }
            denseRowLength = lengths;
            denseRows = r;
        }

        /** A cell value; {@code (a, b)} = (entry, -1) for sparse or (row, column) for dense, used only on failure. */
        private double value(JsonParser p, JsonToken t, int a, int b) throws IOException {
            double v;
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                v = p.getDoubleValue();
            } else if (t == JsonToken.VALUE_STRING) {
                String s = p.getText().trim();
                try {
                    v = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw fail(valuePointer(a, b), p, "expected a number, found the text \"" + s + "\"", "abundances must be numbers; correct or remove the value");
                }
            } else {
                throw fail(valuePointer(a, b), p, "expected a number, found " + describe(t), "abundances must be numbers; correct the value");
            }
            // one range test on the common path; zero, NaN, infinities, negatives and corrupt magnitudes fall through
            if ((v >= Corruption.MIN_PLAUSIBLE && v <= Corruption.MAX_PLAUSIBLE) || v == 0) return v;
            if (!Double.isFinite(v)) {
                throw fail(valuePointer(a, b), p, "value " + p.getText() + " is not a finite number", "replace it with a count or proportion");
            }
            if (v < 0) {
                throw fail(valuePointer(a, b), p, "negative abundance " + p.getText(), "abundances must be >= 0; correct the value");
            }
            throw fail(valuePointer(a, b), p, Corruption.implausible(p.getText(), v, false), Corruption.FIX);
        }

        private String valuePointer(int a, int b) {
            return b < 0 ? "/data/" + a + "/2" : "/data/" + a + "/" + b;
        }

        private void add(int r, int c, double v) {
            if (n == er.length) {
                int cap = n * 2;
                er = Arrays.copyOf(er, cap);
                ec = Arrays.copyOf(ec, cap);
                ev = Arrays.copyOf(ev, cap);
            }
            er[n] = r;
            ec[n] = c;
            ev[n] = v;
            n++;
        }

        // ---------------------------------------------------------- whole-document checks

        BiomContents assemble() {
            require(matrixType, "matrix_type", "add \"matrix_type\": \"sparse\" or \"dense\"");
            require(shape, "shape", "add \"shape\": [number of rows, number of columns]");
            require(rowIds, "rows", "add the list of observations, e.g. \"rows\": [{\"id\": \"OTU1\", \"metadata\": null}, ...]");
            require(colIds, "columns", "add the list of samples, e.g. \"columns\": [{\"id\": \"S1\", \"metadata\": null}, ...]");
            require(dataSeen ? Boolean.TRUE : null, "data", "add the \"data\" array");
            int nRows = shape[0];
            int nCols = shape[1];
            if (rowIds.size() != nRows) {
                throw new InputException(src, locate("/shape/0"), "shape gives " + nRows + " rows but \"rows\" lists " + rowIds.size() + " observations",
                        "make shape agree with the rows and columns lists");
            }
            if (colIds.size() != nCols) {
                throw new InputException(src, locate("/shape/1"), "shape gives " + nCols + " columns but \"columns\" lists " + colIds.size() + " samples",
                        "make shape agree with the rows and columns lists");
            }
            boolean sparse = matrixType.equals("sparse");
            if (sparse) {
                for (int k = 0; k < n; k++) {
                    if (er[k] >= nRows) {
                        throw new InputException(src, locate("/data/" + k + "/0"), "row index " + er[k] + " is outside the shape (rows 0.." + (nRows - 1) + ")",
                                "correct the entry or the shape");
                    }
                    if (ec[k] >= nCols) {
                        throw new InputException(src, locate("/data/" + k + "/1"), "column index " + ec[k] + " is outside the shape (columns 0.." + (nCols - 1) + ")",
                                "correct the entry or the shape");
                    }
                }
            } else {
                if (denseRows != nRows) {
                    throw new InputException(src, locate("/data"), "dense data has " + denseRows + " rows but shape gives " + nRows, "give one row per observation");
                }
                for (int r = 0; r < denseRows; r++) {
                    if (denseRowLength[r] != nCols) {
                        throw new InputException(src, locate("/data/" + r), "dense row has " + denseRowLength[r] + " values but shape gives " + nCols + " columns",
                                "give one value per sample in every row");
                    }
                }
            }
            if ("int".equals(elementType)) {
                for (int k = 0; k < n; k++) {
                    if (ev[k] != Math.rint(ev[k])) {
                        throw new InputException(src, locate(sparse ? valuePointer(k, -1) : valuePointer(er[k], ec[k])),
                                "matrix_element_type is \"int\" but the value is " + ev[k], "set \"matrix_element_type\": \"float\" or correct the value");
                    }
                }
            }
            CooToCsr.Csr csr = CooToCsr.build(nCols, ec, er, ev, n, (first, repeat) -> new InputException(src, locate("/data/" + repeat),
                    "entry repeats row " + er[repeat] + ", column " + ec[repeat] + " already given at /data/" + first, "give each cell once"));
            er = null;
            ec = null;
            ev = null;
            FeatureTable table = FeatureTable.fromSampleMajor(src, colIds, rowIds, csr.pointers(), csr.indices(), csr.values());
            table = withTaxonomy(table);
            table = withMetadata(table);
            return new BiomContents(table, new BiomInfo(id, type, format, generatedBy, date));
        }

        private void require(Object value, String key, String fix) {
            if (value == null) throw new InputException(src, "/" + key, "missing required key \"" + key + "\"", fix);
        }

        private FeatureTable withTaxonomy(FeatureTable table) {
            Lineage[] lineages = new Lineage[taxonomy.length];
            boolean any = false;
            for (int f = 0; f < lineages.length; f++) {
                if (taxonomy[f] != null) {
                    lineages[f] = Lineage.parse(taxonomy[f]);
                    any = true;
                }
            }
            return any ? table.withTaxonomy(lineages) : table;
        }

        private FeatureTable withMetadata(FeatureTable table) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (Map<String, String> md : colMeta) {
                if (md != null) for (String k : md.keySet()) columns.putIfAbsent(k, columns.size());
            }
            if (columns.isEmpty()) return table;
            String[][] values = new String[columns.size()][colIds.size()];
            for (int s = 0; s < colIds.size(); s++) {
                Map<String, String> md = colMeta.get(s);
                if (md == null) continue;
                for (Map.Entry<String, String> e : md.entrySet()) values[columns.get(e.getKey())][s] = e.getValue();
            }
            return table.withMetadata(new SampleMetadata(src, colIds, new ArrayList<>(columns.keySet()), values, null));
        }

        // ---------------------------------------------------------- error locations

        private InputException fail(String pointer, JsonParser p, String problem, String fix) {
            return new InputException(src, (pointer.isEmpty() ? "/" : pointer) + line(p.currentTokenLocation()), problem, fix);
        }

        /** A pointer plus its line, found by streaming the file again (only on the error path). */
        private String locate(String pointer) {
            try (InputStream in = TextInput.open(path); JsonParser raw = FACTORY.createParser(in);
                 JsonParser p = new FilteringParserDelegate(raw, new JsonPointerBasedFilter(pointer), TokenFilter.Inclusion.ONLY_INCLUDE_ALL, false)) {
                return p.nextToken() == null ? pointer : pointer + line(p.currentTokenLocation());
            } catch (IOException | RuntimeException e) {
                return pointer;
            }
        }

        private InputException syntax(JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc != null && loc.getLineNr() > 0 ? "line " + loc.getLineNr() + ", column " + loc.getColumnNr() : null;
            String msg = e.getOriginalMessage();
            Matcher m = JACKSON_SOURCE.matcher(msg == null ? "" : msg);
            msg = m.replaceAll(" (line $1, column $2)");
            if (e instanceof JsonEOFException || msg.contains("end-of-input")) {
                return new InputException(src, where, "the JSON ends early (truncated file?): " + msg, "re-export or re-download the complete file", e);
            }
            return new InputException(src, where, "invalid JSON: " + msg, "correct the JSON syntax at that place", e);
        }
    }

    private static String line(JsonLocation loc) {
        return loc != null && loc.getLineNr() > 0 ? " (line " + loc.getLineNr() + ")" : "";
    }

    private static String describe(JsonToken t) {
        if (t == null) return "the end of the file";
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT: case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE: case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }

    /** Describes the current token, quoting short scalar values so the user can find them. */
    private static String shown(JsonParser p, JsonToken t) throws IOException {
        if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
            String text = p.getText();
            if (text.length() > 40) text = text.substring(0, 40) + "...";
            return describe(t) + " (" + (t == JsonToken.VALUE_STRING ? "\"" + text + "\"" : text) + ")";
        }
        return describe(t);
    }

    /** Escapes a key for use in a JSON pointer (RFC 6901). */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    // ================================================================== writing

    /**
     * Writes a BIOM 1.0 JSON table: observations (features) as rows, samples as columns,
     * taxonomy as a list of prefixed levels in row metadata, sample metadata in column metadata.
     * {@code matrix_element_type} is "int" when every value is whole, else "float"; whole values
     * are written without a decimal point. Written atomically: a failure leaves no file.
     *
     * @param dense true for {@code matrix_type} "dense" (one full row per feature, zeros
     *              included; only sensible for small tables), false for "sparse"
     */
    public static void write(FeatureTable t, Path path, boolean dense) {
        AtomicOutput.write(path, out -> {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.setPrettyPrinter(new LinePerEntry());
                write(t, g, dense);
            }
        });
    }

    private static void write(FeatureTable t, JsonGenerator g, boolean dense) throws IOException {
        int ns = t.sampleCount();
        int nf = t.featureCount();
        g.writeStartObject();
        g.writeNullField("id");
        g.writeStringField("format", FORMAT);
        g.writeStringField("format_url", FORMAT_URL);
        g.writeStringField("type", "OTU table");
        g.writeStringField("generated_by", "gutbrain");
        g.writeStringField("date", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        g.writeStringField("matrix_type", dense ? "dense" : "sparse");
        g.writeStringField("matrix_element_type", t.isIntegral() ? "int" : "float");
        g.writeArrayFieldStart("shape");
        g.writeNumber(nf);
        g.writeNumber(ns);
        g.writeEndArray();

        g.writeArrayFieldStart("rows");
        for (int f = 0; f < nf; f++) {
            g.writeStartObject();
            g.writeStringField("id", t.featureIds().get(f));
            Lineage l = t.lineage(f);
            if (l == null) {
                g.writeNullField("metadata");
            } else {
                g.writeObjectFieldStart("metadata");
                g.writeArrayFieldStart("taxonomy");
                for (String level : l.asPrefixedList()) g.writeString(level);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();

        SampleMetadata md = t.metadata();
        g.writeArrayFieldStart("columns");
        for (int s = 0; s < ns; s++) {
            String sid = t.sampleIds().get(s);
            g.writeStartObject();
            g.writeStringField("id", sid);
            if (md == null || md.columns().isEmpty()) {
                g.writeNullField("metadata");
            } else {
                g.writeObjectFieldStart("metadata");
                for (String c : md.columns()) {
                    String v = md.text(c, sid);
                    g.writeFieldName(c);
                    if (v == null) {
                        g.writeNull();
                    } else if (md.type(c) == SampleMetadata.ColumnType.NUMERIC && JSON_NUMBER.matcher(v).matches()) {
                        g.writeNumber(v); // keeps the text exactly and lets biom-format see a number
                    } else {
                        g.writeString(v);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("data");
        FeatureMajor fm = t.byFeature();
        if (dense) {
            double[] row = new double[ns];
            for (int f = 0; f < nf; f++) {
                Arrays.fill(row, 0);
                for (int k = fm.featureStart(f); k < fm.featureEnd(f); k++) row[fm.sampleAt(k)] = fm.valueAt(k);
                g.writeStartArray();
                for (double v : row) writeValue(g, v);
                g.writeEndArray();
            }
        } else {
            for (int f = 0; f < nf; f++) {
                for (int k = fm.featureStart(f); k < fm.featureEnd(f); k++) {
                    g.writeStartArray();
                    g.writeNumber(f);
                    g.writeNumber(fm.sampleAt(k));
                    writeValue(g, fm.valueAt(k));
                    g.writeEndArray();
                }
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /** Whole numbers without ".0" (smaller files, and "int" tables must hold integers). */
    private static void writeValue(JsonGenerator g, double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 9.0e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }

    /**
     * Top-level keys and the elements of the top-level arrays (rows, columns, data entries) each
     * on their own line: readable, diff-able, and errors in files we wrote get useful line numbers.
     */
    private static final class LinePerEntry extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(g.getOutputContext().getNestingDepth() == 1 ? ",\n" : ", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            JsonStreamContext array = g.getOutputContext();
            boolean topLevelList = array.getNestingDepth() == 2 && !"shape".equals(array.getParent().getCurrentName());
            g.writeRaw(topLevelList ? ",\n" : ",");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }
    }
}
