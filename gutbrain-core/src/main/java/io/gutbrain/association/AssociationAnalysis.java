package io.gutbrain.association;

import io.gutbrain.association.linda.Linda;
import io.gutbrain.association.linda.LindaOptions;
import io.gutbrain.association.linda.LindaResult;
import io.gutbrain.association.nonparametric.NonparametricAssociation;
import io.gutbrain.association.nonparametric.NonparametricOptions;
import io.gutbrain.error.InputException;
import io.gutbrain.error.Warnings;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.util.ProgressListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-feature association, the one entry point of {@code gutbrain associate} and the study's
 * association step: the engine, its settings and which rank test applies are decided here, so
 * the two faces give the same rows for the same table, metadata and options.
 */
public final class AssociationAnalysis {
    private AssociationAnalysis() {}

    /**
     * What one run found.
     *
     * @param rows     one row per feature and model term, named by the table's feature ids, in the engine's order
     *                 (MaAsLin2: its {@code all_results}, the tests with a q-value)
     * @param features features tested
     * @param samples  samples in the model (rank tests: the most samples of any feature)
     * @param model    the model or test in words, e.g. "Wilcoxon rank-sum test of group (relative abundance)"
     * @param test     the rank test used (null for MaAsLin2 and LinDA)
     * @param maaslin2 MaAsLin2's own result, for its file layout (null for the other engines)
     * @param linda    LinDA's own result (null for the other engines)
     */
    public record Result(AssociationOptions.Method method, List<AssociationResult> rows, int features, int samples, String model,
                         AssociationOptions.RankTest test, Maaslin2.Result maaslin2, LindaResult linda) {
        public Result { rows = List.copyOf(rows); }

        /** The rows of one tested variable (a fixed effect as named in the options). */
        public List<AssociationResult> rowsOf(String variable) {
            // MaAsLin2 names terms by R's syntactic names (make.names), as its own output does; an
            // interaction a:b keeps its colon, each part made syntactic on its own
            String name = method == AssociationOptions.Method.MAASLIN2
                    ? String.join(":", java.util.Arrays.stream(variable.split(":", -1)).map(RCompat::makeName).toList()) : variable;
            if (method == AssociationOptions.Method.NONPARAMETRIC) return rows;
            return rows.stream().filter(r -> r.variable().equals(name)).toList();
        }
    }

    /**
     * The rank test of {@code variable}: the requested one, or for {@link AssociationOptions.RankTest#AUTO}
     * the signed-rank test when samples are paired by a subject column, Spearman's correlation for
     * a numeric variable, Kruskal–Wallis for more than two levels, else the Wilcoxon rank-sum test.
     */
    public static AssociationOptions.RankTest rankTest(SampleMetadata md, String variable, AssociationOptions.RankTest requested, String subject) {
        if (requested != AssociationOptions.RankTest.AUTO) return requested;
        if (subject != null) return AssociationOptions.RankTest.SIGNED_RANK;
        if (md.type(variable) == SampleMetadata.ColumnType.NUMERIC) return AssociationOptions.RankTest.SPEARMAN;
        return md.levels(variable).size() > 2 ? AssociationOptions.RankTest.KRUSKAL : AssociationOptions.RankTest.WILCOXON;
    }

    /** Tests every feature of {@code table} under {@code options}; notes go to {@code warnings}. */
    public static Result run(FeatureTable table, SampleMetadata md, AssociationOptions options, Warnings warnings, ProgressListener progress) {
        return switch (options.method()) {
            case MAASLIN2 -> maaslin2(table, md, options, warnings, progress);
            case LINDA -> linda(table, md, options, warnings, progress);
            case NONPARAMETRIC -> rankTests(table, md, options, warnings, progress);
        };
    }

    private static Result maaslin2(FeatureTable table, SampleMetadata md, AssociationOptions options, Warnings warnings, ProgressListener progress) {
        Maaslin2.Result r = Maaslin2.run(table, md, options.maaslin2(), warnings, progress);
        // MaAsLin2 reports R's syntactic names (make.names); map them back to the table's ids
        Map<String, String> featureId = new HashMap<>();
        List<String> rNames = RCompat.makeNamesUnique(table.featureIds());
        for (int f = 0; f < rNames.size(); f++) featureId.put(rNames.get(f), table.featureIds().get(f));
        List<AssociationResult> rows = new ArrayList<>();
        for (AssociationRow x : r.all()) rows.add(x.toResult(featureId.getOrDefault(x.feature(), x.feature())));
        return new Result(options.method(), rows, r.featuresTested(), r.samplesInModel(), "MaAsLin2 model " + r.formula(), null, r, null);
    }

    private static Result linda(FeatureTable table, SampleMetadata md, AssociationOptions options, Warnings warnings, ProgressListener progress) {
        LindaOptions.Builder b = LindaOptions.builder().randomEffects(options.random()).minPrevalence(options.minPrevalence())
                .threads(options.threads()).progress(progress).warnings(warnings);
        options.references().forEach(b::reference);
        LindaResult r = Linda.run(table, md, options.fixed(), b.build());
        String random = options.random().isEmpty() ? "" : " + " + String.join(" + ", options.random().stream().map(g -> "(1 | " + g + ")").toList());
        return new Result(options.method(), r.rows(), r.features(), r.samples(),
                "LinDA model log2 CLR ~ " + String.join(" + ", options.fixed()) + random + " (" + r.zeroHandling() + ")", null, null, r);
    }

    private static Result rankTests(FeatureTable table, SampleMetadata md, AssociationOptions options, Warnings warnings, ProgressListener progress) {
        String v = options.fixed().get(0);
        NonparametricOptions.Builder b = NonparametricOptions.builder().minPrevalence(options.minPrevalence()).threads(options.threads())
                .progress(progress).warnings(warnings);
        if (options.references().containsKey(v)) b.reference(options.references().get(v));
        NonparametricOptions o = b.build();
        AssociationOptions.RankTest test = rankTest(md, v, options.test(), options.subject());
        List<AssociationResult> rows;
        String name;
        switch (test) {
            case SPEARMAN -> { rows = NonparametricAssociation.spearman(table, md, v, o); name = "Spearman correlation"; }
            case KRUSKAL -> { rows = NonparametricAssociation.kruskalWallis(table, md, v, o); name = "Kruskal–Wallis test"; }
            case WILCOXON -> { rows = NonparametricAssociation.rankSum(table, md, v, o); name = "Wilcoxon rank-sum test"; }
            case SIGNED_RANK -> {
                if (options.subject() == null) throw new InputException(null, "subject", "the signed-rank test pairs samples by subject", "name the subject column");
                rows = NonparametricAssociation.signedRank(table, md, options.subject(), v, o);
                name = "Wilcoxon signed-rank test";
            }
            default -> throw new IllegalStateException("rankTest resolves AUTO");
        }
        long features = rows.stream().map(AssociationResult::feature).distinct().count();
        int samples = rows.stream().mapToInt(AssociationResult::n).max().orElse(0);
        return new Result(options.method(), rows, (int) features, samples, name + " of " + v + " (relative abundance)", test, null, null);
    }
}
