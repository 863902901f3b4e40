package io.gutbrain.simulate;

import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.TableIO;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.result.Provenance;
import io.gutbrain.table.FeatureTable;

import java.nio.file.Path;

/**
 * The real microbiome profiles a semi-synthetic cohort is drawn from, with what is needed to
 * cite and verify them: by default the atlas1006 HITChip data (Lahti et al. 2014, Nat Commun
 * 5:4344), bundled with the command-line tool.
 *
 * @param name           short name written into every output, e.g. {@code atlas1006}
 * @param citation       where the data come from
 * @param table          the profiles (samples × taxa counts)
 * @param metadata       per-sample age, sex and BMI (columns {@code age}, {@code sex},
 *                       {@code bmi} or {@code bmi_group}) and {@code subject} when several samples
 *                       belong to one person; may be null
 * @param countsSha256   SHA-256 of the counts file
 * @param metadataSha256 SHA-256 of the metadata file, or null
 */
public record SimulationSource(String name, String citation, FeatureTable table, SampleMetadata metadata,
                               String countsSha256, String metadataSha256) {

    /** The atlas1006 citation. */
    public static final String ATLAS1006_CITATION = "atlas1006: Lahti L, Salojärvi J, Salonen A, Scheffer M, de Vos WM (2014). "
            + "Tipping elements in the human intestinal ecosystem. Nat Commun 5:4344; R package microbiome, data/atlas1006.rda (BSD-2)";

    /**
     * Reads the counts (any format {@link TableIO} reads) and optional metadata, and checksums them.
     *
     * @param metadata the metadata sheet, or null
     */
    public static SimulationSource read(String name, String citation, Path counts, Path metadata) {
        FeatureTable t = TableIO.read(counts);
        SampleMetadata md = metadata == null ? null : MetadataFile.read(metadata);
        return new SimulationSource(name, citation, t, md, Provenance.sha256(counts), metadata == null ? null : Provenance.sha256(metadata));
    }
}
