package io.gutbrain.study;

import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.report.FigureSpec;
import io.gutbrain.report.Figures;
import io.gutbrain.result.ResultTable;
import io.gutbrain.report.StackedShares;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.table.Lineage;
import io.gutbrain.table.Rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Taxa composition: the relative abundance of the {@code top} most abundant taxa at a rank
 * (default genus) in every sample and their mean per design group, the rest summed as "other";
 * drawn as stacked bars per sample (ordered by group) and per group, with tables.
 *
 * <p>Taxa are named by the lineage's name at the rank; features unassigned at the rank are
 * "unclassified &lt;deepest assigned name&gt;" (or "unassigned"). Without taxonomy, or with
 * {@code rank: feature}, the bars show feature ids. "Most abundant" is the mean relative
 * abundance over all samples kept after QC (ties by name). Samples with no reads are left out
 * (a note counts them). Group means are means of the samples' relative abundances, so they sum
 * to one per group; samples without a group value form the group "missing".
 */
public final class CompositionStep implements Step<CompositionStep.Config, CompositionStep.Result> {
    /** The name of the remainder. */
    public static final String OTHER = "other";
    /** Ranks offered, plus {@code feature}. */
    static final List<String> RANKS = List.of("phylum", "class", "order", "family", "genus", "species", "feature");

    static final ConfigKey<String> RANK = ConfigKey.choice("rank", "genus", RANKS, "rank of the bars; feature = feature ids");
    static final ConfigKey<Integer> TOP = ConfigKey.integer("top", 10, 1, StackedShares.MAX_PARTS,
            "taxa shown, by mean relative abundance; the rest is summed as other");

    private static final StepSchema<Config> SCHEMA = StepSchema.onByDefault(List.of(RANK, TOP), (v, study) ->
            new Config(v.get(RANK), v.get(TOP), study.design() == null ? null : study.design().group(),
                    study.design() == null ? null : study.design().reference()));

    /**
     * @param rank      rank name of {@link #RANKS}
     * @param top       taxa shown
     * @param group     the design's group column, or null (one bar "all samples")
     * @param reference its reference level (drawn first), or null
     */
    public record Config(String rank, int top, String group, String reference) {}

    /**
     * @param rank         the rank actually used ({@code feature} when the table has no taxonomy)
     * @param taxa         the top taxa in order of mean relative abundance, then {@link #OTHER}
     * @param samples      sample ids, ordered by group (groups in {@link #groups} order), then table order
     * @param sampleGroups each sample's group
     * @param sampleShares per sample, the share of each of {@link #taxa} (sums to 1)
     * @param groups       group levels: the reference first, then in sort order
     * @param groupSizes   samples per group
     * @param groupMeans   per group, the mean share of each of {@link #taxa}
     * @param taxaCount    how many taxa the rank has in the table
     * @param notes        what was left out or fell back
     */
    public record Result(String rank, List<String> taxa, List<String> samples, List<String> sampleGroups, List<List<Double>> sampleShares,
                         List<String> groups, List<Integer> groupSizes, List<List<Double>> groupMeans, int taxaCount, List<String> notes)
            implements StepResult {}

    @Override public String name() { return "composition"; }

    @Override public String title() { return "Taxa composition"; }

    @Override public String summary() { return "Relative abundance of the most abundant taxa per sample and per group, the rest as other"; }

    @Override public StepSchema<Config> schema() { return SCHEMA; }

    @Override public Class<Result> resultType() { return Result.class; }

    @Override public List<String> needs() { return List.of(StepRegistry.LOAD, StepRegistry.MEASURES); }

    @Override
    public Result compute(StepContext context, Config config) {
        return compute(context.table(), context.metadata(), config);
    }

