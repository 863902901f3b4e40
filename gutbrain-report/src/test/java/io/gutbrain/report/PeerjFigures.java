package io.gutbrain.report;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.diversity.Rarefaction;
import io.gutbrain.diversity.RarefactionCurve;
import io.gutbrain.diversity.alpha.AlphaDiversity;
import io.gutbrain.diversity.alpha.AlphaMetric;
import io.gutbrain.diversity.alpha.AlphaResult;
import io.gutbrain.diversity.alpha.ObservedFeatures;
import io.gutbrain.diversity.alpha.Shannon;
import io.gutbrain.diversity.beta.BetaDiversity;
import io.gutbrain.diversity.beta.BetaMetric;
import io.gutbrain.diversity.beta.BrayCurtis;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.io.TableIO;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.ordination.PCoA;
import io.gutbrain.stats.MultipleTesting;
import io.gutbrain.table.FeatureTable;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every figure type drawn from the peerj32 probiotic trial (Lahti et al. 2013; 22 subjects,
 * LGG or placebo, two time points; HITChip genus counts, serum lipids): the real-data sample the
 * figure, report and browser tests share. The analyses are deliberately simple (they feed plots,
 * they are not the study pipeline).
 */
final class PeerjFigures {
    final FeatureTable table;
    final SampleMetadata md;
    final AlphaResult alpha;
    final PCoA.Result pcoa;
    final double[] lipid;
    static final String LIPID = "ChoE(18:2)";

    PeerjFigures() {
        Path dir = resource("microbiome-interventions/peerj32");
        md = MetadataFile.read(dir.resolve("metadata.tsv"));
        table = TableIO.read(dir.resolve("counts.tsv"));
        alpha = AlphaDiversity.compute(table, List.of(Shannon.NATURAL, ObservedFeatures.INSTANCE), null, 1, null);
        DistanceMatrix bc = BetaDiversity.compute(table, BetaMetric.byName(BrayCurtis.NAME)).distances();
        pcoa = PCoA.compute(bc);
        SampleMetadata lipids = MetadataFile.read(dir.resolve("lipids.tsv"));
        lipid = table.sampleIds().stream().mapToDouble(id -> lipids.number(LIPID, id)).toArray();
    }

    static Path resource(String rel) {
        try {
            return Path.of(PeerjFigures.class.getClassLoader().getResource(rel).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    double[] shannon() {
        return table.sampleIds().stream().mapToDouble(id -> alpha.value(id, "shannon")).toArray();
    }

    String group(String sample) { return md.text("group", sample); }

    /** Shannon by group: LGG and Placebo in that order. */
    Map<String, double[]> shannonByGroup() {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String g : List.of("LGG", "Placebo")) {
            m.put(g, table.sampleIds().stream().filter(id -> g.equals(group(id))).mapToDouble(id -> alpha.value(id, "shannon")).toArray());
        }
        return m;
    }

    Figure boxStrip() {
        return Figures.boxStrip(FigureSpec.of("alpha_by_group", "Shannon diversity by group").axes("group", "Shannon (ln)")
                .caption("Shannon index of the HITChip genus counts; boxes: quartiles, whiskers: 1.5 IQR; every sample drawn."), shannonByGroup());
    }

    Figure scatterFit() {
        return Figures.scatterFit(FigureSpec.of("alpha_vs_lipid", "Shannon diversity against serum " + LIPID)
                .axes(LIPID + " (log, scaled)", "Shannon (ln)").caption("Least-squares line over all 44 samples."), lipid, shannon());
    }

    String[] pcoaGroups() { return pcoa.ids().stream().map(this::group).toArray(String[]::new); }

    double[] pcoaAxis(int a) { return Figures.pcoaCoordinates(pcoa, a); }

    Figure pcoaByGroup() {
        return Figures.scatterByGroup(FigureSpec.of("pcoa_group", "PCoA of Bray–Curtis by group")
                        .axes(Figures.pcoaAxisLabel(pcoa, 0), Figures.pcoaAxisLabel(pcoa, 1)).caption("Bray–Curtis of the raw counts (io.gutbrain.diversity.beta), classical PCoA."),
                pcoaAxis(0), pcoaAxis(1), pcoaGroups());
    }

    Figure pcoaByValue() {
        double[] v = pcoa.ids().stream().mapToDouble(id -> lipid[table.sampleIndex(id)]).toArray();
        return Figures.scatterByValue(FigureSpec.of("pcoa_lipid", "PCoA coloured by " + LIPID)
                .axes(Figures.pcoaAxisLabel(pcoa, 0), Figures.pcoaAxisLabel(pcoa, 1)), pcoaAxis(0), pcoaAxis(1), v, LIPID);
    }

    RarefactionCurve curve() {
        return Rarefaction.curve(table, new AlphaMetric[]{ObservedFeatures.INSTANCE}, new long[]{100, 500, 1000, 2000, 5000, 10000, 20000},
                10, 7, 1);
    }

    Map<String, String> groupOf() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String id : table.sampleIds()) m.put(id, group(id));
        return m;
    }

    Figure rarefaction() {
        return Figures.rarefaction(FigureSpec.of("rarefaction", "Rarefaction curves").axes("reads", "observed genera")
                .caption("Mean of 10 rarefactions per depth; bands: 2.5th–97.5th percentiles."), curve(), "observed_features", groupOf());
    }

    /** Welch t-test LGG vs placebo per genus on log(count + 1) at time 2, BH-adjusted. */
    record Volcano(String[] names, double[] effect, double[] q) {}

