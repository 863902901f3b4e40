package io.gutbrain.association;

import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureMajor;
import io.gutbrain.table.FeatureTable;

import java.util.Arrays;

/**
 * Per-sample normalisations of MaAsLin2 (Mallick et al. 2021, PLoS Comput. Biol. 17:e1009442),
 * applied to the table after feature filtering, with MaAsLin2's exact formulas.
 *
 * <ul>
 *   <li>{@link #TSS} total-sum scaling: x / max(ε, Σ_f x) per sample (ε = machine epsilon, as
 *       vegan's {@code decostand("total")} that MaAsLin2 uses).</li>
 *   <li>{@link #CLR} centred log-ratio with pseudo-count 1: log((x + 1)/g), g the geometric mean
 *       of x + 1 over the sample's features.</li>
 *   <li>{@link #CSS} cumulative-sum scaling (Paulson et al. 2013, metagenomeSeq): the
 *       quantile p is chosen from the data by {@code cumNormStat} (the first quantile where the
 *       median over samples of |reference − sample quantile| changes by more than 10%, at least
 *       0.5); each sample's factor is the sum of its counts (minus ε) not above its own
 *       p-quantile of non-zero counts; x / (factor / 1000).</li>
 *   <li>{@link #TMM} trimmed mean of M-values (Robinson &amp; Oshlack 2010, edgeR) against the
 *       sample whose upper-quartile ratio is closest to the mean, log-ratio trim 30%, sum trim
 *       5%, precision weights; factors scaled to geometric mean 1; x · mean(L)/L_s with the
 *       effective library sizes L_s = total_s · factor_s.</li>
 *   <li>{@link #NONE} the values as given.</li>
 * </ul>
 */
public enum Normalization {
    TSS, CLR, CSS, TMM, NONE;

    /** Normalised values of a table, produced feature by feature. Thread-safe. */
    public interface Normalized {
        /** The normalised values of feature {@code f} over all samples (a new array). */
        double[] feature(int f);
    }

    /**
     * Computes the per-sample factors of {@code table} (the filtered table, samples in the
     * order the results will use).
     *
     * @throws InputException for CSS on a sample without any count (metagenomeSeq refuses it too)
     */
    public Normalized prepare(FeatureTable table) {
        FeatureMajor fm = table.byFeature();
        int ns = table.sampleCount();
        int nf = table.featureCount();
        switch (this) {
            case NONE:
                return f -> dense(fm, f, ns, null);
            case TSS: {
                double[] div = new double[ns];
                for (int s = 0; s < ns; s++) div[s] = Math.max(Math.ulp(1.0), table.sampleTotal(s));
                return f -> dense(fm, f, ns, div);
            }
            case CLR: {
                double[] geo = new double[ns];
                for (int s = 0; s < ns; s++) {
                    double sum = 0;
                    for (int k = table.sampleStart(s); k < table.sampleEnd(s); k++) sum += Math.log(table.valueAt(k) + 1);
                    geo[s] = Math.pow(Math.E, sum / nf);
                }
                return f -> {
                    double[] out = new double[ns];
                    for (int s = 0; s < ns; s++) out[s] = Math.log(1 / geo[s]);
                    for (int k = fm.featureStart(f); k < fm.featureEnd(f); k++) {
                        int s = fm.sampleAt(k);
                        out[s] = Math.log((fm.valueAt(k) + 1) / geo[s]);
                    }
                    return out;
                };
            }
            case CSS: {
                double[] div = cssFactors(table);
                for (int s = 0; s < ns; s++) div[s] /= 1000;
                return f -> dense(fm, f, ns, div);
            }
            case TMM: {
                double[] div = tmmDivisors(table);
                return f -> dense(fm, f, ns, div);
            }
            default:
                throw new IllegalStateException();
        }
    }

    private static double[] dense(FeatureMajor fm, int f, int ns, double[] div) {
        double[] out = new double[ns];
        for (int k = fm.featureStart(f); k < fm.featureEnd(f); k++) {
            int s = fm.sampleAt(k);
            out[s] = div == null ? fm.valueAt(k) : fm.valueAt(k) / div[s];
        }
        return out;
    }

