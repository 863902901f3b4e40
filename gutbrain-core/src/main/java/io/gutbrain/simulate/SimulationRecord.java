package io.gutbrain.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gutbrain.io.AtomicOutput;
import io.gutbrain.result.Provenance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code simulation.json} record every simulator writes next to its data, so that each
 * simulated data set says that it is simulated, how it was made and from which real data, and
 * carries the checksums of the files it describes.
 */
final class SimulationRecord {
    private SimulationRecord() {}

    /** The opening entries: {@code simulated: true}, note, generator, version, command, seed, parameters. */
    static Map<String, Object> start(String note, String generator, String version, String command, long seed, Map<String, Object> parameters) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("simulated", true);
        m.put("note", note);
        m.put("generator", generator);
        m.put("version", version);
        m.put("command", command);
        m.put("seed", seed);
        m.put("parameters", parameters);
        return m;
    }

    /** The real source: name, citation, size and the checksums of its files. */
    static Map<String, Object> source(SimulationSource source) {
        Map<String, Object> src = new LinkedHashMap<>();
        src.put("name", source.name());
        src.put("citation", source.citation());
        src.put("samples", source.table().sampleCount());
        src.put("features", source.table().featureCount());
        src.put("counts_sha256", source.countsSha256());
        src.put("metadata_sha256", source.metadataSha256());
        return src;
    }

    /** Adds {@code outputs} (file name and SHA-256 of each) and writes the record as indented JSON, atomically. */
    static void write(Path record, Map<String, Object> m, List<Path> outputs) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Path p : outputs) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", p.getFileName().toString());
            o.put("sha256", Provenance.sha256(p));
            files.add(o);
        }
        m.put("outputs", files);
        AtomicOutput.write(record, o -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(o, m));
    }
}
