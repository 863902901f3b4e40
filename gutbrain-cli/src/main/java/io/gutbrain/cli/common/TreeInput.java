package io.gutbrain.cli.common;

import io.gutbrain.io.Newick;
import io.gutbrain.io.QiimeArtifact;
import io.gutbrain.io.TableFormat;
import io.gutbrain.io.TableIO;
import io.gutbrain.tree.PhyloTree;

import java.nio.file.Path;

/** Reads a tree given on the command line: Newick text (gzip ok) or a Phylogeny[Rooted] .qza. */
public final class TreeInput {
    private TreeInput() {}

    public static PhyloTree read(Path path) {
        return io.gutbrain.io.TreeIO.read(path);
    }
}
