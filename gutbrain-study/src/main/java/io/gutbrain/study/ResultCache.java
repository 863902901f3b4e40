package io.gutbrain.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gutbrain.error.InputException;
import io.gutbrain.io.TextOutput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The cache of typed step results: {@code <out>/.cache/<step>-<key>/result.json} (the result
 * record as JSON) and {@code manifest.json}, written last, in the folders of {@link StepCache}
 * (same staging, same atomic rename, same clean-up of staging folders left by a dead run).
 *
 * <p>The key is the SHA-256 of the canonical JSON (properties sorted by name) of the step name,
 * the gutbrain version, the step's configuration record and the keys of the steps it needs, in
 * order: every setting a step reads is in its configuration record, so no list of parameters is
 * kept by hand. Doubles are written as JSON numbers with their shortest round-trip text (NaN and
 * infinities as the strings Jackson reads back), so a result read back equals the one written.
 */
final class ResultCache {
    static final String RESULT = "result.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final StepCache folders;

    ResultCache(StepCache folders) { this.folders = folders; }

    /** The cache key of a step run (SHA-256 hex). */
    static String key(String step, String version, Record config, List<String> upstreamKeys) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("step", step);
        doc.put("version", version);
        doc.set("config", JSON.valueToTree(config));
        doc.set("upstream", JSON.valueToTree(upstreamKeys));
        try {
            byte[] bytes = JSON.writeValueAsBytes(doc);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the configuration of step " + step, e);
        }
    }

    /** The configuration as a flat-ish map for the provenance and the results store. */
    static java.util.Map<String, Object> parameters(Record config) {
        java.util.Map<String, Object> out = new java.util.TreeMap<>();
        JSON.valueToTree(config).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }

    boolean has(String step, String key) { return folders.has(step, key); }

    /** Writes the result and returns it as read back from the cache (so a fresh run uses exactly what a cached run will). */
    <R> R store(String step, String key, R result, Class<R> type) {
        Path staging = folders.staging(step, key);
        try {
            TextOutput.write(staging.resolve(RESULT), JSON.writeValueAsString(result));
            ObjectNode m = JSON.createObjectNode().put("step", step).put("key", key).put("type", type.getName());
            TextOutput.write(staging.resolve(StepCache.MANIFEST), JSON.writeValueAsString(m));
        } catch (IOException e) {
            StepCache.discard(staging);
            throw new IllegalStateException("cannot serialise the result of step " + step, e);
        } catch (RuntimeException e) {
            StepCache.discard(staging);
            throw e;
        }
        folders.install(staging, step, key);
        return load(step, key, type);
    }

    /** Reads a cached result back as its record type. */
    <R> R load(String step, String key, Class<R> type) {
        Path d = folders.dir(step, key);
        try {
            JsonNode m = JSON.readTree(Files.readString(d.resolve(StepCache.MANIFEST), StandardCharsets.UTF_8));
            if (!type.getName().equals(m.path("type").asText())) {
                throw new IOException("it holds a " + m.path("type").asText() + ", not a " + type.getName());
            }
            return JSON.readValue(Files.readString(d.resolve(RESULT), StandardCharsets.UTF_8), type);
        } catch (IOException | RuntimeException e) {
            throw new InputException(d.toString(), null, "the cached step result cannot be read: " + e.getMessage(),
                    "delete the folder " + d.getParent() + " and run again");
        }
    }
}
