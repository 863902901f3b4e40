package io.gutbrain.diversity.unifrac;

import io.gutbrain.distance.DistanceMatrix;
import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.util.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static io.gutbrain.diversity.unifrac.UniFracVariant.GENERALIZED;
import static io.gutbrain.diversity.unifrac.UniFracVariant.UNWEIGHTED;
import static io.gutbrain.diversity.unifrac.UniFracVariant.WEIGHTED_NORMALIZED;
import static io.gutbrain.diversity.unifrac.UniFracVariant.WEIGHTED_UNNORMALIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UniFracTest {
    /*
     * Hand-computed case. Tree ((A:1,B:2)AB:3,C:4)root:5, post-order nodes 0=A 1=B 2=AB 3=C 4=root.
     * Counts: s1 = (A 1, B 3, C 0), total 4; s2 = (A 0, B 2, C 2), total 4.
     * Proportions u (s1) and v (s2) per node, with branch length b:
     *   A  b=1: u=0.25 v=0
     *   B  b=2: u=0.75 v=0.5
     *   AB b=3: u=1    v=0.5   (A + B)
     *   C  b=4: u=0    v=0.5
     *   root: its length 5 is ignored (striped UniFrac does; scikit-bio would add it).
     * The same numbers come out of ssu 1.2 (-m *_fp64) on this table and tree.
     */
    private static final PhyloTree TREE = new PhyloTree(new int[]{2, 2, 4, 4, -1},
            new double[]{1, 2, 3, 4, 5}, new String[]{"A", "B", "AB", "C", "root"});
    private static final FeatureTable TABLE = FeatureTable.fromDense("hand", List.of("s1", "s2"),
            List.of("A", "B", "C"), new double[][]{{1, 3, 0}, {0, 2, 2}});

    private static double hand(UniFracVariant v, double alpha) {
        return UniFrac.compute(TABLE, TREE, v, alpha, 1, false, ProgressListener.NONE).distances().get(0, 1);
    }

    @Test
    void unweightedByHand() {
        // present in s1: A, B, AB; in s2: B, AB, C.
        // only one sample: A (1) + C (4) = 5; either sample: 1 + 2 + 3 + 4 = 10; 5 / 10
        assertThat(hand(UNWEIGHTED, 0)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void weightedUnnormalizedByHand() {
        // Σ b|u − v| = 1·0.25 + 2·0.25 + 3·0.5 + 4·0.5 = 4.25
        assertThat(hand(WEIGHTED_UNNORMALIZED, 0)).isCloseTo(4.25, within(1e-14));
    }

    @Test
    void weightedNormalizedByHand() {
        // denominator Σ b(u + v) = 1·0.25 + 2·1.25 + 3·1.5 + 4·0.5 = 9.25, equal to Σ over tips of
        // depth × (u + v) = 4·0.25 + 5·1.25 + 4·0.5; 4.25 / 9.25 = 17/37
        assertThat(hand(WEIGHTED_NORMALIZED, 0)).isCloseTo(17.0 / 37, within(1e-15));
    }

    @Test
    void generalizedByHand() {
        // α = 0.5, per node b·(u+v)^α·|u−v|/(u+v) over b·(u+v)^α:
        //   A: s = 0.25, |u−v|/s = 1;  B: s = 1.25, 0.25/1.25 = 0.2;  AB: s = 1.5, 0.5/1.5 = 1/3;  C: s = 0.5, 1
        double num = 1 * Math.sqrt(0.25) * 1 + 2 * Math.sqrt(1.25) * 0.2 + 3 * Math.sqrt(1.5) / 3 + 4 * Math.sqrt(0.5) * 1;
        double den = 1 * Math.sqrt(0.25) + 2 * Math.sqrt(1.25) + 3 * Math.sqrt(1.5) + 4 * Math.sqrt(0.5);
        assertThat(hand(GENERALIZED, 0.5)).isCloseTo(num / den, within(1e-15)).isCloseTo(0.5412416798762004, within(1e-15));
        // α = 0: Σ b|u−v|/(u+v) / Σ b = (1 + 2·0.2 + 3/3 + 4) / 10
        assertThat(hand(GENERALIZED, 0)).isCloseTo(0.64, within(1e-15));
        // α = 1 is weighted normalized
        assertThat(hand(GENERALIZED, 1)).isCloseTo(17.0 / 37, within(1e-15));
    }

    @Test
    void missingLengthCountsAsZeroAndUnusedTipsAreIgnored() {
        // ((A:1,B)AB:3,C:4,D:6)root: B's length is missing (counts 0) and the table has no D.
        // s1 = {A, B}, s2 = {B, C}: only one sample A (1) + C (4) = 5; either 1 + 0 + 3 + 4 = 8
        PhyloTree t = new PhyloTree(new int[]{2, 2, 5, 5, 5, -1}, new double[]{1, Double.NaN, 3, 4, 6, Double.NaN},
                new String[]{"A", "B", null, "C", "D", "root"});
        DistanceMatrix d = UniFrac.compute(TABLE, t, UNWEIGHTED, 0, 1, false, null).distances();
        assertThat(d.get(0, 1)).isCloseTo(5.0 / 8, within(1e-15));
    }

    @Test
    void singleChildBelowRootIsKeptAsInSsu() {
        // (((A:1,B:2):3,C:4):7,D:6)root with D not in the table: the branch of length 7 stays,
        // as ssu 1.2 computes (0.2941176470588235 = 5/17 for s1={A,B}, s2={B,C} there)
        PhyloTree t = new PhyloTree(new int[]{2, 2, 4, 4, 6, 6, -1}, new double[]{1, 2, 3, 4, 7, 6, Double.NaN},
                new String[]{"A", "B", null, "C", null, "D", "root"});
        assertThat(UniFrac.compute(TABLE, t, UNWEIGHTED, 0, 1, false, null).distances().get(0, 1))
                .isCloseTo(5.0 / 17, within(1e-15));
    }

    @Test
    void zeroDepthSamplesAreExcludedWithAWarning() {
        FeatureTable t = FeatureTable.fromDense("x", List.of("s1", "empty", "s2"), List.of("A", "B", "C"),
                new double[][]{{1, 3, 0}, {0, 0, 0}, {0, 2, 2}});
        UniFracResult r = UniFrac.compute(t, TREE, WEIGHTED_NORMALIZED, 0, 1, false, null);
        assertThat(r.excludedSamples()).containsExactly("empty");
        assertThat(r.warnings()).singleElement().asString().contains("'empty'");
        assertThat(r.distances().ids()).containsExactly("s1", "s2");
        assertThat(r.distances().get(0, 1)).isCloseTo(17.0 / 37, within(1e-15));
    }

    @Test
    void fewerThanTwoSamplesGiveAnEmptyMatrix() {
        FeatureTable one = FeatureTable.fromDense("x", List.of("s1", "empty"), List.of("A", "B", "C"),
                new double[][]{{1, 3, 0}, {0, 0, 0}});
        UniFracResult r = UniFrac.compute(one, TREE, UNWEIGHTED, 0, 2, false, null);
        assertThat(r.distances().ids()).containsExactly("s1");
        assertThat(r.excludedSamples()).containsExactly("empty");
    }

    @Test
    void zeroLengthBranchesGiveDistanceZero() {
        // every branch has length 0: numerator and denominator are 0, taken as distance 0
        PhyloTree flat = new PhyloTree(new int[]{2, 2, 4, 4, -1}, new double[]{0, 0, 0, 0, 0},
                new String[]{"A", "B", "AB", "C", "root"});
        for (UniFracVariant v : UniFracVariant.values()) {
            assertThat(UniFrac.compute(TABLE, flat, v, 0.5, 1, false, null).distances().get(0, 1)).as(v.cliName()).isZero();
        }
    }

    @Test
    void aLabelOnTwoTipsIsRejected() {
        PhyloTree twice = new PhyloTree(new int[]{2, 2, 4, 4, -1}, new double[]{1, 2, 3, 4, 5},
                new String[]{"A", "B", "AB", "A", "root"});
        FeatureTable t = FeatureTable.fromDense("x", List.of("s1", "s2"), List.of("A", "B"), new double[][]{{1, 3}, {0, 2}});
        assertThatThrownBy(() -> UniFrac.compute(t, twice, UNWEIGHTED, 0, 1, false, null))
                .isInstanceOf(InputException.class).hasMessageContaining("tree tip 'A'");
    }

    @Test
    void featuresMissingFromTheTreeAreNamed() {
        List<String> ids = List.of("A", "B", "C", "X1", "X2", "X3", "X4", "X5", "X6");
        FeatureTable t = FeatureTable.fromDense("x", List.of("s"), ids, new double[][]{{1, 1, 1, 1, 1, 1, 1, 1, 1}});
        assertThatThrownBy(() -> UniFrac.compute(t, TREE, UNWEIGHTED, 0, 1, false, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("6 of 9")
                .hasMessageContaining("'X1', 'X2', 'X3', 'X4', 'X5', ...");
    }

    @Test
    void negativeBranchLengthNamesTheNode() {
        PhyloTree t = new PhyloTree(new int[]{2, 2, 4, 4, -1}, new double[]{1, 2, -3, 4, 5},
                new String[]{"A", "B", null, "C", "root"});
        assertThatThrownBy(() -> UniFrac.compute(TABLE, t, WEIGHTED_NORMALIZED, 0, 1, false, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("negative branch length -3.0")
                .hasMessageContaining("spanning tips 'A' to 'B'");
    }

    @Test
    void alphaOutsideUnitIntervalIsRejected() {
        assertThatThrownBy(() -> hand(GENERALIZED, 1.5)).isInstanceOf(InputException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> hand(GENERALIZED, Double.NaN)).isInstanceOf(InputException.class);
    }

    @Test
    void variantCliNames() {
        assertThat(UniFracVariant.fromCliName("weighted-unifrac")).isEqualTo(WEIGHTED_UNNORMALIZED);
        assertThat(UniFracVariant.fromCliName("weighted-normalized-unifrac")).isEqualTo(WEIGHTED_NORMALIZED);
        assertThatThrownBy(() -> UniFracVariant.fromCliName("weighted"))
                .isInstanceOf(InputException.class).hasMessageContaining("unweighted-unifrac");
    }

    // ------------------------------------------------------------------ against the definition

    /**
     * Random multifurcating trees and tables of various densities, compared with a direct
     * evaluation of the definitions (every non-root node for every pair). Covers the sparse,
     * dense and complement paths, several blocks, threads and single precision.
     */
    @Test
    void matchesDirectDefinitionOnRandomInputs() {
        Random rnd = new Random(42);
        for (int rep = 0; rep < 12; rep++) {
            int tips = 5 + rnd.nextInt(60);
            int samples = 2 + rnd.nextInt(40);
            double density = new double[]{0.05, 0.3, 0.9}[rep % 3];
            PhyloTree tree = randomTree(rnd, tips + 3, rnd.nextBoolean());
            FeatureTable table = randomTable(rnd, samples, tips, density);
            for (UniFracVariant v : UniFracVariant.values()) {
                double alpha = v == GENERALIZED ? new double[]{0, 0.5, 0.3, 1}[rep % 4] : 0;
                double[][] want = direct(table, tree, v, alpha);
                UniFracResult one = UniFrac.compute(table, tree, v, alpha, 1, false, null);
                UniFracResult blocks = UniFrac.compute(table, tree, v, alpha, 2, false, null, 2000);
                UniFracResult single = UniFrac.compute(table, tree, v, alpha, 2, true, null, rep % 2 == 0 ? 2000 : Long.MAX_VALUE);
                List<String> ids = one.distances().ids();
                for (int i = 0; i < ids.size(); i++) {
                    int si = table.sampleIndex(ids.get(i));
                    for (int j = i + 1; j < ids.size(); j++) {
                        double w = want[si][table.sampleIndex(ids.get(j))];
                        assertThat(one.distances().get(i, j)).as("%s rep %d (%d,%d)", v, rep, i, j).isCloseTo(w, within(1e-12 * Math.max(1, w)));
                        assertThat(blocks.distances().get(i, j)).isCloseTo(w, within(1e-12 * Math.max(1, w)));
                        assertThat(single.distances().get(i, j)).isCloseTo(w, within(1e-6 * Math.max(1, w)));
                    }
                }
            }
        }
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        Random rnd = new Random(7);
        PhyloTree tree = randomTree(rnd, 300, false);
        FeatureTable table = randomTable(rnd, 120, 300, 0.2);
        for (UniFracVariant v : UniFracVariant.values()) {
            double[] a = UniFrac.compute(table, tree, v, 0.5, 1, false, null).distances().condensedDoubles();
            double[] b = UniFrac.compute(table, tree, v, 0.5, 2, false, null).distances().condensedDoubles();
            assertThat(b).as(v.cliName()).containsExactly(a);
        }
    }

    @Test
    void progressCountsEveryPair() {
        Random rnd = new Random(3);
        PhyloTree tree = randomTree(rnd, 50, false);
        FeatureTable table = randomTable(rnd, 30, 50, 0.2);
        for (long budget : new long[]{Long.MAX_VALUE, 1000}) {
            AtomicLong done = new AtomicLong();
            UniFracResult r = UniFrac.compute(table, tree, UNWEIGHTED, 0, 2, false, done::addAndGet, budget);
            // sample S1 is empty and left out: 29 samples remain
            assertThat(r.distances().size()).isEqualTo(29);
            assertThat(done.get()).isEqualTo(29 * 28 / 2);
        }
    }

    /** The definitions evaluated literally: per pair, every non-root node of the tree. */
    private static double[][] direct(FeatureTable t, PhyloTree tree, UniFracVariant v, double alpha) {
        int ns = t.sampleCount(), m = tree.nodeCount();
        double[][] prop = new double[ns][m];
        for (int s = 0; s < ns; s++) {
            double total = t.sampleTotal(s);
            for (int f = 0; f < t.featureCount(); f++) prop[s][tree.tipIndex(t.featureIds().get(f))] = t.get(s, f) / total;
            for (int node = 0; node < m - 1; node++) prop[s][tree.parent(node)] += prop[s][node];
        }
        double[][] d = new double[ns][ns];
        for (int i = 0; i < ns; i++) {
            for (int j = 0; j < ns; j++) {
                double num = 0, den = 0;
                for (int node = 0; node < m - 1; node++) {
                    double b = Double.isNaN(tree.branchLength(node)) ? 0 : tree.branchLength(node);
                    double u = prop[i][node], w = prop[j][node];
                    switch (v) {
                        case UNWEIGHTED:
                            if ((u > 0) != (w > 0)) num += b;
                            if (u > 0 || w > 0) den += b;
                            break;
                        case GENERALIZED:
                            if (u + w > 0) {
                                double sa = b * Math.pow(u + w, alpha);
                                num += sa * Math.abs(u - w) / (u + w);
                                den += sa;
                            }
                            break;
                        default:
                            num += b * Math.abs(u - w);
                            den += b * (u + w);
                    }
                }
                d[i][j] = v == WEIGHTED_UNNORMALIZED ? num : den == 0 ? 0 : num / den;
            }
        }
        return d;
    }

    /** Random rooted tree: tips F0.. joined in random groups of 2–4; some lengths missing or 0. */
    static PhyloTree randomTree(Random rnd, int tips, boolean withGaps) {
        List<Integer> open = new ArrayList<>();
        int[] parent = new int[2 * tips];
        double[] len = new double[2 * tips];
        String[] name = new String[2 * tips];
        int next = 0;
        for (int t = 0; t < tips; t++) { open.add(next); name[next] = "F" + t; next++; }
        while (open.size() > 1) {
            int k = Math.min(open.size(), 2 + rnd.nextInt(3));
            for (int c = 0; c < k; c++) parent[open.remove(rnd.nextInt(open.size()))] = next;
            open.add(next++);
        }
        for (int i = 0; i < next; i++) {
            double r = rnd.nextDouble();
            len[i] = withGaps && r < 0.05 ? Double.NaN : withGaps && r < 0.1 ? 0 : rnd.nextDouble();
        }
        parent[next - 1] = -1;
        return new PhyloTree(java.util.Arrays.copyOf(parent, next), java.util.Arrays.copyOf(len, next),
                java.util.Arrays.copyOf(name, next));
    }

    /** Random count table over tips F0..F(features−1), with one empty sample now and then. */
    static FeatureTable randomTable(Random rnd, int samples, int features, double density) {
        List<String> s = new ArrayList<>();
        List<String> f = new ArrayList<>();
        for (int i = 0; i < samples; i++) s.add("S" + i);
        for (int i = 0; i < features; i++) f.add("F" + i);
        double[][] x = new double[samples][features];
        for (int i = 0; i < samples; i++) {
            if (i == 1 && samples > 3) continue;
            for (int j = 0; j < features; j++) if (rnd.nextDouble() < density) x[i][j] = 1 + rnd.nextInt(100);
        }
        return FeatureTable.fromDense("random", s, f, x);
    }
}
