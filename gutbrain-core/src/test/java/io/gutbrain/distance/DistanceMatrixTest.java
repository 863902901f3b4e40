package io.gutbrain.distance;

import io.gutbrain.error.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistanceMatrixTest {
    @Test
    void condensedOrderMatchesScipySquareform() {
        // scipy.spatial.distance.squareform([[0,1,2],[1,0,3],[2,3,0]]) == [1, 2, 3]
        DistanceMatrix d = DistanceMatrix.ofSquare("x", List.of("a", "b", "c"), new double[][]{{0, 1, 2}, {1, 0, 3}, {2, 3, 0}});
        assertThat(d.condensedDoubles()).containsExactly(1, 2, 3);
        assertThat(d.get(2, 1)).isEqualTo(3);
        assertThat(d.select(List.of("c", "a")).get(0, 1)).isEqualTo(2);
    }

    @Test
    void asymmetricOrNonZeroDiagonalIsRejected() {
        assertThatThrownBy(() -> DistanceMatrix.ofSquare("x", List.of("a", "b"), new double[][]{{0, 1}, {2, 0}}))
                .isInstanceOf(InputException.class).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> DistanceMatrix.ofSquare("x", List.of("a", "b"), new double[][]{{1, 1}, {1, 0}}))
                .isInstanceOf(InputException.class).hasMessageContaining("diagonal");
    }
}
