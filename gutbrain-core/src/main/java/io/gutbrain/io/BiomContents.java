package io.gutbrain.io;

import io.gutbrain.table.FeatureTable;

/**
 * A table read from a BIOM file together with the file's header.
 *
 * @param table the samples × features table, with taxonomy and sample metadata when the file has them
 * @param info  the file's id, type, format version, generator and date
 */
public record BiomContents(FeatureTable table, BiomInfo info) {
}
