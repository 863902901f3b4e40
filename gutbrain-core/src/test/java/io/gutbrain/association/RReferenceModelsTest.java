package io.gutbrain.association;

import io.gutbrain.io.DelimitedTable;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.table.FeatureTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Linear and linear mixed models against R: {@code lm} and {@code lmerTest::lmer} on
 * arcsine-square-root transformed relative abundances (AST(TSS)) of six genera of peerj32 and
 * dietswap, with one random intercept (subject) and, in dietswap, two crossed ones (subject and
 * time point). Expected values: {@code association/r_lm_lmer_reference.tsv}, made by
 * {@code association/make_reference.R} (the exact R script; lmer values are at the exact REML
 * optimum, see the script).
 */
class RReferenceModelsTest {
    private static final Path RES = Path.of("src/test/resources");

    record Ref(String dataset, String model, String feature, String term, double estimate, double se, double df, double t, double p,
               double[] theta, double sigma, double reml) {}

    static List<Ref> reference() throws IOException {
        List<Ref> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(RES.resolve("association/r_lm_lmer_reference.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            double[] theta = c[9].equals("NA") ? new double[0] : java.util.Arrays.stream(c[9].split(",")).mapToDouble(Double::parseDouble).toArray();
            out.add(new Ref(c[0], c[1], c[2], c[3], d(c[4]), d(c[5]), d(c[6]), d(c[7]), d(c[8]), theta, d(c[10]), d(c[11])));
        }
        return out;
    }

    private static double d(String s) { return s.equals("NA") ? Double.NaN : Double.parseDouble(s); }

    /** AST(TSS) of every feature over the design rows, keyed by feature name. */
    record Data(DesignMatrix lm, DesignMatrix lmm, DesignMatrix crossed, FeatureTable table, Normalization.Normalized norm) {
        DesignMatrix design(String model) {
            return model.equals("lm") ? lm : model.equals("lmer") ? lmm : crossed;
        }

        double[] response(DesignMatrix d, String feature) {
            double[] tr = Transform.AST.apply(norm.feature(table.featureIndex(feature)), new String[1]);
            int[] rows = d.metadataRows();
            double[] y = new double[rows.length];
            for (int i = 0; i < y.length; i++) y[i] = tr[rows[i]];
            return y;
        }
    }

    static Data load(String dataset) {
        Path dir = RES.resolve("microbiome-interventions").resolve(dataset);
        FeatureTable t = DelimitedTable.read(dir.resolve("counts.tsv"));
        SampleMetadata md = MetadataFile.read(dir.resolve("metadata.tsv")).select(t.sampleIds());
        List<String> fixed = dataset.equals("peerj32") ? List.of("group", "time", "sex") : List.of("group", "nationality", "timepoint", "nationality:timepoint");
        List<String> fixedLmm = dataset.equals("peerj32") ? fixed : List.of("group", "nationality", "timepoint");
        DesignMatrix lm = DesignMatrix.build(md, new ModelSpec(fixed, List.of(), Map.of(), true, false));
        DesignMatrix lmm = DesignMatrix.build(md, new ModelSpec(fixedLmm, List.of("subject"), Map.of(), true, false));
        DesignMatrix crossed = dataset.equals("dietswap")
                ? DesignMatrix.build(md, new ModelSpec(List.of("group", "nationality"), List.of("subject", "timepoint"), Map.of(), true, false)) : null;
        return new Data(lm, lmm, crossed, t, Normalization.TSS.prepare(t));
    }

    private static void assertRel(String what, double actual, double expected, double tol) {
        assertThat(actual).as(what).isCloseTo(expected, within(tol * Math.max(Math.abs(expected), 1e-300)));
    }

    @Test
    void linearModelMatchesRLm() throws IOException {
        int checked = 0;
        for (String ds : List.of("peerj32", "dietswap")) {
            Data data = load(ds);
            LinearModel model = LinearModel.of(data.lm());
            for (Ref r : reference()) {
                if (!r.dataset().equals(ds) || !r.model().equals("lm")) continue;
                ModelFit fit = model.fit(data.response(data.lm(), r.feature()));
                ModelFit.Estimate e = fit.coefficient(r.term());
                assertThat(e).as(ds + " " + r.feature() + " " + r.term()).isNotNull();
                String w = ds + " lm " + r.feature() + " " + r.term();
                assertRel(w + " estimate", e.estimate(), r.estimate(), 1e-9);
                assertRel(w + " se", e.stdError(), r.se(), 1e-9);
                assertThat(e.df()).isEqualTo(r.df());
                assertRel(w + " t", e.t(), r.t(), 1e-9);
                assertRel(w + " p", e.p(), r.p(), 1e-9);
                assertRel(w + " sigma", fit.sigma(), r.sigma(), 1e-9);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6 * 4 + 6 * 6);
    }

    @Test
    void mixedModelMatchesLmerTestAtTheSameTheta() throws IOException {
        int checked = 0;
        for (String ds : List.of("peerj32", "dietswap")) {
            Data data = load(ds);
            for (Ref r : reference()) {
                if (!r.dataset().equals(ds) || !r.model().startsWith("lmer")) continue;
                DesignMatrix d = data.design(r.model());
                ModelFit fit = MixedModel.of(d).fitAtTheta(data.response(d, r.feature()), r.theta());
                ModelFit.Estimate e = fit.coefficient(r.term());
                String w = ds + " " + r.model() + "@theta " + r.feature() + " " + r.term();
                assertRel(w + " estimate", e.estimate(), r.estimate(), 1e-9);
                assertRel(w + " se", e.stdError(), r.se(), 1e-9);
                assertRel(w + " Satterthwaite df", e.df(), r.df(), 1e-7);
                assertRel(w + " p", e.p(), r.p(), 1e-7);
                assertRel(w + " sigma", fit.sigma(), r.sigma(), 1e-9);
                assertRel(w + " REML criterion", fit.reml(), r.reml(), 1e-12);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6 * 4 + 6 * 5 + 6 * 4);
    }

    @Test
    void mixedModelFindsTheRemlOptimumAndMatchesLmerTest() throws IOException {
        for (String ds : List.of("peerj32", "dietswap")) {
            Data data = load(ds);
            for (Ref r : reference()) {
                if (!r.dataset().equals(ds) || !r.model().startsWith("lmer")) continue;
                DesignMatrix d = data.design(r.model());
                ModelFit fit = MixedModel.of(d).fit(data.response(d, r.feature()));
                String w = ds + " " + r.model() + " " + r.feature() + " " + r.term();
                // never worse than R's optimum, and at the same place
                assertThat(fit.reml()).as(w + " REML").isLessThanOrEqualTo(r.reml() + 1e-10 * Math.abs(r.reml()));
                for (int k = 0; k < r.theta().length; k++) assertRel(w + " theta", fit.theta()[k], r.theta()[k], 1e-6);
                ModelFit.Estimate e = fit.coefficient(r.term());
                assertRel(w + " estimate", e.estimate(), r.estimate(), 1e-6);
                assertRel(w + " se", e.stdError(), r.se(), 1e-6);
                assertRel(w + " df", e.df(), r.df(), 1e-6);
                assertRel(w + " p", e.p(), r.p(), 1e-6);
            }
        }
    }
}
