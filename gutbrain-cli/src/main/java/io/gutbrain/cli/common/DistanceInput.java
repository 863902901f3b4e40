package io.gutbrain.cli.common;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.io.DistanceMatrixFormat;
import io.gutbrain.io.QiimeArtifact;
import io.gutbrain.io.TableFormat;
import io.gutbrain.io.TableIO;

import java.nio.file.Path;

/** Reads a distance matrix given on the command line: square TSV (gzip ok) or a DistanceMatrix .qza. */
public final class DistanceInput {
    private DistanceInput() {}

    public static DistanceMatrix read(Path p) {
        if (TableIO.detect(p) == TableFormat.QZA) {
            try (QiimeArtifact a = QiimeArtifact.open(p)) {
                return a.readDistanceMatrix();
            }
        }
        return DistanceMatrixFormat.read(p);
    }
}
