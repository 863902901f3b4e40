package io.gutbrain.io;

import io.gutbrain.tree.PhyloTree;

import java.nio.file.Path;

/** Reads a phylogeny from any form gutbrain accepts: Newick text (gzip or not) or a QIIME 2 Phylogeny[Rooted] {@code .qza}. */
public final class TreeIO {
    private TreeIO() {}

    /**
     * Reads the tree, choosing the reader from the file's content.
     *
     * @throws io.gutbrain.error.InputException naming the file for malformed Newick or an artifact without a tree
     */
    public static PhyloTree read(Path path) {
        if (TableIO.detect(path) == TableFormat.QZA) {
            try (QiimeArtifact a = QiimeArtifact.open(path)) {
                return a.readTree();
            }
        }
        return Newick.read(path);
    }
}
