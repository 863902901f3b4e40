package io.gutbrain.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gutbrain.error.InputException;
import io.gutbrain.io.AtomicOutput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What produced an output: the gutbrain version, the command and its parameters, the seed of
 * every random step, and each input file with its size and SHA-256 — so a result can be traced
 * and reproduced. Written next to outputs as {@code provenance.json}.
 */
public final class Provenance {
    private final String tool;
    private final String version;
    private final String command;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Map<String, Object>> inputs = new ArrayList<>();
    private final List<Map<String, Object>> outputs = new ArrayList<>();
    private final String started = Instant.now().toString();
    private Long seed;

    public Provenance(String version, String command) {
        this.tool = "gutbrain";
        this.version = version;
        this.command = command;
    }

    public Provenance parameter(String name, Object value) { parameters.put(name, value); return this; }

    public Provenance seed(long seed) { this.seed = seed; return this; }

    /** Records an input file with its size and SHA-256. */
    public Provenance input(String role, Path file) {
        inputs.add(fileRecord(role, file));
        return this;
    }

    /** Records an output file with its size and SHA-256 (call after it is written). */
    public Provenance output(String role, Path file) {
        outputs.add(fileRecord(role, file));
        return this;
    }

    /**
     * Records an output file written at {@code written} that will be found at {@code recordedAs}
     * (a file of a staged output folder, {@link io.gutbrain.io.OutputFolder#finalPath}).
     */
    public Provenance output(String role, Path written, Path recordedAs) {
        Map<String, Object> m = fileRecord(role, written);
        m.put("path", recordedAs.toString());
        outputs.add(m);
        return this;
    }

    private static Map<String, Object> fileRecord(String role, Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("path", file.toString());
        m.put("bytes", size(file));
        m.put("sha256", sha256(file));
        return m;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", tool);
        m.put("version", version);
        m.put("command", command);
        m.put("started", started);
        m.put("finished", Instant.now().toString());
        m.put("java", System.getProperty("java.version"));
        if (seed != null) m.put("seed", seed);
        m.put("parameters", parameters);
        m.put("inputs", inputs);
        m.put("outputs", outputs);
        return m;
    }

    /** Writes {@code provenance.json} (atomically). */
    public void write(Path file) {
        AtomicOutput.write(file, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, toMap()));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new InputException(p.toString(), null, "cannot read: " + e.getMessage(), "check the path");
        }
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputException(p.toString(), null, "cannot read: " + e.getMessage(), "check the path");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
