package io.gutbrain.study;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.Warnings;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.stats.Permanova;
import io.gutbrain.stats.Permdisp;
import io.gutbrain.stats.PermutationOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * PERMANOVA and PERMDISP of one distance matrix as the {@link DesignKind} allows, using only
 * what vegan's {@code adonis2}/{@code betadisper} with {@code permute::how(blocks = subject)}
 * support, so each row can be checked against vegan:
 * <ul>
 *   <li>cross-sectional: the group on every sample, permutations free (as before);</li>
 *   <li>repeated measures, within-subject factors — time, a group that changes within
 *       subjects, and in a trial the arm × time interaction (sequential after arm and time) — on
 *       every sample with permutations restricted within subject ({@code strata = subject});</li>
 *   <li>repeated measures, a between-subject factor (a trial's arm, a group constant within
 *       subject): PERMANOVA and PERMDISP across subjects on the samples of the baseline visit
 *       only, one per subject, permutations free. (Permuting whole subjects would use every
 *       visit, but vegan supports it only for balanced designs (plots with equal sizes), so it
 *       is not used.) Without a time column there is no such visit and the factor is not tested.</li>
 * </ul>
 */
final class DesignedBetaTests {
    /** Columns of the table {@code permanova}. */
    static final List<String> COLUMNS = List.of("metric", "test", "variable", "df", "df_residual", "f", "r2", "p", "permutations", "samples", "permuted");

    private DesignedBetaTests() {}

    /** The methods sentence of the PERMANOVA design (independent of the metric). */
    static String methods(DesignKind kind, String group) {
        if (!kind.isRepeated()) {
            return "PERMANOVA (adonis2) and PERMDISP (betadisper, spatial median) of " + group + " on every sample, permutations free.";
        }
        String s = kind.subject();
        StringBuilder sb = new StringBuilder("Because subjects contribute several samples, permutations of within-subject terms (")
                .append(withinTerms(kind, group)).append(") are restricted within ").append(s)
                .append(" (adonis2 with permute::how(blocks = ").append(s).append(")), using every sample");
        if (kind.isTrial()) sb.append("; the interaction ").append(kind.arm()).append(":").append(kind.time()).append(" is added after ").append(kind.arm())
                .append(" and ").append(kind.time()).append(" (sequential sums of squares, by = \"terms\")");
        String between = betweenFactor(kind, group);
        if (between != null) {
            sb.append(kind.time() != null && kind.baseline() != null
                    ? ". The between-subject factor " + between + " is tested across subjects on the samples at " + kind.time() + " = " + kind.baseline()
                    + " (one per subject), with free permutations and PERMDISP"
                    : ". The between-subject factor " + between + " is not tested: without design.time there is no visit with one independent sample per subject");
        }
        return sb.append('.').toString();
    }

    /**
     * The rows of one metric ({@link #COLUMNS}).
     *
     * @param md       metadata of the samples
     * @param warnings receives the engines' findings (samples without a value, negative squared distances)
     */
    static List<Object[]> test(DesignKind kind, DistanceMatrix dm, SampleMetadata md, String metric, String group,
                               PermutationOptions perm, Warnings warnings) {
        List<Object[]> rows = new ArrayList<>();
        if (!kind.isRepeated()) {
            if (group != null) between(rows, dm, md, metric, group, "all", perm, warnings);
            return rows;
        }
        String s = kind.subject();
        PermutationOptions within = perm.withStrata(s);
        SampleMetadata mt = kind.time() == null ? md : DesignMetadata.categorical(md, kind.time());
        String betweenFactor = betweenFactor(kind, group);
        if (group != null && betweenFactor == null && !group.equals(kind.time())) {
            one(rows, dm, mt, metric, group, within, warnings);
        }
        if (kind.time() != null) one(rows, dm, mt, metric, kind.time(), within, warnings);
        if (kind.isTrial()) {
            SampleMetadata mi = DesignMetadata.withInteraction(mt, kind.arm(), kind.time());
            String inter = kind.arm() + ":" + kind.time();
            Permanova.Result pr = Permanova.sequential(dm, mi, List.of(Permanova.Term.categorical(kind.arm()), Permanova.Term.categorical(kind.time()),
                    Permanova.Term.categorical(inter)), within, warnings);
            Permanova.Row row = pr.term(inter);
            rows.add(new Object[]{metric, "PERMANOVA", inter, (long) row.df(), (long) pr.residual().df(), row.f(), row.r2(), row.p(),
                    (long) pr.permutations(), "all", "within " + s});
        }
        if (betweenFactor != null && kind.time() != null && kind.baseline() != null) {
            List<String> at = kind.samplesAt(md, dm.ids(), kind.baseline());
            if (at.size() >= 3) between(rows, dm.select(at), md, metric, betweenFactor, kind.time() + " = " + kind.baseline(), perm, warnings);
            else warnings.warn("Only " + at.size() + " samples at " + kind.time() + " = " + kind.baseline() + ": " + betweenFactor + " was not tested across subjects.");
        }
        return rows;
    }

    private static void one(List<Object[]> rows, DistanceMatrix dm, SampleMetadata md, String metric, String column,
                                     PermutationOptions within, Warnings warnings) {
        Permanova.Result pr = Permanova.test(dm, md, column, within, warnings);
        Permanova.Row row = pr.terms().get(0);
        rows.add(new Object[]{metric, "PERMANOVA", column, (long) row.df(), (long) pr.residual().df(), row.f(), row.r2(), row.p(),
                (long) pr.permutations(), "all", "within " + within.strata()});
    }

    private static void between(List<Object[]> rows, DistanceMatrix dm, SampleMetadata md, String metric, String group, String samples,
                                PermutationOptions perm, Warnings warnings) {
        Permanova.Result pr = Permanova.test(dm, md, group, perm, warnings);
        Permanova.Row row = pr.terms().get(0);
        rows.add(new Object[]{metric, "PERMANOVA", group, (long) row.df(), (long) pr.residual().df(), row.f(), row.r2(), row.p(), (long) pr.permutations(), samples, "free"});
        Permdisp.Result pd = Permdisp.test(dm, md, group, Permdisp.Type.MEDIAN, perm, warnings);
        rows.add(new Object[]{metric, "PERMDISP", group, (long) pd.dfGroups(), (long) pd.dfResidual(), pd.f(), Double.NaN, pd.p(), (long) pd.permutations(), samples, "free"});
    }

    /** The group or arm column when it is constant within subject (tested across subjects), else null. */
    static String betweenFactor(DesignKind kind, String group) {
        if (kind.isTrial()) return kind.arm();
        return kind.groupBetweenSubjects() ? group : null;
    }

    private static String withinTerms(DesignKind kind, String group) {
        List<String> t = new ArrayList<>();
        if (group != null && betweenFactor(kind, group) == null && !group.equals(kind.time())) t.add(group);
        if (kind.time() != null) t.add(kind.time());
        if (kind.isTrial()) t.add(kind.arm() + ":" + kind.time());
        return t.isEmpty() ? "none" : String.join(", ", t);
    }
}
