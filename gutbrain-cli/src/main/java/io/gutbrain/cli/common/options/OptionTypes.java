package io.gutbrain.cli.common.options;

import io.gutbrain.simulate.SimulationParameters;

/**
 * The validated types of gutbrain's numeric options: each range is written here once, and an
 * option name has the same type in every command (OptionValidationTest checks both). Every type
 * has a {@code HELP} text made from the same constants as its check, which the option's
 * {@code --help} description quotes, so the documented range cannot drift from the enforced one.
 * The caps and why they are where they are: docs/reliability.md ("Option ranges").
 */
public final class OptionTypes {
    private OptionTypes() {}

    /**
     * {@code --threads}: 0 (all cores, the convention of every kernel) to {@value #MAX}. More
     * threads than cores only adds overhead, and Java's fork-join pool refuses more than 32,767.
     */
    public static final class Threads extends IntRange {
        public static final int MAX = 1024;
        public static final String HELP = "0 to " + MAX + "; 0 = all cores";
        public Threads() { super(0, MAX, "give 1 to " + MAX + " threads, or 0 for all cores"); }
    }

    /**
     * {@code --permutations}: 0 (the statistic without a p-value) to {@value #MAX}. A p-value
     * resolves to 1/(P+1), so a million already resolves 1e-6, far past any correction for
     * multiple tests; beyond it the run time (and the 8 bytes kept per permutation and term) grows
     * without changing a conclusion.
     */
    public static final class Permutations extends IntRange {
        public static final int MAX = io.gutbrain.util.SettingRanges.MAX_PERMUTATIONS;
        public static final String HELP = "0 to " + MAX + "; 0 = no p-value";
        public Permutations() { super(0, MAX, "e.g. --permutations 999 (at most " + MAX + ")"); }
    }

    /** {@code --seed}: any 64-bit whole number. */
    public static final class Seed extends LongRange {
        public static final String HELP = "any whole number";
        public Seed() { super(Long.MIN_VALUE, Long.MAX_VALUE, "give a whole number, e.g. --seed 1"); }
    }

    /** A probability strictly between 0 and 1: confidence levels, significance levels ({@code --level}, {@code --alpha}). */
    public static final class Probability extends RealRange {
        public static final String HELP = "above 0 and below 1";
        public Probability() { super(0, true, 1, true, "give a number strictly between 0 and 1, e.g. 0.95 for a confidence level or 0.05 for a significance level"); }
    }

    /** A fraction above 0 and at most 1: q-value cut-offs, a responder's relative drop, a density. */
    public static final class PositiveFraction extends RealRange {
        public static final String HELP = "above 0, at most 1";
        public PositiveFraction() { super(0, true, 1, false, "give a fraction above 0 and at most 1, e.g. 0.25"); }
    }

    /** A fraction from 0 to 1 inclusive: prevalences, relative abundances, the generalized UniFrac alpha. */
    public static final class Fraction extends RealRange {
        public static final String HELP = "0 to 1";
        public Fraction() { super(0, false, 1, false, "give a fraction from 0 to 1, e.g. 0.1 for 10%"); }
    }

    /** A threshold of at least 0 (abundances, depths, totals): 0 keeps everything. */
    public static final class NonNegative extends RealRange {
        public static final String HELP = "0 or more";
        public NonNegative() { super(0, false, Double.POSITIVE_INFINITY, true, "give 0 (keep everything) or a positive number"); }
    }

    /** A finite number above 0: pseudocounts, score thresholds. */
    public static final class Positive extends RealRange {
        public static final String HELP = "above 0";
        public Positive() { super(0, true, Double.POSITIVE_INFINITY, true, "give a positive number, e.g. 1"); }
    }

    /** A fold change above 1 ({@code --bifidogenic-fold}). */
    public static final class FoldAboveOne extends RealRange {
        public static final String HELP = "above 1";
        public FoldAboveOne() { super(1, true, Double.POSITIVE_INFINITY, true, "give a fold above 1, e.g. 2 for doubling"); }
    }