    // ------------------------------------------------------------------ CSS

    /** metagenomeSeq's {@code calcNormFactors(x, p = cumNormStat(x))} as MaAsLin2 ships it. */
    static double[] cssFactors(FeatureTable t) {
        int ns = t.sampleCount();
        int nf = t.featureCount();
        double[][] nonzeroSorted = new double[ns][];
        for (int s = 0; s < ns; s++) {
            double[] v = new double[t.sampleEnd(s) - t.sampleStart(s)];
            for (int k = t.sampleStart(s); k < t.sampleEnd(s); k++) v[k - t.sampleStart(s)] = t.valueAt(k);
            Arrays.sort(v);
            if (v.length == 0 || sum(v) == 0) {
                throw new InputException(null, "sample '" + t.sampleIds().get(s) + "'", "CSS normalisation needs counts in every sample but this sample has none after filtering",
                        "remove empty samples or choose another normalisation");
            }
            nonzeroSorted[s] = v;
        }
        // reference: mean over samples of the i-th smallest value (zeros included)
        double[] ref = new double[nf];
        for (int s = 0; s < ns; s++) {
            double[] v = nonzeroSorted[s];
            int zeros = nf - v.length;
            for (int i = 0; i < v.length; i++) ref[zeros + i] += v[i];
        }
        for (int i = 0; i < nf; i++) ref[i] /= ns;
        double[] refS = ref.clone();
        Arrays.sort(refS);
        int k0 = 0;
        while (k0 < nf && !(refS[k0] > 0)) k0++;
        int lo = nf - k0;
        double[] probs = new double[lo];
        for (int i = 0; i < lo; i++) probs[i] = lo == 1 ? 0 : (i == lo - 1 ? 1.0 : i * (1.0 / (lo - 1)));
        double[][] diffr = new double[lo][ns];
        for (int s = 0; s < ns; s++) {
            for (int i = 0; i < lo; i++) diffr[i][s] = Math.abs(refS[k0 + i] - quantile7(nonzeroSorted[s], probs[i]));
        }
        double[] diffr2 = new double[lo];
        for (int i = 0; i < lo; i++) diffr2[i] = median(diffr[i]);
        double x = Double.NaN;
        for (int i = 0; i + 1 < lo; i++) {
            if (Math.abs(diffr2[i + 1] - diffr2[i]) / diffr2[i + 1] > 0.1) {
                x = (double) (i + 1) / lo;
                break;
            }
        }
        if (Double.isNaN(x)) {
            throw new InputException(null, null, "CSS normalisation could not choose its quantile (the sample quantiles never differ from the reference by more than 10%)",
                    "choose another normalisation (TSS or TMM)");
        }
        if (x <= 0.5) x = 0.5;
        double[] factors = new double[ns];
        double eps = Math.ulp(1.0);
        for (int s = 0; s < ns; s++) {
            double q = quantile7(nonzeroSorted[s], x);
            double sum = 0;
            int zeros = nf - nonzeroSorted[s].length;
            if (-eps <= q) sum += zeros * -eps;
            for (double v : nonzeroSorted[s]) if (v - eps <= q) sum += v - eps;
            factors[s] = sum;
        }
        return factors;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s;
    }

