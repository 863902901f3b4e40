package io.gutbrain.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gutbrain.error.InputException;
import io.gutbrain.io.AtomicOutput;
import io.gutbrain.io.TextOutput;
import io.gutbrain.report.Figure;
import io.gutbrain.result.ResultTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The pipeline's step cache: one folder per step result,
 * {@code <out>/.cache/<step>-<key>/}, where the key is the SHA-256 of the step name, its
 * parameters, the gutbrain version and the keys (or input-file hashes) it depends on. A step
 * whose folder exists is loaded instead of recomputed. A result is computed into a staging
 * folder and renamed into place only when complete ({@code manifest.json} last), so an
 * interrupted run never leaves a half result that a later run would trust.
 */
final class StepCache {
    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    StepCache(Path root) { this.root = root; }

    /**
     * The cache key: SHA-256 (hex) of a canonical JSON document of the step name, the version,
     * the parameters (sorted by name) and the upstream keys in order.
     */
    static String key(String step, String version, Map<String, ?> parameters, List<String> upstream) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("step", step);
        doc.put("version", version);
        doc.put("parameters", new TreeMap<>(parameters));
        doc.put("upstream", upstream);
        try {
            byte[] bytes = JSON.writeValueAsBytes(doc);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the parameters of step " + step, e);
        }
    }

    /** The folder of a step result (it may not exist). */
    Path dir(String step, String key) { return root.resolve(step + "-" + key); }

    /** True when a complete result of this step and key is cached. */
    boolean has(String step, String key) { return Files.isRegularFile(dir(step, key).resolve(MANIFEST)); }

    /** A fresh, empty staging folder for computing a step's result. */
    Path staging(String step, String key) {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, ".staging-" + step + "-");
        } catch (IOException e) {
            throw new InputException(root.toString(), null, "cannot create a cache folder: " + e.getMessage(), "make the output folder writable");
        }
    }

    /**
     * Removes every staging folder left by an earlier run that died or failed. Call it only while
     * holding the results store open for writing: that lock means no other run uses this cache.
     *
     * @return how many folders were removed
     */
    int removeStaging() {
        if (!Files.isDirectory(root)) return 0;
        int n = 0;
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(d -> d.getFileName().toString().startsWith(".staging-")).toList()) {
                deleteTree(p);
                n++;
            }
        } catch (IOException e) {
            throw new InputException(root.toString(), null, "cannot remove an old staging folder: " + e.getMessage(), "make the output folder writable");
        }
        return n;
    }

    /** Removes one staging folder after its step failed (best effort: the failure is what matters). */
    static void discard(Path staging) {
        try {
            if (Files.exists(staging)) deleteTree(staging);
        } catch (IOException ignored) {
            // the next run removes it (removeStaging)
        }
    }

    /**
     * Writes the blocks and facts of {@code out} (computed in a {@link #staging} folder) and moves
     * the folder to its final place; returns the output re-rooted there.
     */
    StepOutput commit(String step, String key, StepOutput out) {
        ObjectNode m = JSON.createObjectNode();
        m.put("step", step);
        m.put("key", key);
        ObjectNode facts = m.putObject("facts");
        out.facts.forEach(facts::put);
        ArrayNode blocks = m.putArray("blocks");
        for (StepOutput.Block b : out.blocks) {
            ObjectNode n = blocks.addObject();
            if (b instanceof StepOutput.Text t) {
                n.put("type", t.kind()).put("text", t.text());
            } else if (b instanceof StepOutput.Fig f) {
                Figure g = f.figure();
                n.put("type", "figure").put("name", g.name()).put("title", g.title()).put("caption", g.caption())
                        .put("width", g.width()).put("height", g.height()).put("pngScale", g.pngScale());
                TextOutput.write(out.dir.resolve("fig-" + g.name() + ".svg"), g.svg());
                AtomicOutput.write(out.dir.resolve("fig-" + g.name() + ".png"), o -> o.write(g.png()));
            } else if (b instanceof StepOutput.Tab t) {
                n.put("type", "table").put("name", t.table().name()).put("caption", t.caption()).put("shown", t.shownRows()).put("store", t.store());
                ArrayNode kinds = n.putArray("kinds");
                for (int c = 0; c < t.table().columns().size(); c++) kinds.add(kind(t.table(), c));
                TextOutput.write(out.dir.resolve("tab-" + t.table().name() + ".tsv"), t.table().toTsv());
            }
        }
        try {
            TextOutput.write(out.dir.resolve(MANIFEST), JSON.writeValueAsString(m));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        install(out.dir, step, key);
        return load(step, key);
    }

    /** Moves a complete staging folder (its manifest written last) to the result's final place. */
    void install(Path staged, String step, String key) {
        Path target = dir(step, key);
        try {
            if (Files.exists(target)) deleteTree(target); // an incomplete folder without manifest
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target);
            }
        } catch (IOException e) {
            throw new InputException(target.toString(), null, "cannot store a cached step result: " + e.getMessage(), "make the output folder writable");
        }
    }

    /** Reads a cached step result back. */
    StepOutput load(String step, String key) {
        Path d = dir(step, key);
        StepOutput out = new StepOutput(d);
        try {
            JsonNode m = JSON.readTree(Files.readString(d.resolve(MANIFEST), StandardCharsets.UTF_8));
            m.get("facts").fields().forEachRemaining(e -> out.facts.put(e.getKey(), e.getValue().asText()));
            for (JsonNode n : m.get("blocks")) {
                String type = n.get("type").asText();
                switch (type) {
                    case "figure" -> {
                        String name = n.get("name").asText();
                        out.figure(new Figure(name, n.get("title").asText(), n.get("caption").asText(), n.get("width").asInt(),
                                n.get("height").asInt(), n.get("pngScale").asInt(),
                                Files.readString(d.resolve("fig-" + name + ".svg"), StandardCharsets.UTF_8),
                                Files.readAllBytes(d.resolve("fig-" + name + ".png"))));
                    }
                    case "table" -> {
                        List<String> kinds = new ArrayList<>();
                        n.get("kinds").forEach(k -> kinds.add(k.asText()));
                        String name = n.get("name").asText();
                        out.table(readTable(name, d.resolve("tab-" + name + ".tsv"), kinds), n.get("caption").asText(),
                                n.get("shown").asInt(), n.get("store").asBoolean());
                    }
                    default -> out.blocks.add(new StepOutput.Text(type, n.get("text").asText()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(d.toString(), null, "the cached step result cannot be read: " + e.getMessage(),
                    "delete the folder " + root + " and run again");
        }
        return out;
    }

    /** The kind of a column for reading its TSV back: L (integers), D (numbers), B (booleans), S (text). */
    private static String kind(ResultTable t, int c) {
        String k = null;
        for (Object[] row : t.rows()) {
            Object v = row[c];
            if (v == null) continue;
            String vk = v instanceof Double || v instanceof Float ? "D" : v instanceof Number ? "L" : v instanceof Boolean ? "B" : "S";
            if (k == null) k = vk;
            else if (!k.equals(vk)) k = (k.equals("L") && vk.equals("D")) || (k.equals("D") && vk.equals("L")) ? "D" : "S";
        }
        return k == null ? "S" : k;
    }

    private static ResultTable readTable(String name, Path file, List<String> kinds) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> columns = List.of(lines.get(0).split("\t", -1));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            Object[] row = new Object[columns.size()];
            for (int c = 0; c < row.length; c++) row[c] = cell(cells[c], kinds.get(c));
            rows.add(row);
        }
        return new ResultTable(name, columns, rows);
    }

    private static Object cell(String s, String kind) {
        if (!kind.equals("S") && s.equals("NA")) return kind.equals("D") ? Double.NaN : null;
        return switch (kind) {
            case "L" -> Long.parseLong(s);
            case "D" -> s.equals("Inf") ? Double.POSITIVE_INFINITY : s.equals("-Inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(s);
            case "B" -> Boolean.parseBoolean(s);
            default -> s.equals("NA") ? null : s;
        };
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
