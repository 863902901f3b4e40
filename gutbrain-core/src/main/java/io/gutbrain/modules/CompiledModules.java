package io.gutbrain.modules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ModuleSet} flattened into primitive arrays for scoring millions of (sample, module)
 * pairs without allocation: module → steps → alternatives → orthologs as nested CSR ranges over
 * a compact KO index space (only the KOs the set mentions).
 *
 * <p><b>Why no path enumeration.</b> Omixer-RPM enumerates every path (one alternative per
 * step, the Cartesian product) and keeps the one with the highest coverage, then the highest
 * score. Choosing the highest-valued alternative at every step gives that same path's coverage
 * and score: a step is observed on some path exactly when its best alternative is positive, so
 * per-step maxima reach the maximum coverage; among maximum-coverage paths the observed steps are
 * the same, and both the sum (average) and the median of step values are non-decreasing in
 * every step value. The median's zero replacement keeps this: paths of maximum coverage have
 * the same zeros, so their medians are 0 together, and then the smallest positive value is
 * again largest for the per-step maxima. Cost: linear in the module's size, not exponential.
 */
final class CompiledModules {
    final String[] kos;
    final Map<String, Integer> koIndex;
    final int[] stepPtr;     // module m: steps [stepPtr[m], stepPtr[m+1])
    final int[] altPtr;      // step st: alternatives [altPtr[st], altPtr[st+1])
    final int[] memberPtr;   // alternative a: members [memberPtr[a], memberPtr[a+1])
    final int[] members;     // KO indices
    final double[] divisor;  // per KO: number of distinct modules that contain it
    final int[][] modulesOfKo;
    final int maxSteps;

    CompiledModules(ModuleSet set) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Integer> stepP = new ArrayList<>(), altP = new ArrayList<>(), memP = new ArrayList<>(), mem = new ArrayList<>();
        Map<Integer, List<Integer>> mods = new HashMap<>();
        int max = 0;
        stepP.add(0);
        altP.add(0);
        memP.add(0);
        for (int m = 0; m < set.size(); m++) {
            Module mod = set.get(m);
            max = Math.max(max, mod.steps().size());
            for (Step st : mod.steps()) {
                for (List<String> alt : st.alternatives()) {
                    for (String ko : alt) {
                        int k = index.computeIfAbsent(ko, x -> index.size());
                        mem.add(k);
                        List<Integer> l = mods.computeIfAbsent(k, x -> new ArrayList<>());
                        if (l.isEmpty() || l.get(l.size() - 1) != m) l.add(m);
                    }
                    memP.add(mem.size());
                }
                altP.add(memP.size() - 1);
            }
            stepP.add(altP.size() - 1);
        }
        this.koIndex = Map.copyOf(index);
        this.kos = index.keySet().toArray(new String[0]);
        this.stepPtr = toArray(stepP);
        this.altPtr = toArray(altP);
        this.memberPtr = toArray(memP);
        this.members = toArray(mem);
        this.divisor = new double[kos.length];
        this.modulesOfKo = new int[kos.length][];
        for (int k = 0; k < kos.length; k++) {
            modulesOfKo[k] = toArray(mods.get(k));
            divisor[k] = modulesOfKo[k].length;
        }
        this.maxSteps = max;
    }

    private static int[] toArray(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }

    int moduleCount() { return stepPtr.length - 1; }

    /** Compact KO index of a feature id (after {@link KoIds#normalize}), or -1. */
    int koOf(String featureId) {
        String ko = KoIds.normalize(featureId);
        if (ko == null) return -1;
        Integer k = koIndex.get(ko);
        return k == null ? -1 : k;
    }

    /**
     * Scores module {@code m} on KO values {@code kv}: writes its coverage to {@code out[0]} and
     * its abundance estimate to {@code out[1]}.
     *
     * @param scratch at least {@link #maxSteps} doubles, overwritten
     */
    void score(int m, double[] kv, Estimator estimator, boolean normalizeByLength, double[] scratch, double[] out) {
        int first = stepPtr[m], last = stepPtr[m + 1];
        int steps = last - first;
        int observed = 0, n = 0;
        double sum = 0;
        for (int st = first; st < last; st++) {
            double best = 0;
            for (int a = altPtr[st], ae = altPtr[st + 1]; a < ae; a++) {
                int b = memberPtr[a], e = memberPtr[a + 1];
                double s = 0;
                for (int i = b; i < e; i++) s += kv[members[i]];
                double v = s / (e - b);
                if (v > best) best = v;
            }
            if (best > 0) {
                observed++;
                sum += best;
                scratch[n++] = best;
            } else if (normalizeByLength) {
                scratch[n++] = 0;
            }
        }
        out[0] = observed / (double) steps;
        if (observed == 0) {
            out[1] = 0;
        } else if (estimator == Estimator.AVERAGE) {
            out[1] = sum / (normalizeByLength ? steps : observed);
        } else {
            out[1] = medianOrSmallestPositive(scratch, n);
        }
    }

    /**
     * The median of {@code v[0..n)} (sorted in place) as Apache Commons Math's {@code Median}
     * computes it, the estimator Omixer-RPM uses: position p = (n + 1) / 2, interpolating
     * {@code lower + (p - floor(p)) * (upper - lower)}; a median of 0 is replaced by the smallest
     * positive value.
     */
    static double medianOrSmallestPositive(double[] v, int n) {
        for (int i = 1; i < n; i++) {
            double x = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > x) { v[j + 1] = v[j]; j--; }
            v[j + 1] = x;
        }
        double pos = (n + 1) / 2.0;
        int fpos = (int) Math.floor(pos);
        double median;
        if (pos >= n) median = v[n - 1];
        else {
            double lower = v[fpos - 1], upper = v[fpos];
            median = lower + (pos - fpos) * (upper - lower);
        }
        if (median == 0) {
            for (int i = 0; i < n; i++) if (v[i] > 0) return v[i];
        }
        return median;
    }
}