    /** A logarithm base: positive and not 1 ({@code --base}). */
    public static final class LogBase extends RealRange {
        public static final String HELP = "above 0, not 1";
        public LogBase() { super(0, true, Double.POSITIVE_INFINITY, true, "give a base above 0 other than 1, e.g. 2 or 10"); }
        @Override boolean accepts(double v) { return super.accepts(v) && v != 1; }
        @Override public String expected() { return "a number above 0 other than 1"; }
        @Override public java.util.List<String> invalidExamples() {
            java.util.List<String> out = new java.util.ArrayList<>(super.invalidExamples());
            out.add("1");
            return out;
        }
    }

    /** {@code simulate power --effect}: a β from -{@value SimulationParameters#MAX_EFFECT} to {@value SimulationParameters#MAX_EFFECT}, the simulator's own range. */
    public static final class Effect extends RealRange {
        public static final String HELP = "-" + (int) SimulationParameters.MAX_EFFECT + " to " + (int) SimulationParameters.MAX_EFFECT;
        public Effect() { super(-SimulationParameters.MAX_EFFECT, false, SimulationParameters.MAX_EFFECT, false, "give a β in latent SDs per SD of CLR, e.g. -0.3"); }
    }

    /** {@code --mean-severity} of a simulated cohort: the simulator's own range. */
    public static final class MeanSeverity extends RealRange {
        public static final String HELP = "-" + (int) SimulationParameters.MAX_MEAN_SEVERITY + " to " + (int) SimulationParameters.MAX_MEAN_SEVERITY;
        public MeanSeverity() { super(-SimulationParameters.MAX_MEAN_SEVERITY, false, SimulationParameters.MAX_MEAN_SEVERITY, false, "e.g. --mean-severity 1 for a clinical cohort"); }
    }

    /** {@code --missing-rate} of simulated questionnaires: the simulator's own range. */
    public static final class MissingRate extends RealRange {
        public static final String HELP = "0 to " + SimulationParameters.MAX_MISSING_RATE;
        public MissingRate() { super(0, false, SimulationParameters.MAX_MISSING_RATE, false, "e.g. --missing-rate 0.02"); }
    }

    /** Simulated subjects ({@code simulate --n}, {@code simulate power --n}): the simulator's own range. */
    public static final class Subjects extends IntRange {
        public static final String HELP = SimulationParameters.MIN_SUBJECTS + " to " + SimulationParameters.MAX_SUBJECTS;
        public Subjects() { super(SimulationParameters.MIN_SUBJECTS, SimulationParameters.MAX_SUBJECTS, "e.g. --n 200"); }
    }

    /** Simulated cohorts per sample size ({@code --replicates}); each is a full association analysis. */
    public static final class Replicates extends IntRange {
        public static final int MAX = 100_000;
        public static final String HELP = "1 to " + MAX;
        public Replicates() { super(1, MAX, "e.g. --replicates 200"); }
    }

    /**
     * Ordination axes or components ({@code --axes}, {@code --components}). Checked again against
     * the data when it is known: n samples give at most n - 1 axes.
     */
    public static final class Dimensions extends IntRange {
        public static final int MAX = 10_000;
        public static final String HELP = "1 to " + MAX + ", and fewer than the samples";
        public Dimensions() { super(1, MAX, "e.g. 10; n samples give at most n - 1"); }
    }

    /** Seconds a results-store query may run ({@code runs sql --timeout}); a day is the most anyone waits for. */
    public static final class QueryTimeout extends IntRange {
        public static final int MAX = 86_400;
        public static final String HELP = "1 to " + MAX;
        public QueryTimeout() { super(1, MAX, "e.g. --timeout 600 for a long query"); }
    }

    /** Rows a results-store query prints ({@code runs sql --max-rows}); more belongs in {@code runs export}. */
    public static final class QueryRows extends IntRange {
        public static final int MAX = 1_000_000;
        public static final String HELP = "1 to " + MAX;
        public QueryRows() { super(1, MAX, "use 'gutbrain runs export' for whole tables"); }
    }

    /** MiB of memory DuckDB may use for one query ({@code runs sql --memory-limit}): 64 MiB to 1 TiB. */
    public static final class QueryMemory extends LongRange {
        public static final long MAX = 1L << 20;
        public static final String HELP = io.gutbrain.report.ResultsStore.MIN_QUERY_MEMORY_MIB + " to " + MAX;
        public QueryMemory() { super(io.gutbrain.report.ResultsStore.MIN_QUERY_MEMORY_MIB, MAX, "e.g. --memory-limit 4096"); }
    }

