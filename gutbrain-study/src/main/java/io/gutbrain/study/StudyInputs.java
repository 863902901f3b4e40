package io.gutbrain.study;

import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.modules.KoInput;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.tree.PhyloTree;

/**
 * A study's input files read once, by {@link StudyValidation}, for the checks and then for the
 * run (so that checking before computing does not read a table twice). Any part whose file could
 * not be read, or that the study does not name, is null; the problem was reported by the
 * validation, so a check that needs a null part says nothing.
 *
 * @param study    the study these inputs belong to
 * @param table    {@code inputs.table} as read (with {@code inputs.taxonomy} attached), every sample
 * @param kept     the samples that load + QC keep: in the table and the metadata, at least
 *                 {@code analyses.qc.min_depth} reads, empty features dropped (what the
 *                 pipeline's later steps call the filtered table); null when the table or
 *                 metadata is unreadable or no id matches
 * @param metadata the metadata with every questionnaire's score columns added, as the steps
 *                 after {@code measures} see it
 * @param tree     {@code inputs.tree}, or null
 * @param ko       {@code inputs.ko_table}, or null
 */
public record StudyInputs(Study study, FeatureTable table, FeatureTable kept, SampleMetadata metadata, PhyloTree tree, KoInput ko) {

    /** The 1-based line of a study-file key (see {@link Study#line}); 0 when the key is not in the file. */
    public long line(String keyPath) { return study.line(keyPath); }

    /** The line of the first of the keys that is in the file, else 0: a problem of a default setting points at its section. */
    public long firstLine(String... keyPaths) {
        for (String k : keyPaths) if (study.line(k) > 0) return study.line(k);
        return 0;
    }
}