    /** R's {@code quantile(x, prob, type = 7)} of sorted values: (1 − h)·x_lo + h·x_hi. */
    static double quantile7(double[] sorted, double prob) {
        int n = sorted.length;
        double index = (n - 1) * prob;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double q = sorted[lo];
        double h = index - lo;
        if (index > lo && sorted[hi] != q) q = (1 - h) * q + h * sorted[hi];
        return q;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

    // ------------------------------------------------------------------ TMM

    /** Divisors L_s / mean(L) so that x / divisor is edgeR-style TMM-normalised (MaAsLin2's TMMnorm). */
    static double[] tmmDivisors(FeatureTable t) {
        int ns = t.sampleCount();
        int nf = t.featureCount();
        double[] lib = t.sampleTotals();
        int[] prev = t.featurePrevalence();
        int[] rowOf = new int[nf];
        int rows = 0;
        for (int f = 0; f < nf; f++) rowOf[f] = prev[f] > 0 ? rows++ : -1;
        double[] factor = new double[ns];
        if (rows == 0 || ns == 1) {
            Arrays.fill(factor, 1.0);
        } else {
            double[][] x = new double[ns][rows];
            for (int s = 0; s < ns; s++) {
                for (int k = t.sampleStart(s); k < t.sampleEnd(s); k++) {
                    int r = rowOf[t.indexAt(k)];
                    if (r >= 0) x[s][r] = t.valueAt(k);
                }
            }
            double[] f75 = new double[ns];
            for (int s = 0; s < ns; s++) {
                double[] c = x[s].clone();
                Arrays.sort(c);
                f75[s] = quantile7(c, 0.75) / lib[s];
            }
            int ref;
            if (median(f75) < 1e-20) {
                ref = 0;
                double best = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < ns; s++) {
                    double sq = 0;
                    for (double v : x[s]) sq += Math.sqrt(v);
                    if (sq > best) { best = sq; ref = s; }
                }
            } else {
                double mean = sum(f75) / ns;
                ref = 0;
                double best = Double.POSITIVE_INFINITY;
                for (int s = 0; s < ns; s++) {
                    double d = Math.abs(f75[s] - mean);
                    if (d < best) { best = d; ref = s; }
                }
            }
            for (int s = 0; s < ns; s++) factor[s] = tmmFactor(x[s], x[ref], lib[s], lib[ref]);
            double meanLog = 0;
            for (double f : factor) meanLog += Math.log(f);
            double gm = Math.exp(meanLog / ns);
            for (int s = 0; s < ns; s++) factor[s] /= gm;
        }
        double[] eff = new double[ns];
        double meanEff = 0;
        for (int s = 0; s < ns; s++) {
            eff[s] = lib[s] * factor[s];
            meanEff += eff[s];
        }
        meanEff /= ns;
        double[] div = new double[ns];
        for (int s = 0; s < ns; s++) div[s] = eff[s] / meanEff;
        return div;
    }

    /** edgeR's {@code .calcFactorTMM} (logratioTrim 0.3, sumTrim 0.05, weighted, Acutoff −1e10). */
    static double tmmFactor(double[] obs, double[] ref, double nO, double nR) {
        int n0 = obs.length;
        double[] logR = new double[n0];
        double[] absE = new double[n0];
        double[] v = new double[n0];
        int n = 0;
        double maxAbs = 0;
        for (int i = 0; i < n0; i++) {
            double lr = log2((obs[i] / nO) / (ref[i] / nR));
            double ae = (log2(obs[i] / nO) + log2(ref[i] / nR)) / 2;
            if (Double.isFinite(lr) && Double.isFinite(ae) && ae > -1e10) {
                logR[n] = lr;
                absE[n] = ae;
                v[n] = (nO - obs[i]) / nO / obs[i] + (nR - ref[i]) / nR / ref[i];
                maxAbs = Math.max(maxAbs, Math.abs(lr));
                n++;
            }
        }
        if (n == 0) return 1.0; // R: max of empty is -Inf < 1e-6
        if (maxAbs < 1e-6) return 1.0;
        logR = Arrays.copyOf(logR, n);
        absE = Arrays.copyOf(absE, n);
        int loL = (int) Math.floor(n * 0.3) + 1;
        int hiL = n + 1 - loL;
        int loS = (int) Math.floor(n * 0.05) + 1;
        int hiS = n + 1 - loS;
        double[] rL = io.gutbrain.stats.Ranks.average(logR);
        double[] rE = io.gutbrain.stats.Ranks.average(absE);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            if (rL[i] >= loL && rL[i] <= hiL && rE[i] >= loS && rE[i] <= hiS) {
                num += logR[i] / v[i];
                den += 1 / v[i];
            }
        }
        double f = num / den;
        if (Double.isNaN(f)) f = 0;
        return Math.pow(2, f);
    }

    private static double log2(double x) { return Math.log(x) / Math.log(2); }
}
