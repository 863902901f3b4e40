package io.gutbrain.simulate;

import io.gutbrain.modules.KoIds;
import io.gutbrain.modules.Module;
import io.gutbrain.modules.ModuleSet;
import io.gutbrain.modules.Step;
import io.gutbrain.modules.StratifiedKo;
import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A SIMULATED KEGG-orthology profile for a taxon table, so that module profiling can be tried
 * end to end on data that has only taxa (the bundled demo cohorts). Each taxon gets a made-up
 * genome, and a sample's KO abundance is predicted the way PICRUSt2 predicts metagenomes from
 * marker genes (Douglas et al. 2020, Nat Biotechnol 38:685):
 * <pre>  a(sample, KO, taxon) = count(sample, taxon) · copies(taxon, KO)</pre>
 * giving a taxon-stratified table (PICRUSt2's {@code --strat_out} layout) whose sum over taxa is
 * the community KO profile. The genomes are not real and nothing biological should be read
 * from them; the output is labelled simulated.
 *
 * <p><b>Genomes.</b> A taxon carries each module of the set with probability
 * {@code moduleCarriage}, except for the modules of {@link Parameters#knownCarriers}: taxa whose
 * name starts with one of the listed names always carry those modules and other taxa only with
 * probability {@code rareCarriage}. A carried module contributes one alternative per step,
 * chosen at random, with all its orthologs (each at 1 copy, or 2 with probability 0.2). In
 * addition the taxon carries each of {@code backgroundKos} other KOs (fixed per seed, outside
 * the module set) with probability {@code backgroundCarriage}, so that module KOs are a
 * realistic minority of the profile.
 *
 * <p><b>Reproducibility.</b> A taxon's genome depends only on the seed and the taxon's name
 * (its random stream is seeded by both), so the same taxon has the same genome in every cohort
 * and in any row order.
 */
public final class KoProfileSimulator {
    private KoProfileSimulator() {}

    /**
     * Default known carriers, for illustration: the butyrate-forming acetyl-CoA pathway in the
     * butyrate producers of the human gut (Louis and Flint 2009, FEMS Microbiol Lett 294:1;
     * Vital et al. 2014, mBio 5:e00889) and glutamate decarboxylase in the GABA producers of
     * Strandwitz et al. 2019 (Nat Microbiol 4:396). Keys are module ids of the built-in set.
     */
    public static final Map<String, List<String>> DEFAULT_KNOWN_CARRIERS = Map.of(
            "GBNM24", List.of("Faecalibacterium", "Roseburia", "Eubacterium rectale", "Eubacterium hallii", "Coprococcus",
                    "Butyrivibrio", "Anaerostipes", "Subdoligranulum"),
            "GBNM01", List.of("Bacteroides", "Parabacteroides", "Lactobacillus", "Bifidobacterium", "Escherichia"));

    /**
     * How genomes are drawn.
     *
     * @param seed               seed of every draw
     * @param moduleCarriage     probability that a taxon carries a module without known carriers
     * @param rareCarriage       probability that a taxon not listed as a known carrier carries such a module
     * @param backgroundKos      number of KOs outside the module set in the pool
     * @param backgroundCarriage probability that a taxon carries a background KO
     * @param knownCarriers      module id → taxon name prefixes that always carry it
     */
    public record Parameters(long seed, double moduleCarriage, double rareCarriage, int backgroundKos, double backgroundCarriage,
                             Map<String, List<String>> knownCarriers) {
        public Parameters {
            knownCarriers = Map.copyOf(knownCarriers);
            for (double p : new double[]{moduleCarriage, rareCarriage, backgroundCarriage}) {
                if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("probabilities must be in [0, 1]");
            }
            if (backgroundKos < 0 || backgroundKos > 50_000) throw new IllegalArgumentException("backgroundKos must be in 0..50000");
        }

        /** Carriage 0.25, rare carriage 0.02, 200 background KOs carried with probability 0.3, the default known carriers. */
        public static Parameters defaults(long seed) {
            return new Parameters(seed, 0.25, 0.02, 200, 0.3, DEFAULT_KNOWN_CARRIERS);
        }
    }

    /**
     * The stratified KO profile of {@code taxa} (samples × taxa counts): one feature per carried
     * (KO, taxon) pair of every taxon with a non-zero count somewhere, in taxon then KO order.
     */
    public static StratifiedKo simulate(FeatureTable taxa, ModuleSet modules, Parameters p) {
        List<String> pool = backgroundPool(modules.orthologs(), p);
        List<String> functions = new ArrayList<>();
        List<String> taxonOf = new ArrayList<>();
        List<Integer> sourceTaxon = new ArrayList<>();
        List<Integer> copies = new ArrayList<>();
        double[] totals = taxa.featureTotals();
        for (int t = 0; t < taxa.featureCount(); t++) {
            if (totals[t] <= 0) continue;
            String name = taxa.featureIds().get(t);
            for (Map.Entry<String, Integer> e : genome(name, modules, pool, p).entrySet()) {
                functions.add(e.getKey());
                taxonOf.add(name);
                sourceTaxon.add(t);
                copies.add(e.getValue());
            }
        }
        List<String> ids = new ArrayList<>(functions.size());
        for (int f = 0; f < functions.size(); f++) ids.add(functions.get(f) + "|" + taxonOf.get(f));
        FeatureTable.Builder b = new FeatureTable.Builder("simulated KO profile", taxa.sampleIds(), ids);
        FeatureMajor byTaxon = taxa.byFeature();
        for (int f = 0; f < functions.size(); f++) {
            int t = sourceTaxon.get(f);
            for (int k = byTaxon.featureStart(t); k < byTaxon.featureEnd(t); k++) {
                b.add(byTaxon.sampleAt(k), f, byTaxon.valueAt(k) * copies.get(f));
            }
        }
        return new StratifiedKo(b.build(), functions, taxonOf);
    }

    /** One taxon's genome: KO → copies, sorted by KO. */
    static Map<String, Integer> genome(String taxon, ModuleSet modules, List<String> pool, Parameters p) {
        SplittableRandom rnd = new SplittableRandom(p.seed() * 0x9E3779B97F4A7C15L ^ taxon.hashCode() * 0xC2B2AE3D27D4EB4FL);
        Map<String, Integer> genome = new TreeMap<>();
        for (Module m : modules.modules()) {
            List<String> carriers = p.knownCarriers().get(m.id());
            double carriage = carriers == null ? p.moduleCarriage() : isCarrier(taxon, carriers) ? 1 : p.rareCarriage();
            // draw the alternatives even when the module is not carried, so one module's draws never shift another's
            boolean carried = rnd.nextDouble() < carriage;
            for (Step step : m.steps()) {
                List<String> alternative = step.alternatives().get(rnd.nextInt(step.alternatives().size()));
                int n = rnd.nextDouble() < 0.2 ? 2 : 1;
                if (!carried) continue;
                for (String ko : alternative) genome.merge(ko, n, Math::max);
            }
        }
        for (String ko : pool) {
            boolean carried = rnd.nextDouble() < p.backgroundCarriage();
            int n = rnd.nextDouble() < 0.2 ? 2 : 1;
            if (carried) genome.putIfAbsent(ko, n);
        }
        return genome;
    }

    private static boolean isCarrier(String taxon, List<String> prefixes) {
        String t = taxon.toLowerCase(Locale.ROOT);
        for (String prefix : prefixes) if (t.startsWith(prefix.toLowerCase(Locale.ROOT))) return true;
        return false;
    }

    /** {@code backgroundKos} KO ids outside the module set, drawn from K00001..K25000 with the seed. */
    static List<String> backgroundPool(Set<String> moduleKos, Parameters p) {
        SplittableRandom rnd = new SplittableRandom(p.seed());
        Set<String> pool = new TreeSet<>();
        while (pool.size() < p.backgroundKos()) {
            String ko = String.format(Locale.ROOT, "K%05d", 1 + rnd.nextInt(25_000));
            if (!moduleKos.contains(ko) && KoIds.isKo(ko)) pool.add(ko);
        }
        return new ArrayList<>(pool);
    }

    /**
     * How many of the taxa with a non-zero count carry each module completely (for every step,
     * all orthologs of at least one alternative): the truth that module calls on the simulated
     * profile can be compared with.
     */
    public static Map<String, Integer> carriersPerModule(FeatureTable taxa, ModuleSet modules, Parameters p) {
        List<String> pool = backgroundPool(modules.orthologs(), p);
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Module m : modules.modules()) n.put(m.id(), 0);
        double[] totals = taxa.featureTotals();
        for (int t = 0; t < taxa.featureCount(); t++) {
            if (totals[t] <= 0) continue;
            Map<String, Integer> g = genome(taxa.featureIds().get(t), modules, pool, p);
            for (Module m : modules.modules()) {
                boolean all = m.steps().stream().allMatch(s -> s.alternatives().stream().anyMatch(g.keySet()::containsAll));
                if (all) n.merge(m.id(), 1, Integer::sum);
            }
        }
        return n;
    }
}