    /** The composition of a table (the step's computation, callable without a pipeline). */
    static Result compute(FeatureTable table, SampleMetadata metadata, Config config) {
        List<String> notes = new ArrayList<>();
        String rank = config.rank();
        if (!rank.equals("feature") && !table.hasTaxonomy()) {
            notes.add("The table has no taxonomy, so the bars show feature ids instead of " + rank + " names.");
            rank = "feature";
        }
        Rank r = rank.equals("feature") ? null : Rank.parse(rank);
        // each feature's taxon at the rank
        Map<String, Integer> taxonIndex = new LinkedHashMap<>();
        int[] taxonOf = new int[table.featureCount()];
        for (int f = 0; f < taxonOf.length; f++) taxonOf[f] = taxonIndex.computeIfAbsent(label(table, f, r), k -> taxonIndex.size());
        List<String> taxonNames = new ArrayList<>(taxonIndex.keySet());
        // relative abundance per kept sample and taxon
        List<Integer> kept = new ArrayList<>();
        List<double[]> shares = new ArrayList<>();
        for (int s = 0; s < table.sampleCount(); s++) {
            double total = table.sampleTotal(s);
            if (!(total > 0)) continue;
            double[] sh = new double[taxonNames.size()];
            for (int k = table.sampleStart(s); k < table.sampleEnd(s); k++) sh[taxonOf[table.indexAt(k)]] += table.valueAt(k) / total;
            kept.add(s);
            shares.add(sh);
        }
        int empty = table.sampleCount() - kept.size();
        if (empty > 0) notes.add(empty + " sample(s) without reads were left out.");
        double[] mean = new double[taxonNames.size()];
        for (double[] sh : shares) for (int t = 0; t < sh.length; t++) mean[t] += sh[t] / shares.size();
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < taxonNames.size(); t++) order.add(t);
        order.sort(Comparator.<Integer>comparingDouble(t -> -mean[t]).thenComparing(taxonNames::get));
        List<Integer> top = order.subList(0, Math.min(config.top(), order.size()));
        List<String> taxa = new ArrayList<>();
        for (int t : top) taxa.add(taxonNames.get(t));
        boolean hasOther = order.size() > top.size();
        if (hasOther) taxa.add(OTHER);
        // groups: the reference first, then in sort order
        List<String> groupOfKept = new ArrayList<>();
        for (int s : kept) groupOfKept.add(groupOf(metadata, config.group(), table.sampleIds().get(s)));
        List<String> groups = new ArrayList<>(new TreeSet<>(groupOfKept));
        if (config.reference() != null && groups.remove(config.reference())) groups.add(0, config.reference());
        List<String> samples = new ArrayList<>();
        List<String> sampleGroups = new ArrayList<>();
        List<List<Double>> sampleShares = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<List<Double>> groupMeans = new ArrayList<>();
        for (String g : groups) {
            double[] sum = new double[taxa.size()];
            int n = 0;
            for (int i = 0; i < kept.size(); i++) {
                if (!groupOfKept.get(i).equals(g)) continue;
                List<Double> row = topShares(shares.get(i), top, hasOther);
                samples.add(table.sampleIds().get(kept.get(i)));
                sampleGroups.add(g);
                sampleShares.add(row);
                for (int t = 0; t < row.size(); t++) sum[t] += row.get(t);
                n++;
            }
            sizes.add(n);
            List<Double> m = new ArrayList<>();
            for (double v : sum) m.add(v / n);
            groupMeans.add(List.copyOf(m));
        }
        return new Result(rank, List.copyOf(taxa), List.copyOf(samples), List.copyOf(sampleGroups), List.copyOf(sampleShares),
                List.copyOf(groups), List.copyOf(sizes), List.copyOf(groupMeans), taxonNames.size(), List.copyOf(notes));
    }

    /** The top taxa's shares and, when there are more taxa, "other" summed from the rest (not 1 − top, which loses digits). */
    private static List<Double> topShares(double[] sh, List<Integer> top, boolean hasOther) {
        List<Double> row = new ArrayList<>();
        boolean[] isTop = new boolean[sh.length];
        for (int t : top) {
            row.add(sh[t]);
            isTop[t] = true;
        }
        if (hasOther) {
            double rest = 0;
            for (int t = 0; t < sh.length; t++) if (!isTop[t]) rest += sh[t];
            row.add(rest);
        }
        return List.copyOf(row);
    }

    private static String label(FeatureTable table, int f, Rank rank) {
        if (rank == null) return table.featureIds().get(f);
        Lineage l = table.lineage(f);
        String name = l == null ? null : l.name(rank);
        if (name != null && !name.isBlank()) return name;
        if (l != null) {
            for (int i = rank.ordinal() - 1; i >= 0; i--) {
                String up = l.name(Rank.values()[i]);
                if (up != null && !up.isBlank()) return "unclassified " + up;
            }
        }
        return "unassigned";
    }

    private static String groupOf(SampleMetadata md, String column, String id) {
        if (column == null) return "all samples";
        String v = md.hasSample(id) ? md.text(column, id) : null;
        return v == null || v.isBlank() ? Figures.MISSING : v;
    }

    @Override
    public void render(Result r, Config config, StepSection out) {
        String noun = r.rank().equals("feature") ? "features" : plural(r.rank());
        double topShare = 0;
        int shown = r.taxa().size() - (r.taxa().contains(OTHER) ? 1 : 0);
        for (List<Double> row : r.sampleShares()) for (int t = 0; t < shown; t++) topShare += row.get(t) / r.sampleShares().size();
        out.paragraph(String.format(Locale.ROOT, "The %d most abundant of %,d %s make up %.1f%% of the reads of a sample on average%s.",
                shown, r.taxaCount(), noun, 100 * topShare, r.taxa().contains(OTHER) ? "; the rest are summed as \"other\"" : ""));
        List<StackedShares.Run> runs = new ArrayList<>();
        int i = 0;
        for (int g = 0; g < r.groups().size(); g++) {
            runs.add(new StackedShares.Run(r.groups().get(g), r.samples().subList(i, i + r.groupSizes().get(g))));
            i += r.groupSizes().get(g);
        }
        String by = config.group() == null ? "" : " by " + config.group();
        String order = config.group() == null ? "" : ", ordered by " + config.group() + " (" + String.join(" | ", r.groups()) + ", left to right)";
        int width = Math.max(FigureSpec.DEFAULT_WIDTH, Math.min(1400, 260 + 14 * r.samples().size()));
        out.figure(StackedShares.draw(FigureSpec.of("composition-samples", "Taxa composition per sample")
                .caption("Relative abundance of the " + shown + " most abundant " + noun + " in each sample" + order + "; the rest as other.")
                .axes("samples" + order, "relative abundance").size(width, FigureSpec.DEFAULT_HEIGHT), runs, parts(r.taxa(), r.sampleShares()), OTHER));
        List<StackedShares.Run> groupRuns = List.of(new StackedShares.Run("", labelled(r.groups(), r.groupSizes())));
        out.figure(StackedShares.draw(FigureSpec.of("composition-groups", "Mean taxa composition" + by)
                .caption("Mean relative abundance of the same " + noun + " per " + (config.group() == null ? "study" : config.group()) + ".")
                .axes(config.group() == null ? "" : config.group(), "mean relative abundance"), groupRuns, parts(r.taxa(), r.groupMeans()), OTHER));
        List<Object[]> rows = new ArrayList<>();
        for (int g = 0; g < r.groups().size(); g++) {
            for (int t = 0; t < r.taxa().size(); t++) rows.add(new Object[]{r.groups().get(g), (long) r.groupSizes().get(g), r.taxa().get(t), r.groupMeans().get(g).get(t)});
        }
        out.table(new ResultTable("composition_groups", List.of("group", "samples", "taxon", "mean_relative_abundance"), rows),
                "Mean relative abundance of the top " + noun + " per group", StudyPipeline.SAMPLE_ROWS_SHOWN * 3, true);
        List<Object[]> perSample = new ArrayList<>();
        for (int s = 0; s < r.samples().size(); s++) {
            for (int t = 0; t < r.taxa().size(); t++) perSample.add(new Object[]{r.samples().get(s), r.sampleGroups().get(s), r.taxa().get(t), r.sampleShares().get(s).get(t)});
        }
        out.table(new ResultTable("composition_samples", List.of("sample_id", "group", "taxon", "relative_abundance"), perSample),
                "Relative abundance of the top " + noun + " per sample", StudyPipeline.SAMPLE_ROWS_SHOWN, true);
    }

    private static List<String> labelled(List<String> groups, List<Integer> sizes) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) out.add(groups.get(g) + " (n=" + sizes.get(g) + ")");
        return out;
    }

    private static Map<String, double[]> parts(List<String> taxa, List<List<Double>> rows) {
        Map<String, double[]> parts = new LinkedHashMap<>();
        for (int t = 0; t < taxa.size(); t++) {
            double[] v = new double[rows.size()];
            for (int s = 0; s < v.length; s++) v[s] = rows.get(s).get(t);
            parts.put(taxa.get(t), v);
        }
        return parts;
    }

    private static String plural(String rank) {
        return switch (rank) {
            case "phylum" -> "phyla";
            case "class" -> "classes";
            case "order" -> "orders";
            case "family" -> "families";
            case "genus" -> "genera";
            default -> rank;
        };
    }

    @Override
    public String methods(Result r, Config config) {
        String noun = r.rank().equals("feature") ? "features" : plural(r.rank());
        return String.format(Locale.ROOT, "Taxa composition was summarised as the relative abundance (reads of a taxon over the sample's reads, after QC)"
                + " of the %d %s with the highest mean relative abundance, the rest summed as \"other\", per sample and as the mean per %s.",
                Math.min(config.top(), r.taxaCount()), noun, config.group() == null ? "study" : config.group());
    }

    @Override public List<String> citations() { return List.of(); }
}
