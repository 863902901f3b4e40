package io.gutbrain.modules;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.ProgressListener;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Helpers for the module tests: fixtures, module sets from text, one-sample profiles. */
final class ModuleFixtures {
    private ModuleFixtures() {}

    static Path resource(String name) {
        URL url = ModuleFixtures.class.getClassLoader().getResource(name);
        if (url == null) throw new IllegalArgumentException("missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses module-file text (tabs written as {@code \t} in the Java string). */
    static ModuleSet modules(String text) {
        return ModuleSet.parse("test.modules", new BufferedReader(new StringReader(text)));
    }

    /** A one-sample table "S1" with the given KO values (insertion order kept). */
    static FeatureTable oneSample(Map<String, Double> values) {
        List<String> ids = new ArrayList<>(values.keySet());
        double[][] v = new double[1][ids.size()];
        for (int i = 0; i < ids.size(); i++) v[0][i] = values.get(ids.get(i));
        return FeatureTable.fromDense("test", List.of("S1"), ids, v);
    }

    static ModuleProfile profile(FeatureTable t, ModuleSet set, ModuleOptions o) {
        return ModuleProfiler.profile(t, set, o, ProgressListener.NONE);
    }

    /** The call must throw an InputException at {@code location} whose message has every fragment. */
    static InputException assertInputError(ThrowingCallable call, String location, String... fragments) {
        InputException e = catchThrowableOfType(InputException.class, call);
        assertThat(e).as("expected an InputException").isNotNull();
        assertThat(e.location()).as(e.getMessage()).isEqualTo(location);
        for (String f : fragments) assertThat(e.getMessage()).contains(f);
        return e;
    }
}
