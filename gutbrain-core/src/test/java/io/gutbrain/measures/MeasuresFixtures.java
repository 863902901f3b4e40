package io.gutbrain.measures;

import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads the hand-made fixtures under {@code src/test/resources/measures/} and checks single results. */
final class MeasuresFixtures {
    private MeasuresFixtures() {}

    static Path path(String name) {
        URL url = MeasuresFixtures.class.getClassLoader().getResource("measures/" + name);
        if (url == null) throw new IllegalArgumentException("missing test resource measures/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SampleMetadata metadata(String name) { return MetadataFile.read(path(name)); }

    /** Asserts one sample's score (null = missing), band (null = none), missing count, prorated and flags. */
    static void expect(InstrumentScores scores, String id, Integer score, String band, int missing, boolean prorated, String... flags) {
        SampleScore s = scores.get(id);
        assertThat(s).as(id).isNotNull();
        assertThat(s.score()).as(id + " score").isEqualTo(score == null ? OptionalInt.empty() : OptionalInt.of(score));
        assertThat(s.band().orElse(null)).as(id + " band").isEqualTo(band);
        assertThat(s.missingItems()).as(id + " missing").isEqualTo(missing);
        assertThat(s.prorated()).as(id + " prorated").isEqualTo(prorated);
        assertThat(s.flags()).as(id + " flags").containsExactly(flags);
    }
}
