package io.gutbrain.io;

import io.gutbrain.error.InputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Test helpers for the text readers: fixture paths, small files written in a test, error checks. */
final class TextFixtures {
    private TextFixtures() {}

    /** A fixture under src/test/resources. */
    static Path resource(String name) {
        URL url = TextFixtures.class.getClassLoader().getResource(name);
        if (url == null) throw new IllegalArgumentException("missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code content} to {@code dir/name} and returns the path. */
    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code call}, which must throw an {@link InputException} located exactly at
     * {@code location} (e.g. "line 3" or "line 3, column 'S2'") naming the file, and whose
     * message contains every fragment.
     */
    static InputException assertInputError(ThrowingCallable call, Path file, String location, String... fragments) {
        InputException e = catchThrowableOfType(InputException.class, call);
        assertThat(e).as("expected an InputException").isNotNull();
        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.location()).isEqualTo(location);
        for (String f : fragments) assertThat(e.getMessage()).contains(f);
        return e;
    }
}
