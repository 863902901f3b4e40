package io.gutbrain.study;

import io.gutbrain.measures.Instrument;
import io.gutbrain.metadata.SampleMetadata;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated study: which files to read, which questionnaires to score, the design (group,
 * outcomes, covariates, repeated measures) and which analyses to run with which settings. Made
 * by {@link StudyFile#read(Path)}, which checks everything that can be checked without
 * computing (keys, types, value ranges, files, metadata columns and their types, questionnaire
 * items) so that a run never fails half-way on a typo. The format is described in
 * {@code docs/study-file.md}.
 *
 * @param file        the study file, absolute
 * @param name        short study name (used in report titles and output folder names)
 * @param description free text, may be empty
 * @param inputs      the input files, resolved against the study file's folder
 * @param measures    questionnaires to score, in file order; each instrument already carries the
 *                    output name and item columns of the study file
 * @param design      the statistical design
 * @param analyses    the analyses to run and their settings
 * @param seed        seed of every random step (rarefaction, permutations)
 * @param metadata    the metadata sheet as read during validation, so a pipeline need not read
 *                    it again
 * @param lines       1-based line of every key in the file by its dotted path, e.g.
 *                    {@code design.group} or {@code measures.0.items}, so that later stages
 *                    can point at the line behind a problem they find in the data
 */
public record Study(Path file, String name, String description, Inputs inputs, List<Measure> measures, Design design,
                    Analyses analyses, long seed, SampleMetadata metadata, Map<String, Long> lines) {

    /** Copies the collections. */
    public Study {
        measures = List.copyOf(measures);
        lines = Map.copyOf(lines);
    }

    /** The 1-based line of a key given by its dotted path ({@code design.outcomes}), or 0 if it is not in the file. */
    public long line(String keyPath) {
        Long l = lines.get(keyPath);
        return l == null ? 0 : l;
    }

    /**
     * A few lines for people: the inputs, what will be scored, the design and the analyses that
     * will run (what {@code gutbrain study check} prints).
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("study ").append(name).append(description.isEmpty() ? "" : ": " + description).append('\n');
        sb.append("  table     ").append(inputs.table()).append('\n');
        sb.append("  metadata  ").append(inputs.metadata()).append(" (").append(metadata.size()).append(" samples, ")
                .append(metadata.columns().size()).append(" columns)\n");
        if (inputs.taxonomy() != null) sb.append("  taxonomy  ").append(inputs.taxonomy()).append('\n');
        if (inputs.tree() != null) sb.append("  tree      ").append(inputs.tree()).append('\n');
        if (inputs.koTable() != null) sb.append("  ko table  ").append(inputs.koTable()).append('\n');
        for (Measure m : measures) {
            sb.append("  measure   ").append(m.instrument().title()).append(" -> ").append(m.scoreColumn())
                    .append(" (items ").append(m.items().get(0)).append("..").append(m.items().get(m.items().size() - 1)).append(")\n");
        }
        if (design.group() != null) sb.append("  group     ").append(design.group()).append(" (reference ").append(design.reference()).append(")\n");
        if (!design.outcomes().isEmpty()) sb.append("  outcomes  ").append(names(design.outcomes())).append('\n');
        if (!design.covariates().isEmpty()) sb.append("  adjusted  ").append(names(design.covariates())).append('\n');
        if (!design.randomEffects().isEmpty()) sb.append("  random    ").append(String.join(", ", design.randomEffects())).append('\n');
        if (design.subject() != null || design.time() != null) {
            sb.append("  repeated  subject ").append(design.subject()).append(", time ").append(design.time()).append('\n');
        }
        List<String> runs = new java.util.ArrayList<>();
        runs.add("qc (min depth " + analyses.qc().minDepth() + ")");
        if (analyses.rarefaction() != null) {
            runs.add("rarefaction (" + (analyses.rarefaction().isAuto() ? "auto depth" : "depth " + analyses.rarefaction().depth())
                    + ", " + analyses.rarefaction().iterations() + " iterations)");
        }
        if (analyses.alpha() != null) runs.add("alpha " + String.join("/", analyses.alpha().metrics()));
        if (analyses.beta() != null) runs.add("beta " + String.join("/", analyses.beta().metrics()) + " (" + analyses.beta().permutations() + " permutations)");
        if (analyses.association() != null) runs.add("association " + analyses.association().method().label());
        if (analyses.modules() != null) runs.add("modules");
        Analyses.Intervention iv = analyses.intervention();
        if (iv != null) {
            runs.add("intervention " + (iv.treatment() == null ? "every arm" : iv.treatment()) + " vs " + iv.control()
                    + (iv.donor() == null ? "" : ", FMT engraftment (donor column " + iv.donor() + ")")
                    + (iv.bifidogenic() ? ", bifidogenic response" : ""));
        }
        sb.append("  analyses  ").append(String.join("; ", runs)).append('\n');
        sb.append("  seed      ").append(seed).append('\n');
        return sb.toString();
    }

    private static String names(List<Variable> vars) {
        List<String> out = new java.util.ArrayList<>();
        for (Variable v : vars) out.add(v.isScore() ? v.name() + " (" + v.column() + ")" : v.name());
        return String.join(", ", out);
    }

    /**
     * The input files; optional ones are null when not given.
     *
     * @param table    feature table (any format {@link io.gutbrain.io.TableIO} reads)
     * @param taxonomy taxonomy file, or null
     * @param tree     rooted Newick tree, or null
     * @param metadata sample metadata sheet
     * @param koTable  KEGG-orthology table for module profiling, or null
     */
    public record Inputs(Path table, Path taxonomy, Path tree, Path metadata, Path koTable) {}

    /**
     * A questionnaire to score.
     *
     * @param instrument the instrument, renamed to the study's output name and with the study's
     *                   item columns as its default columns, so that
     *                   {@code Scoring.score(metadata, instrument)} scores it as the study says
     * @param spec       the user-defined instrument file, or null for a built-in instrument
     * @param line       1-based line of the entry in the study file
     */
    public record Measure(Instrument instrument, Path spec, long line) {
        /** The output name: the prefix of the score columns ({@code phq9} gives {@code phq9_score}). */
        public String output() { return instrument.name(); }

        /** The metadata columns holding the items, in item order. */
        public List<String> items() { return instrument.defaultColumns(); }

        /** The column the score is written to, {@code <output>_score}. */
        public String scoreColumn() { return output() + "_score"; }
    }

    /**
     * An outcome or covariate: a metadata column, or the score of a questionnaire of the study.
     *
     * @param name    as written in the study file
     * @param column  the column the value is read from: the metadata column, or
     *                {@code <output>_score} for a scored questionnaire
     * @param measure the questionnaire when the variable is a score, else null
     * @param type    numeric or categorical (scores are numeric)
     */
    public record Variable(String name, String column, Measure measure, SampleMetadata.ColumnType type) {
        /** Whether the value is a questionnaire score computed by the pipeline. */
        public boolean isScore() { return measure != null; }
    }

    /**
     * The statistical design; every column named here exists in the metadata.
     *
     * @param group         the main grouping column (categorical), or null
     * @param reference     the reference level of {@code group}, or null when no group
     * @param outcomes      numeric outcomes: metadata columns or questionnaire scores
     * @param covariates    adjustment variables (numeric or categorical)
     * @param randomEffects grouping columns for random intercepts
     * @param subject       the column identifying a participant across samples, or null
     * @param time          the column of the time point, or null
     */
    public record Design(String group, String reference, List<Variable> outcomes, List<Variable> covariates,
                         List<String> randomEffects, String subject, String time) {
        /** Copies the lists. */
        public Design {
            outcomes = List.copyOf(outcomes);
            covariates = List.copyOf(covariates);
            randomEffects = List.copyOf(randomEffects);
        }
    }
}
