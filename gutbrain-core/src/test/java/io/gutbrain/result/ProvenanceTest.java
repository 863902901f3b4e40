package io.gutbrain.result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProvenanceTest {
    @Test
    void recordsChecksumsParametersAndSeed(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "abc", StandardCharsets.UTF_8);
        // sha256("abc") from FIPS 180-2, appendix B.1
        assertThat(Provenance.sha256(in)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Path out = dir.resolve("provenance.json");
        new Provenance("1.2.3", "gutbrain demo").parameter("depth", 1000).seed(42).input("table", in).write(out);
        String json = Files.readString(out);
        assertThat(json).contains("\"seed\" : 42").contains("\"depth\" : 1000").contains("ba7816bf").contains("\"version\" : \"1.2.3\"");
    }
}
