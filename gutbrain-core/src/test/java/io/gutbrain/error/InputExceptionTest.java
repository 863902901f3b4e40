package io.gutbrain.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one line users see stays one line whatever the input put into the names it quotes. */
class InputExceptionTest {
    @Test
    void formatsSourceLocationProblemAndFix() {
        assertThat(new InputException("t.tsv", "line 3", "expected a number, found 'x'", "correct the value").oneLine())
                .isEqualTo("t.tsv:line 3: expected a number, found 'x' (fix: correct the value)");
        assertThat(new InputException(null, null, "no samples left", null).oneLine()).isEqualTo("no samples left");
    }

    @Test
    void controlCharactersFromTheInputAreEscaped() {
        // found by the reader fuzzer: a damaged .qza whose member name holds a line break
        String line = new InputException("a.qza!/uu\nid/metadata.yaml", "field\t2", "id \"F\u0000\" is bad\r", "re-export\nit").oneLine();
        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\t").doesNotContain("\u0000");
        assertThat(line).isEqualTo("a.qza!/uu\\nid/metadata.yaml:field\\t2: id \"F\\u0000\" is bad\\r (fix: re-export it)");
    }
}