    /**
     * A size limit on input ({@code --max-line-length}, {@code --max-input-ratio}): a positive whole
     * number with an optional K, M, G or T suffix (binary multiples), as {@link io.gutbrain.io.InputLimits} reads them.
     */
    public static final class InputSize implements picocli.CommandLine.ITypeConverter<Long>, ValidatedOption {
        public static final String HELP = "a positive whole number, K/M/G/T suffixes allowed";

        @Override public Long convert(String raw) {
            try {
                return io.gutbrain.io.InputLimits.parseSize(raw == null ? "" : raw);
            } catch (NumberFormatException e) {
                throw new OptionValueException("expected " + expected() + ", found '" + raw + "'", "e.g. 128M or 2G");
            }
        }

        @Override public String expected() { return HELP; }

        @Override public java.util.List<String> invalidExamples() { return java.util.List.of("0", "-5", "lots", "1.5G"); }
    }

    /** How many items to list ({@code --top}). */
    public static final class Top extends IntRange {
        public static final int MAX = 100_000;
        public static final String HELP = "1 to " + MAX;
        public Top() { super(1, MAX, "e.g. --top 10"); }
    }

    /** Depths of a rarefaction curve ({@code --steps}): a plot needs tens, a thousand is ample. */
    public static final class CurveSteps extends IntRange {
        public static final int MAX = 1_000;
        public static final String HELP = "1 to " + MAX;
        public CurveSteps() { super(1, MAX, "e.g. --steps 10 (or list depths with --depths)"); }
    }

    /** Random draws per depth of a rarefaction curve ({@code --iterations}). */
    public static final class Iterations extends IntRange {
        public static final int MAX = io.gutbrain.util.SettingRanges.MAX_RAREFACTION_ITERATIONS;
        public static final String HELP = "1 to " + MAX;
        public Iterations() { super(1, MAX, "e.g. --iterations 10"); }
    }

    /** A sequencing depth in reads ({@code --depth}, {@code --max-depth}, {@code --depths}). */
    public static final class Depth extends LongRange {
        public static final String HELP = "1 or more reads";
        public Depth() { super(1, Long.MAX_VALUE, "give a depth of at least 1 read, e.g. 10000"); }
    }

    /** Samples or features of a synthetic benchmark problem ({@code bench --samples/--features}). */
    public static final class BenchSize extends IntRange {
        public static final int MAX = 1_000_000;
        public static final String HELP = "1 to " + MAX;
        public BenchSize() { super(1, MAX, "e.g. 1000"); }
    }

    /** Random groups of a synthetic benchmark problem ({@code bench export --groups}): PERMANOVA needs two. */
    public static final class BenchGroups extends IntRange {
        public static final int MAX = 1_000;
        public static final String HELP = "2 to " + MAX;
        public BenchGroups() { super(2, MAX, "e.g. --groups 3"); }
    }

    /** {@code modules --coverage}: a coverage cut-off from 0 to 1, or 'learn' to estimate it from the data. */
    public static final class CoverageCutoff implements picocli.CommandLine.ITypeConverter<String>, ValidatedOption {
        public static final String HELP = "0 to 1, or learn";
        private final Fraction fraction = new Fraction();
        @Override public String convert(String raw) {
            if (raw != null && raw.strip().equalsIgnoreCase("learn")) return "learn";
            try {
                fraction.convert(raw);
                return raw.strip();
            } catch (OptionValueException e) {
                throw new OptionValueException("expected " + expected() + ", found '" + raw + "'", "e.g. --coverage 0.66, or --coverage learn");
            }
        }
        @Override public String expected() { return "a fraction from 0 to 1 or 'learn'"; }
        @Override public java.util.List<String> invalidExamples() { return java.util.List.of("lern", "1.5", "-0.1", "NaN"); }
    }

    /** Timed repetitions of a benchmark ({@code --repeat}). */
    public static final class Repeats extends IntRange {
        public static final int MAX = 1_000;
        public static final String HELP = "1 to " + MAX;
        public Repeats() { super(1, MAX, "e.g. --repeat 5"); }
    }

