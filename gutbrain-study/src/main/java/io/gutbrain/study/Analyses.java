package io.gutbrain.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The analyses a study asks for. A section present in the study file (even empty, e.g.
 * {@code alpha: {}}) turns its analysis on with the defaults below; an absent section is null
 * and the analysis is not run. Quality control always runs.
 *
 * @param qc           sample quality control (never null)
 * @param rarefaction  rarefaction before diversity, or null to use the unrarefied counts
 * @param alpha        alpha diversity, or null
 * @param beta         beta diversity, ordination and group tests, or null
 * @param association  per-feature association testing, or null
 * @param modules      gut-brain / metabolic module profiling from a KO table, or null
 * @param intervention intervention (trial) analysis over time, or null
 * @param steps        the configurations of the registered steps ({@link StepRegistry}) that run
 */
public record Analyses(Qc qc, Rarefaction rarefaction, Alpha alpha, Beta beta, Association association,
                       Modules modules, Intervention intervention, StepConfigs steps) {

    /**
     * Sample quality control.
     *
     * @param minDepth samples with fewer reads (table column sum) are left out; default 0 (keep all)
     */
    public record Qc(long minDepth) {
        /** Keep every sample. */
        public static final Qc DEFAULT = new Qc(0);
    }

    /**
     * Repeated rarefaction (subsampling without replacement) for diversity.
     *
     * @param depth      reads per sample, or {@link #AUTO} for the smallest depth among the
     *                   samples kept by quality control
     * @param iterations how many rarefied tables alpha diversity is averaged over; default 10
     */
    public record Rarefaction(long depth, int iterations) {
        /** {@code depth: auto}. */
        public static final long AUTO = 0;
        /** Default number of iterations. */
        public static final int DEFAULT_ITERATIONS = 10;

        /** Whether the depth is chosen from the data. */
        public boolean isAuto() { return depth == AUTO; }
    }

    /**
     * Alpha diversity.
     *
     * @param metrics canonical metric names of {@link io.gutbrain.diversity.alpha.AlphaMetric#byName}
     */
    public record Alpha(List<String> metrics) {
        /** The CLI's default metrics. */
        public static final List<String> DEFAULT_METRICS = List.of("observed_features", "shannon", "simpson", "inverse_simpson", "pielou_e", "chao1");

        /** Copies the list. */
        public Alpha { metrics = List.copyOf(metrics); }
    }

    /**
     * Beta diversity, PCoA and the group tests (PERMANOVA, PERMDISP).
     *
     * @param metrics      metric names in lower case: those of
     *                     {@link io.gutbrain.diversity.beta.BetaMetric#names()} or a UniFrac variant's
     *                     {@link io.gutbrain.diversity.unifrac.UniFracVariant#cliName()} (these need a tree)
     * @param permutations permutations of each test; default 999
     */
    public record Beta(List<String> metrics, int permutations) {
        /** Default metrics. */
        public static final List<String> DEFAULT_METRICS = List.of("braycurtis", "jaccard");
        /** Default permutations. */
        public static final int DEFAULT_PERMUTATIONS = 999;

        /** Copies the list. */
        public Beta { metrics = List.copyOf(metrics); }
    }

    /**
     * Per-feature association testing of the outcomes and the group, adjusted for the
     * covariates (and random effects where the method allows).
     *
     * @param method          the engine; default {@link Method#MAASLIN2}
     * @param normalization   MaAsLin2 normalisation; default TSS (MaAsLin2 only)
     * @param transform       MaAsLin2 transform; default LOG (MaAsLin2 only)
     * @param minPrevalence   features present in fewer than this fraction of samples are not
     *                        tested; default 0.1
     * @param maxSignificance q-value threshold for "significant"; default 0.25 (MaAsLin2's)
     */
    public record Association(Method method, io.gutbrain.association.Normalization normalization, io.gutbrain.association.Transform transform,
                              double minPrevalence, double maxSignificance) {
        /** MaAsLin2 with its own defaults. */
        public static final Association DEFAULT = new Association(Method.MAASLIN2, io.gutbrain.association.Normalization.TSS,
                io.gutbrain.association.Transform.LOG, 0.1, 0.25);
    }

    /**
     * Module profiling (Omixer-RPM style) from {@code inputs.ko_table}.
     *
     * @param set               a module definition file, or null for the built-in gut-brain modules
     * @param coverage          a module is present when at least this fraction of its steps is
     *                          observed; NaN learns the cut-off from the data ({@code coverage: learn});
     *                          default 0.66 (Valles-Colomer et al. 2019)
     * @param estimator         how step values become a module abundance; default median
     * @param normalizeByLength missing steps count 0 in the estimate; default false
     * @param distribute        an ortholog in N modules contributes 1/N to each; default false
     */
    public record Modules(Path set, double coverage, io.gutbrain.modules.Estimator estimator, boolean normalizeByLength, boolean distribute) {
        /** The gut-brain module coverage cut-off. */
        public static final double DEFAULT_COVERAGE = io.gutbrain.modules.ModuleOptions.GBM_COVERAGE;
    }

    /**
     * An intervention trial: change from baseline per subject, compared between arms, and
     * (optionally) the fate of administered taxa. Needs {@code design.subject} and
     * {@code design.time}.
     *
     * @param arm       the column of the allocated arm; default {@code design.group}
     * @param treatment the active arm's level, or null to compare every arm with the control;
     *                  when given, only this arm and the control enter the trial analysis
     * @param control   the control arm's level; default {@code design.reference}
     * @param baseline  the level of {@code design.time} that is the baseline visit (pre-FMT)
     * @param taxa      administered taxa to follow (e.g. a probiotic strain): feature ids or taxon
     *                  names matched against the table's lineages
     *                  ({@link io.gutbrain.table.TaxonGroup}); may be empty
     * @param donor     for faecal microbiota transplantation: the metadata column naming each
     *                  recipient's donor sample(s) or donor subject ({@code ;} between several),
     *                  as {@link io.gutbrain.intervention.TrialDesign#from}'s donor column; null
     *                  when the study has no donors (then no engraftment analysis)
     * @param bifidogenic whether to report the bifidogenic response of a prebiotic trial
     *                  ({@link io.gutbrain.intervention.Bifidogenic}: Bifidobacterium, treatment vs control)
     * @param taxaScale the scale on which the administered taxa's change is compared between arms
     *                  ({@code taxa_scale}: relative, log or clr; default relative)
     */
    public record Intervention(String arm, String treatment, String control, String baseline, List<String> taxa, String donor,
                               boolean bifidogenic, io.gutbrain.intervention.Colonisation.Scale taxaScale) {
        /** Copies the list; a null scale is relative abundance. */
        public Intervention {
            taxa = List.copyOf(taxa);
            if (taxaScale == null) taxaScale = io.gutbrain.intervention.Colonisation.Scale.RELATIVE;
        }
    }

    /** Association engines; written in lower case in a study file. */
    public enum Method {
        /** MaAsLin2-compatible linear (mixed) models (Mallick et al. 2021; {@link io.gutbrain.association.Maaslin2}). */
        MAASLIN2,
        /** LinDA: linear models on CLR with bias correction (Zhou et al. 2022). */
        LINDA,
        /** Rank-based tests (Wilcoxon / Kruskal–Wallis for the group, Spearman for outcomes). */
        NONPARAMETRIC;

        /** The value as written in a study file. */
        public String label() { return name().toLowerCase(Locale.ROOT); }
    }
}
