package io.gutbrain.association;

import io.gutbrain.io.AtomicOutput;
import io.gutbrain.io.TextOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes association results as one tab-separated table, one row per {@link AssociationResult},
 * readable by R ({@code read.delim}) and pandas ({@code read_csv(sep="\t")}) without options.
 *
 * <p>Fixed columns first ({@link #FIXED_COLUMNS}), then three columns per group label seen in any
 * row, in first-seen order: {@code n_<group>}, {@code prevalence_<group>}, {@code mean_<group>}
 * (NA for rows that did not compare that group). Numbers are written in full precision
 * ({@link TextOutput#number}: shortest round-trip decimal, {@code NA} for NaN).
 */
public final class AssociationTsv {
    /** The columns every file starts with. */
    public static final List<String> FIXED_COLUMNS = List.of("feature", "variable", "level", "reference", "method",
            "statistic_name", "statistic", "df", "p_method", "estimate", "stderr", "ci_low", "ci_high",
            "effect_name", "effect", "effect_ci_low", "effect_ci_high", "n", "n_not_zero", "pval", "qval", "reason");

    private AssociationTsv() {}

    /** Writes the rows to {@code file}; the file appears whole or not at all ({@link AtomicOutput}). */
    public static void write(Path file, List<AssociationResult> rows) {
        AtomicOutput.write(file, os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            write(w, rows);
            w.flush();
        });
    }

    /** Writes the rows as TSV text to {@code w} (not closed). */
    public static void write(Writer w, List<AssociationResult> rows) throws IOException {
        Set<String> labels = new LinkedHashSet<>();
        for (AssociationResult r : rows) for (GroupSummary g : r.groups()) labels.add(g.label());
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        for (String g : labels) {
            String c = clean(g);
            header.add("n_" + c);
            header.add("prevalence_" + c);
            header.add("mean_" + c);
        }
        w.write(String.join("\t", header));
        w.write('\n');
        StringBuilder sb = new StringBuilder();
        for (AssociationResult r : rows) {
            sb.setLength(0);
            sb.append(clean(r.feature())).append('\t').append(clean(r.variable())).append('\t')
                    .append(clean(r.level())).append('\t').append(clean(r.reference())).append('\t')
                    .append(r.method()).append('\t').append(r.statisticName()).append('\t');
            num(sb, r.statistic()); num(sb, r.df());
            sb.append(r.pMethod()).append('\t');
            num(sb, r.estimate()); num(sb, r.stderr()); num(sb, r.ciLow()); num(sb, r.ciHigh());
            sb.append(r.effectName()).append('\t');
            num(sb, r.effect()); num(sb, r.effectCiLow()); num(sb, r.effectCiHigh());
            sb.append(r.n()).append('\t').append(r.nNotZero()).append('\t');
            num(sb, r.pValue()); num(sb, r.qValue());
            sb.append(clean(r.reason()));
            for (String g : labels) {
                GroupSummary s = r.group(g);
                if (s == null) {
                    sb.append("\tNA\tNA\tNA");
                } else {
                    sb.append('\t').append(s.n()).append('\t').append(TextOutput.number(s.prevalence()))
                            .append('\t').append(TextOutput.number(s.meanAbundance()));
                }
            }
            sb.append('\n');
            w.write(sb.toString());
        }
    }

    private static void num(StringBuilder sb, double v) {
        sb.append(TextOutput.number(v)).append('\t');
    }

    /** Tabs and line breaks inside a field would break the table; they become spaces. */
    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