    /** Untimed warm-up runs of a benchmark ({@code --warmup}). */
    public static final class Warmups extends IntRange {
        public static final int MAX = 1_000;
        public static final String HELP = "0 to " + MAX;
        public Warmups() { super(0, MAX, "e.g. --warmup 2"); }
    }

    // ---- enumerated options: the names come from the core enums, so a new constant is accepted at once ----

    /** {@code stats mantel --method}. */
    public static final class MantelMethod extends Choice {
        public static final String HELP = "pearson or spearman";
        public MantelMethod() { super(namesOf(io.gutbrain.stats.Mantel.Method.class)); }
    }

    /** {@code stats mantel --alternative}. */
    public static final class MantelAlternative extends Choice {
        public static final String HELP = "two-sided, greater or less";
        public MantelAlternative() { super(namesOf(io.gutbrain.stats.Mantel.Alternative.class)); }
    }

    /** {@code stats permdisp --type}. */
    public static final class PermdispType extends Choice {
        public static final String HELP = "median or centroid";
        public PermdispType() { super(namesOf(io.gutbrain.stats.Permdisp.Type.class)); }
    }

    /** {@code diversity pcoa --method}. */
    public static final class PcoaMethod extends Choice {
        public static final String HELP = "exact, randomized or auto";
        public PcoaMethod() { super(namesOf(io.gutbrain.ordination.PCoA.Method.class)); }
    }

    /** {@code associate --normalization}. */
    public static final class Normalization extends Choice {
        public static final String HELP = "TSS, CLR, CSS, TMM or NONE";
        public Normalization() { super(namesOf(io.gutbrain.association.Normalization.class)); }
    }

    /** {@code associate --transform}. */
    public static final class Transform extends Choice {
        public static final String HELP = "LOG, AST, LOGIT or NONE";
        public Transform() { super(namesOf(io.gutbrain.association.Transform.class)); }
    }

    /** {@code associate --method}. */
    public static final class AssociationMethod extends Choice {
        public static final String HELP = "maaslin2, linda or nonparametric";
        public AssociationMethod() { super(java.util.List.of("maaslin2", "linda", "nonparametric")); }
    }

    /** {@code associate --test} (the nonparametric method's test). */
    public static final class NonparametricTest extends Choice {
        public static final String HELP = "wilcoxon, kruskal, spearman, signed-rank or auto";
        public NonparametricTest() { super(java.util.List.of("wilcoxon", "kruskal", "spearman", "signed-rank", "auto")); }
    }

    /** {@code intervention --colonisation-scale}. */
    public static final class ColonisationScale extends Choice {
        public static final String HELP = "relative, log or clr";
        public ColonisationScale() { super(namesOf(io.gutbrain.intervention.Colonisation.Scale.class)); }
    }

    /** {@code modules --estimator} (also accepts {@code mean} for average, as the core parser does). */
    public static final class ModuleEstimator extends Choice {
        public static final String HELP = "median or average";
        public ModuleEstimator() { super(java.util.List.of("median", "average")); }
        @Override protected boolean accepts(String v) { return io.gutbrain.modules.Estimator.parse(v) != null; }
    }

    /** A taxonomic rank ({@code --rank}, {@code --metaphlan-rank}): the names, one-letter prefixes and domain/superkingdom, as {@link io.gutbrain.table.Rank#parse} reads them. */
    public static final class TaxonomicRank extends Choice {
        public static final String HELP = "kingdom, phylum, class, order, family, genus, species or strain";
        public TaxonomicRank() { super(namesOf(io.gutbrain.table.Rank.class)); }
        @Override protected boolean accepts(String v) { return io.gutbrain.table.Rank.parse(v) != null; }
    }

    /** An output table format ({@code --to}): the writable formats, as {@link io.gutbrain.io.TableFormat#fromCliName} reads them. */
    public static final class OutputFormat extends Choice {
        public static final String HELP = "biom-json, biom-hdf5 or tsv";
        public OutputFormat() { super(java.util.List.of("biom-json", "biom-hdf5", "tsv")); }
        @Override protected boolean accepts(String v) {
            io.gutbrain.io.TableFormat f = io.gutbrain.io.TableFormat.fromCliName(v);
            return f != null && f.isWritable();
        }
    }
}
