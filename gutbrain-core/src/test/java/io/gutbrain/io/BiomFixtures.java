package io.gutbrain.io;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Test fixtures shared by the BIOM reader tests: resource paths and the BIOM example table. */
final class BiomFixtures {
    private BiomFixtures() {}

    static Path resource(String name) {
        try {
            return Path.of(BiomFixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("missing test resource " + name, e);
        }
    }

    static final List<String> EXAMPLE_SAMPLES = List.of("Sample1", "Sample2", "Sample3", "Sample4", "Sample5", "Sample6");
    static final List<String> EXAMPLE_OTUS = List.of("GG_OTU_1", "GG_OTU_2", "GG_OTU_3", "GG_OTU_4", "GG_OTU_5");

    /**
     * The biom-format example table (observations × samples) as its sparse JSON files list it,
     * written out by hand from their "data" arrays; biom-format's load_table gives the same
     * matrix for the two HDF5 examples.
     */
    static final double[][] EXAMPLE_SPARSE = {
            {0, 0, 1, 0, 0, 0},
            {5, 1, 0, 2, 3, 1},
            {0, 0, 1, 4, 0, 2},
            {2, 1, 1, 0, 0, 1},
            {0, 1, 1, 0, 0, 0},
    };

    /**
     * The dense example files differ from the sparse ones in one row: GG_OTU_3 is
     * [0,0,1,4,2,0] there (Sample5 = 2, Sample6 = 0) against [0,0,1,4,0,2] in the sparse files.
     * That is how the files ship in biom-format / biomformat; the readers must report both as written.
     */
    static final double[][] EXAMPLE_DENSE = {
            {0, 0, 1, 0, 0, 0},
            {5, 1, 0, 2, 3, 1},
            {0, 0, 1, 4, 2, 0},
            {2, 1, 1, 0, 0, 1},
            {0, 1, 1, 0, 0, 0},
    };

    /** Asserts ids and every cell of a table against an observations × samples matrix. */
    static void assertExample(FeatureTable t, double[][] byObservation) {
        assertThat(t.sampleIds()).isEqualTo(EXAMPLE_SAMPLES);
        assertThat(t.featureIds()).isEqualTo(EXAMPLE_OTUS);
        for (int f = 0; f < byObservation.length; f++) {
            for (int s = 0; s < byObservation[f].length; s++) {
                assertThat(t.get(s, f)).as("%s in %s", EXAMPLE_OTUS.get(f), EXAMPLE_SAMPLES.get(s)).isEqualTo(byObservation[f][s]);
            }
        }
    }

    /** Asserts that reading {@code p} fails with an InputException naming the file and a fix; returns it. */
    static InputException rejected(Path p, Consumer<Path> reader) {
        InputException e = catchThrowableOfType(InputException.class, () -> reader.accept(p));
        assertThat(e).as("expected an InputException").isNotNull();
        assertThat(e.source()).isEqualTo(p.toString());
        assertThat(e.fix()).isNotBlank();
        return e;
    }
}
