package io.gutbrain.io;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.tree.PhyloTree;

import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A QIIME 2 artifact ({@code .qza}), opened for reading its payload without QIIME 2 installed.
 *
 * <p>An artifact is a zip archive with one top-level directory named by the artifact's UUID:
 * <pre>
 * &lt;uuid&gt;/VERSION          "QIIME 2", "archive: 5", "framework: 2023.9.0"
 * &lt;uuid&gt;/metadata.yaml    "uuid: …", "type: FeatureTable[Frequency]", "format: BIOMV210DirFmt"
 * &lt;uuid&gt;/data/…           the payload, e.g. feature-table.biom (BIOM 2.1 HDF5)
 * &lt;uuid&gt;/provenance/…     how it was made (not read here)
 * </pre>
 * metadata.yaml is a flat {@code key: value} file, so it is read line by line instead of pulling
 * in a YAML library. Only the semantic types gutbrain analyses are accepted
 * ({@link #SUPPORTED_TYPES}); any other type is rejected when opening, naming those.
 *
 * <p>Members are read as streams straight from the archive, never extracted: each is bounded by
 * {@link InputLimits#maxArchiveMemberBytes()} and by the decompression-ratio guard of
 * {@link InputLimits}, and every message names the member as {@code archive.qza!/<uuid>/data/file}.
 * The one exception is the BIOM HDF5 table, which the HDF5 library can only read from a file: it
 * alone is copied (bounded the same way) to a temporary file that is deleted as soon as it has
 * been read; its messages still name the archive member, never the temporary path.
 *
 * <p>Close the artifact when done: {@link #close()} closes the zip.
 */
public final class QiimeArtifact implements AutoCloseable {
    /** Semantic types this class accepts, with the payload file each one carries. */
    private static final Map<String, String> PAYLOADS = new LinkedHashMap<>();

    static {
        PAYLOADS.put("FeatureTable[Frequency]", "feature-table.biom");
        PAYLOADS.put("FeatureTable[RelativeFrequency]", "feature-table.biom");
        PAYLOADS.put("FeatureData[Taxonomy]", "taxonomy.tsv");
        PAYLOADS.put("Phylogeny[Rooted]", "tree.nwk");
        PAYLOADS.put("DistanceMatrix", "distance-matrix.tsv");
    }

    /** The semantic types that {@link #open} accepts. */
    public static final List<String> SUPPORTED_TYPES = List.copyOf(PAYLOADS.keySet());

    private final Path path;
    private final ZipFile zip;
    private final String root;  // "<uuid>/"
    private final String uuid;
    private final String type;
    private final String format;
    private final String archiveVersion;
    private final String frameworkVersion;

    private QiimeArtifact(Path path, ZipFile zip, String root, Map<String, String> metadata, Map<String, String> version) {
        this.path = path;
        this.zip = zip;
        this.root = root;
        this.uuid = metadata.get("uuid");
        this.type = metadata.get("type");
        this.format = metadata.get("format");
        this.archiveVersion = version.get("archive");
        this.frameworkVersion = version.get("framework");
    }

    /**
     * Opens a {@code .qza} file and reads its metadata.
     *
     * @throws InputException if the file is missing, not a zip archive, has no
     *                        {@code <uuid>/metadata.yaml}, or holds an unsupported semantic type
     */
    public static QiimeArtifact open(Path path) {
        String source = TextInput.name(path);
        if (!Files.isRegularFile(path)) {
            throw new InputException(source, null, Files.exists(path) ? "not a file" : "file not found", "check the path to the .qza artifact");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new InputException(source, null, "not a zip archive, so not a QIIME 2 artifact (.qza): " + e.getMessage(),
                    "pass a .qza file as written by QIIME 2, or the exported payload with its own option");
        } catch (IOException e) {
            throw new InputException(source, null, "cannot read: " + e.getMessage(), "check the file is readable", e);
        }
        try {
            QiimeArtifact a = readMetadata(path, zip);
            if (!PAYLOADS.containsKey(a.type)) {
                String fix = "Phylogeny[Unrooted]".equals(a.type)
                        ? "root the tree first, e.g. `qiime phylogeny midpoint-root`"
                        : "export or convert it to one of the supported types";
                throw new InputException(source, a.root + "metadata.yaml", "unsupported artifact type " + a.type
                        + "; supported: " + String.join(", ", SUPPORTED_TYPES), fix);
            }
            return a;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static QiimeArtifact readMetadata(Path path, ZipFile zip) {
        String source = TextInput.name(path);
        String metadataEntry = null;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            String name = en.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("metadata.yaml")) {
                if (metadataEntry != null) {
                    throw new InputException(source, null, "more than one top-level artifact directory ("
                            + metadataEntry + ", " + name + ")", "pass a .qza written by QIIME 2");
                }
                metadataEntry = name;
            }
        }
        if (metadataEntry == null) {
            throw new InputException(source, null, "no <uuid>/metadata.yaml in the archive, so not a QIIME 2 artifact",
                    "pass a .qza file as written by QIIME 2");
        }
        String root = metadataEntry.substring(0, metadataEntry.indexOf('/') + 1);
        Map<String, String> metadata = readKeyValues(zip, metadataEntry, source);
        for (String key : new String[] {"uuid", "type", "format"}) {
            if (metadata.get(key) == null) {
                throw new InputException(source, metadataEntry, "no '" + key + ":' line", "the archive is damaged; re-export it from QIIME 2");
            }
        }
        String dirUuid = root.substring(0, root.length() - 1);
        if (!dirUuid.equals(metadata.get("uuid"))) {
            throw new InputException(source, metadataEntry, "uuid " + metadata.get("uuid") + " differs from the archive directory "
                    + dirUuid, "the archive is damaged; re-export it from QIIME 2");
        }
        ZipEntry versionEntry = zip.getEntry(root + "VERSION");
        Map<String, String> version = versionEntry == null ? Map.of() : readKeyValues(zip, root + "VERSION", source);
        return new QiimeArtifact(path, zip, root, metadata, version);
    }

    /**
     * Reads {@code key: value} lines; values lose surrounding quotes. Lines without ": " (such as
     * "QIIME 2" in VERSION) are skipped.
     */
    private static Map<String, String> readKeyValues(ZipFile zip, String entry, String source) {
        Map<String, String> out = new LinkedHashMap<>();
        String member = source + "!/" + entry;
        try (BufferedReader r = TextInput.reader(guarded(zip, zip.getEntry(entry), member), member)) {
            for (String line; (line = r.readLine()) != null; ) {
                int colon = line.indexOf(':');
                if (colon <= 0 || line.startsWith(" ") || line.startsWith("#")) continue;
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                out.putIfAbsent(key, unquote(value));
            }
        } catch (IOException e) {
            throw new InputException(source, entry, "cannot read: " + e.getMessage(), "the archive is damaged; re-export it from QIIME 2", e);
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.charAt(0) == '\'' && v.charAt(v.length() - 1) == '\'') {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') return v.substring(1, v.length() - 1);
        return v.isEmpty() || v.equals("null") ? null : v;
    }

    /** The artifact's UUID (its top-level directory name). */
    public String uuid() { return uuid; }

    /** The semantic type, e.g. {@code FeatureTable[Frequency]}; one of {@link #SUPPORTED_TYPES}. */
    public String semanticType() { return type; }

    /** The QIIME 2 directory format name, e.g. {@code BIOMV210DirFmt}. */
    public String format() { return format; }

    /** Archive format version from VERSION (e.g. "5"), or null if the file has none. */
    public String archiveVersion() { return archiveVersion; }

    /** QIIME 2 release that wrote the archive (e.g. "2023.9.0"), or null if not recorded. */
    public String frameworkVersion() { return frameworkVersion; }

    /** The payload file this semantic type carries, e.g. {@code tree.nwk} for Phylogeny[Rooted]. */
    public String payloadFileName() { return PAYLOADS.get(type); }

    /** Names of all files under {@code <uuid>/data/}, relative to it, in archive order. */
    public List<String> dataFiles() {
        String prefix = root + "data/";
        List<String> out = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            if (!e.isDirectory() && e.getName().startsWith(prefix)) out.add(e.getName().substring(prefix.length()));
        }
        return out;
    }

    /**
     * Opens a payload file, e.g. {@code openData("taxonomy.tsv")}, as a stream bounded by
     * {@link InputLimits#maxArchiveMemberBytes()} and the decompression-ratio guard. The stream
     * is valid until the artifact is closed; the caller closes it.
     *
     * @throws InputException if the archive has no such file under {@code data/}
     */
    public InputStream openData(String fileName) {
        return guarded(zip, dataEntry(fileName), dataSource(fileName));
    }

    /** A member's stream under the size and ratio guard; {@code member} names it in messages. */
    private static InputStream guarded(ZipFile zip, ZipEntry e, String member) {
        try {
            long compressed = e.getCompressedSize() > 0 ? e.getCompressedSize() : 1;
            return new ExpansionGuard(zip.getInputStream(e), () -> compressed, member, InputLimits.maxArchiveMemberBytes());
        } catch (IOException ex) {
            throw new InputException(member, null, "cannot read: " + ex.getMessage(), "the archive is damaged; re-export it from QIIME 2", ex);
        }
    }

    /**
     * Reads a {@code FeatureTable[...]} artifact's {@code feature-table.biom} (BIOM 2.1 HDF5).
     * The HDF5 reader needs random access, so this one member is copied (bounded as
     * {@link #openData}) to a temporary file, deleted before this returns or fails.
     *
     * @throws InputException naming {@code archive!/member} for a wrong type or a bad table
     */
    public FeatureTable readFeatureTable() {
        if (type == null || !type.startsWith("FeatureTable[")) {
            throw new InputException(TextInput.name(path), root + "metadata.yaml", "artifact type is " + type
                    + ", expected FeatureTable[Frequency] or FeatureTable[RelativeFrequency]", "pass a feature-table artifact");
        }
        String file = PAYLOADS.get(type);
        String member = dataSource(file);
        Path copy = null;
        try {
            try (InputStream in = openData(file)) {
                copy = Files.createTempFile("gutbrain-qza-", ".biom");
                copy.toFile().deleteOnExit();
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.util.zip.ZipException | java.io.EOFException ex) {
                throw new InputException(member, null, "the archive member is damaged (" + (ex.getMessage() == null ? "truncated" : ex.getMessage()) + ")",
                        "re-export the artifact with QIIME 2 or copy it again", ex);
            } catch (IOException ex) {
                String reason = ex instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(ex.getMessage());
                throw new InputException(member, null, "cannot stage the HDF5 table for reading: " + reason,
                        "free space in the temporary folder, or point it elsewhere with GUTBRAIN_JAVA_OPTS=-Djava.io.tmpdir=DIR", ex);
            }
            try {
                return BiomHdf5.read(copy);
            } catch (InputException ex) {
                throw renamed(ex, copy.toString(), member);
            }
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // deleteOnExit is the fallback
                }
            }
        }
    }

    /** The same error with the temporary copy's name replaced by the archive member's. */
    private static InputException renamed(InputException ex, String tempName, String member) {
        String source = ex.source() == null || ex.source().equals(tempName) ? member : ex.source();
        String problem = ex.problem() == null ? null : ex.problem().replace(tempName, member);
        return new InputException(source, ex.location(), problem, ex.fix(), ex);
    }

    /** Reads a {@code FeatureData[Taxonomy]} artifact's {@code taxonomy.tsv}, as {@link TaxonomyFile#read(Path)}. */
    public Map<String, Lineage> readTaxonomy() {
        String file = requireType("FeatureData[Taxonomy]");
        String member = dataSource(file);
        try (DelimitedReader r = DelimitedReader.of(TextInput.reader(openData(file), member), member, '\t', true)) {
            return TaxonomyFile.read(r);
        }
    }

    /** Reads a {@code Phylogeny[Rooted]} artifact's {@code tree.nwk}. */
    public PhyloTree readTree() {
        String file = requireType("Phylogeny[Rooted]");
        try (BufferedReader r = TextInput.reader(openData(file), dataSource(file))) {
            return Newick.read(r, dataSource(file));
        } catch (IOException ex) {
            throw new InputException(dataSource(file), null, "cannot read: " + ex.getMessage(), "the archive is damaged; re-export it from QIIME 2", ex);
        }
    }

    /** Reads a {@code DistanceMatrix} artifact's {@code distance-matrix.tsv}, validated as {@link DistanceMatrixFormat#read(Path)}. */
    public DistanceMatrix readDistanceMatrix() {
        String file = requireType("DistanceMatrix");
        try (BufferedReader r = TextInput.reader(openData(file), dataSource(file))) {
            return DistanceMatrixFormat.read(r, dataSource(file));
        } catch (IOException ex) {
            throw new InputException(dataSource(file), null, "cannot read: " + ex.getMessage(), "the archive is damaged; re-export it from QIIME 2", ex);
        }
    }

    /** Name used in messages about a payload file: {@code archive.qza!/<uuid>/data/name}. */
    private String dataSource(String fileName) {
        return TextInput.name(path) + "!/" + root + "data/" + fileName;
    }

    private String requireType(String expected) {
        if (!expected.equals(type)) {
            throw new InputException(TextInput.name(path), null, "artifact is " + type + ", expected " + expected,
                    "pass a " + expected + " artifact here");
        }
        return PAYLOADS.get(expected);
    }

    private ZipEntry dataEntry(String fileName) {
        if (fileName.isEmpty() || fileName.startsWith("/") || fileName.contains("\\")
                || ("/" + fileName + "/").contains("/../")) {
            throw new IllegalArgumentException("not a relative payload file name: " + fileName);
        }
        ZipEntry e = zip.getEntry(root + "data/" + fileName);
        if (e == null || e.isDirectory()) {
            throw new InputException(TextInput.name(path), root + "data/", "the " + type + " artifact has no payload file '" + fileName
                    + "' (it has: " + String.join(", ", dataFiles()) + ")", "the archive is damaged or of another format; re-export it from QIIME 2");
        }
        return e;
    }

    /** Closes the archive. */
    @Override
    public synchronized void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing useful to do: the archive was only read
        }
    }
}
