package io.gutbrain.modules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark entry point runs and is reproducible; speed itself is measured by {@code gutbrain bench}, not here. */
class ModuleBenchmarkTest {

    @Test
    void smallRunIsSeededAndComplete() {
        ModuleBenchmark.Result a = ModuleBenchmark.run(40, 300, 12, 1, 5, 2);
        ModuleBenchmark.Result b = ModuleBenchmark.run(40, 300, 12, 2, 5, 2);
        assertThat(a.samples()).isEqualTo(40);
        assertThat(a.kos()).isEqualTo(300);
        assertThat(a.modules()).isEqualTo(12);
        assertThat(a.seconds()).hasSize(2);
        assertThat(a.cpuSeconds()).hasSize(2);
        // each cell is present with probability 1/2: 6,000 expected, far more than 5,000 or 7,000 is a bug
        assertThat(a.nonZeros()).isBetween(5000L, 7000L);
        assertThat(b.nonZeros()).isEqualTo(a.nonZeros());
        assertThat(b.steps()).isEqualTo(a.steps());
        assertThat(b.calledPairs()).isEqualTo(a.calledPairs());
        assertThat(a.medianSeconds()).isGreaterThanOrEqualTo(a.minSeconds());
    }
}
