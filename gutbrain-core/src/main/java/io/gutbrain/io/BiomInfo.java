package io.gutbrain.io;

/**
 * The descriptive header of a BIOM file, kept so that a conversion can report (or carry over)
 * what the file said about itself. Any field may be null when the file leaves it out.
 *
 * @param id          the table id ({@code id} in JSON, root attribute {@code id} in HDF5)
 * @param type        the table type, e.g. "OTU table"
 * @param format      the format version as written, e.g. "Biological Observation Matrix 1.0.0" or "2.1"
 * @param generatedBy the program that wrote the file
 * @param created     the creation date as written (ISO 8601 in files from biom-format)
 */
public record BiomInfo(String id, String type, String format, String generatedBy, String created) {
}