    Volcano volcanoData() {
        List<String> lgg = new ArrayList<>(), pla = new ArrayList<>();
        for (String id : table.sampleIds()) {
            if (!"2".equals(md.text("time", id))) continue;
            ("LGG".equals(group(id)) ? lgg : pla).add(id);
        }
        int f = table.featureCount();
        double[] effect = new double[f], p = new double[f];
        TTest t = new TTest();
        for (int j = 0; j < f; j++) {
            final int jj = j;
            double[] a = lgg.stream().mapToDouble(id -> Math.log1p(table.get(table.sampleIndex(id), jj))).toArray();
            double[] b = pla.stream().mapToDouble(id -> Math.log1p(table.get(table.sampleIndex(id), jj))).toArray();
            effect[j] = mean(a) - mean(b);
            p[j] = t.tTest(a, b);
        }
        return new Volcano(table.featureIds().toArray(String[]::new), effect, MultipleTesting.benjaminiHochberg(p));
    }

    Figure volcano() {
        Volcano v = volcanoData();
        return Figures.volcano(FigureSpec.of("volcano", "LGG vs placebo at time 2").axes("difference in mean log(count + 1)", "−log10 q")
                .caption("Welch t-test per genus, Benjamini–Hochberg q."), v.names(), v.effect(), v.q(), 0.25, 8);
    }

    /** The 12 most abundant genera in total. */
    List<Integer> topFeatures(int k) {
        double[] tot = table.featureTotals();
        return IntStream.range(0, tot.length).boxed().sorted(Comparator.comparingDouble(j -> -tot[j])).limit(k).toList();
    }

    Figure heatmap() {
        List<Integer> top = topFeatures(12);
        FeatureTable rel = table.relativeAbundance();
        double[][] z = new double[top.size()][table.sampleCount()];
        for (int r = 0; r < top.size(); r++) {
            double[] row = new double[table.sampleCount()];
            for (int s = 0; s < row.length; s++) row[s] = Math.log10(rel.get(s, top.get(r)) + 1e-5);
            double m = mean(row), sd = Math.sqrt(IntStream.range(0, row.length).mapToDouble(i -> (row[i] - m) * (row[i] - m)).sum() / (row.length - 1));
            for (int s = 0; s < row.length; s++) z[r][s] = (row[s] - m) / sd;
        }
        return Figures.heatmap(FigureSpec.of("heatmap", "Top genera across samples").size(900, 520).axes("sample", "")
                        .caption("z-score of log10 relative abundance per genus."),
                top.stream().map(j -> table.featureIds().get(j)).toList(), table.sampleIds(), z, "z");
    }

    Figure bars() {
        List<Integer> top = topFeatures(10);
        FeatureTable rel = table.relativeAbundance();
        double[] tot = rel.featureTotals();
        return Figures.bars(FigureSpec.of("top_taxa", "Most abundant genera").axes("mean relative abundance", ""),
                top.stream().map(j -> table.featureIds().get(j)).toList(), top.stream().mapToDouble(j -> tot[j] / table.sampleCount()).toArray());
    }

    Figure histogram() {
        return Figures.histogram(FigureSpec.of("depth", "Reads per sample").axes("reads", "samples"), table.sampleTotals(), 10);
    }

    List<Figures.Trajectory> trajectories() {
        Map<String, List<String>> bySubject = new LinkedHashMap<>();
        for (String id : table.sampleIds()) bySubject.computeIfAbsent(md.text("subject", id), k -> new ArrayList<>()).add(id);
        List<Figures.Trajectory> out = new ArrayList<>();
        for (var e : bySubject.entrySet()) {
            double[] t = e.getValue().stream().mapToDouble(id -> md.number("time", id)).toArray();
            double[] v = e.getValue().stream().mapToDouble(id -> alpha.value(id, "shannon")).toArray();
            out.add(new Figures.Trajectory(e.getKey(), group(e.getValue().get(0)), t, v));
        }
        return out;
    }

    Figure spaghetti() {
        return Figures.spaghetti(FigureSpec.of("spaghetti", "Shannon diversity per subject").axes("time point", "Shannon (ln)"), trajectories());
    }

    /** Mean Shannon per arm and time with the t-based 95 % interval mean ± t(0.975, n−1)·sd/√n. */
    List<Figures.ArmSummary> armSummaries() {
        List<Figures.ArmSummary> out = new ArrayList<>();
        for (String g : List.of("LGG", "Placebo")) {
            double[] times = {1, 2};
            double[] mean = new double[2], lo = new double[2], hi = new double[2];
            for (int i = 0; i < 2; i++) {
                final double tt = times[i];
                double[] v = table.sampleIds().stream().filter(id -> g.equals(group(id)) && md.number("time", id) == tt)
                        .mapToDouble(id -> alpha.value(id, "shannon")).toArray();
                double m = mean(v);
                double sd = Math.sqrt(IntStream.range(0, v.length).mapToDouble(k -> (v[k] - m) * (v[k] - m)).sum() / (v.length - 1));
                double half = new TDistribution(v.length - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(v.length);
                mean[i] = m;
                lo[i] = m - half;
                hi[i] = m + half;
            }
            out.add(new Figures.ArmSummary(g, times, mean, lo, hi));
        }
        return out;
    }

    Figure meanWithCi() {
        return Figures.meanWithCi(FigureSpec.of("mean_ci", "Mean Shannon diversity by arm").axes("time point", "Shannon (ln)")
                .caption("Mean ± t-based 95% interval."), armSummaries());
    }

    /** One of every figure type. */
    List<Figure> all() {
        return List.of(boxStrip(), scatterFit(), pcoaByGroup(), pcoaByValue(), rarefaction(), volcano(), heatmap(), bars(),
                histogram(), spaghetti(), meanWithCi());
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
