package io.gutbrain.study;

import io.gutbrain.error.InputException;
import io.gutbrain.io.TableIO;
import io.gutbrain.io.TreeIO;
import io.gutbrain.measures.InstrumentScores;
import io.gutbrain.measures.Scoring;
import io.gutbrain.metadata.MetadataMatch;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.modules.KoInput;
import io.gutbrain.study.check.DesignCheck;
import io.gutbrain.study.check.InputsCheck;
import io.gutbrain.study.check.InterventionCheck;
import io.gutbrain.study.check.ModulesCheck;
import io.gutbrain.study.check.QcCheck;
import io.gutbrain.study.check.RarefactionCheck;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.tree.PhyloTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a study on its real inputs before anything is computed: {@link StudyFile} checks the
 * study file itself (keys, values, ranges, that the files exist, metadata columns); this reads
 * the input files once and runs every step's {@link StudyCheck} on them (the table is a feature
 * table, the metadata ids overlap it, the tree covers its features, the KO table is one, the QC
 * depth keeps samples, the design's columns have enough values, taxon names resolve, ...).
 *
 * <p>{@code gutbrain study check} prints {@link #check}'s problems; {@code gutbrain study run}
 * calls {@link #require} and passes the loaded inputs to the pipeline, so a run starts computing
 * only when the check passes and reads each input once.
 */
public final class StudyValidation {
    private StudyValidation() {}

    /** The checks in step order: inputs, load + QC, rarefaction, the design (alpha, beta, association), modules, intervention. */
    public static final List<StudyCheck> CHECKS = List.of(new InputsCheck(), new QcCheck(), new RarefactionCheck(), new DesignCheck(),
            new ModulesCheck(), new InterventionCheck());

    /**
     * What the validation found.
     *
     * @param inputs   the inputs as read (parts that could not be read are null)
     * @param problems every problem, by line; empty when the study can run
     * @param notes    facts that are not problems (e.g. samples a rarefaction depth leaves out)
     */
    public record Outcome(StudyInputs inputs, List<StudyProblem> problems, List<String> notes) {
        public Outcome {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        /** Whether the study can run. */
        public boolean ok() { return problems.isEmpty(); }
    }

    /** Reads the inputs of a study (already validated by {@link StudyFile}) and runs every check. */
    public static Outcome check(Study study) {
        List<StudyProblem> problems = new ArrayList<>();
        StudyInputs inputs = load(study, problems);
        List<String> notes = new ArrayList<>();
        for (StudyCheck c : CHECKS) {
            problems.addAll(c.validate(inputs));
            notes.addAll(c.notes(inputs));
        }
        problems.sort(Comparator.comparingLong(StudyProblem::line)); // stable: same-line problems stay in step order
        return new Outcome(inputs, problems, notes);
    }

    /**
     * The loaded inputs of a study that passes every check.
     *
     * @throws StudyFileException listing every problem with its study-file line
     */
    public static StudyInputs require(Study study) {
        Outcome o = check(study);
        if (!o.ok()) throw new StudyFileException(study.file().toString(), o.problems());
        return o.inputs();
    }

    // ---- reading the inputs, each once ----

    private static StudyInputs load(Study study, List<StudyProblem> problems) {
        Study.Inputs in = study.inputs();
        FeatureTable table = readTable(study, problems);
        SampleMetadata md = scored(study, problems);
        FeatureTable kept = table == null || md == null ? null : kept(study, table, md, problems);
        PhyloTree tree = null;
        if (in.tree() != null) {
            try {
                tree = TreeIO.read(in.tree());
            } catch (InputException e) {
                problems.add(StudyProblem.of(study.line("inputs.tree"), "'inputs.tree' is not a tree gutbrain can read", e,
                        "give a rooted Newick tree (.nwk, .tre) or a QIIME 2 Phylogeny[Rooted] .qza built for this table"));
            }
        }
        KoInput ko = null;
        if (in.koTable() != null) {
            try {
                ko = KoInput.read(in.koTable());
            } catch (InputException e) {
                problems.add(StudyProblem.of(study.line("inputs.ko_table"), "'inputs.ko_table' is not a KO table gutbrain can read", e,
                        "give a table of KEGG orthologs: HUMAnN regrouped to KOs, PICRUSt2 KO_metagenome_out, or any table whose ids are KOs"));
            }
        }
        return new StudyInputs(study, table, kept, md, tree, ko);
    }

    private static FeatureTable readTable(Study study, List<StudyProblem> problems) {
        Study.Inputs in = study.inputs();
        TableIO.ReadOptions ro = new TableIO.ReadOptions();
        if (in.taxonomy() != null) ro.taxonomy(in.taxonomy());
        try {
            return TableIO.read(in.table(), ro);
        } catch (InputException e) {
            boolean taxonomy = in.taxonomy() != null && in.taxonomy().toString().equals(e.source());
            problems.add(taxonomy
                    ? StudyProblem.of(study.line("inputs.taxonomy"), "'inputs.taxonomy' cannot be read", e,
                            "give a taxonomy file (QIIME 2 taxonomy.tsv or .qza, or feature id and lineage per line)")
                    : StudyProblem.of(study.line("inputs.table"), "'inputs.table' is not a feature table gutbrain can read", e,
                            "give a feature table: BIOM, a QIIME 2 FeatureTable .qza, or a TSV/CSV with one row per feature and one column per sample"));
            return null;
        }
    }

    /** The metadata with the questionnaire scores the measures step adds (the reader has checked the items score). */
    private static SampleMetadata scored(Study study, List<StudyProblem> problems) {
        SampleMetadata md = study.metadata();
        if (study.measures().isEmpty()) return md;
        List<InstrumentScores> all = new ArrayList<>();
        for (Study.Measure m : study.measures()) {
            try {
                all.add(Scoring.score(md, m.instrument()));
            } catch (InputException e) {
                problems.add(StudyProblem.of(m.line(), m.instrument().title() + " cannot be scored", e, "correct the item values in the metadata"));
                return null;
            }
        }
        return InstrumentScores.addTo(md, all);
    }

    /** The samples load + QC keep, exactly as the load step filters them; null (and a problem) when no id matches. */
    private static FeatureTable kept(Study study, FeatureTable table, SampleMetadata md, List<StudyProblem> problems) {
        if (MetadataMatch.compare(table, md).matched() == 0) {
            problems.add(new StudyProblem(study.line("inputs.metadata"), "none of the " + md.size() + " metadata ids is a sample of the table "
                    + study.inputs().table().getFileName() + " (table has e.g. " + MetadataMatch.firstFew(table.sampleIds())
                    + "; metadata has e.g. " + MetadataMatch.firstFew(md.ids()) + ")",
                    "give the metadata of this table: its first column holds the table's sample ids"));
            return null;
        }
        List<String> both = new ArrayList<>();
        for (String id : table.sampleIds()) if (md.hasSample(id)) both.add(id);
        return table.subsetSamples(both).withMetadata(null).filterMinDepth(study.analyses().qc().minDepth()).dropEmptyFeatures();
    }
}
